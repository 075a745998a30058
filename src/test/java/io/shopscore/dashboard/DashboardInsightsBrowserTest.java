package io.shopscore.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.Axe;
import io.shopscore.testing.Browsers;

/** The dashboard's charts as a reader sees them in Chromium: insights and the overview's month chart. */
@QuarkusTest
class DashboardInsightsBrowserTest {

    /** Pairs of labels whose boxes overlap, as "a / b"; labels cut off by their chart's edge; and how many labels there were. */
    private static final String OVERLAPS = """
            selector => {
              const boxes = [...document.querySelectorAll(selector)]
                  .filter(e => e.getBoundingClientRect().width > 0)
                  .map(e => ({ text: e.textContent, box: e.getBoundingClientRect() }));
              const overlaps = [];
              for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i].box, b = boxes[j].box;
                if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps.push(boxes[i].text + ' / ' + boxes[j].text);
              }
              const outside = [...document.querySelectorAll(selector)].filter(e => {
                const box = e.getBoundingClientRect(), chart = e.closest('svg').getBoundingClientRect();
                return box.width > 0 && (box.left < chart.left || box.right > chart.right);
              }).map(e => e.textContent);
              return { count: boxes.length, overlaps, outside };
            }""";

    /** The smallest font size, in CSS px as drawn (the SVG's scale included), of the visible text under a selector. */
    private static final String SMALLEST_FONT = """
            selector => Math.min(...[...document.querySelectorAll(selector)]
                .filter(e => e.getBoundingClientRect().width > 0)
                .map(e => parseFloat(getComputedStyle(e).fontSize) * e.getScreenCTM().a))""";

    @TestHTTPResource("/")
    URL service;

    private static void write(TestShop shop, int score, String text) {
        String token = shop.invite();
        given().contentType("application/json").body(Map.of("score", score, "text", text))
                .post("/api/v1/invitations/{token}/review", token).then().statusCode(201);
    }

    private BrowserContext signedIn(TestShop shop, int width) {
        BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions()
                // axe is injected as a script, which the pages' own policy rightly forbids
                .setBypassCSP(true).setViewportSize(width, 900).setLocale("nl-NL"));
        context.addCookies(List.of(new Cookie("shopscore_session", DashboardTest.signInWithKey(shop)).setUrl(service.toString())));
        return context;
    }

    @SuppressWarnings("unchecked")
    @Test
    void insightsMonthLabelsDoNotOverlapAndOneCustomerIsOneKlant() {
        TestShop shop = Api.newShop(Api.freshSlug("insights"), "nl");
        write(shop, 2, "Het pakket kwam twee weken te laat aan en de klantenservice reageerde niet op mijn mails.");
        write(shop, 3, "Na betaling kreeg ik te horen dat het artikel niet op voorraad was. Ik bestel hier nooit meer.");
        write(shop, 9, "Snel geleverd en goed geholpen door de klantenservice.");

        for (int width : new int[] { 1280, 375 }) {
            try (BrowserContext context = signedIn(shop, width)) {
                Page page = context.newPage();
                page.navigate(service + "dashboard/" + shop.slug() + "/insights?lang=nl");
                assertTrue(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("De 1 klant die nooit meer koopt, klaagde over"))
                        .isVisible(), "one customer is one klant");
                assertFalse(page.content().contains("1 klanten"));
                for (String months : List.of("3", "6", "12", "24")) {
                    page.navigate(service + "dashboard/" + shop.slug() + "/insights?lang=nl&months=" + months);
                    Map<String, Object> labels = (Map<String, Object>) page.evaluate(OVERLAPS, ".chart-axis");
                    assertTrue(((Number) labels.get("count")).intValue() >= 3, months + " months: " + labels);
                    assertEquals(List.of(), labels.get("overlaps"), months + " months at " + width + " px");
                    assertEquals(List.of(), labels.get("outside"), months + " months at " + width + " px: no label cut off");
                    assertTrue((Double) page.evaluate(SMALLEST_FONT, ".chart-axis") >= 10, months + " months at " + width + " px");
                }
                page.navigate(service + "dashboard/" + shop.slug() + "/insights?lang=nl");
                assertEquals(0, ((Number) page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue(),
                        "no sideways scrolling at " + width + " px");
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("docs/dashboard/insights-" + width + ".png")));
                assertEquals(List.of(), Axe.violations(page), "insights at " + width + " px");
            }
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void theOverviewsMonthChartIsReadableOnAPhone() {
        TestShop shop = Api.newShop(Api.freshSlug("overview"), "fr");
        shop.review(8, true);
        shop.review(4, false);
        try (BrowserContext context = signedIn(shop, 375)) {
            Page page = context.newPage();
            page.navigate(service + "dashboard/" + shop.slug() + "?lang=fr");
            assertFalse(page.locator("#month-chart-wide").isVisible(), "the wide chart is not the one shown on a phone");
            assertTrue(page.locator("#month-chart-narrow").isVisible());
            double smallest = (Double) page.evaluate(SMALLEST_FONT, "#month-chart-narrow text");
            assertTrue(smallest >= 11, "the smallest chart text is " + smallest + " px");
            Map<String, Object> labels = (Map<String, Object>) page.evaluate(OVERLAPS, "#month-chart-narrow .chart-month");
            assertEquals(4, ((Number) labels.get("count")).intValue(), "every third month named");
            assertEquals(List.of(), labels.get("overlaps"));
            assertEquals(List.of(), labels.get("outside"));
            assertEquals(List.of(), ((Map<String, Object>) page.evaluate(OVERLAPS, "#month-chart-narrow .chart-value")).get("overlaps"));
            assertEquals(List.of(), Axe.violations(page), "overview at 375 px");
        }
        try (BrowserContext context = signedIn(shop, 1280)) {
            Page page = context.newPage();
            page.navigate(service + "dashboard/" + shop.slug() + "?lang=fr");
            assertTrue(page.locator("#month-chart-wide").isVisible());
            assertFalse(page.locator("#month-chart-narrow").isVisible());
            Map<String, Object> labels = (Map<String, Object>) page.evaluate(OVERLAPS, "#month-chart-wide .chart-month");
            assertEquals(12, ((Number) labels.get("count")).intValue());
            assertEquals(List.of(), labels.get("overlaps"));
        }
    }
}
