package io.shopscore.score;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The {@link ResponseDelayDay} rows of one month added up, as {@link ScoreMonth} adds up {@link ScoreDay}. */
@Entity
@Table(name = "response_delay_month")
@IdClass(ResponseDelayMonth.Key.class)
public class ResponseDelayMonth extends PanacheEntityBase {

    @Id
    private Long shopId;

    @Id
    private LocalDate reviewMonth;

    @Id
    private int delayBucket;

    @Column(name = "response_count", nullable = false)
    private long count;

    protected ResponseDelayMonth() {
    }

    /** Call only while holding the shop's score lock, like ScoreMonth.apply. */
    static void add(long shopId, LocalDate month, int bucket, int sign) {
        ResponseDelayMonth row = findById(new Key(shopId, month, bucket));
        boolean isNew = row == null;
        if (isNew) {
            row = new ResponseDelayMonth();
            row.shopId = shopId;
            row.reviewMonth = month;
            row.delayBucket = bucket;
        }
        row.count += sign;
        if (row.count < 0) {
            throw new IllegalStateException("A response was counted out that was never counted in");
        }
        if (isNew) {
            row.persist();
        }
    }

    /** The primary key: one row per shop, month and delay bucket. */
    public record Key(Long shopId, LocalDate reviewMonth, int delayBucket) implements Serializable {
    }
}
