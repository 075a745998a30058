package io.shopscore.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.TypedQuery;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Something to send (a mail, a webhook call), written in the transaction that made it necessary and
 * sent later by whichever instance claims it first. The claim is a single conditional UPDATE, which
 * the database lets succeed for one claimant only, so nothing is sent twice however many instances
 * poll; a claim that is not finished within its lease (the sender died) may be taken over.
 *
 * <p>Because a claim can be taken over, a sender records its outcome only through
 * {@link #stillClaimed}: a sender that was too slow finds its claim gone and records nothing,
 * so it cannot overwrite what the current holder did.
 */
@MappedSuperclass
public abstract class OutboxEntry extends PanacheEntityBase {

    /** Waits before the next attempt after a failure: 1 min, 5 min, 30 min, 2 h, then every 12 h. */
    private static final Duration[] BACKOFF = { Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(12) };

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    protected OutboxState state;

    @Column(nullable = false)
    protected Instant nextAttemptAt;

    @Column(nullable = false)
    protected int attempts;

    @Column(length = 40)
    private String claimToken;

    private Instant claimedUntil;

    /** The last failure, or why the entry was skipped. */
    @Column(length = 500)
    protected String lastError;

    @Column(nullable = false)
    protected Instant createdAt;

    protected void start(Instant firstAttempt, Instant now) {
        state = OutboxState.PENDING;
        nextAttemptAt = firstAttempt;
        createdAt = now;
    }

    /** Entries of this type whose time has come, or whose claim expired, oldest first. */
    public static List<Long> due(Class<? extends OutboxEntry> type, Instant now, int limit) {
        return dueQuery(type, "e.id", "", Long.class, now).setMaxResults(limit).getResultList();
    }

    /**
     * The query behind {@link #due}, for an outbox that needs more of each due entry or a narrower
     * selection: {@code select} names what to return of {@code e}, {@code andWhere} (empty, or
     * starting with "and") narrows it; its own parameters are the caller's to set.
     */
    protected static <R> TypedQuery<R> dueQuery(Class<? extends OutboxEntry> type, String select, String andWhere, Class<R> result,
            Instant now) {
        return Panache.getEntityManager().createQuery("select " + select + " from " + type.getSimpleName()
                + " e where ((e.state = :pending and e.nextAttemptAt <= :now) or (e.state = :sending and e.claimedUntil < :now)) "
                + andWhere + " order by e.nextAttemptAt, e.id", result)
                .setParameter("pending", OutboxState.PENDING)
                .setParameter("sending", OutboxState.SENDING)
                .setParameter("now", now);
    }

    /** Claims one entry for one sender; false when another sender was first or it is not due. */
    public static boolean claim(Class<? extends OutboxEntry> type, long id, String token, Instant now, Duration lease) {
        return Panache.getEntityManager().createQuery("update " + type.getSimpleName() + """
                 e set e.state = :sending, e.claimToken = :token, e.claimedUntil = :until, e.attempts = e.attempts + 1
                where e.id = :id and ((e.state = :pending and e.nextAttemptAt <= :now) or (e.state = :sending and e.claimedUntil < :now))""")
                .setParameter("sending", OutboxState.SENDING)
                .setParameter("token", token)
                .setParameter("until", now.plus(lease))
                .setParameter("id", id)
                .setParameter("pending", OutboxState.PENDING)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /**
     * The entry, locked for the rest of the transaction, if the claim {@code token} still holds it;
     * empty when the claim was taken over (its lease expired and another sender claimed it) or the
     * entry was already finished. The check is one conditional UPDATE ({@code ... where id = ? and
     * claim_token = ? and state = 'SENDING'}), which also takes the row lock: a sender taking the
     * claim over now waits for this transaction and then finds the entry released. Whatever the
     * caller changes on the returned entry in the same transaction is the claimant's outcome.
     */
    public static <T extends OutboxEntry> Optional<T> stillClaimed(Class<T> type, long id, String token) {
        EntityManager em = Panache.getEntityManager();
        int held = em.createQuery("update " + type.getSimpleName()
                + " e set e.claimedUntil = e.claimedUntil where e.id = :id and e.claimToken = :token and e.state = :sending")
                .setParameter("id", id)
                .setParameter("token", token)
                .setParameter("sending", OutboxState.SENDING)
                .executeUpdate();
        if (held == 0) {
            return Optional.empty();
        }
        T entry = em.find(type, id);
        em.refresh(entry);
        return Optional.of(entry);
    }

    protected void done() {
        state = OutboxState.DONE;
        release(null);
    }

    public void skip(String why) {
        state = OutboxState.SKIPPED;
        release(why);
    }

    /** A failed attempt: try again after the backoff, or give up after the last one. */
    public void failed(String error, Instant now, int maxAttempts) {
        release(note(error));
        if (attempts >= maxAttempts) {
            state = OutboxState.FAILED;
        } else {
            state = OutboxState.PENDING;
            nextAttemptAt = now.plus(BACKOFF[Math.min(Math.max(attempts, 1) - 1, BACKOFF.length - 1)]);
        }
    }

    /** A failure that no retry can mend: failed at once, with its reason. */
    public void failedForGood(String error) {
        release(note(error));
        state = OutboxState.FAILED;
    }

    private static String note(String error) {
        return error == null ? "unknown error" : error.length() > 500 ? error.substring(0, 500) : error;
    }

    private void release(String note) {
        claimToken = null;
        claimedUntil = null;
        lastError = note;
    }

    public OutboxState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
