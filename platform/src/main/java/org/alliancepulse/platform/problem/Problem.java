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

    /** Violations listed at most: a body of 60,000 wrong keys is answered in a page, not in megabytes. */
    static final int MAX_VIOLATIONS = 50;

    /** Characters of {@code detail} at most, for the same reason. */
    static final int MAX_DETAIL = 2000;

    public Problem {
        if (violations != null && violations.size() > MAX_VIOLATIONS) {
            List<Violation> listed = new java.util.ArrayList<>(violations.subList(0, MAX_VIOLATIONS));
            listed.add(new Violation("...", (violations.size() - MAX_VIOLATIONS) + " more not listed"));
            violations = List.copyOf(listed);
        }
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + " ... (cut)";
        }
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }

    /** @param field the JSON property or parameter, e.g. {@code answers[2]} */
    public record Violation(String field, String message) {
    }
}
