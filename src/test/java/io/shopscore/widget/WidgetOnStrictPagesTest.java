package io.shopscore.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.Browsers;
import io.shopscore.testing.ForeignSite;

/**
 * The widget on the pages of shops that care about security and privacy (issue 16): a strict
 * Content-Security-Policy, one that forgets connect-src, a blocker, a reverse proxy on the shop's
 * own domain, a reader who enlarged the text, a hidden tab. Real Chromium, a shop on another origin.
 */
@QuarkusTest
class WidgetOnStrictPagesTest {

    /** Every variant, each in a placeholder sized by the shop's own stylesheet (a strict style-src forbids style attributes). */
    private static final String EVERY_VARIANT = """
            <div id="badge" class="slot-badge" data-shopscore="{slug}" data-locale="en"></div>
            <div id="compact" class="slot-compact" data-shopscore="{slug}" data-variant="compact" data-locale="de"></div>
            <div id="reviews" class="slot-reviews" data-shopscore="{slug}" data-variant="reviews" data-locale="nl"></div>
            <div id="badge-dark" class="slot-badge" data-shopscore="{slug}" data-theme="dark" data-locale="fr"></div>
            <div id="compact-dark" class="slot-compact" data-shopscore="{slug}" data-variant="compact" data-theme="dark"></div>
            <div id="reviews-dark" class="slot-reviews" data-shopscore="{slug}" data-variant="reviews" data-theme="dark"></div>
            <p id="after">Text below the badges</p>
            """;
    private static final List<String> VARIANT_IDS = List.of("badge", "compact", "reviews", "badge-dark", "compact-dark", "reviews-dark");
    private static final Map<String, String> RESERVED = Map.of("badge", "260x96", "compact", "260x28", "reviews", "320x440",
            "badge-dark", "260x96", "compact-dark", "260x28", "reviews-dark", "320x440");
    private static final String SHOP_STYLESHEET = """
            body { font: 16px Georgia, serif }
            .slot-badge { width: 260px; height: 96px }
            .slot-compact { width: 260px; height: 28px }
            .slot-reviews { width: 320px; height: 440px }
            """;

    /**
     * The shop's own script, from its own origin: error handlers of its own and a layout-shift
     * counter, as a shop's monitoring would have them. Playwright's init script records policy
     * violations before anything on the page runs.
     */
    private static final String SHOP_SCRIPT = """
            window.shopErrors = [];
            window.addEventListener('error', e => shopErrors.push('error: ' + e.message));
            window.addEventListener('unhandledrejection', e => shopErrors.push('rejection: ' + e.reason));
            window.layoutShift = 0;
            new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) layoutShift += e.value; }))
              .observe({ type: 'layout-shift', buffered: true });
            """;
    private static final String RECORD_VIOLATIONS = "window.violations = [];"
            + " document.addEventListener('securitypolicyviolation', e => violations.push(e.effectiveDirective + ' ' + e.blockedURI));";

    private static ForeignSite site;

    @TestHTTPResource("/")
    URL service;

    private BrowserContext context;
    private Page page;
    private final List<String> console = new CopyOnWriteArrayList<>();
    private final List<String> pageErrors = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startSite() throws Exception {
        site = new ForeignSite();
        site.resource("/shop.css", "text/css", SHOP_STYLESHEET, Map.of());
        site.resource("/shop.js", "text/javascript", SHOP_SCRIPT, Map.of());
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @BeforeEach
    void openPage() {
        context = Browsers.chromium().newContext();
        context.addInitScript(RECORD_VIOLATIONS);
        page = context.newPage();
        page.onPageError(error -> pageErrors.add(error));
        page.onConsoleMessage(message -> console.add(message.type() + ": " + message.text()));
        page.onRequest(request -> requests.add(request.url()));
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    /** The service's origin as a CSP source, such as http://localhost:41234. */
    private String serviceSource() {
        return service.getProtocol() + "://" + service.getHost() + ":" + service.getPort();
    }

    private String shopPage(String policy, String scriptTag, String body, TestShop shop) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>A careful shop</title>"
                + "<link rel=\"stylesheet\" href=\"/shop.css\"><script src=\"/shop.js\"></script></head><body>"
                + body.replace("{slug}", shop.slug()) + scriptTag + "</body></html>";
        return site.page("/careful-" + System.nanoTime() + ".html", html, Map.of("Content-Security-Policy", policy));
    }

    private String serviceScript() {
        return "<script src=\"" + service + "widget/shopscore.js\" async></script>";
    }

    private static TestShop reviewedShop() {
        TestShop shop = Api.newShop();
        shop.review(9, true);
        shop.review(8, false);
        shop.review(10, true);
        return shop;
    }

    private void awaitBadges(int expected) {
        page.waitForFunction("n => [...document.querySelectorAll('[data-shopscore]')]"
                + ".filter(e => e.shadowRoot && e.shadowRoot.querySelector('.badge a')).length >= n", expected);
    }

    private String size(String id) {
        return (String) page.evaluate("id => { const r = document.getElementById(id).getBoundingClientRect();"
                + " return Math.round(r.width) + 'x' + Math.round(r.height) }", id);
    }

    private Object violations() {
        return page.evaluate("window.violations");
    }

    private void assertStyled(String id) {
        Map<?, ?> style = (Map<?, ?>) page.evaluate("id => { const root = document.getElementById(id).shadowRoot;"
                + " const badge = getComputedStyle(root.querySelector('.badge')), stars = root.querySelector('.stars').getBoundingClientRect();"
                + " return { radius: badge.borderTopLeftRadius, family: badge.fontFamily, starsWidth: Math.round(stars.width) } }", id);
        assertEquals("8px", style.get("radius"), id + " has its own styles");
        assertTrue(String.valueOf(style.get("family")).startsWith("system-ui"), id + ": " + style);
        assertTrue(((Number) style.get("starsWidth")).intValue() <= 90, id + ": the stars keep their size, not five huge black ones");
    }

    @Test
    void everyVariantIsStyledOnAPageThatAllowsOnlyTheServiceForScriptAndFetch() {
        TestShop shop = reviewedShop();
        String policy = "default-src 'self'; script-src 'self' " + serviceSource() + "; connect-src " + serviceSource() + "; style-src 'self'";
        page.navigate(shopPage(policy, serviceScript(), EVERY_VARIANT, shop));
        awaitBadges(VARIANT_IDS.size());

        for (String id : VARIANT_IDS) {
            assertStyled(id);
            assertEquals(RESERVED.get(id), size(id), id + " keeps to the space the shop reserved");
        }
        assertEquals("rgb(27, 122, 61)", page.evaluate("getComputedStyle(document.getElementById('badge').shadowRoot.querySelector('.grade')).backgroundColor"));
        assertEquals("rgb(31, 36, 48)", page.evaluate("getComputedStyle(document.getElementById('badge-dark').shadowRoot.querySelector('.badge')).backgroundColor"));
        assertEquals(3L, ((Number) page.evaluate("document.getElementById('reviews').shadowRoot.querySelectorAll('li').length")).longValue());
        page.waitForTimeout(300);
        assertEquals(List.of(), violations(), "no Content-Security-Policy violation");
        assertEquals(List.of(), console, "nothing in the console");
        assertEquals(List.of(), pageErrors);
        assertEquals(0.0, ((Number) page.evaluate("layoutShift")).doubleValue(), "cumulative layout shift");
    }

    @Test
    void withoutConstructableStylesheetsTheServicesStylesheetIsLinkedWhereThePolicyNamesIt() {
        TestShop shop = reviewedShop();
        page.addInitScript("delete ShadowRoot.prototype.adoptedStyleSheets");
        String policy = "default-src 'self'; script-src 'self' " + serviceSource() + "; connect-src " + serviceSource()
                + "; style-src 'self' " + serviceSource();
        page.navigate(shopPage(policy, serviceScript(), EVERY_VARIANT, shop));
        awaitBadges(VARIANT_IDS.size());
        page.waitForFunction("() => [...document.querySelectorAll('[data-shopscore]')]"
                + ".every(e => getComputedStyle(e.shadowRoot.querySelector('.badge')).borderTopLeftRadius === '8px')");

        for (String id : VARIANT_IDS) {
            assertStyled(id);
            assertEquals(RESERVED.get(id), size(id), id);
        }
        assertTrue(requests.contains(service + "widget/shopscore.css"), requests.toString());
        assertEquals(List.of(), violations());
        assertEquals(List.of(), console);
        assertEquals(List.of(), pageErrors);
    }

    @Test
    void aStylesheetThePolicyRefusesLeavesThePlaceholderEmptyRatherThanUnstyled() {
        TestShop shop = reviewedShop();
        page.addInitScript("delete ShadowRoot.prototype.adoptedStyleSheets");
        String policy = "default-src 'self'; script-src 'self' " + serviceSource() + "; connect-src " + serviceSource() + "; style-src 'self'";
        page.navigate(shopPage(policy, serviceScript(), EVERY_VARIANT, shop));
        page.waitForFunction("() => violations.some(v => v.startsWith('style-src'))");
        page.waitForTimeout(300);

        assertEquals(0L, ((Number) page.evaluate("[...document.querySelectorAll('[data-shopscore]')]"
                + ".filter(e => e.shadowRoot && e.shadowRoot.querySelector('.badge')).length")).longValue(), "no badge is drawn without its styles");
        for (String id : VARIANT_IDS) {
            assertEquals(RESERVED.get(id), size(id), id);
        }
        assertEquals(List.of(), pageErrors);
        assertEquals(List.of(), page.evaluate("shopErrors"));
        assertEquals(0.0, ((Number) page.evaluate("layoutShift")).doubleValue());
    }

    @Test
    void aPolicyWithoutConnectSrcForTheServiceLeavesTheReservedSpaceCalm() {
        TestShop shop = reviewedShop();
        String policy = "default-src 'self'; script-src 'self' " + serviceSource() + "; style-src 'self'";
        page.navigate(shopPage(policy, serviceScript(), EVERY_VARIANT, shop));
        page.waitForFunction("() => violations.some(v => v.startsWith('connect-src'))");
        page.waitForTimeout(500);
        assertNothingDrawnAndNothingMoved();
    }

    @Test
    void aBlockerThatDropsTheRequestsLeavesTheReservedSpaceCalm() {
        TestShop shop = reviewedShop();
        page.route("**/api/v1/**", route -> route.abort("blockedbyclient"));
        String policy = "default-src 'self'; script-src 'self' " + serviceSource() + "; connect-src " + serviceSource() + "; style-src 'self'";
        page.navigate(shopPage(policy, serviceScript(), EVERY_VARIANT, shop));
        page.waitForFunction("() => window.Shopscore !== undefined");
        page.waitForTimeout(800);
        assertNothingDrawnAndNothingMoved();
        assertEquals(List.of(), violations());
    }

    private void assertNothingDrawnAndNothingMoved() {
        assertEquals(0L, ((Number) page.evaluate("[...document.querySelectorAll('[data-shopscore]')]"
                + ".filter(e => e.shadowRoot).length")).longValue(), "no half-drawn badge");
        for (String id : VARIANT_IDS) {
            assertEquals(RESERVED.get(id), size(id), id);
        }
        assertEquals(0.0, ((Number) page.evaluate("layoutShift")).doubleValue(), "cumulative layout shift");
        assertEquals(List.of(), pageErrors, "nothing thrown into the page");
        assertEquals(List.of(), page.evaluate("shopErrors"), "nothing reached the shop's own error handlers");
        assertTrue(console.stream().allMatch(message -> message.startsWith("error: ") && !message.contains("[shopscore]")),
                "at most the browser's own note of the refused request: " + console);
    }

    @Test
    void everyVariantThroughTheShopsOwnReverseProxy() {
        TestShop shop = reviewedShop();
        site.proxy("/shopscore/", URI.create(service.toString()));
        String policy = "default-src 'self'; script-src 'self'; connect-src 'self'; style-src 'self'";
        page.navigate(shopPage(policy, "<script src=\"/shopscore/widget/shopscore.js\" async></script>", EVERY_VARIANT, shop));
        awaitBadges(VARIANT_IDS.size());

        for (String id : VARIANT_IDS) {
            assertStyled(id);
        }
        List<String> serviceRequests = requests.stream().filter(url -> url.contains("/api/") || url.contains("/widget/")).toList();
        assertTrue(serviceRequests.contains(site.origin() + "/shopscore/api/v1/scores?shops=" + shop.slug()), serviceRequests.toString());
        assertTrue(serviceRequests.stream().allMatch(url -> url.startsWith(site.origin() + "/shopscore/")),
                "the browser talks to the shop's domain only: " + serviceRequests);
        assertEquals(List.of(), violations());
        assertEquals(List.of(), console);
        assertEquals(List.of(), pageErrors);
    }

    @Test
    void dataShopscoreApiSendsTheRequestsWhereTheShopSays() {
        TestShop shop = reviewedShop();
        site.proxy("/reviews-proxy/", URI.create(service.toString()));
        String policy = "default-src 'self'; script-src 'self' " + serviceSource() + "; connect-src 'self'; style-src 'self'";
        String script = "<script src=\"" + service + "widget/shopscore.js\" data-shopscore-api=\"/reviews-proxy/\" async></script>";
        page.navigate(shopPage(policy, script, "<div id=\"badge\" class=\"slot-badge\" data-shopscore=\"{slug}\"></div>", shop));
        awaitBadges(1);

        assertTrue(requests.contains(site.origin() + "/reviews-proxy/api/v1/scores?shops=" + shop.slug()), requests.toString());
        assertFalse(requests.stream().anyMatch(url -> url.startsWith(service + "api/")), requests.toString());
        assertEquals(List.of(), violations());
    }

    @Test
    void textEnlargedTo200PercentGrowsTheBadgeInsteadOfClippingIt() {
        TestShop shop = reviewedShop();
        JsonObject fontSizes = new JsonObject();
        fontSizes.addProperty("standard", 32);
        fontSizes.addProperty("fixed", 26);
        JsonObject parameters = new JsonObject();
        parameters.add("fontSizes", fontSizes);
        // The reader's own text size (chrome://settings/fonts): twice the default of 16 px.
        context.newCDPSession(page).send("Page.setFontSizes", parameters);
        page.navigate(shopPage("default-src 'self'; script-src 'self' " + serviceSource() + "; connect-src " + serviceSource()
                + "; style-src 'self'", serviceScript(), EVERY_VARIANT, shop));
        awaitBadges(VARIANT_IDS.size());

        assertTrue(((Number) page.evaluate("parseFloat(getComputedStyle(document.getElementById('badge').shadowRoot.querySelector('.grade')).fontSize)"))
                .doubleValue() >= 48, "the grade's text is twice its size");
        for (String id : VARIANT_IDS) {
            Object clipped = page.evaluate("""
                    id => {
                      const host = document.getElementById(id), badge = host.shadowRoot.querySelector('.badge');
                      const box = badge.getBoundingClientRect(), clipped = [];
                      if (badge.scrollHeight > badge.clientHeight + 1 || badge.scrollWidth > badge.clientWidth + 1) clipped.push('the badge overflows');
                      for (const e of badge.querySelectorAll('a, span, p, li')) {
                        const r = e.getBoundingClientRect();
                        if (e.textContent.trim() && (r.bottom > box.bottom + 0.5 || r.right > box.right + 0.5)) clipped.push(e.className + ': ' + e.textContent);
                      }
                      if (host.getBoundingClientRect().height + 0.5 < box.height) clipped.push('the page overlaps the badge');
                      return clipped;
                    }""", id);
            assertEquals(List.of(), clipped, id);
        }
        assertTrue(page.locator("#badge").boundingBox().height > 96, "the badge grew past the reserved 96 px");
        assertEquals(List.of(), violations(), "its new height was set through the CSSOM, which the policy allows");
    }

    @Test
    void aHiddenPageIsNotWatchedUntilItIsShownAgain() {
        TestShop shop = reviewedShop();
        page.navigate(shopPage("default-src 'self'; script-src 'self' " + serviceSource() + "; connect-src " + serviceSource()
                + "; style-src 'self'", serviceScript(), "<div id=\"first\" class=\"slot-badge\" data-shopscore=\"{slug}\"></div>", shop));
        awaitBadges(1);

        page.evaluate("() => { Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });"
                + " document.dispatchEvent(new Event('visibilitychange')) }");
        page.evaluate("slug => { const d = document.createElement('div'); d.id = 'added'; d.className = 'slot-badge';"
                + " d.dataset.shopscore = slug; document.body.append(d) }", shop.slug());
        page.waitForTimeout(500);
        assertEquals(Boolean.TRUE, page.evaluate("document.getElementById('added').shadowRoot === null"),
                "a hidden page's changes are not watched");

        page.evaluate("() => { Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });"
                + " document.dispatchEvent(new Event('visibilitychange')) }");
        awaitBadges(2);
        page.evaluate("slug => { const d = document.createElement('div'); d.id = 'later'; d.dataset.shopscore = slug; document.body.append(d) }",
                shop.slug());
        awaitBadges(3);
        assertEquals(List.of(), pageErrors);
    }

    @Test
    void noCookieNoStorageNoReferrer() {
        TestShop shop = reviewedShop();
        page.addInitScript("""
                window.storageWrites = [];
                for (const storage of [localStorage, sessionStorage]) {
                  const setItem = storage.setItem.bind(storage);
                  storage.setItem = (key, value) => { storageWrites.push(key); setItem(key, value); };
                }
                const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
                Object.defineProperty(document, 'cookie', { get: () => cookie.get.call(document),
                  set: value => { storageWrites.push('cookie ' + value); cookie.set.call(document, value); } });
                const open = indexedDB.open.bind(indexedDB);
                indexedDB.open = name => { storageWrites.push('indexedDB ' + name); return open(name); };
                """);
        List<Request> scoreRequests = new CopyOnWriteArrayList<>();
        List<String> cookiesSet = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.url().contains("/api/v1/")) {
                scoreRequests.add(request);
            }
        });
        page.onResponse(response -> {
            if (response.url().startsWith(service.toString()) && response.headers().containsKey("set-cookie")) {
                cookiesSet.add(response.url());
            }
        });
        page.navigate(shopPage("default-src 'self'; script-src 'self' " + serviceSource() + "; connect-src " + serviceSource()
                + "; style-src 'self'", serviceScript(), EVERY_VARIANT, shop));
        awaitBadges(VARIANT_IDS.size());
        page.waitForTimeout(200);

        assertEquals(List.of(), page.evaluate("storageWrites"), "no cookie, no storage");
        assertEquals(0L, ((Number) page.evaluate("localStorage.length + sessionStorage.length")).longValue());
        assertEquals(List.of(), context.cookies(), "no cookie in the browser");
        assertEquals(List.of(), cookiesSet, "the service sets no cookie");
        assertFalse(scoreRequests.isEmpty());
        for (Request request : scoreRequests) {
            assertFalse(request.allHeaders().containsKey("referer"), "the page's address is not sent along: " + request.allHeaders());
        }
    }
}
