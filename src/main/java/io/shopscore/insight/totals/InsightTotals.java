package io.shopscore.insight.totals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopscore.insight.classify.Topic;
import io.shopscore.score.CountedReview;

/**
 * Keeps the insight totals in step with the reviews, in the same transaction and under the same
 * per-shop lock as the score: when a review's contribution moves (written, updated, published,
 * removed, reclassified), its month's rows move from the old topics to the new ones. Called by
 * ReviewChanges right after the score moved, never on its own.
 */
@ApplicationScoped
public class InsightTotals {

    /** Moves the review's month rows from its old contribution to its new one (either null: counted nowhere). */
    public void move(long shopId, CountedReview before, CountedReview after) {
        if (before != null) {
            apply(shopId, before, -1);
            ReviewTopic.delete("reviewId", before.reviewId());
        }
        if (after != null) {
            apply(shopId, after, +1);
            for (Topic topic : after.topics()) {
                ReviewTopic.of(after.reviewId(), topic, shopId, after.createdAt()).persist();
            }
        }
    }

    private static void apply(long shopId, CountedReview review, int sign) {
        LocalDate month = review.day().withDayOfMonth(1);
        for (String dimension : dimensions(review)) {
            InsightMonth.add(shopId, month, dimension, review.negative(), review.churnIntent(), sign);
        }
    }

    /** A batch of reviews is about to be counted: load the month rows it will move with one statement. */
    public void loadForBatch(Collection<Long> shopIds, Collection<LocalDate> days) {
        InsightMonth.loadAll(shopIds, days.stream().map(day -> day.withDayOfMonth(1)).distinct().toList());
    }

    static List<String> dimensions(CountedReview review) {
        List<String> dimensions = new ArrayList<>();
        dimensions.add(InsightMonth.ALL);
        review.topics().stream().sorted().map(Topic::code).forEach(dimensions::add);
        if (review.topics().contains(Topic.CUSTOMER_SERVICE) || review.topics().contains(Topic.DELIVERY)) {
            dimensions.add(InsightMonth.SERVICE_OR_DELIVERY);
        }
        return dimensions;
    }
}
