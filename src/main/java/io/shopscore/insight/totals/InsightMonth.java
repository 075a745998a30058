package io.shopscore.insight.totals;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A shop's published reviews of one month along one dimension: all reviews, one complaint topic,
 * or the study's "customer service or delivery". Insights read these rows, never the reviews.
 */
@Entity
@Table(name = "insight_month")
@IdClass(InsightMonth.Key.class)
public class InsightMonth extends PanacheEntityBase {

    /** The dimension of all reviews. */
    public static final String ALL = "all";
    /** Reviews naming customer service, delivery, or both: the study's headline figure. */
    public static final String SERVICE_OR_DELIVERY = "customer_service+delivery";

    @Id
    private Long shopId;

    @Id
    private LocalDate reviewMonth;

    @Id
    @Column(length = 32)
    private String dimension;

    @Column(nullable = false)
    private long allCount;

    @Column(nullable = false)
    private long negativeCount;

    @Column(nullable = false)
    private long churnCount;

    protected InsightMonth() {
    }

    /** Counts one review in (+1) or out (-1). Call only while holding the shop's score lock, like the daily score rows. */
    static void add(long shopId, LocalDate month, String dimension, boolean negative, boolean churn, int sign) {
        InsightMonth row = findById(new Key(shopId, month, dimension));
        boolean isNew = row == null;
        if (isNew) {
            row = new InsightMonth();
            row.shopId = shopId;
            row.reviewMonth = month;
            row.dimension = dimension;
        }
        row.allCount += sign;
        row.negativeCount += negative ? sign : 0;
        row.churnCount += churn ? sign : 0;
        if (row.allCount < 0 || row.negativeCount < 0 || row.churnCount < 0) {
            throw new IllegalStateException("A review was counted out of the insights that was never counted in");
        }
        if (isNew) {
            // persisted once counted: Hibernate inserts the state it has at persist(), so counting after would cost an extra UPDATE
            row.persist();
        }
    }

    /** Loads every row of these shops and months with one statement, so that {@link #add} finds them in memory. */
    static void loadAll(Collection<Long> shopIds, Collection<LocalDate> months) {
        if (!shopIds.isEmpty() && !months.isEmpty()) {
            list("shopId in ?1 and reviewMonth in ?2", shopIds, months);
        }
    }

    /** The primary key: one row per shop, month and dimension. */
    public record Key(Long shopId, LocalDate reviewMonth, String dimension) implements Serializable {
    }
}
