package io.shopscore.widget;

import com.microsoft.playwright.Browser;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopscore.testing.Axe;
import io.shopscore.testing.Browsers;

/**
 * The demo webshop page (widget/demo.html, served at /widget/demo.html) with the demo shop and its
 * products: no layout shift, no accessibility violation, and the screenshots that docs/widget.md shows.
 */
@QuarkusTest
class WidgetDemoPageTest {

    static final List<String> VARIANTS = List.of("badge-light", "badge-dark", "compact-light", "compact-dark", "reviews-light",
            "reviews-dark", "product-page", "product-listing", "product-dark");

    @TestHTTPResource("/widget/demo.html")
    URL demoPage;

    /** Every shop badge and every product's stars (the demo shop's products have reviews: DemoData). */
    private static void awaitAllBadges(Page page) {
        page.waitForFunction("() => [...document.querySelectorAll('[data-shopscore]')]"
                + ".every(e => e.shadowRoot && e.shadowRoot.querySelector(e.dataset.variant === 'product' ? '.product .stars' : 'a'))");
    }

    @Test
    void demoProductsShowTheirStarsAndHaveAPage() {
        try (BrowserContext context = Browsers.chromium().newContext()) {
            Page page = context.newPage();
            page.navigate(demoPage.toString());
            awaitAllBadges(page);
            for (String sku : List.of("ESPRESSO-CLASSICO-1KG", "LUNGO-FORTE-500G", "DECAF-SUAVE-250G", "CUPS-ESPRESSO-4")) {
                JsonPath score = given().get("/api/v1/shops/demo/products/{sku}/score", sku).then().statusCode(200).extract().jsonPath();
                Object shown = page.evaluate("sku => { const root = document.querySelector('#product-listing [data-sku=\"' + sku + '\"]').shadowRoot;"
                        + " return root.querySelector('.meta').textContent + ' ' + root.querySelector('clipPath rect').getAttribute('width') }", sku);
                assertEquals("(" + score.getInt("count") + ") " + Math.round(score.getDouble("stars") * 20), shown,
                        sku + ": the API's count and stars");
            }
            // the three colour bands: a green espresso, an amber lungo, a red decaf
            assertEquals(List.of("rgb(27, 122, 61)", "rgb(138, 90, 0)", "rgb(179, 38, 30)"), page.evaluate("""
                    () => [...document.querySelectorAll('#product-listing [data-sku]')].slice(0, 3)
                      .map(e => getComputedStyle(e.shadowRoot.querySelector('path[clip-path]')).fill)"""));
        }
        given().get("/shops/demo/products/{sku}", "ESPRESSO-CLASSICO-1KG").then().statusCode(200)
                .body(containsString("Espresso Classico, 1 kg"))
                .body(containsString("De beste bonen die ik thuis heb gehad."));
    }

    @Test
    void demoPageDoesNotShiftWhenTheBadgesArrive() {
        try (BrowserContext context = Browsers.chromium().newContext()) {
            Page page = context.newPage();
            page.navigate(demoPage.toString());
            awaitAllBadges(page);
            page.waitForTimeout(300);
            Object shift = page.evaluate("""
                    () => new Promise(resolve => {
                      let total = 0;
                      new PerformanceObserver(list => {
                        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
                      }).observe({ type: 'layout-shift', buffered: true });
                      setTimeout(() => resolve(total), 200);
                    })""");
            assertEquals(0.0, ((Number) shift).doubleValue(), "cumulative layout shift");
        }
    }

    @Test
    void demoPageHasNoAccessibilityViolations() {
        // axe is injected as a script, which the page's own policy rightly forbids
        try (BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page page = context.newPage();
            page.navigate(demoPage.toString());
            awaitAllBadges(page);
            assertEquals(List.of(), Axe.violations(page));
        }
    }

    /**
     * Photographs each variant in both themes into target/widget-screenshots, or into the folder
     * named by -Dwidget.screenshots (docs/widget.md shows the copies in docs/widget/).
     */
    @Test
    void screenshotsOfEveryVariant() throws Exception {
        Path folder = Path.of(System.getProperty("widget.screenshots", "target/widget-screenshots"));
        Files.createDirectories(folder);
        try (BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions()
                .setDeviceScaleFactor(2))) {
            Page page = context.newPage();
            page.navigate(demoPage.toString());
            awaitAllBadges(page);
            for (String variant : VARIANTS) {
                Locator badge = page.locator("#" + variant);
                Path file = folder.resolve(variant + ".png");
                badge.screenshot(new Locator.ScreenshotOptions().setPath(file));
                assertEquals(true, Files.size(file) > 1000, variant + " was photographed");
            }
        }
    }
}
