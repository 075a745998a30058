package io.shopscore.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.shopscore.paging.PageRequest;
import io.shopscore.web.Representation;

/** The cache of public review pages, with pages of chosen sizes instead of a database. */
class ReviewListCacheTest {

    private final Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();

    private Representation load(String slug, PageRequest request, int bytes) {
        loads.computeIfAbsent(slug + "/" + request.page(), ignored -> new AtomicInteger()).incrementAndGet();
        return Representation.of(new byte[bytes], "application/json");
    }

    private int loadsOf(String slug, int page) {
        return loads.getOrDefault(slug + "/" + page, new AtomicInteger()).get();
    }

    @Test
    void aChangeToOneShopsReviewDropsThatShopsPagesOnly() {
        ReviewListCache cache = new ReviewListCache(1_000_000, Duration.ofSeconds(10), (slug, request) -> load(slug, request, 100));
        for (String slug : List.of("changed", "untouched")) {
            for (int page = 0; page < 3; page++) {
                cache.page(slug, new PageRequest(page, 3));
            }
        }
        Representation untouched = cache.page("untouched", new PageRequest(0, 3));

        cache.changed("changed");

        for (int page = 0; page < 3; page++) {
            cache.page("changed", new PageRequest(page, 3));
            cache.page("untouched", new PageRequest(page, 3));
            assertEquals(2, loadsOf("changed", page), "the changed shop's page " + page + " is loaded again");
            assertEquals(1, loadsOf("untouched", page), "the other shop's page " + page + " is still served from memory");
        }
        assertSame(untouched, cache.page("untouched", new PageRequest(0, 3)));
        cache.page("changed", new PageRequest(0, 3));
        assertEquals(2, loadsOf("changed", 0), "and the reloaded page is cached again");
    }

    @Test
    void theCacheHoldsNoMoreBytesThanItsBound() {
        long bound = 100_000;
        ReviewListCache cache = new ReviewListCache(bound, Duration.ofSeconds(10),
                (slug, request) -> load(slug, request, request.size() * 1_000)); // a page: 1 KB per review
        for (int shop = 0; shop < 50; shop++) {
            cache.page("shop-" + shop, new PageRequest(0, 3));     // small pages, as the widget asks for
            cache.page("shop-" + shop, new PageRequest(0, 100));   // and big ones
            assertTrue(cache.weight() <= bound, "held " + cache.weight() + " bytes of " + bound);
        }
        assertTrue(cache.weight() > bound / 2, "and it is used: " + cache.weight());
    }
}
