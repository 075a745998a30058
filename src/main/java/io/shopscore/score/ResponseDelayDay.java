package io.shopscore.score;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** How many of a shop's negative reviews of one day were answered within one delay bucket (see ResponseDelays). */
@Entity
@Table(name = "response_delay_day")
@IdClass(ResponseDelayDay.Key.class)
public class ResponseDelayDay extends PanacheEntityBase {

    @Id
    private Long shopId;

    @Id
    private LocalDate reviewDay;

    @Id
    private int delayBucket;

    @Column(name = "response_count", nullable = false)
    private long count;

    protected ResponseDelayDay() {
    }

    /** Call only while holding the shop's score lock, like ScoreDay.of. */
    static void add(long shopId, LocalDate day, int bucket, int sign) {
        ResponseDelayDay row = findById(new Key(shopId, day, bucket));
        boolean isNew = row == null;
        if (isNew) {
            row = new ResponseDelayDay();
            row.shopId = shopId;
            row.reviewDay = day;
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

    /** The primary key: one row per shop, day and delay bucket. */
    public record Key(Long shopId, LocalDate reviewDay, int delayBucket) implements Serializable {
    }
}
