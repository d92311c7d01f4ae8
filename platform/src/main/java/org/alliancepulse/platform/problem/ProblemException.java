package org.alliancepulse.platform.problem;

import java.util.List;

/**
 * A request the service will not carry out, thrown before anything is stored. The detail is shown to the caller:
 * it must name what was wrong with the request, never data about a person.
 */
public class ProblemException extends RuntimeException {

    /**
     * The type of a 409 that will pass by itself: what the request refers to has not reached this service yet (an
     * event still on its way from another service). A client retries it after {@code Retry-After}; every other 409
     * ({@code about:blank}) needs a different request.
     */
    public static final String NOT_YET_KNOWN = "urn:problem-type:alliance-pulse:not-yet-known";

    private final transient Problem problem;
    private final Integer retryAfterSeconds;
    private final boolean outOfScope;

    public ProblemException(Problem problem) {
        this(problem, null, false);
    }

    private ProblemException(Problem problem, Integer retryAfterSeconds, boolean outOfScope) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
        this.outOfScope = outOfScope;
    }

    public Problem problem() {
        return problem;
    }

    /** @return seconds for a {@code Retry-After} header, or null when retrying the same request will not help */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** @return whether this 404 hides a record that exists but is not the caller's (a security event) */
    public boolean outOfScope() {
        return outOfScope;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(400, "Invalid request", detail));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(new Problem("about:blank", "Invalid request", 400, field + ": " + message,
                List.of(new Problem.Violation(field, message))));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "Forbidden", detail));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not found", detail));
    }

    /**
     * A 404 for a record that exists but is another clinic's (or another therapist's): answered exactly as
     * {@link #notFound}, so the caller learns nothing, and logged as a refused access for the operators, who do
     * need to see someone reaching outside their clinic.
     */
    public static ProblemException outOfScope(String detail) {
        return new ProblemException(Problem.of(404, "Not found", detail), null, true);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    /** A 409 of type {@link #NOT_YET_KNOWN}, to retry in a couple of seconds. */
    public static ProblemException notYetKnown(String detail) {
        return new ProblemException(new Problem(NOT_YET_KNOWN, "Not known yet", 409, detail, List.of()), 2, false);
    }

    /** A 429: too many requests; {@code Retry-After} says when the caller may try again. */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(Problem.of(429, "Too many requests", detail),
                (int) Math.min(Integer.MAX_VALUE, Math.max(1, retryAfterSeconds)), false);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(Problem.of(422, "Cannot be processed", detail));
    }
}
