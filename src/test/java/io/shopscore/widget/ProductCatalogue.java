package io.shopscore.widget;

import static io.restassured.RestAssured.given;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shopscore.testing.Api.TestShop;

/**
 * Puts products and their grades into the real service the way a shop and its customers do: the
 * shop invites orders that list the products (link delivery), each customer reviews the shop and
 * grades the products of the order. Grades are written in rounds, the n-th grade of every product
 * in the n-th round, twenty products to an order (the API's limit); a product without grades is
 * listed in an order but left ungraded, so it is in the catalogue without a review.
 */
final class ProductCatalogue {

    private static final int PRODUCTS_PER_ORDER = 20;

    private ProductCatalogue() {
    }

    static void publish(TestShop shop, List<GradedProduct> products) {
        int rounds = products.stream().mapToInt(product -> product.grades().length).max().orElse(0);
        for (int round = 0; round < Math.max(rounds, 1); round++) {
            int r = round;
            List<GradedProduct> ordered = products.stream()
                    .filter(product -> product.grades().length > r || (r == 0 && product.grades().length == 0)).toList();
            for (int from = 0; from < ordered.size(); from += PRODUCTS_PER_ORDER) {
                order(shop, ordered.subList(from, Math.min(ordered.size(), from + PRODUCTS_PER_ORDER)), r);
            }
        }
    }

    private static void order(TestShop shop, List<GradedProduct> products, int round) {
        List<Map<String, Object>> lines = products.stream()
                .<Map<String, Object>>map(product -> Map.of("sku", product.sku(), "name", product.name())).toList();
        String token = shop.asShop()
                .body(Map.of("orderRef", "W-" + System.nanoTime(), "email", "customer@example.com", "delivery", "link", "products", lines))
                .post("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(201).extract().path("token");
        List<Map<String, Object>> grades = new ArrayList<>();
        for (GradedProduct product : products) {
            if (product.grades().length > round) {
                grades.add(Map.of("sku", product.sku(), "score", product.grades()[round]));
            }
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("score", 8, "text", "Good coffee shop", "displayName", "Jan", "products", grades))
                .post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(201);
    }

    /** The product's score as the API gives it ({@code GET /products/{sku}/score}). */
    static JsonPath score(TestShop shop, String sku) {
        return given().urlEncodingEnabled(false).get("/api/v1/shops/" + shop.slug() + "/products/" + pathSegment(sku) + "/score")
                .then().statusCode(200).extract().jsonPath();
    }

    /** A sku as one segment of a URL path, as the service's own links write it. */
    static String pathSegment(String sku) {
        return URLEncoder.encode(sku, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static int[] grades(int grade, int times) {
        int[] grades = new int[times];
        Arrays.fill(grades, grade);
        return grades;
    }
}
