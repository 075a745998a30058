package io.shopscore.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.shopscore.paging.PageRequest;
import io.shopscore.web.Representation;

/**
 * Serialised pages of a shop's public reviews. The widget's "reviews" variant asks for the newest
 * three on every page view, so like scores they are kept in memory: bounded, for at most
 * {@code quarkus.cache.caffeine."reviews".expire-after-write} (10 s) on other instances, and dropped
 * on this instance as soon as a review of the shop changes.
 */
@ApplicationScoped
public class ReviewListCache {

    private final Cache cache;
    private final ReviewService reviews;
    private final ObjectMapper json;

    public ReviewListCache(@CacheName("reviews") Cache cache, ReviewService reviews, ObjectMapper json) {
        this.cache = cache;
        this.reviews = reviews;
        this.json = json;
    }

    /** A page of the shop's published reviews as JSON; 404 (a problem) for an unknown shop, which is not cached. */
    public Representation page(String slug, PageRequest request) {
        Key key = new Key(slug, request.page(), request.size());
        return cache.<Key, Representation>get(key, ignored -> serialize(slug, request)).await().indefinitely();
    }

    void onReviewChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReviewChanged change) {
        cache.invalidateIf(key -> key instanceof Key cached && cached.slug().equals(change.shopSlug())).await().indefinitely();
    }

    private Representation serialize(String slug, PageRequest request) {
        try {
            return Representation.of(json.writeValueAsBytes(reviews.published(slug, request)), MediaType.APPLICATION_JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A page of reviews always serialises", e);
        }
    }

    private record Key(String slug, int page, int size) {
    }
}
