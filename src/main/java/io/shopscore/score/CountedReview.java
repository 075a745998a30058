package io.shopscore.score;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import io.shopscore.insight.classify.Topic;

/**
 * What one published review contributes to its shop's running totals: the score (grade,
 * recommendation), the response figures (how long the shop took to respond, null while it has not)
 * and the insights (complaint topics, churn intent). A change to a review moves the totals from the
 * old contribution to the new one; an unpublished review contributes nothing (null). Its product
 * grades move the product scores the same way, so they share the review's state.
 */
public record CountedReview(long reviewId, int grade, Boolean recommend, Instant createdAt, Duration responseDelay,
        Set<Topic> topics, boolean churnIntent, List<ProductGrade> products) {

    public CountedReview {
        if (grade < 1 || grade > 10) {
            throw new IllegalArgumentException("A grade is 1 to 10, not " + grade);
        }
        topics = Set.copyOf(topics);
        products = List.copyOf(products);
    }

    /** The customer's grade of one product of their order. */
    public record ProductGrade(long productId, int grade) {

        public ProductGrade {
            if (grade < 1 || grade > 10) {
                throw new IllegalArgumentException("A grade is 1 to 10, not " + grade);
            }
        }
    }

    /** What the review contributes to its shop's own totals: the same without its product grades. */
    static CountedReview shopPart(CountedReview counted) {
        return counted == null || counted.products.isEmpty() ? counted
                : new CountedReview(counted.reviewId, counted.grade, counted.recommend, counted.createdAt, counted.responseDelay,
                        counted.topics, counted.churnIntent, List.of());
    }

    /** Grades of 5 and lower fail on the Dutch school scale; those are the complaints a shop should answer. */
    public boolean negative() {
        return new Grade(grade).negative();
    }

    /** The UTC day the review was written: its daily bucket. */
    public LocalDate day() {
        return createdAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
