package io.shopscore.score;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/**
 * A shop's all-time score, moved by every review that is counted in or out. Writers lock this row
 * first, which puts all score writes of one shop in a queue: no increment is lost, and the daily
 * buckets behind it can be created without racing.
 */
@Entity
@Table(name = "shop_score")
public class ShopScore extends PanacheEntityBase {

    @Id
    private Long shopId;

    @Embedded
    private Tally total;

    @Embedded
    private GradeCounts grades;

    @Column(nullable = false)
    private Instant updatedAt;

    protected ShopScore() {
    }

    static ShopScore empty(long shopId, Instant now) {
        ShopScore score = new ShopScore();
        score.shopId = shopId;
        score.total = Tally.empty();
        score.grades = new GradeCounts();
        score.updatedAt = now;
        return score;
    }

    /**
     * Reads the row with {@code SELECT ... FOR UPDATE}, waiting for any other writer of this shop.
     * Must be the first read of this row in the transaction, so the state it returns is the latest.
     */
    static Optional<ShopScore> lock(long shopId) {
        return Optional.ofNullable(getEntityManager().find(ShopScore.class, shopId, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * Locks the score rows of these shops with one statement, in shop order: batches that lock
     * several shops each take them in the same order, so they queue instead of deadlocking. Later
     * {@link #lock} calls in the transaction find the rows already locked, without a statement.
     */
    static void lockAll(Collection<Long> shopIds) {
        if (!shopIds.isEmpty()) {
            find("shopId in ?1", Sort.by("shopId"), shopIds).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        }
    }

    void apply(CountedReview entry, int sign, Instant now) {
        total.apply(entry, sign);
        grades.apply(entry.grade(), sign);
        updatedAt = now;
    }

    Tally total() {
        return total;
    }

    GradeCounts grades() {
        return grades;
    }
}
