package io.shopscore.problem;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A failure that the client caused or must know about. Services throw these; the one mapper turns
 * them into problems. The message is the problem's {@code detail}, so it must be fit for clients.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Long retryAfterSeconds;

    protected ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail), null);
    }

    private ProblemException(Problem problem, Long retryAfterSeconds) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** How long the client should wait before asking again ({@code Retry-After}), when the problem says. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds == null ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    /** As {@link #notFound(String)}, with extension members in the problem (another service's error fields). */
    public static ProblemException notFound(String detail, Map<String, Object> members) {
        return new ProblemException(Problem.of(ProblemType.NOT_FOUND, detail).with(members), null);
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

    /** The request's body is larger than the service takes: 413. */
    public static ProblemException tooLarge(String detail) {
        return new ProblemException(ProblemType.CONTENT_TOO_LARGE, detail);
    }

    /** The service cannot take the request now; the client should try again shortly. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(ProblemType.UNAVAILABLE, detail);
    }

    /** As {@link #unavailable(String)}, asking the client to wait this many seconds ({@code Retry-After}). */
    public static ProblemException unavailable(String detail, long retryAfterSeconds) {
        return new ProblemException(Problem.of(ProblemType.UNAVAILABLE, detail), Math.max(1, retryAfterSeconds));
    }

    /** Over a limit: 429, to be asked again after the given number of seconds (at least one). */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(Problem.of(ProblemType.TOO_MANY_REQUESTS, detail), Math.max(1, retryAfterSeconds));
    }

    /** Several fields of one input are bad (found outside Bean Validation): each is named. */
    public static ProblemException invalid(List<Problem.Violation> violations) {
        return new ProblemException(Problem.invalid(violations), null);
    }

    /** A credential other than a bearer token (a platform's webhook signature) is missing or wrong. */
    public static ProblemException unauthorized(String detail) {
        return new ProblemException(ProblemType.UNAUTHORIZED, detail);
    }

    /** Bad input found outside Bean Validation (query strings parsed by hand, cross-field rules). */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(List.of(new Problem.Violation(field, message))), null);
    }
}
