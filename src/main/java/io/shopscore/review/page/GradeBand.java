package io.shopscore.review.page;

/** Colour bands of grades, as Dutch readers read school grades: below 6 fails, 6 and 7 pass, 8 and up is good. */
final class GradeBand {

    private GradeBand() {
    }

    static String of(int grade) {
        if (grade < 6) {
            return "poor";
        }
        return grade < 8 ? "fair" : "good";
    }
}
