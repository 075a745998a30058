package io.shopscore.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How misses of concurrent requests are loaded together, with a load that waits until the test lets it go. */
class BatchedLoadsTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    /** The key sets loads were asked for, in the order they started. */
    private final List<Set<String>> started = new CopyOnWriteArrayList<>();
    private final Semaphore release = new Semaphore(0);

    @AfterEach
    void stop() {
        release.release(1000);
        executor.shutdownNow();
    }

    /** A load that records its keys, waits for a permit, and answers every key with its upper case. */
    private Function<Set<String>, Map<String, String>> heldLoad() {
        return keys -> {
            started.add(Set.copyOf(keys));
            release.acquireUninterruptibly();
            return keys.stream().collect(Collectors.toMap(key -> key, String::toUpperCase));
        };
    }

    private void awaitStarted(int loads) throws InterruptedException {
        for (int i = 0; i < 500 && started.size() < loads; i++) {
            Thread.sleep(10);
        }
        assertEquals(loads, started.size(), "loads started");
    }

    @Test
    void missesThatArriveWhileALoadRunsAreLoadedTogetherByTheNextOne() throws Exception {
        BatchedLoads<String, String> loads = new BatchedLoads<>(heldLoad(), executor, 1, 100);

        CompletableFuture<Map<String, String>> first = loads.get(List.of("a"));
        awaitStarted(1);
        CompletableFuture<Map<String, String>> second = loads.get(List.of("b", "c"));
        CompletableFuture<Map<String, String>> third = loads.get(List.of("c", "d"));
        Thread.sleep(50);
        assertEquals(1, started.size(), "nothing else starts while the one allowed load runs");

        release.release();
        assertEquals(Map.of("a", "A"), first.get(5, TimeUnit.SECONDS));
        awaitStarted(2);
        assertEquals(Set.of("b", "c", "d"), started.get(1), "both waiting requests in one load, c once");
        release.release();
        assertEquals(Map.of("b", "B", "c", "C", "d", "D"), second.get(5, TimeUnit.SECONDS));
        assertEquals(second.get(), third.get());
    }

    @Test
    void aRequestNeverJoinsALoadThatHasStarted() throws Exception {
        BatchedLoads<String, String> loads = new BatchedLoads<>(heldLoad(), executor, 1, 100);

        CompletableFuture<Map<String, String>> first = loads.get(List.of("a"));
        awaitStarted(1);
        CompletableFuture<Map<String, String>> again = loads.get(List.of("a"));
        release.release();
        first.get(5, TimeUnit.SECONDS);
        awaitStarted(2);
        assertEquals(Set.of("a"), started.get(1), "the same key asked during a load is read again, by a load after it");
        assertFalse(again.isDone());
        release.release();
        assertEquals(Map.of("a", "A"), again.get(5, TimeUnit.SECONDS));
    }

    @Test
    void asManyLoadsRunAtOnceAsAllowedAndNoMore() throws Exception {
        BatchedLoads<String, String> loads = new BatchedLoads<>(heldLoad(), executor, 2, 100);

        loads.get(List.of("a"));
        loads.get(List.of("b"));
        loads.get(List.of("c"));
        awaitStarted(2);
        Thread.sleep(50);
        assertEquals(2, started.size());
        release.release();
        awaitStarted(3);
        assertEquals(Set.of("c"), started.get(2));
    }

    @Test
    void aLoadReadsAtMostItsLimitOfKeys() throws Exception {
        BatchedLoads<String, String> loads = new BatchedLoads<>(heldLoad(), executor, 1, 3);

        loads.get(List.of("first"));
        awaitStarted(1);
        CompletableFuture<Map<String, String>> one = loads.get(List.of("a", "b"));
        CompletableFuture<Map<String, String>> two = loads.get(List.of("c", "d"));
        CompletableFuture<Map<String, String>> big = loads.get(List.of("e", "f", "g", "h"));
        release.release(4);
        assertEquals(Map.of("a", "A", "b", "B"), one.get(5, TimeUnit.SECONDS));
        assertEquals(Map.of("c", "C", "d", "D"), two.get(5, TimeUnit.SECONDS));
        assertEquals(4, big.get(5, TimeUnit.SECONDS).size(), "one request's own keys are never split");
        assertEquals(List.of(Set.of("first"), Set.of("a", "b"), Set.of("c", "d"), Set.of("e", "f", "g", "h")), started);
    }

    @Test
    void aFailedLoadFailsItsRequestsAndTheNextLoadRunsAgain() throws Exception {
        CountDownLatch firstCall = new CountDownLatch(1);
        BatchedLoads<String, String> loads = new BatchedLoads<>(keys -> {
            if (firstCall.getCount() == 1) {
                firstCall.countDown();
                throw new IllegalStateException("database gone");
            }
            return Map.of("a", "A");
        }, executor, 1, 100);

        ExecutionException failed = assertThrows(ExecutionException.class, () -> loads.get(List.of("a")).get(5, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof IllegalStateException);
        assertEquals(Map.of("a", "A"), loads.get(List.of("a")).get(5, TimeUnit.SECONDS));
    }

    @Test
    void aRefusedLoadFailsItsRequestsAndFreesItsPlace() throws Exception {
        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdown();
        BatchedLoads<String, String> loads = new BatchedLoads<>(keys -> Map.of(), closed, 1, 100);

        ExecutionException failed = assertThrows(ExecutionException.class, () -> loads.get(List.of("a")).get(5, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof RejectedExecutionException);
        assertThrows(ExecutionException.class, () -> loads.get(List.of("b")).get(5, TimeUnit.SECONDS),
                "refused again, not left waiting behind a load that never ran");
    }
}
