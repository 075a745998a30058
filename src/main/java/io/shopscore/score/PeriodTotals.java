package io.shopscore.score;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What a shop's day row and month row keep of the reviews written in their period: the tally, and
 * how many of those reviews are negative and have a response. One rule for both, so that the months
 * always add up to their days.
 */
@MappedSuperclass
abstract class PeriodTotals extends PanacheEntityBase {

    @Embedded
    protected Tally tally = Tally.empty();

    /** Reviews of this period graded 5 or lower, and how many of those have a response. */
    @Column(nullable = false)
    protected long negativeCount;

    @Column(nullable = false)
    protected long negativeResponded;

    /**
     * Counts a review in (+1) or out (-1). Returns the delay bucket its response moves (see
     * {@link ResponseDelays}), or -1 when it moves none.
     */
    protected int count(CountedReview entry, int sign) {
        tally.apply(entry, sign);
        if (!entry.negative()) {
            return -1;
        }
        negativeCount += sign;
        if (entry.responseDelay() == null) {
            return -1;
        }
        negativeResponded += sign;
        return ResponseDelays.bucket(entry.responseDelay());
    }
}
