package io.shopscore.score;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Loads what concurrent requests miss together: a request's keys join the next load that has not
 * started yet, so at any moment at most {@code parallel} loads run, and each reads every key that
 * was asked for while the ones before it ran. Under a burst of misses (the cache switched off, or
 * many shops' entries expiring at once) that turns one query per request into one per batch.
 *
 * <p>A request never gets a result read before it asked: it waits for the load it joined, which
 * starts after it joined; it never joins one that is running. A load holds at most {@code maxKeys}
 * keys (an IN list of bounded length); more wait for the one after.
 *
 * @param <K> what is loaded by, e.g. a slug
 * @param <V> what is loaded
 */
final class BatchedLoads<K, V> {

    private final class Batch {
        final Set<K> keys = new LinkedHashSet<>();
        final CompletableFuture<Map<K, V>> result = new CompletableFuture<>();
    }

    private final Function<Set<K>, Map<K, V>> load;
    private final Executor executor;
    private final int parallel;
    private final int maxKeys;
    /** Batches that have not started, oldest first; guarded by {@code this}. */
    private final Deque<Batch> waiting = new ArrayDeque<>();
    /** How many loads run now; guarded by {@code this}. */
    private int running;

    /**
     * @param load     reads the values of a set of keys at once (keys without a value are left out)
     * @param executor where loads run (they block on the database)
     */
    BatchedLoads(Function<Set<K>, Map<K, V>> load, Executor executor, int parallel, int maxKeys) {
        this.load = load;
        this.executor = executor;
        this.parallel = parallel;
        this.maxKeys = maxKeys;
    }

    /** The values of these keys (those that have one), read by a load that starts after this call. */
    CompletableFuture<Map<K, V>> get(Collection<K> keys) {
        Batch joined;
        synchronized (this) {
            Batch last = waiting.peekLast();
            if (last == null || !fits(last, keys)) {
                last = new Batch();
                waiting.addLast(last);
            }
            last.keys.addAll(keys);
            joined = last;
        }
        startWhatMay();
        return joined.result;
    }

    private boolean fits(Batch batch, Collection<K> keys) {
        int added = 0;
        for (K key : keys) {
            if (!batch.keys.contains(key)) {
                added++;
            }
        }
        return batch.keys.size() + added <= Math.max(maxKeys, keys.size());
    }

    /** Starts waiting batches while fewer than {@code parallel} run. */
    private void startWhatMay() {
        while (true) {
            Batch next;
            synchronized (this) {
                if (running >= parallel || waiting.isEmpty()) {
                    return;
                }
                next = waiting.pollFirst();
                running++;
            }
            try {
                executor.execute(() -> run(next));
            } catch (RuntimeException refused) { // the executor takes no more work (shutting down)
                finished();
                next.result.completeExceptionally(refused);
            }
        }
    }

    private void run(Batch batch) {
        Map<K, V> values = null;
        Throwable failure = null;
        try {
            values = load.apply(batch.keys);
        } catch (Throwable e) {
            failure = e;
        }
        // the next batch starts before this one's requests go on (on this thread) with their answers
        finished();
        startWhatMay();
        if (failure != null) {
            batch.result.completeExceptionally(failure);
        } else {
            batch.result.complete(values);
        }
    }

    private synchronized void finished() {
        running--;
    }
}
