package io.shopscore.dashboard;

import java.util.List;

/** What the overview page shows: the top numbers, then what needs an answer, then the newest reviews. */
public record Overview(String lang, String slug, String shopName, String member, String formToken, String average, long count,
        Integer recommendPercentage, long negative, long responded, Integer responseRate, String medianHours,
        Chart chart, Chart narrowChart, List<Waiting> waiting, List<Recent> newest) {

    /** A negative review still without an answer, and how long it has waited. */
    public record Waiting(long id, int grade, String title, String text, String writtenOn, long daysWaiting) {
    }

    public record Recent(long id, int grade, String band, String title, String text, String author, String writtenOn, boolean answered) {
    }

    /**
     * The monthly trend as an SVG: the mean grade of each month as a point, its count under it,
     * with axes. {@code name} tells the wide layout from the narrow one (for phones) apart.
     */
    public record Chart(String name, int width, int height, int gridX, int tickX, int monthY, int countY, List<Tick> yTicks,
            List<Column> columns, String line) {
    }

    public record Tick(int y, String label) {
    }

    /** A month: {@code labelled} says whether the axis names it (the narrow chart names every third). */
    public record Column(int x, int labelX, String month, boolean labelled, long count, String average, Integer pointY, String band) {
    }
}
