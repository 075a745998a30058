package io.shopscore.transparency;

import java.util.Map;

import io.shopscore.moderation.ReportCounts;
import io.shopscore.review.RemovalCategory;
import io.shopscore.review.ReviewSource;

/**
 * The facts behind a shop's reviews, in numbers: where its published reviews came from, what
 * moderation removed and why, how its own reports ended, and how it answers negative reviews. Every
 * period is the last 12 months. The same numbers feed the JSON and the shop's page.
 *
 * @param sources published reviews by source, every source present
 * @param removed reviews removed by moderation in the last 12 months, by category, every category present
 * @param reports the shop's reports opened in the last 12 months
 * @param negative published negative reviews (grade 5 or lower) written in the last 12 months
 * @param answered how many of them the shop responded to
 */
public record TransparencyFigures(
        String slug,
        Map<ReviewSource, Long> sources,
        Map<RemovalCategory, Long> removed,
        ReportCounts reports,
        long negative,
        long answered) {

    public long removedTotal() {
        return removed.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Reports still waiting for the operator: in the total, with neither outcome yet. */
    public long reportsOpen() {
        return reports.total() - reports.upheld() - reports.rejected();
    }
}
