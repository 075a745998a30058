package io.shopscore.score;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shopscore.testing.Api;
import io.shopscore.web.Representation;
import io.smallrye.mutiny.subscription.Cancellable;

@QuarkusTest
class ScoreCacheTest {

    @Inject
    ScoreCache cache;

    /**
     * A badge request whose client hangs up while its shops load (wrk's timeout under load, a
     * visitor leaving the page) must not leave those shops loading for good: under the benchmark's
     * 50 connections every later request for them hung, and the 20-shop round answered nothing.
     */
    @Test
    void aReaderThatGoesAwayDuringTheLoadLeavesNoShopWaitingForGood() {
        List<String> slugs = IntStream.range(0, 20).mapToObj(i -> Api.newShop().slug()).toList();

        Cancellable leftEarly = cache.getAll(slugs).subscribe().with(answer -> { });
        leftEarly.cancel();

        Representation answer = cache.getAll(slugs).await().atMost(Duration.ofSeconds(10));
        String body = new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8);
        slugs.forEach(slug -> assertThat(body, containsString("\"slug\":\"" + slug + "\"")));
    }

    /**
     * A page asks for the same shops again and again: the batch document is put together once and
     * reused while every shop's entry is the same, and put together anew once one score changed.
     */
    @Test
    void aBatchIsReusedUntilOneOfItsScoresChanges() {
        Api.TestShop changing = Api.newShop();
        Api.TestShop steady = Api.newShop();
        List<String> slugs = List.of(changing.slug(), steady.slug(), "no-such-shop-" + System.nanoTime());
        Representation first = cache.getAll(slugs).await().atMost(Duration.ofSeconds(10));
        assertSame(first, cache.batchIfCached(slugs), "the same shops, the same entries: the same document");
        assertSame(first, cache.getAll(slugs).await().atMost(Duration.ofSeconds(10)));
        assertNotSame(first, cache.batchIfCached(List.of(steady.slug(), changing.slug())), "another order is another document");

        changing.review(9, true);
        Representation after = cache.getAll(slugs).await().atMost(Duration.ofSeconds(10));
        assertNotEquals(first.etag(), after.etag(), "the changed score is in the new document");
        assertThat(new String(after.body(), java.nio.charset.StandardCharsets.UTF_8), containsString("\"count\":1"));
        assertSame(after, cache.batchIfCached(slugs));
    }
}
