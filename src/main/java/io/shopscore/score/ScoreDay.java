package io.shopscore.score;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * The tally of one shop's reviews written on one UTC day. "Last 12 months" adds the few day rows at
 * its oldest edge to the month rows ({@link ScoreMonth}) instead of scanning reviews.
 */
@Entity
@Table(name = "score_day")
@IdClass(ScoreDay.Key.class)
public class ScoreDay extends PeriodTotals {

    @Id
    private Long shopId;

    @Id
    private LocalDate reviewDay;

    protected ScoreDay() {
    }

    /**
     * Counts a review in (+1) or out (-1) of its day's bucket, creating the bucket for the day's first
     * review. Call only while holding the shop's score lock.
     */
    static void apply(long shopId, CountedReview entry, int sign) {
        ScoreDay bucket = findById(new Key(shopId, entry.day()));
        boolean isNew = bucket == null;
        if (isNew) {
            bucket = new ScoreDay();
            bucket.shopId = shopId;
            bucket.reviewDay = entry.day();
        }
        int delayBucket = bucket.count(entry, sign);
        if (delayBucket >= 0) {
            ResponseDelayDay.add(shopId, entry.day(), delayBucket, sign);
        }
        if (isNew) {
            // persisted once counted: Hibernate inserts the state it has at persist()
            bucket.persist();
        }
    }

    /** Loads the buckets of these shops and days with one statement, so that {@link #apply} finds them in memory. */
    static void loadAll(Collection<Long> shopIds, Collection<LocalDate> days) {
        if (!shopIds.isEmpty() && !days.isEmpty()) {
            list("shopId in ?1 and reviewDay in ?2", shopIds, days);
        }
    }

    /** The primary key: one row per shop and day. */
    public record Key(Long shopId, LocalDate reviewDay) implements Serializable {
    }
}
