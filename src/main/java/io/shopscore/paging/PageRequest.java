package io.shopscore.paging;

import io.shopscore.problem.ProblemException;

/**
 * A validated {@code page} and {@code size} from a query string. Parsed by hand rather than bound
 * to {@code int} parameters, because JAX-RS answers a non-numeric query parameter with 404 where
 * the client deserves a 400 that names the parameter.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Offsets beyond this cost the database more than any reader needs; deep lists use filters. */
    private static final long MAX_OFFSET = 1_000_000;

    public static PageRequest of(String page, String size) {
        int pageNumber = parse("page", page, 0);
        int pageSize = parse("size", size, DEFAULT_SIZE);
        if (pageNumber < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) pageNumber * pageSize > MAX_OFFSET) {
            throw ProblemException.invalid("page", "is too far into the list");
        }
        return new PageRequest(pageNumber, pageSize);
    }

    public int offset() {
        return page * size;
    }

    private static int parse(String name, String value, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-')) {
            throw ProblemException.invalid(name, "must be a whole number");
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a whole number");
        }
    }
}
