package io.shopscore.problem;

import java.util.List;

/**
 * A failure that the client caused or must know about. Services throw these; the one mapper turns
 * them into problems. The message is the problem's {@code detail}, so it must be fit for clients.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    protected ProblemException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.problem = Problem.of(type, detail);
    }

    private ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException gone(String detail) {
        return new ProblemException(ProblemType.GONE, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    /** The service cannot take the request now; the client should try again shortly. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(ProblemType.UNAVAILABLE, detail);
    }

    /** Bad input found outside Bean Validation (query strings parsed by hand, cross-field rules). */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(List.of(new Problem.Violation(field, message))));
    }
}
