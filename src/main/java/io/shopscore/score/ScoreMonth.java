package io.shopscore.score;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * The tally of one shop's reviews written in one UTC calendar month (keyed by its first day): the
 * sum of that month's {@link ScoreDay} rows, kept beside them under the same lock, so that "last 12
 * months" reads about a dozen month rows instead of up to 365 day rows.
 */
@Entity
@Table(name = "score_month")
@IdClass(ScoreMonth.Key.class)
public class ScoreMonth extends PeriodTotals {

    @Id
    private Long shopId;

    @Id
    private LocalDate reviewMonth;

    protected ScoreMonth() {
    }

    LocalDate reviewMonth() {
        return reviewMonth;
    }

    /** The month a day belongs to: its first day. */
    static LocalDate monthOf(LocalDate day) {
        return day.withDayOfMonth(1);
    }

    /**
     * Counts a review in (+1) or out (-1) of its month, creating the month's row for its first review.
     * Call only while holding the shop's score lock, like {@link ScoreDay#apply}.
     */
    static void apply(long shopId, CountedReview entry, int sign) {
        LocalDate month = monthOf(entry.day());
        ScoreMonth row = findById(new Key(shopId, month));
        boolean isNew = row == null;
        if (isNew) {
            row = new ScoreMonth();
            row.shopId = shopId;
            row.reviewMonth = month;
        }
        int delayBucket = row.count(entry, sign);
        if (delayBucket >= 0) {
            ResponseDelayMonth.add(shopId, month, delayBucket, sign);
        }
        if (isNew) {
            row.persist();
        }
    }

    /** Loads the rows of these shops for the months of these days with one statement, so that {@link #apply} finds them in memory. */
    static void loadAll(Collection<Long> shopIds, Collection<LocalDate> days) {
        Set<LocalDate> months = days.stream().map(ScoreMonth::monthOf).collect(Collectors.toSet());
        if (!shopIds.isEmpty() && !months.isEmpty()) {
            list("shopId in ?1 and reviewMonth in ?2", shopIds, months);
        }
    }

    /** The primary key: one row per shop and month. */
    public record Key(Long shopId, LocalDate reviewMonth) implements Serializable {
    }
}
