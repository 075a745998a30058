package io.shopscore.score;

/**
 * A review's grade: a whole number from 1 to 10, read as Dutch school grades are (the API field is
 * {@code score}, as in the contract). The one place that says what a grade means: which grades are
 * negative and which colour band a grade (or an average) is shown in. The widget follows the same
 * bands in its own source.
 */
public record Grade(int value) {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 10;
    /** 5 and lower fail: those are the negative reviews, the complaints a shop should answer. */
    public static final int HIGHEST_NEGATIVE = 5;

    public Grade {
        if (value < LOWEST || value > HIGHEST) {
            throw new IllegalArgumentException("A grade is " + LOWEST + " to " + HIGHEST + ", not " + value);
        }
    }

    public boolean negative() {
        return value <= HIGHEST_NEGATIVE;
    }

    public Band band() {
        return Band.of(value);
    }

    /** Colour bands: below 6 fails, 6 and 7 pass, 8 and up is good. */
    public enum Band {
        POOR, FAIR, GOOD;

        /** The band of a grade or of an average of grades (7.9 is still fair). */
        public static Band of(double grade) {
            if (grade < HIGHEST_NEGATIVE + 1) {
                return POOR;
            }
            return grade < 8 ? FAIR : GOOD;
        }

        /** The name pages use as a CSS class. */
        public String css() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
