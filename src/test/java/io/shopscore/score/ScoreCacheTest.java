package io.shopscore.score;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

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
}
