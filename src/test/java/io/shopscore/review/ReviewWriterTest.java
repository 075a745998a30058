package io.shopscore.review;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopscore.invitation.Invitation;
import io.shopscore.problem.ProblemException;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.DistinctClientAddresses;

/**
 * Reviews written together in one group commit: each gets its own answer, a refused one changes
 * nothing, and a batch that fails as a whole is written again review by review.
 */
@QuarkusTest
class ReviewWriterTest {

    @Inject
    ReviewWriter writer;

    @Test
    void eachReviewOfABatchGetsItsOwnAnswerAndOnlyWrittenOnesCount() throws Exception {
        TestShop shop = Api.newShop();
        String first = shop.invite();
        String second = shop.invite();
        String blank = shop.invite();
        String expired = shop.invite();
        Instant now = Instant.now();

        List<ReviewWriter.Pending> batch = List.of(
                pending(first, 9, "Quick and friendly", now),
                pending(first, 2, "The same link a second time", now),
                pending("A".repeat(43), 5, "A link that was never sent", now),
                pending("not-a-token", 5, "Not even the form of a link", now),
                pending(blank, 4, "\u0007", now),
                pending(expired, 3, "Far too late", now.plus(Duration.ofDays(365))),
                pending(second, 7, "Fine", now));
        writer.write(batch);

        assertEquals(9, outcome(batch.get(0)).score());
        assertRefused(409, batch.get(1));
        assertRefused(404, batch.get(2));
        assertRefused(404, batch.get(3));
        assertRefused(400, batch.get(4));
        assertRefused(410, batch.get(5));
        assertEquals(7, outcome(batch.get(6)).score());

        JsonPath score = score(shop);
        assertEquals(2, score.getInt("count"));
        assertEquals(1, score.getInt("distribution.'9'"));
        assertEquals(1, score.getInt("distribution.'7'"));
        // the refused reviews left their invitations open: a proper review through them still counts
        given().contentType("application/json").body("{\"score\":6,\"text\":\"Now with words\"}")
                .post("/api/v1/invitations/{token}/review", blank).then().statusCode(201);
        assertEquals(3, score(shop).getInt("count"));
    }

    @Test
    void aBatchThatFailsAtTheDatabaseIsWrittenAgainReviewByReview() throws Exception {
        TestShop shop = Api.newShop();
        String before = shop.invite();
        String taken = shop.invite();
        String after = shop.invite();
        // As if another instance had stored a review for this invitation without this one seeing
        // it yet: the unique key on the review's invitation fails the whole batch at commit.
        QuarkusTransaction.requiringNew().run(() -> {
            Invitation invitation = Invitation.findByToken(taken).orElseThrow();
            Review.write(invitation, new ReviewSubmission(8, "Stored elsewhere", null, true, null), Instant.now(), List.of()).persist();
        });

        List<ReviewWriter.Pending> batch = List.of(pending(before, 10, "Great", Instant.now()),
                pending(taken, 1, "Too late for this one", Instant.now()), pending(after, 6, "Fine", Instant.now()));
        writer.write(batch);

        assertEquals(10, outcome(batch.get(0)).score());
        assertRefused(409, batch.get(1));
        assertEquals(6, outcome(batch.get(2)).score());
        JsonPath score = score(shop);
        assertEquals(2, score.getInt("count"));
        assertEquals(1, score.getInt("distribution.'10'"));
        assertEquals(1, score.getInt("distribution.'6'"));
    }

    @Test
    void aReviewThatWaitedTooLongIsRefusedAndNeverWritten() throws Exception {
        TestShop shop = Api.newShop();
        String token = shop.invite();
        ReviewWriter.Pending stale = pending(token, 9, "Waited while the database was down", Instant.now().minus(Duration.ofMinutes(1)));
        writer.write(List.of(stale));
        ExecutionException refused = assertThrows(ExecutionException.class, () -> stale.result().get(5, TimeUnit.SECONDS));
        assertEquals(503, ((ProblemException) refused.getCause()).problem().status());
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().body("count", equalTo(0));
        given().contentType("application/json").body(Map.of("score", 9, "text", "Sent again")).post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(201);
    }

    private static ReviewWriter.Pending pending(String token, int grade, String text, Instant at) {
        return new ReviewWriter.Pending(token, new ReviewSubmission(grade, text, null, grade >= 6, null), DistinctClientAddresses.randomAddress(), at, null,
                new CompletableFuture<>());
    }

    private static ReviewView outcome(ReviewWriter.Pending pending) throws Exception {
        return pending.result().get(10, TimeUnit.SECONDS);
    }

    private static void assertRefused(int status, ReviewWriter.Pending pending) throws Exception {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> pending.result().get(10, TimeUnit.SECONDS));
        assertEquals(status, assertInstanceOf(ProblemException.class, failure.getCause()).problem().status());
    }

    private static JsonPath score(TestShop shop) {
        return given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200).extract().jsonPath();
    }
}
