package io.shopscore.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.shopscore.problem.ProblemException;
import io.shopscore.web.Representation;

/**
 * The change feed: which shops' scores changed, in the order their changes were placed.
 *
 * <p>Writers only mark a shop's row as changed (in {@link ScoreService}, in the writer's own
 * transaction). Positions are handed out afterwards, by the placer, to changes that have committed:
 * it locks the one counter row, numbers the waiting rows and commits, so placers of all instances
 * take turns and each batch of positions becomes visible as a whole and after every smaller one.
 * A reader that has seen position p therefore never later finds a change placed below p, however
 * the writers' commits raced. The placer runs right after a change commits on this instance, at
 * start-up and every few seconds (for changes whose instance stopped before placing them).
 */
@ApplicationScoped
public class ScoreChangeLog {

    private static final Logger LOG = Logger.getLogger(ScoreChangeLog.class);
    /** Rows numbered per placer transaction, so that a backlog (a migration, a long outage) never makes one huge transaction. */
    private static final int PLACE_AT_ONCE = 1000;

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final ScoreService scores;
    private final ScoreChangeCursors cursors;
    private final ObjectMapper json;
    private final ExecutorService placer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "score-change-placer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean placingRequested = new AtomicBoolean();

    public ScoreChangeLog(ScoreService scores, ScoreChangeCursors cursors, ObjectMapper json) {
        this.scores = scores;
        this.cursors = cursors;
        this.json = json;
    }

    /**
     * A page of the feed as served: the shops changed after the cursor ({@code null}: from the
     * beginning), at most {@code limit} (default 100, at most 500), and the cursor to ask with next.
     */
    @Transactional
    public Representation page(String after, String limit) {
        Changes changes = after(cursors.position(after), parseLimit(limit));
        try {
            return Representation.of(json.writeValueAsBytes(new ScoreChanges(changes.items(), cursors.issue(changes.lastPosition()))),
                    MediaType.APPLICATION_JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Scores always serialise", e);
        }
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        if (limit.length() > 3 || !limit.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        return Integer.parseInt(limit);
    }

    /** The shops whose latest change was placed after {@code after}, oldest first, with their current scores. */
    @Transactional
    Changes after(long after, int limit) {
        List<Object[]> rows = ScoreChange.getEntityManager().createQuery("""
                select c.position, s.slug from ScoreChange c, Shop s
                where s.id = c.shopId and c.position > :after order by c.position""", Object[].class)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
        if (rows.isEmpty()) {
            return new Changes(List.of(), after);
        }
        List<String> slugs = rows.stream().map(row -> (String) row[1]).toList();
        // Read after the positions, in the same transaction: each score is at least as new as the change placed for it.
        Map<String, ScoreView> current = scores.findAll(slugs).stream()
                .collect(Collectors.toMap(ScoreView::slug, Function.identity()));
        List<ScoreView> items = new ArrayList<>(slugs.size());
        for (String slug : slugs) {
            ScoreView view = current.get(slug);
            if (view != null) {
                items.add(view);
            }
        }
        return new Changes(items, (Long) rows.get(rows.size() - 1)[0]);
    }

    /** A page of the feed: the changed shops' scores and the position of the last one. */
    record Changes(List<ScoreView> items, long lastPosition) {
    }

    /** Numbers every change that waits for a position; returns how many it placed. */
    public int placeWaiting() {
        int placed = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> placeWaiting(PLACE_AT_ONCE));
            placed += batch;
        } while (batch == PLACE_AT_ONCE);
        return placed;
    }

    private static int placeWaiting(int max) {
        // The counter lock first: placers queue here, and waiting rows are read only once it is held.
        ScoreChangeCounter counter = ScoreChangeCounter.lock();
        List<ScoreChange> waiting = ScoreChange.waiting(max);
        for (ScoreChange change : waiting) {
            change.placeAt(counter.next());
        }
        return waiting.size();
    }

    void onScoreChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScoreChanged change) {
        requestPlacing();
    }

    void onStart(@Observes StartupEvent start) {
        requestPlacing();
    }

    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        requestPlacing();
    }

    /**
     * Asks the placer thread to run. Requests that arrive while a run is queued join it; one that
     * arrives while a run is under way queues another, so a change committed during a run is placed.
     */
    private void requestPlacing() {
        if (placingRequested.compareAndSet(false, true)) {
            placer.execute(() -> {
                placingRequested.set(false);
                try {
                    placeWaiting();
                } catch (RuntimeException e) {
                    // The sweep tries again in a few seconds; nothing is lost while a change waits.
                    LOG.warnf(e, "Could not place score changes in the feed; retrying on the next sweep");
                }
            });
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        placer.shutdown();
        placer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
