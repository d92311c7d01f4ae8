package org.alliancepulse.platform.problem;

import java.util.List;

/**
 * A request the service will not carry out, thrown before anything is stored. The detail is shown to the caller:
 * it must name what was wrong with the request, never data about a person.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
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

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(Problem.of(422, "Cannot be processed", detail));
    }
}
