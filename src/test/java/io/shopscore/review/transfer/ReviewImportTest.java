package io.shopscore.review.transfer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.shopscore.score.ScoreChangeLog;
import io.shopscore.score.ScoreChanged;
import io.shopscore.testing.Api;
import io.shopscore.testing.MovableClock;
import io.shopscore.testing.Api.TestShop;

/** A shop imports its reviews from another service as CSV (docs/api.md, "Import and export"). */
@QuarkusTest
class ReviewImportTest {

    static final String HEADER = "date,grade,title,text,displayName,recommend,response\n";

    @Inject
    ScoreChangeLog changeLog;

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Inject
    Event<ScoreChanged> scoreChanged;

    @Test
    void aGoodFileImportsEveryRowAndShowsThemAsImported() {
        TestShop shop = Api.newShop(Api.freshSlug("import"), "en");
        String file = HEADER
                + "2024-03-01,9,Great,\"Fast, and well packed\",Anna,yes,\n"
                + "2024-03-02T10:15:00Z,4,,Too slow,,no,\"Sorry Bob, we changed couriers.\"\n"
                + "2024-03-03T12:00:00+02:00,7,Fine,Okay shop,Carla,,\n";

        importCsv(shop, file).statusCode(200).body("imported", equalTo(3)).body("rejected", empty());

        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.source", everyItem(equalTo("imported")))
                .body("items.verified", everyItem(equalTo(false)))
                .body("items.status", everyItem(equalTo("published")))
                .body("items.text", equalTo(List.of("Okay shop", "Too slow", "Fast, and well packed")))
                .body("items.createdAt", equalTo(List.of("2024-03-03T10:00:00Z", "2024-03-02T10:15:00Z", "2024-03-01T00:00:00Z")))
                .body("items[1].recommend", equalTo(false))
                .body("items[1].response.text", equalTo("Sorry Bob, we changed couriers."))
                .body("items[1].response.createdAt", equalTo("2024-03-02T10:15:00Z"))
                .body("items[2].recommend", equalTo(true))
                .body("items[2].displayName", equalTo("Anna"));

        String page = given().get("/shops/{slug}", shop.slug()).then().statusCode(200).extract().asString();
        assertTrue(page.contains("Imported from another review service"), "each review says where it came from");
        assertTrue(page.contains("Sorry Bob, we changed couriers."), "the imported response shows as the shop's response");
        assertTrue(page.contains("Customer"), "a review without a name is not shown as a verified customer's");
        assertFalse(page.contains("Verified review"), "nobody verified an imported review here");
        assertFalse(page.contains("aggregateRating"), "the rating counts no imported review, so there is none to mark up");
        given().get("/api/v1/shops/{slug}/transparency", shop.slug()).then().statusCode(200)
                .body("sources.imported", equalTo(3));
    }

    @Test
    void aFileWithABadRowImportsNothingAndNamesEveryBadRowByLineAndField() {
        TestShop shop = Api.newShop();
        String file = HEADER
                + "2024-01-05,8,Good,Fine,Ann,yes,\n"                          // line 2
                + "2024-01-06,7,Multi,\"First line\nsecond line\",Ben,,\n"     // lines 3-4
                + "2024-01-07,11,Bad grade,Text,Cas,,\n"                       // line 5
                + "2999-01-01,8,,Future,Dirk,maybe,\n"                          // line 6: date and recommend
                + "2024-01-08,8,,,Eva,,\n"                                      // line 7: no text
                + "2024-01-09,8,Tab\tin title,Text,Fay,,\n"                     // line 8: control character
                + "2024-01-10,8,Text,\"a, b\",Gus\n";                          // line 9: too few fields

        JsonPath result = importCsv(shop, file).statusCode(200).body("imported", equalTo(0)).extract().jsonPath();
        List<Map<String, Object>> rejected = result.getList("rejected");
        assertEquals(Set.of("5 grade", "6 date", "6 recommend", "7 text", "8 title", "9 row"), lineAndField(rejected));
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body("total", equalTo(0)).body("items", empty());

        String fixed = HEADER + "2024-01-05,8,Good,Fine,Ann,yes,\n" + "2024-01-06,7,Multi,\"First line\nsecond line\",Ben,,\n";
        importCsv(shop, fixed).statusCode(200).body("imported", equalTo(2));
    }

    /**
     * Imported reviews are the shop's history from before it collected reviews here: dated after
     * that, a flood of them would push the reviews its customers wrote here off the first page of
     * every newest-first list (review page, API, KiYoh feed), burying a bad one.
     */
    @Test
    void anImportedReviewMustPredateTheShopsFirstDayHere() {
        TestShop shop = Api.newShop();
        clock.advance(Duration.ofDays(3));
        String yesterday = LocalDate.now(clock).minusDays(1).toString();

        JsonPath result = importCsv(shop, HEADER + "2024-01-05,9,,Old and fine,Ann,yes,\n" + yesterday + ",10,,Buries the rest,Bob,yes,\n")
                .statusCode(200).body("imported", equalTo(0)).extract().jsonPath();
        List<Map<String, Object>> rejected = result.getList("rejected");
        assertEquals(Set.of("3 date"), lineAndField(rejected));
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body("total", equalTo(0));
    }

    @Test
    void quotedFieldsWithQuotesCommasAndLineBreaksAndAByteOrderMarkAndCrlfAreReadAsWritten() {
        TestShop shop = Api.newShop();
        String file = "\uFEFFtext,grade,date\r\n"
                + "\"He said \"\"great\"\", then:\r\nfast, cheap\r\nand kind\",9,2024-02-01\r\n"
                + "\"=1+1\",8,2024-02-02\r\n";
        importCsv(shop, file).statusCode(200).body("imported", equalTo(2));
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then()
                .body("items.text", equalTo(List.of("=1+1", "He said \"great\", then:\nfast, cheap\nand kind")));

        String broken = "date,grade,text\n2024-02-01,8,fine\n2024-02-02,8,\"never closed\n2024-02-03,8,fine\n";
        importCsv(shop, broken).statusCode(200).body("imported", equalTo(0))
                .body("rejected[0].line", equalTo(3)).body("rejected[0].field", equalTo("text"))
                .body("rejected[0].message", containsString("never closed"));
    }

    @Test
    void theLineOfARowCountsTheLinesOfMultiLineFieldsBeforeIt() {
        TestShop shop = Api.newShop();
        String file = "date,grade,text\n"
                + "2024-02-01,8,\"one\ntwo\nthree\"\n"   // lines 2-4
                + "\n"                                   // line 5, blank
                + "2024-02-02,0,bad\n";                  // line 6
        importCsv(shop, file).statusCode(200)
                .body("rejected", hasSize(1)).body("rejected[0].line", equalTo(6)).body("rejected[0].field", equalTo("grade"));
    }

    @Test
    void importingTheSameFileAgainAddsNothing() {
        TestShop shop = Api.newShop();
        String file = HEADER + "2024-04-01,8,,Same review,Ann,,\n" + "2024-04-02,6,,Other review,,,\n"
                + "2024-04-01,8,,Same review,Ann,,\n";
        importCsv(shop, file).statusCode(200).body("imported", equalTo(2));
        importCsv(shop, file).statusCode(200).body("imported", equalTo(0)).body("rejected", empty());
        importCsv(shop, file + "2024-04-03,9,,New one,,,\n").statusCode(200).body("imported", equalTo(1));
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body("total", equalTo(3));
    }

    @Test
    void onlyTheShopsOwnKeyImports() {
        TestShop shop = Api.newShop();
        TestShop other = Api.newShop();
        String file = HEADER + "2024-04-01,8,,Not yours,,,\n";
        other.asShop().contentType("text/csv").body(file).post("/api/v1/shops/{slug}/imports", shop.slug())
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType("text/csv").body(file).post("/api/v1/shops/{slug}/imports", shop.slug())
                .then().statusCode(401);
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body("total", equalTo(0));
    }

    @Test
    void aHeaderWithUnknownRepeatedOrMissingColumnsIsRefusedNamingThem() {
        TestShop shop = Api.newShop();
        importCsv(shop, "date,grade,txt,colour,date\n2024-01-01,8,x,red,2024-01-01\n").statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("txt", "colour", "date", "text")));
        importCsv(shop, "").statusCode(400).body("violations[0].field", equalTo("file"));
        shop.asShop().contentType("application/json").body("{}").post("/api/v1/shops/{slug}/imports", shop.slug())
                .then().statusCode(415);
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() {
        TestShop shop = Api.newShop();
        byte[] latin1 = "date,grade,text\n2024-01-01,8,Très bien\n".getBytes(StandardCharsets.ISO_8859_1);
        shop.asShop().contentType("text/csv").body(latin1).post("/api/v1/shops/{slug}/imports", shop.slug())
                .then().statusCode(400).body("violations[0].field", equalTo("file"));
    }

    @Test
    void aFileWithTooManyRowsIsRefusedWith413() {
        TestShop shop = Api.newShop();
        StringBuilder file = new StringBuilder("date,grade,text\n");
        for (int i = 0; i <= 100_000; i++) {
            file.append("2024-01-01,8,r").append(i).append('\n');
        }
        importCsv(shop, file.toString()).statusCode(413).contentType("application/problem+json");
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body("total", equalTo(0));
    }

    @Test
    void anImportMovesNoScoreNoResponseFigureAndNothingInTheChangeFeed() throws Exception {
        TestShop shop = Api.newShop();
        shop.review(9, true);
        shop.review(4, false);
        String cursor = feedCursorAfter(shop.slug());
        String scoreBefore = given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200).extract().asString();
        JsonPath transparencyBefore = given().get("/api/v1/shops/{slug}/transparency", shop.slug()).then().extract().jsonPath();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        importCsv(shop, HEADER
                + today.minusDays(1) + ",1,,Terrible,,no,We are sorry\n"
                + today.minusDays(2) + ",2,,Bad,,no,\n"
                + today.minusDays(40) + ",10,,Perfect,,yes,Thanks\n").statusCode(200).body("imported", equalTo(3));
        changeLog.placeWaiting();
        // read the score from the database, not from this instance's copy (an import tells the score cache nothing)
        scoreChanged.fire(new ScoreChanged(shop.slug()));

        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200).body(equalTo(scoreBefore));
        given().get("/api/v1/shops/{slug}/transparency", shop.slug()).then()
                .body("responseRate", equalTo(transparencyBefore.getMap("responseRate")))
                .body("sources.imported", equalTo(3));
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body("total", equalTo(5));
        assertFalse(feedSlugsAfter(cursor).contains(shop.slug()), "an import is no change of the shop's score");

        long imported = given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().extract().jsonPath()
                .getList("items.findAll { it.source == 'imported' && it.response == null }.id", Number.class).get(0).longValue();
        shop.asShop().body(Map.of("text", "Sorry, we will do better")).put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), imported)
                .then().statusCode(200).body("source", equalTo("imported"));
        scoreChanged.fire(new ScoreChanged(shop.slug()));
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().body(equalTo(scoreBefore));
        given().get("/api/v1/shops/{slug}/transparency", shop.slug()).then()
                .body("responseRate", equalTo(transparencyBefore.getMap("responseRate")));
    }

    @Test
    void nobodyChangesAnImportedReviewAsItsAuthor() {
        TestShop shop = Api.newShop();
        importCsv(shop, HEADER + "2024-05-01,8,,Imported once,,,\n").statusCode(200);
        long id = given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().extract().<Number>path("items[0].id").longValue();
        String derived = Api.editToken(id);
        given().get("/api/v1/review-edits/{token}", derived).then().statusCode(404);
        given().contentType("application/json").body(Map.of("score", 1, "text", "Changed")).put("/api/v1/review-edits/{token}", derived)
                .then().statusCode(404);
        given().delete("/api/v1/review-edits/{token}", derived).then().statusCode(404);
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body("items[0].text", equalTo("Imported once"));
    }

    @Test
    void anImportedReviewWithContactDataWaitsForTheOperatorLikeAnyOther() {
        TestShop shop = Api.newShop();
        importCsv(shop, HEADER + "2024-05-01,8,,Mail me at someone@example.com,,,\n2024-05-02,9,,Fine,,,\n")
                .statusCode(200).body("imported", equalTo(2));
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body("total", equalTo(1))
                .body("items.text", not(hasItem(containsString("someone@example.com"))));
        Api.asOperator().queryParam("size", 100).get("/api/v1/moderation/queue").then().statusCode(200)
                .body("items.findAll { it.shop == '" + shop.slug() + "' }.text", hasItem(containsString("someone@example.com")));
    }

    static ValidatableResponse importCsv(TestShop shop, String csv) {
        return shop.asShop().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/shops/{slug}/imports", shop.slug()).then();
    }

    private static Set<String> lineAndField(List<Map<String, Object>> rejected) {
        Set<String> found = new HashSet<>();
        rejected.forEach(row -> found.add(row.get("line") + " " + row.get("field")));
        return found;
    }

    /** The feed's cursor once the shop's latest score change is in it. */
    private String feedCursorAfter(String slug) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            changeLog.placeWaiting();
            String cursor = null;
            boolean seen = false;
            while (true) {
                JsonPath page = feedPage(cursor);
                seen |= page.getList("items.slug").contains(slug);
                cursor = page.getString("next");
                if (page.getList("items").isEmpty()) {
                    break;
                }
            }
            if (seen) {
                return cursor;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the shop's score change never reached the feed");
    }

    private static Set<String> feedSlugsAfter(String cursor) {
        Set<String> slugs = new HashSet<>();
        while (true) {
            JsonPath page = feedPage(cursor);
            slugs.addAll(page.getList("items.slug"));
            cursor = page.getString("next");
            if (page.getList("items").isEmpty()) {
                return slugs;
            }
        }
    }

    private static JsonPath feedPage(String cursor) {
        var request = given().queryParam("limit", 500);
        if (cursor != null) {
            request.queryParam("after", cursor);
        }
        return request.get("/api/v1/scores/changes").then().statusCode(200).extract().jsonPath();
    }
}
