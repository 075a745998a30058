package io.shopscore.score;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A product's grades of one UTC calendar month, so that its "last 12 months" is read as a shop's
 * is ({@link RecentWindow}): a few month rows and edge days, never its reviews.
 */
@Entity
@Table(name = "product_score_month")
@IdClass(ProductScoreMonth.Key.class)
public class ProductScoreMonth extends PanacheEntityBase {

    @Id
    private Long productId;

    @Id
    private LocalDate reviewMonth;

    @Column(nullable = false)
    private long reviewCount;

    @Column(nullable = false)
    private long scoreSum;

    protected ProductScoreMonth() {
    }

    /** Counts a grade in (+1) or out (-1), creating the row for its first grade; the caller holds the shop's score lock. */
    static void apply(long productId, LocalDate month, int grade, int sign) {
        ProductScoreMonth row = findById(new Key(productId, month));
        boolean isNew = row == null;
        if (isNew) {
            row = new ProductScoreMonth();
            row.productId = productId;
            row.reviewMonth = month;
        }
        row.reviewCount += sign;
        row.scoreSum += (long) sign * grade;
        if (isNew) {
            row.persist();
        }
    }

    /** The primary key: one row per product and month. */
    public record Key(Long productId, LocalDate reviewMonth) implements Serializable {
    }
}
