package org.alliancepulse.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which request paths a resource's path template matches, for the 405's Allow header. */
class AllowedMethodsTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "/api/clients/{id}           | /api/clients/3f1c2d4e          | true",
            "/api/clients/{id}           | /api/clients/3f1c2d4e/         | true",
            "/api/clients/{id}           | /api/clients                   | false",
            "/api/clients/{id}           | /api/clients/a/export          | false",
            "/api/clients//{id}/export   | /api/clients/a/export          | true",
            "/api/clients/               | /api/clients                   | true",
            "/api/sessions/{id}/feedback/{instrument} | /api/sessions/s/feedback/WAI-SR | true",
            "/api/items/{n: \\d+}        | /api/items/12                  | true",
            "/api/items/{n: \\d+}        | /api/items/twelve              | false",
            "/api/a.b                    | /api/aXb                       | false" })
    void aTemplateMatchesThePathsItRoutes(String template, String path, boolean matches) {
        assertEquals(matches, AllowedMethods.template(template.trim()).matcher(path.trim()).matches());
    }
}
