package io.shopscore.score;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.shopscore.config.ShopscoreConfig;
import io.shopscore.shop.ShopDescribed;
import io.shopscore.web.Representation;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Serialised scores, kept in memory so that the public score endpoints, called on every page view
 * of every shop with a badge, do not touch the database. One cache serves both
 * {@code GET /api/v1/shops/{slug}/score} and {@code GET /api/v1/scores?shops=...}: an entry is one
 * shop's score document, and a batch answer is put together from them. Whatever is not in memory
 * is loaded with one read for all the shops a request names, and for what other requests miss at
 * the same moment ({@link BatchedLoads}).
 *
 * <p>Bounded in size ({@code shopscore.scores.cache-size}); an entry lives at most
 * {@code shopscore.scores.cache-expiry} (10 s), which bounds how long another instance shows an old
 * score. This instance drops its copy as soon as a change to the score, or a rename of the shop,
 * commits. Unknown slugs are cached too (as empty), so a flood of made-up slugs cannot reach the
 * database.
 */
@ApplicationScoped
public class ScoreCache {

    private static final byte[] BATCH_START = "{\"scores\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BATCH_END = "]}".getBytes(StandardCharsets.UTF_8);

    /** What the assembled batch documents may hold at most, in bytes of their bodies. */
    private static final long ASSEMBLED_BYTES = 16L << 20;

    /** How many slugs one load reads at most: the batch endpoint's limit. */
    private static final int LOAD_MAX_SLUGS = 100;

    /** Null when the cache is switched off (size 0): every read loads. */
    private final AsyncCache<String, Optional<Representation>> cache;
    /**
     * The batch documents put together last, by the slugs asked, with the entries they were made
     * of: a page with badges asks for the same shops again and again, and putting 20 documents
     * together and hashing them for the ETag cost more than the rest of such an answer. Reused only
     * while every entry is the very same one (a changed score is a new entry). Null with the cache off.
     */
    private final Cache<List<String>, Assembled> assembled;
    private final ScoreService scores;
    private final ObjectMapper json;
    /** Misses of concurrent requests, loaded together; as many loads at once as there are CPUs to run them. */
    private final BatchedLoads<String, Representation> loads;

    @Inject
    public ScoreCache(ShopscoreConfig config, ScoreService scores, ObjectMapper json) {
        this(config.scores().cacheSize(), config.scores().cacheExpiry(), scores, json);
    }

    ScoreCache(long size, Duration expiry, ScoreService scores, ObjectMapper json) {
        this.cache = size == 0 ? null : Caffeine.newBuilder().maximumSize(size).expireAfterWrite(expiry).buildAsync();
        this.assembled = size == 0 ? null : Caffeine.newBuilder().maximumWeight(ASSEMBLED_BYTES).expireAfterWrite(expiry)
                .<List<String>, Assembled>weigher((slugs, batch) -> batch.document().body().length).build();
        this.scores = scores;
        this.json = json;
        this.loads = new BatchedLoads<>(this::query, Infrastructure.getDefaultWorkerPool(),
                Math.max(2, Runtime.getRuntime().availableProcessors()), LOAD_MAX_SLUGS);
    }

    /** The score document of one shop, empty for an unknown shop. Answers from memory when it can. */
    public Uni<Optional<Representation>> get(String slug) {
        return entries(List.of(slug)).map(found -> found.get(0));
    }

    /**
     * {@code {"scores":[...]}} for the known shops among these distinct slugs, in the order asked.
     * Whatever is not in memory is loaded with one query for all of them, not one per shop.
     */
    public Uni<Representation> getAll(List<String> slugs) {
        return entries(slugs).map(found -> batch(slugs, found));
    }

    /**
     * The score document of this shop if this instance holds it, loaded, in memory; null otherwise,
     * also for a shop known not to exist. Never loads and never waits: for {@link CachedScoreRoute}.
     */
    Representation ifCached(String slug) {
        Optional<Representation> entry = loaded(slug);
        return entry == null ? null : entry.orElse(null);
    }

    /**
     * The batch document of these distinct slugs if this instance holds every one of them (known or
     * known not to exist) in memory; null otherwise. Never loads and never waits: for
     * {@link CachedScoreRoute}.
     */
    Representation batchIfCached(List<String> slugs) {
        List<Optional<Representation>> found = new ArrayList<>(slugs.size());
        for (String slug : slugs) {
            Optional<Representation> entry = loaded(slug);
            if (entry == null) {
                return null;
            }
            found.add(entry);
        }
        return batch(slugs, found);
    }

    /** Drops this instance's copy once the change is committed, so the next read sees it. */
    void onScoreChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScoreChanged change) {
        if (cache != null) {
            cache.synchronous().invalidate(change.slug());
        }
    }

    /** A renamed shop's document names it: dropped like a changed score, once the rename commits. */
    void onShopDescribed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ShopDescribed change) {
        if (cache != null) {
            cache.synchronous().invalidate(change.slug());
        }
    }

    /** A loaded entry: the document, empty for an unknown shop; null when not in memory or still loading. */
    private Optional<Representation> loaded(String slug) {
        if (cache == null) {
            return null;
        }
        CompletableFuture<Optional<Representation>> entry = cache.getIfPresent(slug);
        if (entry == null || !entry.isDone() || entry.isCompletedExceptionally()) {
            return null;
        }
        return entry.join();
    }

    /** Each slug's document (empty for an unknown shop), in the order asked; the missing ones loaded together. */
    private Uni<List<Optional<Representation>>> entries(List<String> slugs) {
        if (cache == null) {
            return load(slugs).map(loaded -> slugs.stream().map(slug -> Optional.ofNullable(loaded.get(slug))).toList());
        }
        Map<String, CompletableFuture<Optional<Representation>>> entries = new LinkedHashMap<>();
        Map<String, CompletableFuture<Optional<Representation>>> toLoad = new HashMap<>();
        for (String slug : slugs) {
            CompletableFuture<Optional<Representation>> entry = cache.getIfPresent(slug);
            if (entry == null) {
                // Published before loading, so that a change committed meanwhile drops it; a reader
                // that published first for this slug loads it, and this one waits for that.
                CompletableFuture<Optional<Representation>> mine = new CompletableFuture<>();
                entry = cache.asMap().putIfAbsent(slug, mine);
                if (entry == null) {
                    entry = mine;
                    toLoad.put(slug, mine);
                }
            }
            entries.put(slug, entry);
        }
        if (!toLoad.isEmpty()) {
            // Started here and finished whatever becomes of this request: the entries are in the cache
            // already, and other requests wait for them. Tied to this request, a client that hung up
            // during the load left them unfinished for good (an unfinished entry never expires), and
            // every later request for those shops hung with it. A load the worker pool refuses (at
            // shutdown) fails, and so do its entries.
            loads.get(toLoad.keySet()).whenComplete((loaded, failure) -> toLoad.forEach((slug, entry) -> {
                if (failure != null) {
                    entry.completeExceptionally(failure); // the cache drops it: the next request loads again
                } else {
                    entry.complete(Optional.ofNullable(loaded.get(slug)));
                }
            }));
        }
        return Uni.createFrom().completionStage(CompletableFuture.allOf(entries.values().toArray(CompletableFuture[]::new)))
                .map(done -> entries.values().stream().map(CompletableFuture::join).toList());
    }

    /** The documents of the known shops among these slugs, for a request that reads with the cache switched off. */
    private Uni<Map<String, Representation>> load(List<String> slugs) {
        return Uni.createFrom().completionStage(() -> loads.get(slugs));
    }

    /** The documents of the known shops among these slugs, by slug, with one read for all. */
    private Map<String, Representation> query(Set<String> slugs) {
        Map<String, Representation> bySlug = new HashMap<>();
        scores.findAll(slugs).forEach(view -> bySlug.put(view.slug(), serialize(view)));
        return bySlug;
    }

    /** A batch document and the entries, in order, it was put together from. */
    private record Assembled(List<Optional<Representation>> parts, Representation document) {

        boolean madeOf(List<Optional<Representation>> entries) {
            if (parts.size() != entries.size()) {
                return false;
            }
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).orElse(null) != entries.get(i).orElse(null)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The batch document of these entries of these slugs: the one put together last when it is made of the same entries. */
    private Representation batch(List<String> slugs, List<Optional<Representation>> entries) {
        Assembled last = assembled == null ? null : assembled.getIfPresent(slugs);
        if (last != null && last.madeOf(entries)) {
            return last.document();
        }
        Representation document = assemble(entries);
        if (assembled != null) {
            assembled.put(List.copyOf(slugs), new Assembled(List.copyOf(entries), document));
        }
        return document;
    }

    private static Representation assemble(List<Optional<Representation>> scores) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(BATCH_START);
        boolean first = true;
        for (Optional<Representation> score : scores) {
            if (score.isPresent()) {
                if (!first) {
                    body.write(',');
                }
                body.writeBytes(score.get().body());
                first = false;
            }
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
