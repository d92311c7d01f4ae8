package org.alliancepulse.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.testinfra.contract.PackageClasses;
import org.junit.jupiter.api.Test;

/** A guard: an endpoint added later cannot forget the Idempotency-Key. */
class IdempotentEndpointsTest {

    @Test
    void everyPostEndpointIsIdempotentTransactionalAndAnswersWithAResponse() {
        List<Method> posts = PackageClasses.of("org.alliancepulse.intake").stream()
                .filter(type -> type.isAnnotationPresent(Path.class))
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(POST.class))
                .toList();
        assertTrue(posts.stream().anyMatch(method -> method.getName().equals("assign")),
                "the scan finds the service's endpoints: " + posts);

        List<String> unguarded = posts.stream()
                .filter(method -> !method.isAnnotationPresent(Idempotent.class)
                        || !method.isAnnotationPresent(Transactional.class)
                        || !Response.class.equals(method.getReturnType()))
                .map(method -> method.getDeclaringClass().getSimpleName() + "." + method.getName())
                .sorted().toList();
        assertEquals(List.of(), unguarded, "POST endpoints need @Transactional @Idempotent and a Response");
    }
}
