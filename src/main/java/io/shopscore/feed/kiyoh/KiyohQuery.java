package io.shopscore.feed.kiyoh;

import java.time.Instant;

import io.shopscore.problem.ProblemException;

/**
 * What a KiYoh client asks for: the newest {@code limit} reviews (default 10, at most the
 * configured maximum: a larger number is lowered, not refused, as clients ask for "a lot"),
 * written since {@code dateSince} and changed since {@code updatedSince}.
 */
public record KiyohQuery(int limit, Instant dateSince, Instant updatedSince) {

    static final int DEFAULT_LIMIT = 10;

    /** No reviews at all: the statistics endpoint. */
    static final KiyohQuery FIGURES_ONLY = new KiyohQuery(0, null, null);

    /** The query of the parameters as sent; a limit that is no whole number of at least 1, or an unreadable date, is a 400. */
    static KiyohQuery of(String limit, String dateSince, String updatedSince, int maxLimit) {
        return new KiyohQuery(limit(limit, maxLimit), KiyohDates.parse("dateSince", dateSince), KiyohDates.parse("updatedSince", updatedSince));
    }

    private static int limit(String value, int maxLimit) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        String digits = value.strip();
        if (!digits.matches("\\d{1,9}") || Integer.parseInt(digits) < 1) {
            throw ProblemException.invalid("limit", "must be a whole number of at least 1");
        }
        return Math.min(Integer.parseInt(digits), maxLimit);
    }
}
