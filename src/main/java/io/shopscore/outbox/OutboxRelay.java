package io.shopscore.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shopscore.persistence.OutboxEntry;

/**
 * Sends what an outbox holds, for any kind of entry ({@link OutboxSender}): finds what is due,
 * claims it, prepares the messages, sends them and records the results, on any number of
 * instances at once.
 *
 * <p>A run takes batch after batch. Each batch costs two transactions before sending (find and
 * claim under one fresh token; check the claim and prepare every message) and one per
 * {@link RelaySettings#recordEvery} results after, not three per message. For a sender whose
 * entries keep no order (mail), the next batch is claimed and prepared while this one is sent. The batch's lanes are
 * sent by up to {@link RelaySettings#concurrency} threads, each taking the next lane when it is
 * done with one. A lane's entries go one after another; when one fails, the rest of its lane is
 * handed back unsent and the lane waits for the next run.
 *
 * <p>Every result is fenced by its claim: it is recorded only while the token that claimed the
 * entry still holds it ({@link OutboxEntry#stillClaimed}), so a sender whose lease ran out and whose
 * entry was taken over records nothing and cannot overwrite the newer outcome. A sender also sends
 * nothing once its lease is over. Only a crash between sending and recording sends a message twice:
 * at most {@link RelaySettings#recordEvery} of them, after the lease.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** One run goes on batch after batch until nothing is due, or this long has passed (the next run goes on). */
    private static final Duration RUN_BUDGET = Duration.ofSeconds(60);

    private final Clock clock;
    private final ExecutorService lanes;

    public OutboxRelay(Clock clock) {
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.lanes = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "outbox-relay-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A message prepared for a claimed entry, or the result of trying when preparing it threw.
     *
     * @param id the entry
     * @param message what to send; null when preparing failed
     * @param failure the result to record instead of sending; null when there is a message
     */
    public record Prepared<M, R>(long id, M message, R failure) {
    }

    /**
     * Sends everything of this kind that is due, batch after batch, until nothing is due or a minute
     * has passed; returns how many were sent with success. Safe on any number of instances and runs
     * at once: each entry is sent by the one sender whose claim got it. For a sender that
     * {@linkplain OutboxSender#preparesAhead prepares ahead}, the next batch is claimed and prepared
     * while the current one is sent, so the mail server is never kept waiting for the database.
     */
    public <E extends OutboxEntry, M, R> int run(OutboxSender<E, M, R> sender) {
        Set<Long> paused = ConcurrentHashMap.newKeySet();
        long deadline = System.nanoTime() + RUN_BUDGET.toNanos();
        int succeeded = 0;
        Batch<M, R> batch = claimAndPrepare(sender, paused);
        while (!batch.due().isEmpty()) {
            boolean more = batch.due().size() == sender.settings().batch() && System.nanoTime() < deadline;
            if (more && sender.preparesAhead()) {
                Batch<M, R> sending = batch;
                Future<Integer> sent = lanes.submit(() -> sendBatch(sender, sending, paused));
                try {
                    batch = claimAndPrepare(sender, paused);
                } finally {
                    succeeded += awaitSent(sender, sent);
                }
            } else {
                succeeded += sendBatch(sender, batch, paused);
                batch = more ? claimAndPrepare(sender, paused) : Batch.none();
            }
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        return succeeded;
    }

    /**
     * A claimed batch, prepared: the due entries in their order, the message (or the failure) of each
     * entry still held and still wanted, and the claim they were taken under.
     */
    private record Batch<M, R>(List<OutboxSender.Due> due, Map<Long, Prepared<M, R>> prepared, String token, Instant leaseEnds) {

        static <M, R> Batch<M, R> none() {
            return new Batch<>(List.of(), Map.of(), null, null);
        }
    }

    /** Finds and claims the next batch under a fresh token (one transaction), then prepares it (another). */
    private <E extends OutboxEntry, M, R> Batch<M, R> claimAndPrepare(OutboxSender<E, M, R> sender, Set<Long> paused) {
        RelaySettings settings = sender.settings();
        String token = UUID.randomUUID().toString();
        Instant claimedAt = clock.instant();
        Set<Long> except = Set.copyOf(paused);
        List<OutboxSender.Due> due = QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxSender.Due> dueNow = sender.due(claimedAt, settings.batch(), except);
            OutboxEntry.claim(sender.type(), dueNow.stream().map(OutboxSender.Due::id).toList(), token, claimedAt, settings.lease());
            return dueNow;
        });
        Map<Long, Prepared<M, R>> prepared = new LinkedHashMap<>();
        if (!due.isEmpty()) {
            prepare(sender, due.stream().map(OutboxSender.Due::id).toList(), token).forEach(each -> prepared.put(each.id(), each));
        }
        return new Batch<>(due, prepared, token, claimedAt.plus(settings.lease()));
    }

    private <E extends OutboxEntry, M, R> int awaitSent(OutboxSender<E, M, R> sender, Future<Integer> sent) {
        try {
            return sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sent.cancel(true);
            return 0;
        } catch (ExecutionException e) {
            LOG.errorf(e.getCause(), "Sending %s entries stopped", sender.type().getSimpleName());
            return 0;
        }
    }

    /** Claims those of the entries that are due for the sender under {@code token}; returns how many it got. */
    public <E extends OutboxEntry, M, R> int claim(OutboxSender<E, M, R> sender, List<Long> ids, String token) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxEntry.claim(sender.type(), ids, token, clock.instant(), sender.settings().lease()));
    }

    /**
     * The messages for those of the entries that {@code token} still holds, in one transaction; an
     * entry no longer wanted is skipped by the sender and absent here, as is one whose claim is gone.
     * If the transaction as a whole fails, each entry is prepared again in a transaction of its own,
     * so one entry that breaks it fails alone.
     */
    public <E extends OutboxEntry, M, R> List<Prepared<M, R>> prepare(OutboxSender<E, M, R> sender, List<Long> ids, String token) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> prepareHeld(sender, ids, token));
        } catch (RuntimeException batchFailed) {
            if (ids.size() == 1) {
                return List.of(new Prepared<>(ids.get(0), null, sender.failure(batchFailed)));
            }
            LOG.warnf(batchFailed, "Preparing %d %s entries together failed; preparing each alone", ids.size(),
                    sender.type().getSimpleName());
            List<Prepared<M, R>> prepared = new ArrayList<>();
            for (Long id : ids) {
                prepared.addAll(prepare(sender, List.of(id), token));
            }
            return prepared;
        }
    }

    private <E extends OutboxEntry, M, R> List<Prepared<M, R>> prepareHeld(OutboxSender<E, M, R> sender, List<Long> ids, String token) {
        List<Prepared<M, R>> prepared = new ArrayList<>();
        List<E> held = OutboxEntry.stillClaimed(sender.type(), ids, token);
        Function<E, Optional<M>> preparing = sender.preparing(held);
        for (E entry : held) {
            long id = entry.id();
            try {
                preparing.apply(entry).ifPresent(message -> prepared.add(new Prepared<>(id, message, null)));
            } catch (RuntimeException e) {
                prepared.add(new Prepared<>(id, null, sender.failure(e)));
            }
        }
        return prepared;
    }

    /**
     * Records the results of entries that {@code token} still holds, and hands back unsent those of
     * {@code handBack} it still holds, in one transaction. Returns the ids whose results were
     * recorded; the others had been taken over by another sender (or erased), and their results are
     * dropped.
     */
    public <E extends OutboxEntry, M, R> Set<Long> record(OutboxSender<E, M, R> sender, String token, Map<Long, R> results,
            Collection<Long> handBack) {
        List<Long> ids = new ArrayList<>(results.keySet());
        ids.addAll(handBack);
        Set<Long> recorded = QuarkusTransaction.requiringNew().call(() -> {
            Set<Long> done = new HashSet<>();
            Map<Long, R> successes = new HashMap<>();
            List<Long> others = new ArrayList<>();
            for (Long id : OutboxEntry.stillClaimedIds(sender.type(), ids, token)) {
                R result = results.get(id);
                if (result != null && sender.succeeded(result)) {
                    successes.put(id, result);
                } else {
                    others.add(id);
                }
            }
            if (!successes.isEmpty()) {
                // the common case, and one statement for a sender like mail
                sender.recordSuccesses(successes, token);
                done.addAll(successes.keySet());
            }
            for (E entry : OutboxEntry.byIds(sender.type(), others)) {
                R result = results.get(entry.id());
                if (result != null) {
                    sender.record(entry, result);
                    done.add(entry.id());
                } else {
                    entry.unclaim();
                }
            }
            return done;
        });
        results.keySet().stream().filter(id -> !recorded.contains(id)).forEach(id -> LOG.warnf(
                "%s %d was taken over by another sender, or erased, before its result was recorded; dropped this sender's result",
                sender.type().getSimpleName(), id));
        return recorded;
    }

    /** {@link #record(OutboxSender, String, Map, Collection)} with nothing to hand back. */
    public <E extends OutboxEntry, M, R> Set<Long> record(OutboxSender<E, M, R> sender, String token, Map<Long, R> results) {
        return record(sender, token, results, List.of());
    }

    /** Sends a prepared batch over up to {@link RelaySettings#concurrency} threads, this one included. */
    private <E extends OutboxEntry, M, R> int sendBatch(OutboxSender<E, M, R> sender, Batch<M, R> batch, Set<Long> paused) {
        String token = batch.token();
        Instant leaseEnds = batch.leaseEnds();
        Map<Long, Lane<M, R>> byLane = new LinkedHashMap<>();
        for (OutboxSender.Due entry : batch.due()) {
            Prepared<M, R> message = batch.prepared().get(entry.id());
            if (message != null) {
                byLane.computeIfAbsent(entry.lane(), Lane::new).entries.add(message);
            }
        }
        Queue<Lane<M, R>> queue = new ConcurrentLinkedQueue<>(byLane.values());
        int threads = Math.min(sender.settings().concurrency(), queue.size());
        List<Future<Integer>> helpers = new ArrayList<>();
        for (int i = 1; i < threads; i++) {
            helpers.add(lanes.submit(() -> sendLanes(sender, queue, token, leaseEnds, paused)));
        }
        int succeeded = sendLanes(sender, queue, token, leaseEnds, paused);
        for (Future<Integer> helper : helpers) {
            try {
                succeeded += helper.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                helpers.forEach(each -> each.cancel(true));
                return succeeded;
            } catch (ExecutionException e) {
                LOG.errorf(e.getCause(), "Sending %s entries stopped", sender.type().getSimpleName());
            }
        }
        return succeeded;
    }

    /**
     * One of the threads of a batch: takes lane after lane until none is left; returns how many it
     * sent with success. What was sent must be recorded while the claim still holds, or another
     * sender takes the entries over and sends them again: so results are recorded at least every
     * quarter of the lease (not only every {@code recordEvery}), and no send starts in the lease's
     * last quarter (what is left goes back unsent).
     */
    private <E extends OutboxEntry, M, R> int sendLanes(OutboxSender<E, M, R> sender, Queue<Lane<M, R>> queue, String token,
            Instant leaseEnds, Set<Long> paused) {
        Duration quarter = sender.settings().lease().dividedBy(4);
        Instant stopSending = leaseEnds.minus(quarter);
        Instant recordBy = clock.instant().plus(quarter);
        Map<Long, R> results = new LinkedHashMap<>();
        List<Long> handBack = new ArrayList<>();
        int succeeded = 0;
        for (Lane<M, R> lane = queue.poll(); lane != null; lane = queue.poll()) {
            for (int i = 0; i < lane.entries.size(); i++) {
                Prepared<M, R> entry = lane.entries.get(i);
                if (!clock.instant().isBefore(stopSending)) {
                    // another sender may hold these by now; what is still ours goes back
                    lane.entries.subList(i, lane.entries.size()).forEach(rest -> handBack.add(rest.id()));
                    break;
                }
                R result = entry.failure() != null ? entry.failure() : send(sender, entry.message());
                results.put(entry.id(), result);
                boolean failed = !sender.succeeded(result);
                if (failed) {
                    paused.add(lane.key);
                    lane.entries.subList(i + 1, lane.entries.size()).forEach(rest -> handBack.add(rest.id()));
                }
                if (failed || results.size() >= sender.settings().recordEvery() || !clock.instant().isBefore(recordBy)) {
                    succeeded += flush(sender, token, results, handBack);
                    recordBy = clock.instant().plus(quarter);
                }
                if (failed) {
                    break;
                }
            }
        }
        return succeeded + flush(sender, token, results, handBack);
    }

    private static <E extends OutboxEntry, M, R> R send(OutboxSender<E, M, R> sender, M message) {
        try {
            return sender.send(message);
        } catch (RuntimeException e) {
            return sender.failure(e);
        }
    }

    /** Records and forgets the results gathered so far; returns how many of those recorded were successes. */
    private <E extends OutboxEntry, M, R> int flush(OutboxSender<E, M, R> sender, String token, Map<Long, R> results,
            List<Long> handBack) {
        if (results.isEmpty() && handBack.isEmpty()) {
            return 0;
        }
        int succeeded = 0;
        try {
            Set<Long> recorded = record(sender, token, results, handBack);
            for (Long id : recorded) {
                if (sender.succeeded(results.get(id))) {
                    succeeded++;
                }
            }
        } catch (RuntimeException e) {
            // The entries stay claimed; after the lease another run sends them again.
            LOG.errorf(e, "The results of %d %s entries could not be recorded", results.size(), sender.type().getSimpleName());
        }
        results.clear();
        handBack.clear();
        return succeeded;
    }

    /** Entries of one lane, in the order they are to be sent. */
    private static final class Lane<M, R> {
        final long key;
        final List<Prepared<M, R>> entries = new ArrayList<>();

        Lane(long key) {
            this.key = key;
        }
    }

    @PreDestroy
    void stop() {
        lanes.shutdownNow();
    }
}
