package io.shopscore.insight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.shopscore.insight.classify.Topic;
import io.shopscore.score.CountedReview;
import io.shopscore.score.CountsMoved;
import io.shopscore.score.ScoresLocked;

/**
 * Keeps the insight totals in step with the reviews, in the same transaction and under the same
 * per-shop lock as the score: when a review's contribution moves (written, updated, published,
 * removed, reclassified), its month's rows move from the old topics to the new ones.
 */
@ApplicationScoped
public class InsightTotals {

    void onCountsMoved(@Observes CountsMoved move) {
        if (move.before() != null) {
            apply(move.shopId(), move.before(), -1);
            ReviewTopic.delete("reviewId", move.before().reviewId());
        }
        if (move.after() != null) {
            apply(move.shopId(), move.after(), +1);
            for (Topic topic : move.after().topics()) {
                ReviewTopic.of(move.after().reviewId(), topic, move.shopId(), move.after().createdAt()).persist();
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
    void onScoresLocked(@Observes ScoresLocked locked) {
        InsightMonth.loadAll(locked.shopIds(), locked.days().stream().map(day -> day.withDayOfMonth(1)).distinct().toList());
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
