package io.shopscore.score;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The last position the change feed handed out. Its single row is also the lock that makes the
 * placers of all instances take turns: each hands out positions and commits before the next starts.
 */
@Entity
@Table(name = "score_change_counter")
public class ScoreChangeCounter extends PanacheEntityBase {

    private static final int THE_ONLY_ROW = 1;

    @Id
    private Integer id;

    private long lastPosition;

    protected ScoreChangeCounter() {
    }

    /** The counter, locked until the transaction ends. */
    static ScoreChangeCounter lock() {
        return getEntityManager().find(ScoreChangeCounter.class, THE_ONLY_ROW, LockModeType.PESSIMISTIC_WRITE);
    }

    long next() {
        return ++lastPosition;
    }
}
