package io.shopscore.review.page;

import java.math.BigDecimal;
import java.util.List;

import io.shopscore.score.Grade;
import io.shopscore.web.LanguageLink;

/** Everything the public review page of a product shows, formatted for its language. */
public record ProductPage(
        String lang,
        List<LanguageLink> languages,
        String shopName,
        String shopPageUrl,
        String productName,
        String productUrl,
        String imageUrl,
        String canonicalUrl,
        long count,
        String average,
        BigDecimal averageValue,
        String stars,
        long recentCount,
        String recentAverage,
        List<ShopPage.GradeBar> distribution,
        List<Card> reviews,
        int page,
        int pages,
        String newerUrl,
        String olderUrl,
        String jsonLd) {

    /** One customer's published grade of the product. */
    public record Card(long reviewId, int score, String text, String author, String date, String source) {

        public String band() {
            return Grade.Band.of(score).css();
        }
    }

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
