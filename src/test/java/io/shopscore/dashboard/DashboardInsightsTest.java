package io.shopscore.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;

/** The insights inside the dashboard: the same figures as the link's page, for the signed-in shop only. */
@QuarkusTest
class DashboardInsightsTest {

    private static RequestSpecification signedIn(TestShop shop) {
        return given().redirects().follow(false).cookie("shopscore_session", DashboardTest.signInWithKey(shop));
    }

    private static TestShop shopWithAComplaint() {
        TestShop shop = Api.newShop();
        String token = shop.invite();
        given().contentType("application/json")
                .body(Map.of("score", 3, "text", "Na betaling kreeg ik te horen dat het artikel niet op voorraad was. Ik bestel hier nooit meer."))
                .post("/api/v1/invitations/{token}/review", token).then().statusCode(201);
        return shop;
    }

    @Test
    void showsTheShopsInsightsWithLinksThatStayInTheDashboard() {
        TestShop shop = shopWithAComplaint();
        signedIn(shop).queryParam("lang", "nl").get("/dashboard/{slug}/insights", shop.slug())
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("aria-current=\"page\">Inzichten</a>"))
                .body(containsString("Voorraad: 1 (100,0%)"))
                .body(containsString("De 1 klant die nooit meer koopt, klaagde over"))
                .body(containsString("href=\"/dashboard/" + shop.slug() + "/insights?months=24&amp;lang=nl\""))
                .body(containsString("href=\"/dashboard/" + shop.slug() + "/insights/export.csv?months=12\""));
        signedIn(shop).queryParam("lang", "en").queryParam("months", "3").get("/dashboard/{slug}/insights", shop.slug())
                .then().statusCode(200)
                .body(containsString("The 1 customer who will not buy again complained about"))
                .body(containsString("<span aria-current=\"true\">3 months</span>"));
    }

    @Test
    void theTrendDownloadsAsCsv() {
        TestShop shop = shopWithAComplaint();
        signedIn(shop).queryParam("months", "6").get("/dashboard/{slug}/insights/export.csv", shop.slug())
                .then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(shop.slug() + "-insights.csv"))
                .body(containsString("month,reviews,negative,churn,negative_"));
        signedIn(shop).queryParam("months", "99").get("/dashboard/{slug}/insights/export.csv", shop.slug())
                .then().statusCode(400).body("violations[0].field", equalTo("months"));
    }

    @Test
    void aPeriodTheServiceCannotShowIsA400ThatSaysSo() {
        TestShop shop = Api.newShop();
        for (String months : new String[] { "0", "37", "twelve", "-1", "999" }) {
            signedIn(shop).queryParam("lang", "en").queryParam("months", months).get("/dashboard/{slug}/insights", shop.slug())
                    .then().statusCode(400)
                    .body(containsString("The period must be a whole number of months from 1 to 36"))
                    .body(not(containsString(months.equals("twelve") ? "twelve" : "\u0000")));
        }
    }

    @Test
    void anotherShopsSessionSeesNoneOfIt() {
        TestShop mine = Api.newShop();
        TestShop theirs = shopWithAComplaint();
        signedIn(mine).get("/dashboard/{slug}/insights", theirs.slug()).then().statusCode(403)
                .body(not(containsString("Voorraad")));
        signedIn(mine).get("/dashboard/{slug}/insights/export.csv", theirs.slug()).then().statusCode(403);
        given().redirects().follow(false).get("/dashboard/{slug}/insights", theirs.slug()).then().statusCode(303);
    }
}
