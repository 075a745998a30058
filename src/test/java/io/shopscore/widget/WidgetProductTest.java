package io.shopscore.widget;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.Axe;
import io.shopscore.testing.Browsers;
import io.shopscore.testing.ForeignSite;

/**
 * The product variant (api-v1.1.md "Products": {@code data-variant="product"} with {@code data-sku})
 * on a shop's listing page, in real Chromium: every product of the page from one request, stars and
 * counts, the reserved space kept, accessible, dark, at 200 % text. The products and their grades
 * are made through the API ({@link ProductCatalogue}: invitations listing them, reviews grading
 * them) and the widget asks the real service, so what the page shows is compared with what the
 * API's product scores say. {@link ProductScoreStub} stands in only where the service cannot
 * produce the case in a test: an error answer, and a product with 12,345 reviews.
 */
@QuarkusTest
class WidgetProductTest {

    private static final String SPECIAL_SKU = "Café Crème #2 + 100%?&x=1";
    private static final String SPECIAL_SKU_IN_QUERY = "Caf%C3%A9%20Cr%C3%A8me%20%232%20%2B%20100%25%3F%26x%3D1";
    private static final String NO_REVIEWS_SKU = "NEW-ARRIVAL";

    /** The page's own stylesheet: the placeholders' size is the shop's, as docs/widget.md tells it to reserve. */
    private static final String SHOP_STYLE = "body { font: 16px Georgia, serif; color: #2b2118; background: #fff }"
            + " .tiles { display: grid; grid-template-columns: repeat(4, 220px); gap: 12px; list-style: none; padding: 0 }"
            + " .tile { display: block; color: inherit; border: 1px solid #ddd; padding: 8px }"
            + " .slot-product { width: 160px; height: 24px } .slot-badge { width: 260px; height: 96px }"
            + " .dark { background: #14161c; color: #eef0f4; padding: 8px }";

    /** The shop's monitoring: a layout-shift counter from before the widget loads. */
    private static final String LAYOUT_SHIFT = "window.layoutShift = 0; new PerformanceObserver(list => list.getEntries()"
            + ".forEach(e => { if (!e.hadRecentInput) layoutShift += e.value; })).observe({ type: 'layout-shift', buffered: true });";

    private static ForeignSite site;

    @TestHTTPResource("/")
    URL service;

    private BrowserContext context;
    private Page page;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startSite() throws Exception {
        site = new ForeignSite();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @BeforeEach
    void openPage() {
        context = Browsers.chromium().newContext();
        page = context.newPage();
        page.onPageError(error -> problems.add("page error: " + error));
        page.onConsoleMessage(message -> problems.add("console " + message.type() + ": " + message.text()));
        page.onRequest(request -> requests.add(request.url()));
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    /**
     * 22 reviewed products in the three colour bands, one whose sku needs encoding, and one that
     * customers ordered but did not grade (in the catalogue, without a review).
     */
    private static List<GradedProduct> catalogue() {
        List<GradedProduct> products = new ArrayList<>();
        products.add(new GradedProduct("SKU-01", "Espresso Classico", 10, 8, 7));
        products.add(new GradedProduct("SKU-02", "Lungo", 6, 7));
        products.add(new GradedProduct("SKU-03", "Decaf", 2, 5));
        products.add(new GradedProduct("SKU-04", "Ristretto", 9));
        IntStream.rangeClosed(5, 22).forEach(n -> products.add(new GradedProduct(String.format("SKU-%02d", n), "Blend " + n, 8, 9, n % 10 + 1)));
        products.add(new GradedProduct(SPECIAL_SKU, "Café Crème", 10, 9));
        products.add(new GradedProduct(NO_REVIEWS_SKU, "New arrival"));
        return products;
    }

    /** A new shop with the catalogue's products and grades, written through the API. */
    private static TestShop shopWith(List<GradedProduct> products) {
        TestShop shop = Api.newShop();
        ProductCatalogue.publish(shop, products);
        return shop;
    }

    private static List<String> cataloguePageSkus() {
        List<String> skus = new ArrayList<>(IntStream.rangeClosed(1, 22).mapToObj(n -> String.format("SKU-%02d", n)).toList());
        skus.add(SPECIAL_SKU);
        skus.add(NO_REVIEWS_SKU);
        return skus;
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    /** A listing tile: the whole tile is a link to the product, with the stars inside it and the price below them. */
    private static String tile(String id, String slug, String sku, String extra) {
        return "<li><a class=\"tile\" href=\"#" + id + "\"><span>Product " + attribute(sku) + "</span>"
                + "<div id=\"" + id + "\" class=\"slot-product\" data-shopscore=\"" + slug + "\" data-variant=\"product\" data-sku=\""
                + attribute(sku) + "\"" + extra + "></div><span class=\"price\">€ 9,95</span></a></li>";
    }

    private static String tiles(String slug, List<String> skus, String extra) {
        return "<ul class=\"tiles\">" + IntStream.range(0, skus.size()).mapToObj(i -> tile("p" + i, slug, skus.get(i), extra))
                .collect(Collectors.joining()) + "</ul>";
    }

    private String shopPage(String lang, String body) {
        String html = "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>Coffee, all products</title>"
                + "<style>" + SHOP_STYLE + "</style><script>" + LAYOUT_SHIFT + "</script></head><body><main><h1>Coffee</h1>" + body
                + "</main><script src=\"" + service + "widget/shopscore.js\" async></script></body></html>";
        return site.page("/listing-" + System.nanoTime() + ".html", html);
    }

    private void awaitProducts(int expected) {
        page.waitForFunction("n => [...document.querySelectorAll('[data-variant=product]')]"
                + ".filter(e => e.shadowRoot && e.shadowRoot.querySelector('.product .stars')).length >= n", expected);
    }

    private List<String> apiRequests(String part) {
        return requests.stream().filter(url -> url.contains(part)).toList();
    }

    private String size(String id) {
        return (String) page.evaluate("id => { const r = document.getElementById(id).getBoundingClientRect();"
                + " return Math.round(r.width) + 'x' + Math.round(r.height) }", id);
    }

    private Object inShadow(String id, String expression) {
        return page.evaluate("id => { const root = document.getElementById(id).shadowRoot; return " + expression + " }", id);
    }

    private static TestShop reviewedShop() {
        TestShop shop = Api.newShop();
        shop.review(9, true);
        return shop;
    }

    /**
     * The product line shows the API's product score: its average and count in words, its count in
     * brackets, and its stars filled to the API's {@code stars} (the five stars span 100 units).
     */
    private void assertShowsTheApisScore(String id, TestShop shop, String sku) {
        JsonPath score = ProductCatalogue.score(shop, sku);
        int count = score.getInt("count");
        String expected = String.format(Locale.ENGLISH, "Rated %.1f out of 10 from %s", score.getDouble("average"),
                count == 1 ? "1 review" : count + " reviews");
        assertEquals(expected, inShadow(id, "root.querySelector('.product').getAttribute('aria-label')"), sku);
        assertEquals("(" + count + ")", inShadow(id, "root.querySelector('.meta').textContent"), sku);
        double filled = Double.parseDouble((String) inShadow(id, "root.querySelector('clipPath rect').getAttribute('width')"));
        assertEquals(score.getDouble("stars") * 20, filled, 1e-9, sku);
    }

    @Test
    void everyProductOfAListingPageComesFromOneRequestBesideTheShopBadge() {
        TestShop shop = shopWith(catalogue());
        // the product page's own product again at the top, and the shop's badge
        String top = "<div id=\"featured\" class=\"slot-product\" data-shopscore=\"" + shop.slug() + "\" data-variant=\"product\" data-sku=\"SKU-01\"></div>"
                + "<div id=\"badge\" class=\"slot-badge\" data-shopscore=\"" + shop.slug() + "\"></div>";
        page.navigate(shopPage("en", top + tiles(shop.slug(), cataloguePageSkus(), "")));
        awaitProducts(24);
        page.waitForFunction("() => document.getElementById('badge').shadowRoot?.querySelector('a')");
        page.waitForTimeout(300);

        List<String> productRequests = apiRequests("/product-scores");
        assertEquals(1, productRequests.size(), productRequests.toString());
        assertTrue(productRequests.get(0).startsWith(service + "api/v1/shops/" + shop.slug() + "/product-scores?skus="), productRequests.get(0));
        assertEquals(cataloguePageSkus().stream().sorted().toList(), ProductScoreStub.skusOf(productRequests.get(0)).stream().sorted().toList(),
                "each sku of the page once, SKU-01 too although two elements show it");
        assertTrue(productRequests.get(0).contains(SPECIAL_SKU_IN_QUERY), "the sku is percent-encoded: " + productRequests.get(0));
        assertEquals(1, apiRequests("/api/v1/scores?shops=").size(), "the badge's one request, and no shop score for the products");
        assertEquals(2, apiRequests("/api/v1/").size(), requests.toString());

        List<String> skus = cataloguePageSkus();
        for (int i = 0; i < 23; i++) {
            assertShowsTheApisScore("p" + i, shop, skus.get(i));
        }
        assertShowsTheApisScore("featured", shop, "SKU-01");
        assertEquals("Rated 9.5 out of 10 from 2 reviews", inShadow("p22", "root.querySelector('.product').getAttribute('aria-label')"),
                "the product whose sku needed encoding is shown");
        assertEquals(404, given().urlEncodingEnabled(false)
                .get("/api/v1/shops/" + shop.slug() + "/products/" + ProductCatalogue.pathSegment(NO_REVIEWS_SKU) + "/score").statusCode(),
                "in the catalogue, without a published review");
        assertEquals(Boolean.TRUE, page.evaluate("document.getElementById('p23').shadowRoot === null"), "no reviews: nothing is drawn");
        for (int i = 0; i < 24; i++) {
            assertEquals("160x24", size("p" + i), "tile " + i + " keeps its reserved space");
        }
        assertEquals("160x24", size("featured"));
        assertEquals(0.0, ((Number) page.evaluate("layoutShift")).doubleValue(), "cumulative layout shift");
        assertEquals(List.of(), problems);
    }

    @Test
    void productShowsItsStarsInTheColourOfItsGradeAndItsCountInTheElementsLanguage() {
        TestShop shop = shopWith(catalogue());
        String slug = shop.slug();
        page.navigate(shopPage("nl", "<div id=\"good\" class=\"slot-product\" data-shopscore=\"" + slug + "\" data-variant=\"product\" data-sku=\"SKU-01\"></div>"
                + "<div id=\"fair\" class=\"slot-product\" data-shopscore=\"" + slug + "\" data-variant=\"product\" data-sku=\"SKU-02\" data-locale=\"de\"></div>"
                + "<div id=\"poor\" class=\"slot-product\" data-shopscore=\"" + slug + "\" data-variant=\"product\" data-sku=\"SKU-03\" data-locale=\"en\"></div>"
                + "<div id=\"one\" class=\"slot-product\" data-shopscore=\"" + slug + "\" data-variant=\"product\" data-sku=\"SKU-04\" data-locale=\"fr\"></div>"));
        awaitProducts(4);

        assertEquals("Beoordeeld met een 8,3 van 10 uit 3 reviews", inShadow("good", "root.querySelector('[role=img]').getAttribute('aria-label')"),
                "the page's language; the grade as the badge gives it");
        assertEquals("(3)", inShadow("good", "root.querySelector('.meta').textContent"), "the count, short enough for a narrow tile");
        assertEquals("Bewertet mit 6,5 von 10 aus 2 Bewertungen", inShadow("fair", "root.querySelector('.product').getAttribute('aria-label')"));
        assertEquals("Rated 3.5 out of 10 from 2 reviews", inShadow("poor", "root.querySelector('.product').getAttribute('aria-label')"));
        assertEquals("Noté 9,0 sur 10 sur la base de 1 avis", inShadow("one", "root.querySelector('.product').getAttribute('aria-label')"));
        assertShowsTheApisScore("poor", shop, "SKU-03");

        // grades 10, 8, 7: 4.2 stars of 5, so the filled part is 84 of the 100 units the five stars span
        assertEquals(4.2, ProductCatalogue.score(shop, "SKU-01").getDouble("stars"), 1e-9);
        assertEquals("84", inShadow("good", "root.querySelector('clipPath rect').getAttribute('width')"));
        // grades 2 and 5: 1.75 stars, rounded half up to 1.8
        assertEquals("36", inShadow("poor", "root.querySelector('clipPath rect').getAttribute('width')"));
        String filled = "getComputedStyle(root.querySelector('path[clip-path]')).fill";
        assertEquals("rgb(27, 122, 61)", inShadow("good", filled), "8 and up: green, as the badge's grade");
        assertEquals("rgb(138, 90, 0)", inShadow("fair", filled), "6 and 7: amber");
        assertEquals("rgb(179, 38, 30)", inShadow("poor", filled), "5 and lower: red");
        assertEquals(0L, ((Number) inShadow("good", "root.querySelectorAll('a, button, [tabindex]').length")).longValue(),
                "nothing to focus: a tile is already a link");
        assertEquals("rgba(0, 0, 0, 0)", inShadow("good", "getComputedStyle(root.querySelector('.badge')).backgroundColor"),
                "it sits on the tile's own background");
        assertEquals("160x24", size("good"));
        assertEquals(List.of(), problems);
    }

    /** The stub stands in here: 12,345 reviews are too many to write through the API in a test. */
    @Test
    void aCountOfFiveDigitsStillFitsOnOneLine() {
        ProductScoreStub.serve(page, new GradedProduct("BESTSELLER", "Bestseller", ProductCatalogue.grades(9, 12_345)));
        page.navigate(shopPage("nl", "<div id=\"many\" class=\"slot-product\" data-shopscore=\"demo\" data-variant=\"product\" data-sku=\"BESTSELLER\" data-locale=\"de\"></div>"));
        awaitProducts(1);
        assertEquals("(12.345)", inShadow("many", "root.querySelector('.meta').textContent"));
        assertEquals("160x24", size("many"), "a count of five digits still fits on one line");
        assertEquals(Boolean.TRUE, inShadow("many", "root.querySelector('.meta').getBoundingClientRect().right <= root.querySelector('.badge').getBoundingClientRect().right"));
        assertEquals(List.of(), problems);
    }

    @Test
    void darkThemeUsesLightColoursOnADarkTile() {
        TestShop shop = shopWith(catalogue());
        page.navigate(shopPage("en", "<div class=\"dark\">" + tiles(shop.slug(), List.of("SKU-01", "SKU-02", "SKU-03"), " data-theme=\"dark\"") + "</div>"));
        awaitProducts(3);
        assertShowsTheApisScore("p0", shop, "SKU-01");
        assertEquals("rgb(95, 207, 138)", inShadow("p0", "getComputedStyle(root.querySelector('path[clip-path]')).fill"));
        assertEquals("rgb(255, 194, 77)", inShadow("p1", "getComputedStyle(root.querySelector('path[clip-path]')).fill"));
        assertEquals("rgb(255, 138, 128)", inShadow("p2", "getComputedStyle(root.querySelector('path[clip-path]')).fill"));
        assertEquals("rgb(181, 189, 204)", inShadow("p0", "getComputedStyle(root.querySelector('.meta')).color"));
        assertEquals(List.of(), Axe.violations(page), "contrast on the dark tiles too");
    }

    @Test
    void listingPageHasNoAccessibilityViolations() {
        TestShop shop = shopWith(catalogue());
        page.navigate(shopPage("en", "<div id=\"badge\" class=\"slot-badge\" data-shopscore=\"" + shop.slug() + "\"></div>"
                + tiles(shop.slug(), cataloguePageSkus(), "")));
        awaitProducts(23);
        page.waitForFunction("() => document.getElementById('badge').shadowRoot?.querySelector('a')");
        assertEquals(List.of(), Axe.violations(page));
        assertEquals(1, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^Product SKU-01\\s*Rated 8\\.3 out of 10 from 3 reviews\\s*€ 9,95$"))).count(),
                "the tile's link reads the product, its rating and its price");
    }

    @Test
    void productsAddedByInfiniteScrollComeInOneMoreRequestForTheNewSkusOnly() {
        List<GradedProduct> products = new ArrayList<>(catalogue());
        IntStream.rangeClosed(23, 46).forEach(n -> products.add(new GradedProduct(String.format("SKU-%02d", n), "Blend " + n, 7, 8)));
        TestShop shop = shopWith(products);
        page.navigate(shopPage("en", tiles(shop.slug(), cataloguePageSkus(), "")));
        awaitProducts(23);
        page.waitForTimeout(200);
        assertEquals(1, apiRequests("/product-scores").size());

        // the next page of the listing: 24 new tiles, two of them products shown above already
        List<String> next = new ArrayList<>(IntStream.rangeClosed(23, 44).mapToObj(n -> String.format("SKU-%02d", n)).toList());
        next.add("SKU-01");
        next.add("SKU-05");
        String more = tiles(shop.slug(), next, "").replace("id=\"p", "id=\"more").replace("href=\"#p", "href=\"#more");
        page.evaluate("html => document.querySelector('main').insertAdjacentHTML('beforeend', html)", more);
        awaitProducts(23 + 24);
        page.waitForTimeout(200);

        List<String> productRequests = apiRequests("/product-scores");
        assertEquals(2, productRequests.size(), productRequests.toString());
        assertEquals(next.subList(0, 22), ProductScoreStub.skusOf(productRequests.get(1)), "only the skus not asked for before");
        assertShowsTheApisScore("more21", shop, "SKU-44");
        assertShowsTheApisScore("more22", shop, "SKU-01");
        assertEquals(0.0, ((Number) page.evaluate("layoutShift")).doubleValue());
    }

    @Test
    void aPageWithMoreThanAHundredProductsAsksInBatchesOfAHundred() {
        List<String> skus = IntStream.rangeClosed(1, 150).mapToObj(n -> "BULK-" + n).toList();
        TestShop shop = shopWith(skus.stream().map(sku -> new GradedProduct(sku, sku, 8)).toList());
        page.navigate(shopPage("en", tiles(shop.slug(), skus, "")));
        awaitProducts(150);
        page.waitForTimeout(200);
        List<String> productRequests = apiRequests("/product-scores");
        assertEquals(2, productRequests.size(), productRequests.toString());
        assertEquals(100, ProductScoreStub.skusOf(productRequests.get(0)).size());
        assertEquals(50, ProductScoreStub.skusOf(productRequests.get(1)).size());
        assertShowsTheApisScore("p149", shop, "BULK-150");
    }

    @Test
    void skusTheServiceCannotHaveAreNotAskedFor() {
        TestShop shop = shopWith(catalogue());
        page.navigate(shopPage("en", tiles(shop.slug(), List.of("SKU-01", "A,B", "with/slash", " padded", "x".repeat(65)), "")
                + "<div id=\"no-sku\" class=\"slot-product\" data-shopscore=\"" + shop.slug() + "\" data-variant=\"product\"></div>"));
        awaitProducts(1);
        page.waitForTimeout(300);
        List<String> productRequests = apiRequests("/product-scores");
        assertEquals(1, productRequests.size(), productRequests.toString());
        assertEquals(List.of("SKU-01"), ProductScoreStub.skusOf(productRequests.get(0)));
        assertEquals(Boolean.TRUE, page.evaluate("document.getElementById('no-sku').shadowRoot === null"));
        assertEquals(List.of(), problems);
    }

    @Test
    void aServiceWithoutProductScoresLeavesTheTilesQuietlyEmpty() {
        // The stub stands in here: the real service has the endpoint; an older one without it answers 404.
        TestShop shop = reviewedShop();
        page.route("**/product-scores?*", route -> route.fulfill(new Route.FulfillOptions().setStatus(404)
                .setHeaders(Map.of("Access-Control-Allow-Origin", "*")).setContentType("application/problem+json")
                .setBody("{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no such path\"}")));
        page.navigate(shopPage("en", "<div id=\"badge\" class=\"slot-badge\" data-shopscore=\"" + shop.slug() + "\"></div>"
                + tiles(shop.slug(), List.of("SKU-01", "SKU-02"), "")));
        page.waitForFunction("() => document.getElementById('badge').shadowRoot?.querySelector('a')");
        page.waitForTimeout(300);
        assertEquals(Boolean.TRUE, page.evaluate("document.getElementById('p0').shadowRoot === null && document.getElementById('p1').shadowRoot === null"));
        assertEquals("160x24", size("p0"));
        assertTrue(problems.stream().noneMatch(problem -> problem.startsWith("page error")), problems.toString());
        assertTrue(problems.stream().allMatch(problem -> problem.contains("404")), "only the browser's own note of the 404: " + problems);
        assertEquals(0.0, ((Number) page.evaluate("layoutShift")).doubleValue());
    }

    @Test
    void textEnlargedTo200PercentWrapsTheProductLineInsteadOfClippingIt() {
        TestShop shop = shopWith(catalogue());
        JsonObject fontSizes = new JsonObject();
        fontSizes.addProperty("standard", 32);
        fontSizes.addProperty("fixed", 26);
        JsonObject parameters = new JsonObject();
        parameters.add("fontSizes", fontSizes);
        // The reader's own text size (chrome://settings/fonts): twice the default of 16 px.
        context.newCDPSession(page).send("Page.setFontSizes", parameters);
        page.navigate(shopPage("de", tiles(shop.slug(), List.of("SKU-01", "SKU-04", "SKU-05"), "")));
        awaitProducts(3);

        assertTrue(((Number) inShadow("p0", "parseFloat(getComputedStyle(root.querySelector('.meta')).fontSize)")).doubleValue() >= 23,
                "the count's text is twice its size");
        for (String id : List.of("p0", "p1", "p2")) {
            Object clipped = page.evaluate("""
                    id => {
                      const host = document.getElementById(id), badge = host.shadowRoot.querySelector('.badge');
                      const box = badge.getBoundingClientRect(), clipped = [];
                      if (badge.scrollHeight > badge.clientHeight + 1 || badge.scrollWidth > badge.clientWidth + 1) clipped.push('the line overflows');
                      for (const e of badge.querySelectorAll('span, svg')) {
                        const r = e.getBoundingClientRect();
                        if (r.bottom > box.bottom + 0.5 || r.right > box.right + 0.5) clipped.push(e.getAttribute('class') + ': ' + e.textContent);
                      }
                      if (host.getBoundingClientRect().height + 0.5 < box.height) clipped.push('the page overlaps the line');
                      return clipped;
                    }""", id);
            assertEquals(List.of(), clipped, id);
        }
        assertTrue(page.locator("#p0").boundingBox().height > 24, "the line grew past the reserved 24 px");
    }
}
