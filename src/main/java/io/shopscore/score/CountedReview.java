package io.shopscore.score;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import io.shopscore.insight.classify.Topic;

/**
 * What one published review contributes to its shop's running totals: the score (grade,
 * recommendation), the response figures (how long the shop took to respond, null while it has not)
 * and the insights (complaint topics, churn intent). A change to a review moves the totals from the
 * old contribution to the new one; an unpublished review contributes nothing (null).
 */
public record CountedReview(long reviewId, int grade, Boolean recommend, Instant createdAt, Duration responseDelay,
        Set<Topic> topics, boolean churnIntent) {

    public CountedReview {
        if (grade < 1 || grade > 10) {
            throw new IllegalArgumentException("A grade is 1 to 10, not " + grade);
        }
        topics = Set.copyOf(topics);
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
