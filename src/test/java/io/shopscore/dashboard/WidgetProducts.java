package io.shopscore.dashboard;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.shopscore.testing.Api.TestShop;

/** Products in a shop's catalogue the way they get there: an invitation names them, and its customer may grade them. */
final class WidgetProducts {

    private WidgetProducts() {
    }

    /** One order listing the product; graded with {@code grade} when it is not null. */
    static void order(TestShop shop, String sku, String name, Integer grade) {
        String token = shop.asShop()
                .body(Map.of("orderRef", "WP-" + System.nanoTime(), "email", "customer@example.com", "delivery", "link",
                        "products", List.of(Map.of("sku", sku, "name", name))))
                .post("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(201).extract().path("token");
        if (grade != null) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("score", 9, "text", "Fine shop", "products", List.of(Map.of("sku", sku, "score", grade))))
                    .post("/api/v1/invitations/{token}/review", token)
                    .then().statusCode(201);
        }
    }
}
