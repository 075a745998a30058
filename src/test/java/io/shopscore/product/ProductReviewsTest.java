package io.shopscore.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;

/** Products of an order: the invitation lists them, the review grades them, their scores move exactly. */
@QuarkusTest
class ProductReviewsTest {

    private static int orders;

    static Map<String, Object> product(String sku, String name) {
        return new HashMap<>(Map.of("sku", sku, "name", name, "url", "https://shop.example/p/" + sku));
    }

    /** Invites an order with these products (link delivery) and returns the token. */
    static String invite(TestShop shop, List<Map<String, Object>> products) {
        return shop.asShop()
                .body(Map.of("orderRef", "P-" + (++orders) + "-" + System.nanoTime(), "email", "customer@example.com",
                        "delivery", "link", "products", products))
                .post("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(201).extract().path("token");
    }

    static Map<String, Object> grade(String sku, int score, String text) {
        Map<String, Object> grade = new HashMap<>(Map.of("sku", sku, "score", score));
        if (text != null) {
            grade.put("text", text);
        }
        return grade;
    }

    static ValidatableResponse review(String token, int score, List<Map<String, Object>> grades) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("score", score, "text", "Good shop", "displayName", "Jan", "products", grades))
                .post("/api/v1/invitations/{token}/review", token).then();
    }

    static ValidatableResponse productScore(TestShop shop, String sku) {
        return given().get("/api/v1/shops/{slug}/products/{sku}/score", shop.slug(), sku).then();
    }

    private static void refusedNaming(TestShop shop, Object products, String field) {
        shop.asShop().body(Map.of("orderRef", "BAD-" + System.nanoTime(), "email", "c@example.com", "products", products))
                .post("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    @Test
    void everyBadProductFieldIsNamed() {
        TestShop shop = Api.newShop();
        Map<String, Object> good = product("A-1", "Good");
        record Case(String field, Object value, String named) {
        }
        List<Case> cases = List.of(
                new Case("sku", "", "products[1].sku"),
                new Case("sku", "x".repeat(65), "products[1].sku"),
                new Case("sku", "a,b", "products[1].sku"),
                new Case("sku", "a/b", "products[1].sku"),
                new Case("sku", "tab\there", "products[1].sku"),
                new Case("sku", " lead", "products[1].sku"),
                new Case("name", null, "products[1].name"),
                new Case("name", "n".repeat(201), "products[1].name"),
                new Case("name", "line\nbreak", "products[1].name"),
                new Case("url", "javascript:alert(1)", "products[1].url"),
                new Case("url", "ftp://shop.example/x", "products[1].url"),
                new Case("url", "https://" + "a".repeat(2050), "products[1].url"),
                new Case("gtin", "1234567", "products[1].gtin"),
                new Case("gtin", "12345678901", "products[1].gtin"),
                new Case("gtin", "12345678x", "products[1].gtin"),
                new Case("mpn", "m".repeat(71), "products[1].mpn"),
                new Case("brand", "b".repeat(101), "products[1].brand"),
                new Case("imageUrl", "data:image/png;base64,AAAA", "products[1].imageUrl"));
        for (Case bad : cases) {
            Map<String, Object> product = product("B-1", "Other");
            product.put(bad.field(), bad.value());
            refusedNaming(shop, List.of(good, product), bad.named());
        }
        List<Object> withNull = new ArrayList<>();
        withNull.add(good);
        withNull.add(null);
        refusedNaming(shop, withNull, "products[1]");
        refusedNaming(shop, List.of(product("A", "a"), product("B", "b"), product("A", "again")), "products[2].sku");
        refusedNaming(shop, IntStream.range(0, 21).mapToObj(i -> product("S" + i, "n")).toList(), "products");
        // nothing was stored: no invitation of the shop, no product page
        shop.asShop().get("/api/v1/shops/{slug}/invitations", shop.slug()).then().body("total", equalTo(0));
        given().get("/api/v1/shops/{slug}/products/{sku}/reviews", shop.slug(), "A-1").then().statusCode(404);
    }

    @Test
    void productsAreGradedWithTheReviewAndScoredExactly() {
        TestShop shop = Api.newShop();
        Map<String, Object> mug = product("MUG-1", "Mug");
        mug.putAll(Map.of("gtin", "8712345678906", "brand", "Acme", "mpn", "M1", "imageUrl", "https://shop.example/mug.jpg"));
        List<Map<String, Object>> products = List.of(mug, product("TEE-1", "Tee"));
        review(invite(shop, products), 8, List.of(grade("MUG-1", 9, "Lovely mug"), grade("TEE-1", 4, null))).statusCode(201);
        review(invite(shop, products), 6, List.of(grade("MUG-1", 6, null))).statusCode(201);
        // a product may be left unrated
        review(invite(shop, products), 7, List.of()).statusCode(201);

        productScore(shop, "MUG-1").statusCode(200)
                .header("ETag", notNullValue())
                .header("Cache-Control", equalTo("public, max-age=60, stale-while-revalidate=300"))
                .body("sku", equalTo("MUG-1"))
                .body("name", equalTo("Mug"))
                .body("count", equalTo(2))
                .body("average", equalTo(7.5f))
                .body("stars", equalTo(3.8f))
                .body("recommendPercentage", nullValue())
                .body("distribution.'9'", equalTo(1))
                .body("distribution.'6'", equalTo(1))
                .body("last12Months.count", equalTo(2))
                .body("reviewPageUrl", equalTo("http://localhost:8080/shops/" + shop.slug() + "/products/MUG-1"));
        productScore(shop, "TEE-1").statusCode(200).body("count", equalTo(1)).body("average", equalTo(4.0f));
        // the shop's own score counts every review once
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().body("count", equalTo(3));

        given().get("/api/v1/shops/{slug}/products/{sku}/reviews", shop.slug(), "MUG-1").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .body("total", equalTo(2))
                .body("items.score", contains(6, 9))
                .body("items[1].text", equalTo("Lovely mug"))
                .body("items[1].displayName", equalTo("Jan"))
                .body("items[0].sku", equalTo("MUG-1"));
        given().get("/api/v1/shops/{slug}/products/{sku}/reviews?size=1&page=1", shop.slug(), "MUG-1").then()
                .body("items.score", contains(9));
        given().get("/api/v1/shops/{slug}/products/{sku}/reviews?size=0", shop.slug(), "MUG-1").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        given().get("/api/v1/shops/{slug}/products/{sku}/reviews", shop.slug(), "NOPE").then().statusCode(404);
    }

    @Test
    void scoresAnswer304AndBatchesKeepTheirLimits() {
        TestShop shop = Api.newShop();
        List<Map<String, Object>> products = List.of(product("A", "A"), product("B", "B"), product("C", "C"));
        review(invite(shop, products), 8, List.of(grade("A", 10, null), grade("C", 2, null))).statusCode(201);

        String etag = productScore(shop, "A").statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/shops/{slug}/products/{sku}/score", shop.slug(), "A")
                .then().statusCode(304).header("ETag", etag);
        productScore(shop, "B").statusCode(404).contentType("application/problem+json");
        productScore(shop, "UNKNOWN").statusCode(404);
        given().get("/api/v1/shops/{slug}/products/{sku}/score", "no-such-shop", "A").then().statusCode(404);

        String batchTag = given().get("/api/v1/shops/{slug}/product-scores?skus=C,B,A,X", shop.slug()).then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .body("scores.sku", contains("C", "A"))
                .body("scores[0].average", equalTo(2.0f))
                .extract().header("ETag");
        given().header("If-None-Match", batchTag).get("/api/v1/shops/{slug}/product-scores?skus=C,B,A,X", shop.slug())
                .then().statusCode(304);
        given().get("/api/v1/shops/{slug}/product-scores?skus=X,Y", shop.slug()).then().statusCode(200).body("scores", empty());

        String hundred = IntStream.range(0, 100).mapToObj(i -> "S" + i).collect(Collectors.joining(","));
        given().get("/api/v1/shops/{slug}/product-scores?skus=" + hundred, shop.slug()).then().statusCode(200);
        given().get("/api/v1/shops/{slug}/product-scores?skus=" + hundred + ",S100", shop.slug()).then().statusCode(400)
                .body("violations[0].field", equalTo("skus"));
        given().get("/api/v1/shops/{slug}/product-scores", shop.slug()).then().statusCode(400)
                .body("violations[0].field", equalTo("skus"));
        given().queryParam("skus", "A,<b>" + "x".repeat(70)).get("/api/v1/shops/{slug}/product-scores", shop.slug()).then()
                .statusCode(400).body("violations[0].field", equalTo("skus"));
        given().get("/api/v1/shops/{slug}/product-scores?skus=A", "no-such-shop").then().statusCode(404);
        // a browser's preflight from a webshop's page is answered
        given().header("Origin", "https://shop.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/shops/{slug}/product-scores?skus=A", shop.slug()).then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void onlyTheOrdersProductsCanBeGradedAndARefusalWritesNothing() {
        TestShop shop = Api.newShop();
        String token = invite(shop, List.of(product("A", "A"), product("B", "B")));
        Invitations.otherOrder(shop);
        review(token, 8, List.of(grade("A", 9, null), grade("ELSEWHERE", 5, null))).statusCode(400)
                .body("violations.field", contains("products[1].sku"));
        review(token, 8, List.of(grade("A", 9, null), grade("A", 5, null))).statusCode(400)
                .body("violations.field", contains("products[1].sku"));
        review(token, 8, List.of(grade("A", 11, null))).statusCode(400).body("violations.field", contains("products[0].score"));
        review(token, 8, List.of(grade("A", 9, "x".repeat(2001)))).statusCode(400).body("violations.field", contains("products[0].text"));
        given().contentType(ContentType.JSON)
                .body("{\"score\":8,\"text\":\"t\",\"products\":[{\"sku\":\"A\",\"score\":9,\"colour\":\"red\"}]}")
                .post("/api/v1/invitations/{token}/review", token).then().statusCode(400)
                .body("violations[0].field", equalTo("products[0].colour"));
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().body("count", equalTo(0));
        productScore(shop, "A").statusCode(404);
        // the invitation is still open
        review(token, 8, List.of(grade("A", 9, null))).statusCode(201);
        productScore(shop, "A").statusCode(200).body("count", equalTo(1));
    }

    @Test
    void changingWithdrawingHoldingAndRemovingMoveProductScores() {
        TestShop shop = Api.newShop();
        List<Map<String, Object>> products = List.of(product("A", "A"), product("B", "B"));
        long id = review(invite(shop, products), 8, List.of(grade("A", 9, null), grade("B", 3, null)))
                .statusCode(201).extract().<Number>path("id").longValue();
        review(invite(shop, products), 7, List.of(grade("A", 5, null))).statusCode(201);
        productScore(shop, "A").body("count", equalTo(2)).body("average", equalTo(7.0f));

        // the author changes A's grade and leaves B ungraded
        String edit = Api.editToken(id);
        given().contentType(ContentType.JSON)
                .body(Map.of("score", 8, "text", "Changed", "products", List.of(grade("A", 1, "Broke"))))
                .put("/api/v1/review-edits/{edit}", edit).then().statusCode(200);
        productScore(shop, "A").body("count", equalTo(2)).body("average", equalTo(3.0f)).body("distribution.'9'", equalTo(0));
        productScore(shop, "B").statusCode(404);
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().body("count", equalTo(2)).body("average", equalTo(7.5f));

        // the operator removes it: its product grades go with it, and come back when it is published again
        Api.asOperator().body(Map.of("decision", "remove", "reason", "Not a customer", "category", "not_a_customer"))
                .post("/api/v1/moderation/reviews/{id}/decision", id).then().statusCode(200);
        productScore(shop, "A").body("count", equalTo(1)).body("average", equalTo(5.0f));
        given().get("/api/v1/shops/{slug}/products/{sku}/reviews", shop.slug(), "A").then().body("total", equalTo(1));
        Api.asOperator().body(Map.of("decision", "publish")).post("/api/v1/moderation/reviews/{id}/decision", id)
                .then().statusCode(200);
        productScore(shop, "A").body("count", equalTo(2)).body("average", equalTo(3.0f));

        // withdrawn: counted out, and the author's words are gone
        given().delete("/api/v1/review-edits/{edit}", edit).then().statusCode(204);
        productScore(shop, "A").body("count", equalTo(1)).body("average", equalTo(5.0f));
        given().get("/api/v1/shops/{slug}/products/{sku}/reviews", shop.slug(), "A").then()
                .body("items.text", contains((Object) null)).body("total", equalTo(1));
    }

    @Test
    void aLinkInAProductTextHoldsTheWholeReview() {
        TestShop shop = Api.newShop();
        long id = review(invite(shop, List.of(product("A", "A"))), 8, List.of(grade("A", 9, "Cheaper at https://spam.example")))
                .statusCode(201).body("status", equalTo("pending")).extract().<Number>path("id").longValue();
        productScore(shop, "A").statusCode(404);
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().body("count", equalTo(0));
        Api.asOperator().body(Map.of("decision", "publish")).post("/api/v1/moderation/reviews/{id}/decision", id)
                .then().statusCode(200);
        productScore(shop, "A").statusCode(200).body("count", equalTo(1));
    }

    @Test
    void theNewestInvitationNamesTheProduct() {
        TestShop shop = Api.newShop();
        review(invite(shop, List.of(product("A", "Old name"))), 8, List.of(grade("A", 9, null))).statusCode(201);
        invite(shop, List.of(product("A", "New name")));
        productScore(shop, "A").body("name", equalTo("New name"));
    }

    @Test
    void simultaneousReviewsMoveProductScoresExactly() throws Exception {
        TestShop shop = Api.newShop();
        List<Map<String, Object>> products = List.of(product("A", "A"), product("B", "B"));
        int reviews = 60;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < reviews; i++) {
            tokens.add(invite(shop, products));
        }
        long[] perGrade = new long[11];
        long sumB = 0;
        int countB = 0;
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < reviews; i++) {
            int gradeA = 1 + i % 10;
            perGrade[gradeA]++;
            List<Map<String, Object>> grades = new ArrayList<>(List.of(grade("A", gradeA, null)));
            if (i % 3 == 0) {
                int gradeB = 1 + i % 7;
                grades.add(grade("B", gradeB, null));
                sumB += gradeB;
                countB++;
            }
            Map<String, Object> body = Map.of("score", 7, "text", "Review " + i, "products", grades);
            String token = tokens.get(i);
            Callable<Integer> post = () -> given().contentType(ContentType.JSON).body(body)
                    .post("/api/v1/invitations/{token}/review", token).statusCode();
            posts.add(post);
            posts.add(post);
        }
        Collections.shuffle(posts);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        int created = 0;
        try {
            for (Future<Integer> status : pool.invokeAll(posts)) {
                int code = status.get();
                if (code == 201) {
                    created++;
                } else if (code != 409) {
                    throw new AssertionError("Unexpected status " + code);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(reviews, created);
        JsonPath a = productScore(shop, "A").statusCode(200).extract().jsonPath();
        assertEquals(reviews, a.getInt("count"));
        for (int grade = 1; grade <= 10; grade++) {
            assertEquals(perGrade[grade], a.getLong("distribution.'" + grade + "'"), "grade " + grade);
        }
        assertEquals(reviews, a.getInt("last12Months.count"));
        JsonPath b = productScore(shop, "B").statusCode(200).extract().jsonPath();
        assertEquals(countB, b.getInt("count"));
        assertEquals(java.math.BigDecimal.valueOf(sumB).divide(java.math.BigDecimal.valueOf(countB), 1, java.math.RoundingMode.HALF_UP),
                new java.math.BigDecimal(b.getString("average")));
        given().get("/api/v1/shops/{slug}/products/{sku}/reviews", shop.slug(), "A").then().body("total", equalTo(reviews));
    }

    /** Another order of the same shop, so that a product that exists elsewhere is still not this order's. */
    static final class Invitations {
        static void otherOrder(TestShop shop) {
            invite(shop, List.of(product("ELSEWHERE", "Elsewhere")));
        }
    }
}
