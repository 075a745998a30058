package io.shopscore.testing;

import java.util.HashMap;
import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.shopscore.review.EditLinks;

/** Builds test data through the public API, the way a shop and its customers would. */
public final class Api {

    public static final String ADMIN_TOKEN = "test-admin-token";
    private static final AtomicLong ORDERS = new AtomicLong();

    private Api() {
    }

    /** A shop made for one test: its slug and API key. */
    public record TestShop(String slug, String apiKey) {

        /** A request with the shop's key, from the shop's own server (one address per shop, as in life). */
        public RequestSpecification asShop() {
            return given().auth().oauth2(apiKey).contentType(ContentType.JSON)
                    .header(DistinctClientAddresses.HEADER, DistinctClientAddresses.addressOf(slug));
        }

        /** Invites a new order's customer and returns the token of the link. */
        public String invite() {
            return asShop()
                    .body(Map.of("orderRef", "ORD-" + ORDERS.incrementAndGet(), "email", "customer@example.com", "delivery", "link"))
                    .post("/api/v1/shops/{slug}/invitations", slug)
                    .then().statusCode(201)
                    .extract().path("token");
        }

        /** Writes a review with this grade through a new invitation; returns the review's id. */
        public long review(int score, Boolean recommend) {
            String token = invite();
            Map<String, Object> body = new HashMap<>(Map.of("score", score, "text", "Review with grade " + score));
            if (recommend != null) {
                body.put("recommend", recommend);
            }
            return given().contentType(ContentType.JSON).body(body)
                    .post("/api/v1/invitations/{token}/review", token)
                    .then().statusCode(201)
                    .extract().<Number>path("id").longValue();
        }
    }

    /** The author's edit token of a review, derived as the service derives the one it mails them. */
    public static String editToken(long reviewId) {
        return Arc.container().instance(EditLinks.class).get().token(reviewId);
    }

    public static RequestSpecification asOperator() {
        return given().auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    /** A unique slug, so that tests sharing one application never see each other's data. */
    public static String freshSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static TestShop newShop() {
        return newShop(freshSlug("shop"), "nl");
    }

    public static TestShop newShop(String slug, String locale) {
        return create(Map.of("slug", slug, "name", "Shop " + slug, "websiteUrl", "https://" + slug + ".example", "locale", locale));
    }

    /** A new Dutch shop whose negative-review alerts and dashboard sign-in go to this address (only the operator sets it so). */
    public static TestShop newShopWithContact(String contactEmail) {
        String slug = freshSlug("shop");
        return create(Map.of("slug", slug, "name", "Shop " + slug, "websiteUrl", "https://" + slug + ".example", "locale", "nl",
                "contactEmail", contactEmail));
    }

    private static TestShop create(Map<String, Object> body) {
        String apiKey = asOperator().body(body).post("/api/v1/shops").then().statusCode(201).extract().path("apiKey");
        return new TestShop((String) body.get("slug"), apiKey);
    }
}
