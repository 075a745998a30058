package io.shopscore.score;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Running totals over a set of reviews, from which every figure of a score follows without
 * looking at a single review: count, sum of grades, and the answers to "would you recommend".
 */
@Embeddable
public class Tally {

    @Column(name = "review_count", nullable = false)
    private long reviewCount;

    @Column(name = "score_sum", nullable = false)
    private long scoreSum;

    @Column(name = "recommend_yes", nullable = false)
    private long recommendYes;

    @Column(name = "recommend_no", nullable = false)
    private long recommendNo;

    protected Tally() {
    }

    public Tally(long count, long sum, long recommendYes, long recommendNo) {
        this.reviewCount = count;
        this.scoreSum = sum;
        this.recommendYes = recommendYes;
        this.recommendNo = recommendNo;
    }

    static Tally empty() {
        return new Tally(0, 0, 0, 0);
    }

    /** Counts a review in ({@code sign} +1) or out (-1). */
    void apply(CountedReview entry, int sign) {
        reviewCount += sign;
        scoreSum += (long) sign * entry.grade();
        if (Boolean.TRUE.equals(entry.recommend())) {
            recommendYes += sign;
        } else if (Boolean.FALSE.equals(entry.recommend())) {
            recommendNo += sign;
        }
        if (reviewCount < 0 || scoreSum < 0 || recommendYes < 0 || recommendNo < 0) {
            throw new IllegalStateException("A review was counted out that was never counted in");
        }
    }

    public long count() {
        return reviewCount;
    }

    public long sum() {
        return scoreSum;
    }

    long recommendYes() {
        return recommendYes;
    }

    long recommendNo() {
        return recommendNo;
    }

    /** The mean grade on the 1-10 scale, one decimal, rounded half up; null without reviews. */
    public BigDecimal average() {
        return reviewCount == 0 ? null : BigDecimal.valueOf(scoreSum).divide(BigDecimal.valueOf(reviewCount), 1, RoundingMode.HALF_UP);
    }

    /** The unrounded mean divided by 2, one decimal, rounded half up (0-5); null without reviews. */
    public BigDecimal stars() {
        return reviewCount == 0 ? null : BigDecimal.valueOf(scoreSum).divide(BigDecimal.valueOf(2 * reviewCount), 1, RoundingMode.HALF_UP);
    }

    /** yes / (yes + no) as a whole percent rounded half up; null when nobody answered. */
    public Integer recommendPercentage() {
        long answered = recommendYes + recommendNo;
        if (answered == 0) {
            return null;
        }
        return BigDecimal.valueOf(recommendYes * 100).divide(BigDecimal.valueOf(answered), 0, RoundingMode.HALF_UP).intValueExact();
    }
}
