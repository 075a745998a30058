package io.shopscore.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.invitation.Invitation;
import io.shopscore.invitation.Tokens;
import io.shopscore.persistence.ReadRetry;
import io.shopscore.problem.DatabaseUnavailable;
import io.shopscore.problem.ProblemException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Writes customers' new reviews in group commits. Reviews arrive from many connections at once, and
 * as one transaction each, most of their cost was the commit (a file write on H2, a log flush on
 * PostgreSQL) and the queue on their shop's score row, not the review. Here one thread takes
 * whatever reviews are waiting, up to {@code shopscore.reviews.batch-size}, and writes them in one
 * transaction: each shop's score row is locked and updated once per batch, and one commit makes
 * them all durable. A review is acknowledged only after that commit, so none that was acknowledged
 * can be lost.
 *
 * <p>A review refused for its own reasons (unknown token, already reviewed, expired, blank text) is
 * refused alone: its checks run before it changes anything, and the rest of the batch carries on.
 * If the batch fails as a whole before its commit (a deadlock, a lost connection, a unique key that
 * another instance won), nothing of it was committed, and each of its reviews is written again in a
 * transaction of its own, as without batching, and gets its own answer.
 *
 * <p>A failure during the commit itself (the connection broke while the database committed) leaves
 * the outcome unknown: the database may have made the batch durable without saying so. Then the
 * writer first asks the database whether one of the batch's reviews exists (a batch is all or
 * nothing, and review ids are never handed out twice): if so, every review of the batch is
 * answered as written; if not, they are written again one by one; if the database cannot be asked
 * within {@code shopscore.reviews.queue-timeout}, the client is told that its review may not have
 * been stored and to send it again, which the invitation then refuses (409) if it was. A review is
 * never written twice.
 */
@ApplicationScoped
public class ReviewWriter {

    private static final Logger LOG = Logger.getLogger(ReviewWriter.class);

    /** Between two questions to a database that could not say whether a commit happened. */
    private static final Duration ASK_AGAIN_AFTER = Duration.ofMillis(500);

    private final ReviewService reviews;
    private final ReadRetry readRetry;
    private final ManagedExecutor workers;
    private final Clock clock;
    private final int batchSize;
    private final Duration queueTimeout;
    private final BlockingQueue<Pending> queue;
    private final DistributionSummary batchSizes;
    private volatile boolean running;
    private Thread thread;

    public ReviewWriter(ReviewService reviews, ReadRetry readRetry, Clock clock, ShopscoreConfig config, MeterRegistry metrics,
            ManagedExecutor workers) {
        this.reviews = reviews;
        this.readRetry = readRetry;
        this.workers = workers;
        this.clock = clock;
        this.batchSize = config.reviews().batchSize();
        this.queueTimeout = config.reviews().queueTimeout();
        this.queue = new ArrayBlockingQueue<>(config.reviews().queueCapacity());
        this.batchSizes = DistributionSummary.builder("shopscore.reviews.batch")
                .description("New reviews written per commit").register(metrics);
        metrics.gauge("shopscore.reviews.queued", queue, BlockingQueue::size);
    }

    /**
     * Queues the customer's review and completes once it is committed and counted, with the same
     * outcomes as {@link ReviewService#submit}. Completes on the caller's Vert.x context, so the
     * response is written there and not on the writing thread. 503 when the queue is full.
     */
    public CompletionStage<ReviewView> write(String token, ReviewSubmission submission, String clientAddress) {
        if (!Tokens.hasTokenForm(token)) {
            throw ReviewService.unknownToken();
        }
        Context context = Vertx.currentContext();
        // Made-up tokens must not fill the queue: a worker looks the token up before it takes a place.
        return CompletableFuture.supplyAsync(() -> readRetry.onceUnchecked(
                () -> QuarkusTransaction.requiringNew().call(() -> Invitation.existsWithToken(token))), workers)
                .thenCompose(known -> {
                    if (!known) {
                        throw ReviewService.unknownToken();
                    }
                    Pending pending = new Pending(token, submission, clientAddress, clock.instant(), context, new CompletableFuture<>());
                    if (!running || !queue.offer(pending)) {
                        throw ProblemException.unavailable(
                                "Too many reviews are being written at this moment; please try again in a few seconds.");
                    }
                    return pending.result();
                });
    }

    void start(@Observes StartupEvent start) {
        running = true;
        startThread();
    }

    private synchronized void startThread() {
        thread = new Thread(this::writeWhileRunning, "review-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the writing thread runs, for the readiness check: without it no review is written. */
    public boolean isWriting() {
        Thread current = thread;
        return running && current != null && current.isAlive();
    }

    /**
     * Starts a new writing thread if the last one died (it catches every failure of a batch, so only
     * something like an OutOfMemoryError outside one can end it). Reviews already queued stay queued.
     */
    @Scheduled(identity = "review-writer-watch", every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void restartIfDead() {
        if (running && !isWriting()) {
            LOG.error("The review writer had stopped; starting it again");
            startThread();
        }
    }

    /** Stops taking reviews and writes the ones already queued before the database goes away. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private void writeWhileRunning() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // never leave a caller waiting, and never let one bad batch stop the writer
                LOG.error("Writing a batch of reviews failed", e);
                batch.forEach(pending -> pending.fail(e));
            } finally {
                batch.clear();
            }
        }
    }

    /** Writes one batch, in one transaction if it can; package-visible so that tests can form a batch themselves. */
    void write(List<Pending> waiting) {
        List<Pending> batch = refuseStale(waiting);
        if (batch.isEmpty()) {
            return;
        }
        batchSizes.record(batch.size());
        // set as the last step before the commit: once it is set, only the commit itself can fail
        AtomicReference<List<Outcome>> decided = new AtomicReference<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Map<String, Invitation> invitations = reviews.lockForBatch(batch.stream().map(Pending::token).toList(),
                        batch.stream().map(Pending::submittedAt).toList());
                List<Outcome> written = new ArrayList<>(batch.size());
                for (Pending pending : batch) {
                    try {
                        written.add(Outcome.of(reviews.writeInTransaction(invitations.get(pending.token()), pending.submission(),
                                pending.submittedAt(), pending.clientAddress())));
                    } catch (ProblemException refused) {
                        written.add(Outcome.of(refused));
                    }
                }
                // every statement reaches the database here, so that a failure of any of them counts as before the commit
                Review.flush();
                decided.set(written);
            });
        } catch (RuntimeException batchFailed) {
            if (decided.get() == null) {
                LOG.debugf(batchFailed, "A batch of %d reviews failed before its commit; writing them one by one", batch.size());
                // a restart or failover ended the connection: write again on connections made after it
                readRetry.retireConnectionsIfBroken(batchFailed);
                writeOneByOne(batch);
            } else {
                settleUnknownCommit(batch, decided.get(), batchFailed);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            decided.get().get(i).completeFor(batch.get(i));
        }
    }

    /** The commit of a decided batch failed: answer from what the database holds, never writing a review twice. */
    private void settleUnknownCommit(List<Pending> batch, List<Outcome> decided, RuntimeException commitFailed) {
        Long anyWritten = decided.stream().filter(outcome -> outcome.review() != null).map(outcome -> outcome.review().id())
                .findFirst().orElse(null);
        if (anyWritten == null) {
            // the batch was to write nothing: every refusal stands whatever became of the commit
            for (int i = 0; i < batch.size(); i++) {
                decided.get(i).completeFor(batch.get(i));
            }
            return;
        }
        LOG.warnf("The commit of a batch of %d reviews failed (%s); asking the database whether it happened",
                batch.size(), commitFailed.getMessage());
        switch (commitOf(anyWritten)) {
            case HAPPENED -> {
                for (int i = 0; i < batch.size(); i++) {
                    decided.get(i).completeFor(batch.get(i));
                }
            }
            case DID_NOT_HAPPEN -> writeOneByOne(batch);
            case UNKNOWN -> {
                for (int i = 0; i < batch.size(); i++) {
                    Outcome outcome = decided.get(i);
                    if (outcome.review() != null) {
                        batch.get(i).fail(unconfirmed());
                    } else {
                        outcome.completeFor(batch.get(i));
                    }
                }
            }
        }
    }

    /**
     * Whether the transaction that wrote this review was committed, asked until the database answers
     * or {@code shopscore.reviews.queue-timeout} has passed. Ids come from a sequence, so a review
     * with this id exists only if that very transaction committed. A server still finishing that
     * commit can answer "not there" a moment too early: the review is then written again, where
     * the invitation's lock waits for the first transaction and the unique key refuses a second
     * review (409), so it is never stored twice; a client told 503 is told to send it again.
     */
    private Commit commitOf(long reviewId) {
        Instant giveUp = clock.instant().plus(queueTimeout);
        while (true) {
            try {
                boolean exists = QuarkusTransaction.requiringNew().call(() -> Review.findByIdOptional(reviewId).isPresent());
                return exists ? Commit.HAPPENED : Commit.DID_NOT_HAPPEN;
            } catch (RuntimeException stillAway) {
                if (!clock.instant().plus(ASK_AGAIN_AFTER).isBefore(giveUp)) {
                    LOG.errorf("Could not learn whether review %d was committed: %s", reviewId, stillAway.getMessage());
                    return Commit.UNKNOWN;
                }
                try {
                    Thread.sleep(ASK_AGAIN_AFTER.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Commit.UNKNOWN;
                }
            }
        }
    }

    private static ProblemException unconfirmed() {
        return ProblemException.unavailable("The database stopped answering while your review was being stored, and it cannot "
                + "be told yet whether it was. Please send it again in a few seconds: if it was stored, you will be told so (409).");
    }

    /**
     * Answers 503 to reviews that waited longer than {@code shopscore.reviews.queue-timeout} (a
     * database that was down or stuck): their clients have given up or are about to, and a review
     * written after its client was told nothing would surprise them. They were never written, so
     * sending them again is safe. Returns the others.
     */
    private List<Pending> refuseStale(List<Pending> waiting) {
        Instant oldest = clock.instant().minus(queueTimeout);
        List<Pending> fresh = new ArrayList<>(waiting.size());
        for (Pending pending : waiting) {
            if (pending.submittedAt().isBefore(oldest)) {
                pending.fail(ProblemException.unavailable("Your review could not be written in time; nothing was stored. Please send it again."));
            } else {
                fresh.add(pending);
            }
        }
        return fresh;
    }

    /**
     * Writes each review in a transaction of its own. When one fails because the database cannot be
     * reached, the rest are answered the same at once: each would wait for a connection in turn only
     * to fail alike, and their clients had better hear it quickly.
     */
    private void writeOneByOne(List<Pending> batch) {
        for (int i = 0; i < batch.size(); i++) {
            Outcome outcome = writeAlone(batch.get(i));
            outcome.completeFor(batch.get(i));
            if (outcome.failure() != null && databaseAway(outcome.failure())) {
                batch.subList(i + 1, batch.size()).forEach(pending -> pending.fail(outcome.failure()));
                return;
            }
        }
    }

    /** Writes one review in a transaction of its own; once more if its connection broke before the commit, when nothing was written. */
    private Outcome writeAlone(Pending pending) {
        return writeAlone(pending, true);
    }

    private Outcome writeAlone(Pending pending, boolean mayRetry) {
        AtomicReference<ReviewView> written = new AtomicReference<>();
        try {
            // reviews.write flushes, so once it returned only the commit can fail
            QuarkusTransaction.requiringNew().run(() -> written.set(
                    reviews.write(pending.token(), pending.submission(), pending.submittedAt(), pending.clientAddress())));
            return Outcome.of(written.get());
        } catch (RuntimeException failure) {
            if (written.get() == null) {
                return mayRetry && readRetry.retireConnectionsIfBroken(failure) ? writeAlone(pending, false) : Outcome.of(failure);
            }
            LOG.warnf("The commit of a review failed (%s); asking the database whether it happened", failure.getMessage());
            return switch (commitOf(written.get().id())) {
                case HAPPENED -> Outcome.of(written.get());
                case DID_NOT_HAPPEN -> Outcome.of(ProblemException.unavailable(
                        "The database failed while your review was being stored. Please send it again in a few seconds: "
                                + "if it was stored after all, you will be told so (409)."));
                case UNKNOWN -> Outcome.of(unconfirmed());
            };
        }
    }

    private static boolean databaseAway(RuntimeException failure) {
        return DatabaseUnavailable.isCause(failure)
                || failure instanceof ProblemException problem && problem.problem().status() == 503;
    }

    /** What became of a commit that reported a failure. */
    private enum Commit {
        HAPPENED, DID_NOT_HAPPEN, UNKNOWN
    }

    /** A review waiting to be written, and where its answer goes (null context: completed on the writing thread). */
    record Pending(String token, ReviewSubmission submission, String clientAddress, Instant submittedAt, Context context,
            CompletableFuture<ReviewView> result) {

        void complete(Runnable completion) {
            if (context != null) {
                context.runOnContext(ignored -> completion.run());
            } else {
                completion.run();
            }
        }

        void fail(Throwable failure) {
            complete(() -> result.completeExceptionally(failure));
        }
    }

    /** What became of one review of a batch: written, or refused with a problem. */
    private record Outcome(ReviewView review, RuntimeException failure) {

        static Outcome of(ReviewView review) {
            return new Outcome(review, null);
        }

        static Outcome of(RuntimeException failure) {
            return new Outcome(null, failure);
        }

        void completeFor(Pending pending) {
            if (failure != null) {
                pending.fail(failure);
            } else {
                pending.complete(() -> pending.result().complete(review));
            }
        }
    }
}
