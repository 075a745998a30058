package io.shopscore.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.shopscore.persistence.OutboxEntry;

/**
 * One kind of outbox entry, as {@link OutboxRelay} sees it: what is due, how an entry becomes a
 * message, how a message is sent, and how its result is written down. The relay does the rest
 * (claiming, transactions, fencing by the claim, lanes, threads), the same way for every kind.
 *
 * @param <E> the entry type
 * @param <M> a message ready to send, prepared from an entry; holds no managed entity
 * @param <R> the result of one send: success, or what failed
 */
public interface OutboxSender<E extends OutboxEntry, M, R> {

    Class<E> type();

    RelaySettings settings();

    /**
     * Up to {@code limit} entries whose time has come (or whose claim expired), oldest first, none in
     * a lane of {@code pausedLanes}. Runs in a transaction.
     */
    List<Due> due(Instant now, int limit, Set<Long> pausedLanes);

    /**
     * The message for an entry this sender holds, or empty after marking the entry as no longer
     * wanted ({@link OutboxEntry#skip}). Runs in a transaction, with the entry locked; what it
     * changes on the entry is committed with it. May throw: the entry then fails like a send.
     */
    Optional<M> prepare(E entry);

    /**
     * How to prepare these entries, which this sender holds: a sender that would ask the database
     * the same question for each entry (an opt-out, the row a message is made from) asks it here
     * once for the whole batch and returns a preparation that uses the answers. Runs in the
     * transaction that then prepares them, one by one, through what it returns. The default
     * prepares each on its own with {@link #prepare}.
     */
    default Function<E, Optional<M>> preparing(List<E> entries) {
        return this::prepare;
    }

    /**
     * Writes down successes all at once, for entries the claim {@code token} holds (locked, in a
     * transaction); a sender whose success changes every entry the same way does it in one
     * statement, fenced by the token. The default loads the entries and {@linkplain #record records}
     * each.
     */
    default void recordSuccesses(Map<Long, R> successes, String token) {
        for (E entry : OutboxEntry.byIds(type(), successes.keySet())) {
            record(entry, successes.get(entry.id()));
        }
    }

    /** Sends the message. What it throws is a failed send too: the relay records {@link #failure} of it. */
    R send(M message);

    /** The result of a message that could not be prepared or sent because this was thrown. */
    R failure(RuntimeException thrown);

    /** Whether the result is a success; a failure pauses the entry's lane for the rest of the run. */
    boolean succeeded(R result);

    /**
     * Whether the relay may claim and prepare the next batch while it sends this one, so that
     * preparing (database reads, rendering) and sending overlap. Only for a sender whose entries keep
     * no order among themselves, every entry a lane of its own: the next batch is claimed before the
     * failures of this one pause their lanes, so in an ordered lane a later entry could go out ahead
     * of one that failed.
     */
    default boolean preparesAhead() {
        return false;
    }

    /** Writes the result down on the entry. Runs in a transaction, only while this sender still holds the claim. */
    void record(E entry, R result);

    /**
     * An entry that is due, and its lane: entries of one lane are sent one after another in the
     * order given, and a failure stops the rest of its lane until the next run (a lane is, say, one
     * receiver). Different lanes are sent in parallel.
     */
    record Due(long id, long lane) {
    }
}
