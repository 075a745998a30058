package io.shopscore.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;

/** The widget configurator: its choices, the snippet it makes, what it refuses and who may open it. */
@QuarkusTest
class DashboardWidgetTest {

    private static final Pattern SNIPPET = Pattern.compile("<textarea id=\"snippet\"[^>]*>([^<]*)</textarea>");
    private static final String SCRIPT_LINE = "<script src=\"http://localhost:8080/widget/shopscore.js\" async></script>";

    private static RequestSpecification signedIn(TestShop shop) {
        return given().redirects().follow(false).cookie("shopscore_session", DashboardTest.signInWithKey(shop)).queryParam("lang", "en");
    }

    /** The snippet as the reader sees it in the text box: the page's escaping undone once. */
    private static String snippet(String page) {
        Matcher matcher = SNIPPET.matcher(page);
        assertTrue(matcher.find(), "the page shows the snippet in a read-only text box");
        return matcher.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    @Test
    void byDefaultTheBadgeInTheLanguageOfThePage() {
        TestShop shop = Api.newShop();
        shop.review(8, true);
        Response response = signedIn(shop).get("/dashboard/{slug}/widget", shop.slug());
        assertEquals(200, response.statusCode());
        assertEquals("no-store", response.getHeader("Cache-Control"));
        String policy = response.getHeader("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("connect-src 'self'"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        String page = response.asString();
        assertEquals("<div data-shopscore=\"" + shop.slug() + "\" style=\"width:260px;height:96px\"></div>\n" + SCRIPT_LINE, snippet(page));
        assertTrue(page.contains("<div class=\"widget-slot-badge\" data-shopscore=\"" + shop.slug() + "\"></div>"), "the preview is the real widget");
        assertTrue(page.contains("<script src=\"/widget/shopscore.js\" async></script>"), "the preview's script comes from this service");
        assertTrue(page.contains("id=\"variant-badge\" value=\"badge\" checked"));
        assertTrue(page.contains("id=\"theme-light\" value=\"light\" checked"));
        assertTrue(page.contains("aria-current=\"page\">Widget</a>"), "the navigation marks the page");
    }

    @Test
    void otherDashboardPagesStayWithoutScripts() {
        TestShop shop = Api.newShop();
        String policy = signedIn(shop).get("/dashboard/{slug}", shop.slug()).then().statusCode(200).extract().header("Content-Security-Policy");
        assertTrue(policy.startsWith("default-src 'none'") && !policy.contains("script-src"), policy);
        policy = signedIn(shop).get("/dashboard/{slug}/insights", shop.slug()).then().statusCode(200).extract().header("Content-Security-Policy");
        assertFalse(policy.contains("script-src"), policy);
    }

    @Test
    void eachVariantGetsItsAttributesAndItsSize() {
        TestShop shop = Api.newShop();
        WidgetProducts.order(shop, "MUG-BLUE", "Blue mug", 7);
        Map<String, String> expected = Map.of(
                "badge", "<div data-shopscore=\"" + shop.slug() + "\" data-locale=\"de\" data-theme=\"dark\" style=\"width:260px;height:96px\"></div>",
                "compact", "<div data-shopscore=\"" + shop.slug() + "\" data-variant=\"compact\" data-locale=\"de\" data-theme=\"dark\" style=\"width:260px;height:28px\"></div>",
                "reviews", "<div data-shopscore=\"" + shop.slug() + "\" data-variant=\"reviews\" data-locale=\"de\" data-theme=\"dark\" style=\"width:320px;height:440px\"></div>",
                "product", "<div data-shopscore=\"" + shop.slug() + "\" data-variant=\"product\" data-sku=\"MUG-BLUE\" data-locale=\"de\" data-theme=\"dark\" style=\"width:160px;height:24px\"></div>");
        expected.forEach((variant, element) -> {
            String page = signedIn(shop).queryParam("variant", variant).queryParam("theme", "dark").queryParam("locale", "de")
                    .queryParam("sku", "MUG-BLUE")
                    .get("/dashboard/{slug}/widget", shop.slug()).then().statusCode(200).extract().asString();
            assertEquals(element + "\n" + SCRIPT_LINE, snippet(page), variant);
            assertTrue(page.contains("<div class=\"widget-preview widget-preview-dark\">"), variant);
            assertTrue(page.contains("id=\"variant-" + variant + "\" value=\"" + variant + "\" checked"), variant);
        });
    }

    @Test
    void theProductListOffersTheShopsProductsAndSaysWhichHaveNoStarsYet() {
        TestShop shop = Api.newShop();
        WidgetProducts.order(shop, "TEA-GREEN", "Green tea", 9);
        WidgetProducts.order(shop, "TEA-BLACK", "Black tea", null);
        String page = signedIn(shop).queryParam("variant", "product").queryParam("sku", "TEA-BLACK")
                .get("/dashboard/{slug}/widget", shop.slug()).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<option value=\"TEA-GREEN\">Green tea · TEA-GREEN</option>"), page);
        assertTrue(page.contains("<option value=\"TEA-BLACK\" selected>Black tea (no reviews yet) · TEA-BLACK</option>"), page);
        assertTrue(page.contains("This product has no published review yet"));

        TestShop empty = Api.newShop();
        signedIn(empty).queryParam("variant", "product").get("/dashboard/{slug}/widget", empty.slug())
                .then().statusCode(400)
                .body(containsString("No products yet"))
                .body(containsString("Choose one of your products for product stars."))
                .body(not(containsString("id=\"snippet\"")));
    }

    @Test
    void unknownChoicesAreRefusedByName() {
        TestShop shop = Api.newShop();
        TestShop other = Api.newShop();
        WidgetProducts.order(other, "NOT-MINE", "Someone else's", 8);
        Map<String, String[]> cases = Map.of(
                "variant", new String[] { "carousel", "Choose one of the listed variants." },
                "theme", new String[] { "auto", "Choose light or dark." },
                "locale", new String[] { "es", "Choose one of the listed languages." },
                "sku", new String[] { "NOT-MINE", "Choose one of your products for product stars." });
        cases.forEach((field, bad) -> signedIn(shop).queryParam(field, bad[0])
                .get("/dashboard/{slug}/widget", shop.slug())
                .then().statusCode(400)
                .header("Cache-Control", "no-store")
                .body(containsString("<div class=\"error-summary\" role=\"alert\">"))
                .body(containsString(bad[1]))
                .body(not(containsString("id=\"snippet\""))));
        signedIn(shop).queryParam("sku", "a/b").get("/dashboard/{slug}/widget", shop.slug()).then().statusCode(400)
                .body(containsString("Choose one of your products"));
        signedIn(shop).queryParam("variant", "product").get("/dashboard/{slug}/widget", shop.slug()).then().statusCode(400)
                .body(containsString("Choose one of your products"));
        // the bad value is shown back escaped, never as markup
        signedIn(shop).queryParam("variant", "<img src=x>").get("/dashboard/{slug}/widget", shop.slug()).then().statusCode(400)
                .body(not(containsString("<img src=x>")));
    }

    @Test
    void aSkuWithMarkupIsEscapedInTheSnippetAndOnThePage() {
        TestShop shop = Api.newShop();
        String sku = "A\"<b>&'x";
        WidgetProducts.order(shop, sku, "<script>alert(1)</script>", 8);
        String page = signedIn(shop).queryParam("variant", "product").queryParam("sku", sku)
                .get("/dashboard/{slug}/widget", shop.slug()).then().statusCode(200).extract().asString();
        assertEquals("<div data-shopscore=\"" + shop.slug() + "\" data-variant=\"product\" data-sku=\"A&quot;&lt;b&gt;&amp;&#39;x\""
                + " style=\"width:160px;height:24px\"></div>\n" + SCRIPT_LINE, snippet(page));
        assertFalse(page.contains("<script>alert(1)</script>"), "the product's name is text");
        assertFalse(page.contains("<b>"), "the sku is text");
        assertTrue(page.contains("data-sku=\"A&quot;&lt;b&gt;&amp;&#39;x\""), "the preview's attribute is escaped once");
    }

    @Test
    void anotherShopsSessionIsRefusedAndNobodyElseGetsIn() {
        TestShop mine = Api.newShop();
        TestShop theirs = Api.newShop();
        signedIn(mine).get("/dashboard/{slug}/widget", theirs.slug()).then().statusCode(403);
        given().redirects().follow(false).get("/dashboard/{slug}/widget", theirs.slug()).then().statusCode(303)
                .header("Location", containsString("/dashboard/sign-in"));
    }
}
