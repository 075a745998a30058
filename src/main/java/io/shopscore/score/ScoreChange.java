package io.shopscore.score;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/**
 * Where a shop stands in the change feed: at the position of its latest placed change, or waiting
 * (no position) for the placer after a change. One row per shop, so a shop is in the feed once,
 * at its latest change.
 */
@Entity
@Table(name = "score_change")
public class ScoreChange extends PanacheEntityBase {

    @Id
    private Long shopId;

    private Long position;

    @Column(nullable = false)
    private Instant changedAt;

    protected ScoreChange() {
    }

    /** A new shop: in the feed with its first (empty) score once placed. */
    static ScoreChange opened(long shopId, Instant now) {
        ScoreChange change = new ScoreChange();
        change.shopId = shopId;
        change.changedAt = now;
        return change;
    }

    /** Loads the rows of these shops in one statement, so that the batch's {@link #changed} calls need none. */
    static void loadAll(Collection<Long> shopIds) {
        if (!shopIds.isEmpty()) {
            list("shopId in ?1", shopIds);
        }
    }

    /**
     * The shop's score moved: it leaves its old position and waits to be placed again. Call while
     * holding the shop's score lock (writers of one shop are queued by it).
     */
    static void changed(long shopId, Instant now) {
        Optional<ScoreChange> known = ScoreChange.findByIdOptional(shopId);
        if (known.isEmpty()) {
            // A shop opened by an instance of an older version, still running beside this one after
            // the migration: it enters the feed now. Safe without a race: the caller holds the
            // shop's score lock, so no other writer of this shop is here at the same time.
            opened(shopId, now).persist();
            return;
        }
        known.get().position = null;
        known.get().changedAt = now;
    }

    /**
     * Committed changes that wait for a position, oldest first, locked until placed. Rows a writer
     * holds are skipped, not waited for: the placer never waits for a writer (so the two cannot
     * deadlock), and the writer's own commit sets the placer going again.
     */
    @SuppressWarnings("unchecked")
    static List<ScoreChange> waiting(int max) {
        List<Number> shopIds = getEntityManager().createNativeQuery("""
                SELECT shop_id FROM score_change WHERE position IS NULL
                ORDER BY changed_at, shop_id FETCH FIRST ?1 ROWS ONLY FOR UPDATE SKIP LOCKED""")
                .setParameter(1, max)
                .getResultList();
        if (shopIds.isEmpty()) {
            return List.of();
        }
        return list("shopId in ?1", Sort.by("changedAt").and("shopId"), shopIds.stream().map(Number::longValue).toList());
    }

    void placeAt(long position) {
        this.position = position;
    }
}
