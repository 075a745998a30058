package io.shopscore.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
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
 * so it cannot overwrite what the current holder did. Entries are claimed and checked in batches
 * (one statement for many ids under one claim token), so sending many costs a few transactions,
 * not a few per entry; io.shopscore.outbox.OutboxRelay runs that loop.
 */
@MappedSuperclass
public abstract class OutboxEntry extends PanacheEntityBase {

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

    /** The entry's key, whichever sequence its table draws it from. */
    public abstract Long id();

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
        return claim(type, List.of(id), token, now, lease) == 1;
    }

    /**
     * Claims those of the entries that are due for one sender, all under one {@code token}; returns
     * how many it got (another sender may have been first to some).
     */
    public static int claim(Class<? extends OutboxEntry> type, Collection<Long> ids, String token, Instant now, Duration lease) {
        if (ids.isEmpty()) {
            return 0;
        }
        return Panache.getEntityManager().createQuery("update " + type.getSimpleName() + """
                 e set e.state = :sending, e.claimToken = :token, e.claimedUntil = :until, e.attempts = e.attempts + 1
                where e.id in :ids and ((e.state = :pending and e.nextAttemptAt <= :now) or (e.state = :sending and e.claimedUntil < :now))""")
                .setParameter("sending", OutboxState.SENDING)
                .setParameter("token", token)
                .setParameter("until", now.plus(lease))
                .setParameter("ids", ids)
                .setParameter("pending", OutboxState.PENDING)
                .setParameter("now", now)
                .executeUpdate();
    }

    /**
     * The entry, locked for the rest of the transaction, if the claim {@code token} still holds it;
     * empty when the claim was taken over (its lease expired and another sender claimed it) or the
     * entry was already finished. See {@link #stillClaimed(Class, Collection, String)}.
     */
    public static <T extends OutboxEntry> Optional<T> stillClaimed(Class<T> type, long id, String token) {
        return stillClaimed(type, List.of(id), token).stream().findFirst();
    }

    /**
     * Those of the entries that the claim {@code token} still holds, locked for the rest of the
     * transaction; not those whose claim was taken over (the lease expired and another sender
     * claimed them) or that were finished or erased. The check is one conditional UPDATE
     * ({@code ... where id in (...) and claim_token = ? and state = 'SENDING'}), which also takes
     * the row locks: a sender taking a claim over now waits for this transaction and then finds the
     * entry released. Whatever the caller changes on the returned entries in the same transaction
     * is the claimant's outcome. Call it before the transaction loads these entries otherwise: one
     * loaded earlier would keep the state it was loaded with.
     */
    public static <T extends OutboxEntry> List<T> stillClaimed(Class<T> type, Collection<Long> ids, String token) {
        return byIds(type, stillClaimedIds(type, ids, token));
    }

    /**
     * {@link #stillClaimed(Class, Collection, String)} without loading the entries: the ids of those
     * the claim still holds, locked for the rest of the transaction, in ascending order. For a caller
     * that changes them with a statement of its own.
     */
    public static List<Long> stillClaimedIds(Class<? extends OutboxEntry> type, Collection<Long> ids, String token) {
        if (ids.isEmpty()) {
            return List.of();
        }
        EntityManager em = Panache.getEntityManager();
        int held = em.createQuery("update " + type.getSimpleName()
                + " e set e.claimedUntil = e.claimedUntil where e.id in :ids and e.claimToken = :token and e.state = :sending")
                .setParameter("ids", ids)
                .setParameter("token", token)
                .setParameter("sending", OutboxState.SENDING)
                .executeUpdate();
        if (held == 0) {
            return List.of();
        }
        if (held == ids.size()) {
            // the update locked every one of them: none can have changed hands since
            return ids.stream().sorted().toList();
        }
        return em.createQuery("select e.id from " + type.getSimpleName()
                + " e where e.id in :ids and e.claimToken = :token and e.state = :sending order by e.id", Long.class)
                .setParameter("ids", ids)
                .setParameter("token", token)
                .setParameter("sending", OutboxState.SENDING)
                .getResultList();
    }

    /** The entries with these ids (those that exist), in ascending order of id. */
    public static <T extends OutboxEntry> List<T> byIds(Class<T> type, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Panache.getEntityManager().createQuery("select e from " + type.getSimpleName() + " e where e.id in :ids order by e.id", type)
                .setParameter("ids", ids)
                .getResultList();
    }

    protected void done() {
        state = OutboxState.DONE;
        release(null);
    }

    public void skip(String why) {
        state = OutboxState.SKIPPED;
        release(why);
    }

    /**
     * A failed attempt: try again after the backoff, or give up after the last one. The n-th failed
     * attempt waits {@code backoff[n - 1]}, and every one after the list ends waits its last element.
     */
    public void failed(String error, Instant now, List<Duration> backoff, int maxAttempts) {
        release(note(error));
        if (attempts >= maxAttempts) {
            state = OutboxState.FAILED;
        } else {
            state = OutboxState.PENDING;
            nextAttemptAt = now.plus(backoff.get(Math.min(Math.max(attempts, 1) - 1, backoff.size() - 1)));
        }
    }

    /** Hands a claimed entry back unsent, as if it had not been claimed: due again at once, the attempt not counted. */
    public void unclaim() {
        claimToken = null;
        claimedUntil = null;
        state = OutboxState.PENDING;
        attempts--;
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

    /** Until when the current claim holds (null while unclaimed): after it, another sender may take the entry over. */
    public Instant claimedUntil() {
        return claimedUntil;
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
