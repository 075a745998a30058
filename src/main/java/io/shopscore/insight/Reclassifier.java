package io.shopscore.insight;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.shopscore.insight.classify.ReviewClassifier;
import io.shopscore.review.Review;
import io.shopscore.review.ReviewChanges;
import io.shopscore.score.CountedReview;

/**
 * Tags stored reviews again with the current classifier, after its rules changed (its VERSION went
 * up). Each review is retagged in a transaction of its own, under the same locks as any other
 * change, so its insight totals move exactly from the old topics to the new ones while reviews keep
 * coming in. Runs in the background; started by the operator, and at start-up when stale tags exist.
 * Several instances may run it at once: a review already tagged with the current version is skipped.
 */
@ApplicationScoped
public class Reclassifier {

    private static final Logger LOG = Logger.getLogger(Reclassifier.class);
    private static final int BATCH = 200;

    /** Progress of the current or last run. */
    @Schema(name = "Reclassification")
    public record Progress(
            @Schema(enumeration = { "idle", "running", "done" }) String state,
            @Schema(description = "The classifier version reviews are tagged with") String classifierVersion,
            long checked, long retagged, @Schema(nullable = true) Instant startedAt, @Schema(nullable = true) Instant finishedAt,
            @Schema(description = "Reviews still tagged by an older version (or never)") long stale) {
    }

    private final ReviewClassifier classifier;
    private final ReviewChanges changes;
    private final ManagedExecutor executor;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong checked = new AtomicLong();
    private final AtomicLong retagged = new AtomicLong();
    private volatile Instant startedAt;
    private volatile Instant finishedAt;

    public Reclassifier(ReviewClassifier classifier, ReviewChanges changes, ManagedExecutor executor) {
        this.classifier = classifier;
        this.changes = changes;
        this.executor = executor;
    }

    void onStart(@Observes StartupEvent start) {
        if (stale() > 0) {
            LOG.infof("Some reviews are not tagged by classifier version %s; retagging them in the background", ReviewClassifier.VERSION);
            start();
        }
    }

    /** Starts a run unless one is running; returns where it stands. */
    public Progress start() {
        if (running.compareAndSet(false, true)) {
            checked.set(0);
            retagged.set(0);
            startedAt = Instant.now();
            finishedAt = null;
            executor.runAsync(this::run).whenComplete((done, failure) -> {
                if (failure != null) {
                    LOG.error("Retagging reviews stopped", failure);
                }
                finishedAt = Instant.now();
                running.set(false);
            });
        }
        return progress();
    }

    public Progress progress() {
        String state = running.get() ? "running" : startedAt == null ? "idle" : "done";
        return new Progress(state, ReviewClassifier.VERSION, checked.get(), retagged.get(), startedAt, finishedAt, stale());
    }

    private long stale() {
        return QuarkusTransaction.requiringNew().call(
                () -> Review.count("classifierVersion is null or classifierVersion <> ?1", ReviewClassifier.VERSION));
    }

    private void run() {
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> Review.getEntityManager()
                    .createQuery("select r.id from Review r where r.id > :after and (r.classifierVersion is null or r.classifierVersion <> :version) order by r.id",
                            Long.class)
                    .setParameter("after", from).setParameter("version", ReviewClassifier.VERSION)
                    .setMaxResults(BATCH).getResultList());
            if (ids.isEmpty()) {
                return;
            }
            for (Long id : ids) {
                QuarkusTransaction.requiringNew().run(() -> retag(id));
                checked.incrementAndGet();
            }
            after = ids.get(ids.size() - 1);
        }
    }

    private void retag(long id) {
        Review review = Review.lock(id).orElse(null);
        if (review == null || ReviewClassifier.VERSION.equals(review.classifierVersion())) {
            return;
        }
        CountedReview before = review.counted();
        review.tag(classifier.classify(review.title(), review.text(), review.grade().value()), ReviewClassifier.VERSION);
        CountedReview after = review.counted();
        changes.recount(review, before);
        if (before != null && !before.equals(after)) {
            retagged.incrementAndGet();
        }
    }
}
