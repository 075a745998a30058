package io.shopscore.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.Axe;
import io.shopscore.testing.Browsers;
import io.shopscore.testing.ForeignSite;

/**
 * A shop owner configures the widget in Chromium under the page's own Content-Security-Policy,
 * copies the snippet with the Copy button and pastes it into a page of their own shop, where the
 * widget shows the product's score.
 */
@QuarkusTest
class DashboardWidgetBrowserTest {

    /** The public URL in tests; the snippet names it, as it would name the service's real address. */
    private static final String PUBLIC_URL = "http://localhost:8080/";
    private static final String SKU = "ESPRESSO-1KG";

    private static ForeignSite site;

    @TestHTTPResource("/")
    URL service;

    @BeforeAll
    static void startSite() throws Exception {
        site = new ForeignSite();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    private static TestShop shopWithAGradedProduct() {
        TestShop shop = Api.newShop(Api.freshSlug("widget"), "en");
        WidgetProducts.order(shop, SKU, "Espresso, 1 kg", 8);
        WidgetProducts.order(shop, "DECAF-250G", "Decaf, 250 g", null);
        return shop;
    }

    @Test
    void ownerChoosesDarkProductStarsCopiesTheSnippetAndItWorksOnTheirShop() {
        TestShop shop = shopWithAGradedProduct();
        List<String> problems = new CopyOnWriteArrayList<>();
        try (BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900).setLocale("en-GB").setPermissions(List.of("clipboard-read", "clipboard-write")))) {
            // The snippet names the service by its public address; this browser reaches it at the test's port.
            context.route(PUBLIC_URL + "**", route -> {
                APIResponse answer = route.fetch(new Route.FetchOptions().setUrl(route.request().url().replace(PUBLIC_URL, service.toString())));
                route.fulfill(new Route.FulfillOptions().setResponse(answer));
            });
            Page page = context.newPage();
            page.onConsoleMessage(message -> problems.add(message.type() + ": " + message.text()));
            page.onPageError(error -> problems.add("page error: " + error));

            page.navigate(service + "dashboard/sign-in?lang=en");
            page.getByLabel("API key", new Page.GetByLabelOptions().setExact(true)).fill(shop.apiKey());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with the API key")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Widget").setExact(true)).click();
            assertTrue(page.url().contains("/dashboard/" + shop.slug() + "/widget"), page.url());

            page.getByLabel("Product stars: one product's rating (160 × 24 px)").check();
            page.getByLabel("Dark (for dark pages)").check();
            page.getByLabel("Product (for product stars)").selectOption(SKU);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show preview and code")).click();

            // the real widget, from this service, under the page's own policy
            page.waitForFunction("() => document.querySelector('.widget-slot-product')?.shadowRoot?.querySelector('.badge.dark.product')");
            assertEquals("Rated 8.0 out of 10 from 1 review",
                    page.evaluate("() => document.querySelector('.widget-slot-product').shadowRoot.querySelector('.badge').getAttribute('aria-label')"));

            String shown = page.getByLabel("The code to paste into your pages").inputValue();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy")).click();
            page.getByText("Copied.").waitFor();
            String copied = (String) page.evaluate("() => navigator.clipboard.readText()");
            assertEquals(shown, copied);
            assertEquals("<div data-shopscore=\"" + shop.slug() + "\" data-variant=\"product\" data-sku=\"" + SKU
                    + "\" data-theme=\"dark\" style=\"width:160px;height:24px\"></div>\n"
                    + "<script src=\"" + PUBLIC_URL + "widget/shopscore.js\" async></script>", copied);
            assertEquals(List.of(), problems, "no policy violation or error on the configurator");

            // pasted as it is into a product page of the shop's own site
            Page shopPage = context.newPage();
            shopPage.onConsoleMessage(message -> problems.add("shop page " + message.type() + ": " + message.text()));
            shopPage.navigate(site.page("/espresso.html", "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Espresso</title>"
                    + "</head><body style=\"background:#1f2430;color:#fff\"><h1>Espresso, 1 kg</h1>\n" + copied + "\n</body></html>"));
            shopPage.waitForFunction("() => document.querySelector('[data-shopscore]')?.shadowRoot?.querySelector('.badge.dark.product')");
            assertEquals("Rated 8.0 out of 10 from 1 review", shopPage.evaluate(
                    "() => document.querySelector('[data-shopscore]').shadowRoot.querySelector('.badge').getAttribute('aria-label')"));
            assertEquals("(1)", shopPage.evaluate("() => document.querySelector('[data-shopscore]').shadowRoot.querySelector('.meta').textContent"));
            assertEquals(List.of(), problems);
        }
    }

    @Test
    void theConfiguratorIsAccessibleOnDesktopAndPhone() {
        TestShop shop = shopWithAGradedProduct();
        String cookie = DashboardTest.signInWithKey(shop);
        for (int width : new int[] { 1280, 375 }) {
            // axe is injected as a script, which the page's own policy rightly forbids
            try (BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions()
                    .setBypassCSP(true).setViewportSize(width, 900).setLocale("en-GB"))) {
                context.addCookies(List.of(new Cookie("shopscore_session", cookie).setUrl(service.toString())));
                Page page = context.newPage();
                for (String choice : List.of("variant=badge&theme=dark", "variant=product&theme=dark&sku=" + SKU, "variant=reviews")) {
                    page.navigate(service + "dashboard/" + shop.slug() + "/widget?lang=en&" + choice);
                    page.waitForFunction("() => document.querySelector('[data-shopscore]')?.shadowRoot?.querySelector('.badge')");
                    assertEquals(0, ((Number) page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue(),
                            choice + ": no sideways scrolling at " + width + " px");
                    assertEquals(List.of(), Axe.violations(page), choice + " at " + width + " px");
                    if (choice.startsWith("variant=badge")) {
                        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("docs/dashboard/widget-" + width + ".png")));
                    }
                }
                page.navigate(service + "dashboard/" + shop.slug() + "/widget?lang=en&variant=sparkle");
                assertTrue(page.getByRole(AriaRole.ALERT).textContent().contains("Choose one of the listed variants."));
                assertEquals(List.of(), Axe.violations(page), "the form with an error at " + width + " px");
            }
        }
    }
}
