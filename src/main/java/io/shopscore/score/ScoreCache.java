package io.shopscore.score;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.shopscore.web.Representation;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Serialised scores, kept in memory so that the public score endpoint, called on every page view
 * of every shop with a badge, does not touch the database. Bounded in size; an entry lives at most
 * {@code quarkus.cache.caffeine."scores".expire-after-write} (10 s), which bounds how long another
 * instance shows an old score. This instance drops its copy as soon as a change commits.
 * Unknown slugs are cached too (as empty), so a flood of made-up slugs cannot reach the database.
 */
@ApplicationScoped
public class ScoreCache {

    private static final byte[] BATCH_START = "{\"scores\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BATCH_END = "]}".getBytes(StandardCharsets.UTF_8);

    private final Cache cache;
    private final ScoreService scores;
    private final ObjectMapper json;

    public ScoreCache(@CacheName("scores") Cache cache, ScoreService scores, ObjectMapper json) {
        this.cache = cache;
        this.scores = scores;
        this.json = json;
    }

    /** The score document of one shop, empty for an unknown shop. Answers from memory when it can. */
    public Uni<Optional<Representation>> get(String slug) {
        return cache.getAsync(slug, key -> Uni.createFrom().item(() -> scores.find(key).map(this::serialize))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /**
     * The score document of this shop if this instance holds it, loaded, in memory; null otherwise,
     * also for a shop known not to exist. Never loads and never waits: for {@link CachedScoreRoute}.
     */
    @SuppressWarnings("unchecked")
    Representation ifCached(String slug) {
        if (!(cache instanceof CaffeineCache caffeine)) {
            return null; // caching switched off (quarkus.cache.enabled=false): nothing is ever in memory
        }
        CompletableFuture<Object> entry = caffeine.getIfPresent(slug);
        if (entry == null || !entry.isDone() || entry.isCompletedExceptionally()) {
            return null;
        }
        return ((Optional<Representation>) entry.join()).orElse(null);
    }

    /**
     * {@code {"scores":[...]}} for the known shops among these distinct slugs, in the order asked.
     * Whatever is not in memory is loaded with one query for all of them, not one per shop.
     */
    @SuppressWarnings("unchecked")
    public Uni<Representation> getAll(List<String> slugs) {
        if (!(cache instanceof CaffeineCache caffeine)) {
            // caching switched off: load them all, every time
            return Uni.createFrom().item(() -> scores.findAll(slugs))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .map(loaded -> {
                        Map<String, Representation> bySlug = new HashMap<>();
                        loaded.forEach(view -> bySlug.put(view.slug(), serialize(view)));
                        return batch(slugs.stream().map(bySlug::get).filter(Objects::nonNull).toList());
                    });
        }
        Map<String, CompletableFuture<Object>> entries = new LinkedHashMap<>();
        Map<String, CompletableFuture<Object>> toLoad = new LinkedHashMap<>();
        for (String slug : slugs) {
            CompletableFuture<Object> entry = caffeine.getIfPresent(slug);
            if (entry == null) {
                // Published before loading, so that a change committed meanwhile invalidates it.
                entry = new CompletableFuture<>();
                caffeine.put(slug, entry);
                toLoad.put(slug, entry);
            }
            entries.put(slug, entry);
        }
        Uni<Void> loading = toLoad.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().item(() -> scores.findAll(toLoad.keySet()))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .invoke(loaded -> {
                            loaded.forEach(view -> toLoad.remove(view.slug()).complete(Optional.of(serialize(view))));
                            toLoad.values().forEach(unknown -> unknown.complete(Optional.empty()));
                        })
                        .onFailure().invoke(failure -> toLoad.values().forEach(entry -> entry.completeExceptionally(failure)))
                        .replaceWithVoid();
        return loading
                .chain(() -> Uni.createFrom().completionStage(
                        CompletableFuture.allOf(entries.values().toArray(CompletableFuture[]::new))))
                .map(done -> {
                    List<Representation> found = new ArrayList<>();
                    entries.values().forEach(entry -> ((Optional<Representation>) entry.join()).ifPresent(found::add));
                    return batch(found);
                });
    }

    /** Drops this instance's copy once the change is committed, so the next read sees it. */
    void onScoreChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScoreChanged change) {
        cache.invalidate(change.slug()).await().indefinitely();
    }

    private static Representation batch(List<Representation> scores) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(BATCH_START);
        for (int i = 0; i < scores.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(scores.get(i).body());
        }
        body.writeBytes(BATCH_END);
        return Representation.of(body.toByteArray(), MediaType.APPLICATION_JSON);
    }

    private Representation serialize(ScoreView view) {
        try {
            return Representation.of(json.writeValueAsBytes(view), MediaType.APPLICATION_JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A score view always serialises", e);
        }
    }
}
