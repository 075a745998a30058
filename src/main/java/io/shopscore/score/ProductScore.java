package io.shopscore.score;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A product's all-time score: count, sum and distribution of its published grades. Moved only by
 * {@link ScoreService#move}, under its shop's score-row lock, which also makes creating the row
 * for a product's first grade free of races.
 */
@Entity
@Table(name = "product_score")
public class ProductScore extends PanacheEntityBase {

    @Id
    private Long productId;

    @Column(nullable = false, updatable = false)
    private Long shopId;

    @Column(nullable = false)
    private long reviewCount;

    @Column(nullable = false)
    private long scoreSum;

    @Embedded
    private GradeCounts grades;

    @Column(nullable = false)
    private Instant updatedAt;

    protected ProductScore() {
    }

    /** Moves the product scores of one review from its old grades to its new ones; the caller holds the shop's score lock. */
    static void move(long shopId, CountedReview before, CountedReview after, Instant now) {
        if (before != null) {
            before.products().forEach(grade -> apply(shopId, grade, before.day(), -1, now));
        }
        if (after != null) {
            after.products().forEach(grade -> apply(shopId, grade, after.day(), +1, now));
        }
    }

    private static void apply(long shopId, CountedReview.ProductGrade grade, LocalDate day, int sign, Instant now) {
        ProductScore score = findById(grade.productId());
        boolean isNew = score == null;
        if (isNew) {
            score = new ProductScore();
            score.productId = grade.productId();
            score.shopId = shopId;
            score.grades = new GradeCounts();
        }
        score.reviewCount += sign;
        score.scoreSum += (long) sign * grade.grade();
        score.grades.apply(grade.grade(), sign);
        score.updatedAt = now;
        if (score.reviewCount < 0 || score.scoreSum < 0) {
            throw new IllegalStateException("A product grade was counted out that was never counted in");
        }
        ProductScoreDay.apply(grade.productId(), day, grade.grade(), sign);
        ProductScoreMonth.apply(grade.productId(), ScoreMonth.monthOf(day), grade.grade(), sign);
        if (isNew) {
            score.persist();
        }
    }

    Tally total() {
        return new Tally(reviewCount, scoreSum, 0, 0);
    }

    GradeCounts grades() {
        return grades;
    }

    long reviewCount() {
        return reviewCount;
    }
}
