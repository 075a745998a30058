package io.shopscore.review.transfer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;

/** A shop downloads every review it has, as CSV or JSON (docs/api.md, "Import and export"). */
@QuarkusTest
class ReviewExportTest {

    private static final String EXPORT = "/api/v1/shops/{slug}/reviews/export.csv";

    @Test
    void theCsvExportListsEveryReviewWithSourceStatusAndResponseGuardedAgainstFormulas() {
        TestShop shop = Api.newShop();
        long invited = shop.review(3, false);
        shop.asShop().body(Map.of("text", "Sorry, \"we\" will call you")).put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), invited)
                .then().statusCode(200);
        ReviewImportTest.importCsv(shop, ReviewImportTest.HEADER + "2024-01-02,9,,\"=SUM(A1:A9)*\"\"2\"\"\",@bob,yes,\n")
                .statusCode(200).body("imported", equalTo(1));

        var response = shop.asShop().get(EXPORT, shop.slug()).then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=\"reviews-" + shop.slug() + "-"))
                .header("Content-Disposition", containsString(".csv\""))
                .extract();
        List<List<String>> rows = parse(response.asString());
        assertEquals(List.of("id", "date", "grade", "title", "text", "displayName", "recommend", "response", "responseDate", "source",
                "status", "updatedAt", "removalReason"), rows.get(0));
        assertEquals(3, rows.size(), "the header and the two reviews");
        List<String> first = rows.get(1);
        assertEquals(Long.toString(invited), first.get(0));
        assertEquals("3", first.get(2));
        assertEquals("Sorry, \"we\" will call you", first.get(7));
        assertEquals("invitation-link", first.get(9));
        assertEquals("published", first.get(10));
        List<String> imported = rows.get(2);
        assertEquals("2024-01-02T00:00:00Z", imported.get(1));
        assertEquals("'=SUM(A1:A9)*\"2\"", imported.get(4), "a formula is written as text");
        assertEquals("'@bob", imported.get(5));
        assertEquals("imported", imported.get(9));
    }

    @Test
    void anExportImportsIntoAnotherShopAsTheSameReviews() {
        TestShop from = Api.newShop();
        long invited = from.review(8, true);
        from.asShop().body(Map.of("text", "Thank you!\nSee you soon, Jan")).put("/api/v1/shops/{slug}/reviews/{id}/response", from.slug(), invited)
                .then().statusCode(200);
        from.review(5, null);
        ReviewImportTest.importCsv(from, ReviewImportTest.HEADER
                + "2023-11-30T08:00:00Z,2,\"Late, again\",\"Line one\r\nline \"\"two\"\", with a comma\",-Dirk-,no,\"+31 is our country code\"\n"
                + "2023-12-01,10,,\"- fast\n- cheap\",,1,\n").statusCode(200).body("imported", equalTo(2));

        byte[] csv = from.asShop().get(EXPORT, from.slug()).then().statusCode(200).extract().asByteArray();
        TestShop to = Api.newShop();
        to.asShop().contentType("text/csv").body(csv).post("/api/v1/shops/{slug}/imports", to.slug())
                .then().statusCode(200).body("imported", equalTo(4)).body("rejected", hasSize(0));

        assertEquals(comparable(from), comparable(to));
        to.asShop().contentType("text/csv").body(csv).post("/api/v1/shops/{slug}/imports", to.slug())
                .then().statusCode(200).body("imported", equalTo(0));
    }

    @Test
    void theJsonExportHasEveryReviewInPagesOfTheDatabaseInIdOrder() {
        TestShop shop = Api.newShop();
        StringBuilder file = new StringBuilder("date,grade,text\n");
        for (int i = 0; i < 1203; i++) {
            file.append("2024-01-01,").append(i % 10 + 1).append(",Review number ").append(i).append('\n');
        }
        ReviewImportTest.importCsv(shop, file.toString()).statusCode(200).body("imported", equalTo(1203));

        JsonPath export = shop.asShop().queryParam("format", "json").get(EXPORT, shop.slug()).then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Content-Disposition", containsString(".json\""))
                .extract().jsonPath();
        assertEquals(shop.slug(), export.getString("slug"));
        List<Long> ids = export.getList("reviews.id", Long.class);
        assertEquals(1203, ids.size());
        assertEquals(ids.stream().sorted().toList(), ids, "oldest id first, none twice");
        assertEquals(1203, ids.stream().distinct().count());
        Map<String, Object> first = export.getMap("reviews[0]");
        assertEquals("2024-01-01T00:00:00Z", first.get("date"));
        assertEquals(1, first.get("grade"));
        assertEquals("Review number 0", first.get("text"));
        assertEquals("imported", first.get("source"));
        assertEquals("published", first.get("status"));
        assertTrue(first.containsKey("response") && first.get("response") == null);
    }

    @Test
    void aRemovedReviewIsExportedWithoutItsWordsAndAWithdrawnOneNotAtAll() {
        TestShop shop = Api.newShop();
        long removed = shop.review(2, false);
        long withdrawn = shop.review(7, true);
        Api.asOperator().body(Map.of("decision", "remove", "reason", "Personal data", "category", "personal_data"))
                .post("/api/v1/moderation/reviews/{id}/decision", removed).then().statusCode(200);
        given().delete("/api/v1/review-edits/{token}", Api.editToken(withdrawn)).then().statusCode(204);

        shop.asShop().queryParam("format", "json").get(EXPORT, shop.slug()).then().statusCode(200)
                .body("reviews", hasSize(1))
                .body("reviews[0].id", equalTo((int) removed))
                .body("reviews[0].status", equalTo("removed"))
                .body("reviews[0].text", nullValue())
                .body("reviews[0].removalReason", equalTo("Personal data"));
    }

    @Test
    void onlyTheShopsOwnKeyExportsAndTheFormatIsChecked() {
        TestShop shop = Api.newShop();
        TestShop other = Api.newShop();
        other.asShop().get(EXPORT, shop.slug()).then().statusCode(403).contentType("application/problem+json");
        given().get(EXPORT, shop.slug()).then().statusCode(401);
        shop.asShop().queryParam("format", "xml").get(EXPORT, shop.slug()).then().statusCode(400)
                .body("violations[0].field", equalTo("format"));
    }

    /** The reviews of a shop as its public list shows them, without what differs by shop (id, source, verified). */
    private static List<Map<String, Object>> comparable(TestShop shop) {
        List<Map<String, Object>> items = given().queryParam("size", 100).get("/api/v1/shops/{slug}/reviews", shop.slug())
                .then().statusCode(200).extract().jsonPath().getList("items");
        items.forEach(item -> {
            item.remove("id");
            item.remove("source");
            item.remove("verified");
        });
        return items;
    }

    /** RFC 4180, as a spreadsheet reads it. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertTrue(row.isEmpty() && field.isEmpty(), "every record ends with CRLF");
        return rows;
    }
}
