package io.shopscore.review;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.shopscore.config.ShopscoreConfig;
import io.shopscore.paging.PageRequest;
import io.shopscore.web.Representation;

/**
 * Serialised pages of a shop's public reviews. The widget's "reviews" variant asks for the newest
 * three on every page view, so like scores they are kept in memory: for at most
 * {@code shopscore.reviews.list-cache-expiry} (10 s) on other instances, and no longer served on
 * this instance as soon as a change to a review of the shop commits.
 *
 * <p>Bounded by bytes, not entries ({@code shopscore.reviews.list-cache-size}): a page of 100 long
 * reviews weighs a thousand times a page of three short ones. A change does not look through the
 * cache for the shop's pages: every key carries the shop's generation, and a change moves the
 * shop to the next one, so its old pages are never read again and age out (by expiry, or first
 * when the bytes run out). A page loaded before a change commits and stored after it is stored
 * under the old generation, so it cannot be served as new either.
 */
@ApplicationScoped
public class ReviewListCache {

    /** What an entry costs besides its body: the key, the ETag and the objects around them. */
    private static final int ENTRY_OVERHEAD = 200;

    private final Cache<Key, Representation> pages;
    private final Map<String, Long> generations = new ConcurrentHashMap<>();
    private final BiFunction<String, PageRequest, Representation> load;

    @Inject
    public ReviewListCache(ShopscoreConfig config, ReviewService reviews, ObjectMapper json) {
        this(config.reviews().listCacheSize().asLongValue(), config.reviews().listCacheExpiry(),
                (slug, request) -> serialize(json, reviews, slug, request));
    }

    ReviewListCache(long maxBytes, Duration expiry, BiFunction<String, PageRequest, Representation> load) {
        this.load = load;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key key, Representation page) -> weight(page))
                .expireAfterWrite(expiry)
                .build();
    }

    /** A page of the shop's published reviews as JSON; 404 (a problem) for an unknown shop, which is not cached. */
    public Representation page(String slug, PageRequest request) {
        Key key = new Key(slug, generations.getOrDefault(slug, 0L), request.page(), request.size());
        return pages.get(key, ignored -> load.apply(slug, request));
    }

    void onReviewChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReviewChanged change) {
        changed(change.shopSlug());
    }

    /** The shop's cached pages are no longer served: the next read of each loads it again. */
    void changed(String slug) {
        generations.merge(slug, 1L, Long::sum);
    }

    /** The bytes the cache holds now, after evicting what is over the bound. */
    long weight() {
        pages.cleanUp();
        return pages.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    static int weight(Representation page) {
        return page.body().length + page.etag().length() + ENTRY_OVERHEAD;
    }

    private static Representation serialize(ObjectMapper json, ReviewService reviews, String slug, PageRequest request) {
        try {
            return Representation.of(json.writeValueAsBytes(reviews.published(slug, request)), MediaType.APPLICATION_JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A page of reviews always serialises", e);
        }
    }

    private record Key(String slug, long generation, int page, int size) {
    }
}
