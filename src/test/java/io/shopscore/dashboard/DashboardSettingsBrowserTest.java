package io.shopscore.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shopscore.testing.Api;
import io.shopscore.testing.Axe;
import io.shopscore.testing.Browsers;

/**
 * A shop owner rotates the API key in Chromium: signs in with the old key, creates a second one,
 * reads it from the page, uses it on the API, revokes the old one, which is refused from then on.
 * Every settings page passes axe at desktop and phone width.
 */
@QuarkusTest
class DashboardSettingsBrowserTest {

    @TestHTTPResource("/")
    URL service;

    @Test
    void ownerRotatesTheApiKeyWithOverlapAndEverySettingsPageIsAccessible() {
        for (int width : new int[] { 1280, 375 }) {
            Api.TestShop shop = Api.newShop(Api.freshSlug("browser-set"), "en");
            shop.review(4, false);
            try (BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions()
                    .setJavaScriptEnabled(true).setBypassCSP(true).setViewportSize(width, 900).setLocale("en-GB"))) {
                Page page = context.newPage();
                page.navigate(service + "dashboard/sign-in?lang=en");
                page.getByLabel("API key", new Page.GetByLabelOptions().setExact(true)).fill(shop.apiKey());
                page.locator("form[action='/dashboard/sign-in/key'] button[type=submit]").click();
                assertTrue(page.url().endsWith("/dashboard/" + shop.slug()), page.url());

                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Settings").setExact(true)).click();
                assertTrue(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Shop profile and language")).isVisible());
                check(page, "settings", width);
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mail preview").setExact(true)).click();
                assertTrue(page.getByText("ORDER-1001").first().isVisible());
                check(page, "settings-mail-preview", width);
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhook").setExact(true)).click();
                page.getByLabel("Webhook address").fill("http://127.0.0.1:9/hook");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save webhook")).click();
                assertTrue(page.locator("#webhook-secret").isVisible());
                shop.review(9, true);
                page.navigate(service + "dashboard/" + shop.slug() + "/settings/webhook?lang=en");
                assertTrue(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("review.created")).first().isVisible());
                check(page, "settings-webhook", width);

                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API keys").setExact(true)).click();
                page.getByLabel("Label for a new key (optional)").fill("Deploy " + width);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a new key")).click();
                String newKey = page.locator("#new-api-key").textContent().strip();
                assertTrue(newKey.startsWith("sk_"), newKey);
                check(page, "settings-keys", width);

                Api.TestShop renewed = new Api.TestShop(shop.slug(), newKey);
                renewed.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200);
                shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200);

                page.navigate(service + "dashboard/" + shop.slug() + "/settings/api-keys?lang=en");
                assertFalse(page.content().contains(newKey), "the new key is shown once only");
                // newest first: the second revoke button is the old key, which opened this very session
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke")).nth(1).click();
                assertTrue(page.url().contains("/dashboard/sign-in"), "revoking its own key ends the session: " + page.url());

                shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(401);
                renewed.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200);
                given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200);
            }
        }
    }

    private static void check(Page page, String name, int width) {
        assertEquals(0, ((Number) page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue(),
                name + " has no sideways scrolling at " + width + " px");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("docs/dashboard/" + name + "-" + width + ".png")));
        assertEquals(List.of(), Axe.violations(page), name + " at " + width + " px");
    }
}
