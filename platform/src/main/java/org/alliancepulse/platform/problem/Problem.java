package org.alliancepulse.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every 4xx and 5xx answer.
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param violations for invalid input, which field and why
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }

    /** @param field the JSON property or parameter, e.g. {@code answers[2]} */
    public record Violation(String field, String message) {
    }
}
