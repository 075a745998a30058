package io.shopscore.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shopscore.mail.MailOutbox;
import io.shopscore.testing.Api;
import io.shopscore.testing.Axe;
import io.shopscore.testing.Browsers;
import io.shopscore.testing.ReceivedMail;
import io.shopscore.testing.SmtpResource;

/**
 * A shop owner rotates the API key in Chromium: signs in by a mailed link (a session opened with a
 * key manages no keys), creates a second key, reads it from the page, uses it on the API, revokes
 * the old one, which is refused from then on. Every settings page passes axe at desktop and phone
 * width, and so does the keys page of a session opened with the key, which offers no forms.
 */
@QuarkusTest
class DashboardSettingsBrowserTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/dashboard/sign-in/[A-Za-z0-9_-]{43})");

    @TestHTTPResource("/")
    URL service;

    @Inject
    MailOutbox outbox;

    @Test
    void ownerRotatesTheApiKeyWithOverlapAndEverySettingsPageIsAccessible() {
        for (int width : new int[] { 1280, 375 }) {
            String contact = "owner-" + System.nanoTime() + "@example.com";
            String slug = Api.freshSlug("browser-set");
            String apiKey = Api.asOperator()
                    .body(Map.of("slug", slug, "name", "Shop " + slug, "websiteUrl", "https://" + slug + ".example", "locale", "en",
                            "contactEmail", contact))
                    .post("/api/v1/shops").then().statusCode(201).extract().path("apiKey");
            Api.TestShop shop = new Api.TestShop(slug, apiKey);
            shop.review(4, false);
            String liveKey = null;
            try (BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions()
                    .setJavaScriptEnabled(true).setBypassCSP(true).setViewportSize(width, 900).setLocale("en-GB"))) {
                Page page = context.newPage();
                // keys are managed by a member signed in by a mailed link, never by a session opened with a key
                page.navigate(service + "dashboard/sign-in?lang=en");
                page.getByLabel("Your email address", new Page.GetByLabelOptions().setExact(true)).fill(contact);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mail me a sign-in link")).click();
                outbox.sendDue();
                ReceivedMail mail = SmtpResource.server().awaitMailTo(contact, m -> LINK.matcher(m.text()).find(), Duration.ofSeconds(10));
                Matcher link = LINK.matcher(mail.text());
                assertTrue(link.find());
                page.navigate(service + link.group(1).substring(1));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
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
                liveKey = newKey;
                check(page, "settings-keys", width);

                Api.TestShop renewed = new Api.TestShop(shop.slug(), newKey);
                renewed.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200);
                shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200);

                page.navigate(service + "dashboard/" + shop.slug() + "/settings/api-keys?lang=en");
                assertFalse(page.content().contains(newKey), "the new key is shown once only");
                // newest first: the second revoke button is the old key
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke")).nth(1).click();
                assertTrue(page.url().contains("/settings/api-keys"), "a member's session goes on: " + page.url());
                assertTrue(page.getByText("revoked").first().isVisible());

                shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(401);
                renewed.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200);
                given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200);
            }

            // a session opened with the key sees the keys and a note instead of the forms, and that page passes axe too
            try (BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions()
                    .setJavaScriptEnabled(true).setBypassCSP(true).setViewportSize(width, 900).setLocale("en-GB"))) {
                Page page = context.newPage();
                page.navigate(service + "dashboard/sign-in?lang=en");
                page.getByLabel("API key", new Page.GetByLabelOptions().setExact(true)).fill(liveKey);
                page.locator("form[action='/dashboard/sign-in/key'] button[type=submit]").click();
                page.navigate(service + "dashboard/" + shop.slug() + "/settings/api-keys?lang=en");
                assertTrue(page.locator("#access-needs-member").isVisible());
                assertEquals(0, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke")).count());
                assertEquals(0, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a new key")).count());
                assertEquals(List.of(), Axe.violations(page), "the keys of a key session at " + width + " px");
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
