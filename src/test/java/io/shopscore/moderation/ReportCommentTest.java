package io.shopscore.moderation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;

/** A report takes every comment it accepts, up to its 1,000 characters, and keeps it whole. */
@QuarkusTest
class ReportCommentTest {

    @Test
    void aReportWithTheLongestCommentIsTaken() {
        TestShop shop = Api.newShop();
        long id = shop.review(3, false);
        String comment = "This person never ordered here. ".repeat(40).substring(0, 1000);

        shop.asShop().body(Map.of("reason", "not_a_customer", "comment", comment))
                .post("/api/v1/shops/{slug}/reviews/{id}/reports", shop.slug(), id)
                .then().statusCode(201).body("comment", equalTo(comment));

        Api.asOperator().get("/api/v1/moderation/reviews/{id}/history", id).then().statusCode(200)
                .body("reason[-1]", startsWith("not_a_customer: This person never ordered here."));
    }
}
