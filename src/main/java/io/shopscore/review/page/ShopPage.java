package io.shopscore.review.page;

import java.math.BigDecimal;
import java.util.List;

import io.shopscore.score.Grade;
import io.shopscore.web.LanguageLink;

/** Everything the public review page of a shop shows, formatted for its language. */
public record ShopPage(
        String lang,
        List<LanguageLink> languages,
        String slug,
        String shopName,
        String websiteUrl,
        String canonicalUrl,
        long count,
        String average,
        BigDecimal averageValue,
        String stars,
        int starsPercent,
        Integer recommendPercentage,
        long recentCount,
        String recentAverage,
        List<GradeBar> distribution,
        List<ReviewCard> reviews,
        int page,
        int pages,
        String newerUrl,
        String olderUrl,
        String jsonLd,
        List<Removed> removed,
        Trust trust) {

    /** A review the operator took down: when it was written and why it went. */
    public record Removed(String date, String reason) {
    }

    /** One row of the grade distribution. */
    public record GradeBar(int grade, long count, int percent) {
    }

    /**
     * How the shop's reviews are collected, in numbers for the sentences of the page's language.
     * {@code removedByCategory} lists only the categories with removals.
     */
    public record Trust(long byEmail, long byLink, long imported, long removed, List<CategoryCount> removedByCategory,
            long reports, long reportsUpheld, long reportsRejected, long reportsOpen, long negative, long answered) {
    }

    /** How many reviews were removed for one reason, the reason in words. */
    public record CategoryCount(String category, long count) {
    }

    /** One published review, with where it came from in words and the link to report it. */
    public record ReviewCard(long id, int score, String title, String text, String author, boolean verified, String date,
            boolean updated, String responseText, String responseDate, String source, String noticeUrl) {

        public String band() {
            return Grade.Band.of(score).css();
        }
    }

    /** The colour class of the average: the same bands as single grades. */
    public String band() {
        return averageValue == null ? "good" : Grade.Band.of(averageValue.doubleValue()).css();
    }

    public boolean hasReviews() {
        return count > 0;
    }

    public int displayPage() {
        return page + 1;
    }
}
