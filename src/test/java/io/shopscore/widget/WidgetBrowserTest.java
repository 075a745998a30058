package io.shopscore.widget;

import com.microsoft.playwright.Locator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.Browsers;
import io.shopscore.testing.ForeignSite;

/** The widget on someone else's page, in real Chromium. */
@QuarkusTest
class WidgetBrowserTest {

    /** Styles a careless theme might have; none of them may reach into the badge. */
    private static final String HOSTILE_CSS = "* { color: red !important; font-size: 31px !important; line-height: 3 !important }"
            + " a { display: none !important } div { border: 5px dotted lime !important }";

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

    private String scriptUrl() {
        return service.toString() + "widget/shopscore.js";
    }

    private String foreignPage(String lang, String body) {
        String html = "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><title>Some shop</title>"
                + "<style>" + HOSTILE_CSS + "</style></head><body><p id=\"host-text\">Host page text</p>" + body
                + "<script src=\"" + scriptUrl() + "\" async></script></body></html>";
        return site.page("/shop-" + System.nanoTime() + ".html", html);
    }

    private void awaitBadges(int expected) {
        page.waitForFunction("n => [...document.querySelectorAll('[data-shopscore]')]"
                + ".filter(e => e.shadowRoot && e.shadowRoot.querySelector('a')).length >= n", expected);
    }

    private static TestShop shopGraded(int... grades) {
        TestShop shop = Api.newShop();
        for (int grade : grades) {
            shop.review(grade, grade >= 8);
        }
        return shop;
    }

    @Test
    void badgeShowsTheGradeInEachLanguageOnAHostilePage() {
        TestShop shop = shopGraded(10, 8, 7);
        String slot = "style=\"width:260px;height:96px\"";
        page.navigate(foreignPage("de", "<div id=\"nl\" data-shopscore=\"" + shop.slug() + "\" data-locale=\"nl\" " + slot + "></div>"
                + "<div id=\"en\" data-shopscore=\"" + shop.slug() + "\" data-locale=\"en\" " + slot + "></div>"
                + "<div id=\"fr\" data-shopscore=\"" + shop.slug() + "\" data-locale=\"fr\" " + slot + "></div>"
                + "<div id=\"page-language\" data-shopscore=\"" + shop.slug() + "\" " + slot + "></div>"));
        awaitBadges(4);

        assertEquals("8,3", page.locator("#nl .grade").textContent());
        assertEquals("8.3", page.locator("#en .grade").textContent());
        assertEquals("8,3", page.locator("#fr .grade").textContent());
        assertEquals("8,3", page.locator("#page-language .grade").textContent());
        assertTrue(page.locator("#nl a").textContent().contains("3 reviews"));
        assertTrue(page.locator("#en a").textContent().contains("Read the reviews"));
        assertTrue(page.locator("#fr a").textContent().contains("3 avis"));
        assertTrue(page.locator("#page-language a").textContent().contains("3 Bewertungen"), "the page's lang decides when data-locale is absent");

        String name = "Rated 8.3 out of 10 from 3 reviews. Read the reviews of Shop " + shop.slug();
        assertEquals(1, page.locator("#en").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true)).count(),
                "the badge is one link named with the whole rating");
        assertEquals("http://localhost:8080/shops/" + shop.slug() + "?lang=en", page.locator("#en a").getAttribute("href"));

        Map<?, ?> gradeStyle = (Map<?, ?>) page.locator("#en .grade").evaluate(
                "e => { const s = getComputedStyle(e); return { size: s.fontSize, color: s.color, display: getComputedStyle(e.closest('a')).display } }");
        assertEquals("24px", gradeStyle.get("size"));
        assertEquals("rgb(255, 255, 255)", gradeStyle.get("color"));
        assertEquals("flex", gradeStyle.get("display"), "the host page's 'a { display: none }' does not reach the badge");
        assertEquals("31px", page.locator("#host-text").evaluate("e => getComputedStyle(e).fontSize"), "the badge's styles do not reach the page");
        assertEquals(1, page.evaluate("document.querySelectorAll('style, link[rel=stylesheet]').length"), "the widget adds no styles to the page");
        assertEquals("260x96", page.locator("#en").evaluate("e => Math.round(e.getBoundingClientRect().width) + 'x' + Math.round(e.getBoundingClientRect().height)"));
        assertEquals(List.of(), problems);
    }

    @Test
    void oneRequestServesEveryBadgeOfAPage() {
        TestShop first = shopGraded(9);
        TestShop second = shopGraded(6);
        page.navigate(foreignPage("en", "<div data-shopscore=\"" + first.slug() + "\"></div>"
                + "<div data-shopscore=\"" + first.slug() + "\" data-variant=\"compact\"></div>"
                + "<div data-shopscore=\"" + second.slug() + "\"></div>"
                + "<div data-shopscore=\"" + first.slug() + "\" data-theme=\"dark\"></div>"));
        awaitBadges(4);
        List<String> scoreRequests = requests.stream().filter(url -> url.contains("/api/v1/")).toList();
        assertEquals(1, scoreRequests.size(), scoreRequests.toString());
        assertTrue(scoreRequests.get(0).contains("/api/v1/scores?shops="));
        assertTrue(scoreRequests.get(0).contains(first.slug()) && scoreRequests.get(0).contains(second.slug()));
    }

    @Test
    void unknownShopShowsNothingAndSaysNothing() {
        TestShop known = shopGraded(8);
        page.navigate(foreignPage("en", "<div id=\"unknown\" data-shopscore=\"no-such-shop-here\" style=\"width:260px;height:96px\"></div>"
                + "<div id=\"malformed\" data-shopscore=\"Not A Slug\"></div>"
                + "<div id=\"known\" data-shopscore=\"" + known.slug() + "\"></div>"));
        awaitBadges(1);
        page.waitForTimeout(300);
        assertEquals(Boolean.TRUE, page.evaluate("document.querySelector('#unknown').shadowRoot === null"));
        assertEquals(Boolean.TRUE, page.evaluate("document.querySelector('#malformed').shadowRoot === null"));
        assertEquals(List.of(), problems);
    }

    @Test
    void unreachableServiceShowsNothingAndThrowsNothing() {
        TestShop shop = shopGraded(8);
        page.route("**/api/v1/**", route -> route.abort());
        page.navigate(foreignPage("en", "<div id=\"badge\" data-shopscore=\"" + shop.slug() + "\"></div>"));
        page.waitForTimeout(800);
        assertEquals(Boolean.TRUE, page.evaluate("document.querySelector('#badge').shadowRoot === null"));
        assertTrue(problems.stream().noneMatch(problem -> problem.startsWith("page error")), problems.toString());
        assertTrue(problems.stream().allMatch(problem -> problem.contains("net::ERR_FAILED")),
                "only the browser's own note of the aborted request: " + problems);
    }

    @Test
    void badgesAddedAfterLoadAreRenderedToo() {
        TestShop shop = shopGraded(7, 9);
        page.navigate(foreignPage("nl", "<div id=\"later\"></div>"));
        page.waitForFunction("() => window.Shopscore !== undefined");
        page.evaluate("slug => { const d = document.createElement('div'); d.id = 'added'; d.dataset.shopscore = slug;"
                + " document.querySelector('#later').append(d) }", shop.slug());
        awaitBadges(1);
        assertEquals("8,0", page.locator("#added .grade").textContent());
    }

    @Test
    void reviewsVariantShowsTheThreeNewestWithResponsesAsText() {
        TestShop shop = Api.newShop();
        shop.review(9, true);
        shop.review(8, true);
        String token = shop.invite();
        long hostile = RestAssured.given().contentType("application/json")
                .body(Map.of("score", 3, "text", "<img src=x onerror=\"window.hacked=1\"> never arrived", "displayName", "<b>Eve</b>"))
                .post("/api/v1/invitations/{token}/review", token).then().statusCode(201).extract().<Number>path("id").longValue();
        shop.asShop().body(Map.of("text", "We sent a new one <script>window.hacked=2</script>"))
                .put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), hostile).then().statusCode(200);
        shop.review(10, true);

        page.navigate(foreignPage("en", "<div id=\"list\" data-shopscore=\"" + shop.slug() + "\" data-variant=\"reviews\" style=\"width:320px;height:440px\"></div>"));
        awaitBadges(1);
        assertEquals(3, page.locator("#list li").count());
        String texts = page.locator("#list ol").textContent();
        assertTrue(texts.contains("<img src=x onerror=\"window.hacked=1\"> never arrived"), texts);
        assertTrue(texts.contains("<b>Eve</b>"));
        assertTrue(texts.contains("We sent a new one <script>window.hacked=2</script>"));
        assertFalse(texts.contains("Review with grade 9"), "only the three newest");
        assertEquals(0, page.locator("#list img, #list script, #list b b").count(), "customer text never becomes markup");
        assertEquals(Boolean.TRUE, page.evaluate("window.hacked === undefined"));
        assertEquals("320x440", page.locator("#list").evaluate("e => Math.round(e.getBoundingClientRect().width) + 'x' + Math.round(e.getBoundingClientRect().height)"));
    }

    @Test
    void darkThemeIsDarkAndCompactIsOneLine() {
        TestShop shop = shopGraded(4, 5);
        page.navigate(foreignPage("en", "<div id=\"dark\" data-shopscore=\"" + shop.slug() + "\" data-theme=\"dark\"></div>"
                + "<div id=\"compact\" data-shopscore=\"" + shop.slug() + "\" data-variant=\"compact\"></div>"));
        awaitBadges(2);
        assertEquals("rgb(31, 36, 48)", page.locator("#dark .badge").evaluate("e => getComputedStyle(e).backgroundColor"));
        assertEquals("rgb(179, 38, 30)", page.locator("#dark .grade").evaluate("e => getComputedStyle(e).backgroundColor"), "a failing average is red");
        assertEquals("260x28", page.locator("#compact").evaluate("e => Math.round(e.getBoundingClientRect().width) + 'x' + Math.round(e.getBoundingClientRect().height)"));
        assertTrue(page.locator("#compact a").textContent().contains("4.5"));
        assertNotEquals(page.locator("#compact .grade").evaluate("e => e.getBoundingClientRect().top"), null);
    }

    @Test
    void loadingTheScriptTwiceRendersOnce() {
        TestShop shop = shopGraded(8);
        String html = "<!DOCTYPE html><html lang=\"en\"><head><title>Twice</title></head><body>"
                + "<div data-shopscore=\"" + shop.slug() + "\"></div>"
                + "<script src=\"" + scriptUrl() + "\"></script><script src=\"" + scriptUrl() + "?again\"></script></body></html>";
        page.navigate(site.page("/twice.html", html));
        awaitBadges(1);
        page.waitForTimeout(300);
        assertEquals(1L, requests.stream().filter(url -> url.contains("/api/v1/")).count());
        assertEquals(List.of(), problems);
    }
}
