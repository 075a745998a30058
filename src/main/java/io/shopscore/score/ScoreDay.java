package io.shopscore.score;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The tally of one shop's reviews written on one UTC day. "Last 12 months" sums at most 365 of
 * these rows instead of scanning reviews, and monthly figures group them.
 */
@Entity
@Table(name = "score_day")
@IdClass(ScoreDay.Key.class)
public class ScoreDay extends PanacheEntityBase {

    @Id
    private Long shopId;

    @Id
    private LocalDate reviewDay;

    @Embedded
    private Tally tally;

    /** Reviews of this day graded 5 or lower, and how many of those have a response. */
    @Column(nullable = false)
    private long negativeCount;

    @Column(nullable = false)
    private long negativeResponded;

    protected ScoreDay() {
    }

    /**
     * Counts a review in (+1) or out (-1) of its day's bucket, creating the bucket for the day's first
     * review. Call only while holding the shop's score lock.
     */
    static void apply(long shopId, CountedReview entry, int sign) {
        ScoreDay bucket = findById(new Key(shopId, entry.day()));
        if (bucket == null) {
            bucket = new ScoreDay();
            bucket.shopId = shopId;
            bucket.reviewDay = entry.day();
            bucket.tally = Tally.empty();
            bucket.apply(entry, sign);
            // persisted once counted: Hibernate inserts the state it has at persist()
            bucket.persist();
        } else {
            bucket.apply(entry, sign);
        }
    }

    /** Loads the buckets of these shops and days with one statement, so that {@link #apply} finds them in memory. */
    static void loadAll(Collection<Long> shopIds, Collection<LocalDate> days) {
        if (!shopIds.isEmpty() && !days.isEmpty()) {
            list("shopId in ?1 and reviewDay in ?2", shopIds, days);
        }
    }

    private void apply(CountedReview entry, int sign) {
        tally.apply(entry, sign);
        if (entry.negative()) {
            negativeCount += sign;
            if (entry.responseDelay() != null) {
                negativeResponded += sign;
                ResponseDelayDay.add(shopId, reviewDay, ResponseDelays.bucket(entry.responseDelay()), sign);
            }
        }
    }

    /** The primary key: one row per shop and day. */
    public record Key(Long shopId, LocalDate reviewDay) implements Serializable {
    }
}
