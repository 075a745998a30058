package io.shopscore.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shopscore.testing.Api;
import io.shopscore.testing.Axe;
import io.shopscore.testing.Browsers;

/**
 * A shop owner works through the Reviews page in Chromium: filters to the negative reviews, answers
 * one and edits the answer, reports another and finds the report on its details page; the list and
 * the details page pass axe at desktop and phone width.
 */
@QuarkusTest
class DashboardReviewsBrowserTest {

    @TestHTTPResource("/")
    URL service;

    @Test
    void ownerFiltersRespondsEditsAndReports() {
        for (int width : new int[] { 1280, 375 }) {
            Api.TestShop shop = Api.newShop(Api.freshSlug("revbrowser"), "en");
            long late = review(shop, 3, "Late parcel", "The parcel came two weeks late and nobody answered my mails.");
            long rude = review(shop, 2, "Rude", "Total scammers, all of you, I hope you go bankrupt.");
            review(shop, 9, "Lovely", "Quick, friendly and well packed.");

            // axe is injected as a script, which the pages' own Content-Security-Policy rightly forbids
            try (BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions()
                    .setJavaScriptEnabled(true).setBypassCSP(true).setViewportSize(width, 900).setLocale("en-GB"))) {
                Page page = context.newPage();
                page.navigate(service + "dashboard/sign-in?lang=en");
                page.getByLabel("API key", new Page.GetByLabelOptions().setExact(true)).fill(shop.apiKey());
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with the API key")).click();
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reviews").setExact(true)).click();
                assertTrue(page.url().contains("/dashboard/" + shop.slug() + "/reviews"), page.url());
                assertEquals(3, page.locator("li.dash-review").count());

                page.getByLabel("Grade").selectOption("negative");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show reviews")).click();
                assertTrue(page.url().contains("grade=negative"), page.url());
                assertEquals(2, page.locator("li.dash-review").count());

                Locator lateItem = page.locator("#review-" + late);
                lateItem.locator("summary", new Locator.LocatorOptions().setHasText("Respond")).click();
                lateItem.getByLabel("Your public response").fill("Sorry! We have changed couriers.");
                lateItem.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publish the response")).click();
                assertTrue(page.url().contains("grade=negative") && page.url().endsWith("#review-" + late), page.url());
                assertTrue(page.locator("#review-" + late + " .response").textContent().contains("Sorry! We have changed couriers."));

                lateItem = page.locator("#review-" + late);
                lateItem.locator("summary", new Locator.LocatorOptions().setHasText("Edit the response")).click();
                lateItem.getByLabel("Your public response").fill("Sorry! We have changed couriers; a voucher is on its way.");
                lateItem.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publish the response")).click();
                assertTrue(page.locator("#review-" + late + " .response").textContent().contains("a voucher is on its way"));

                Locator rudeItem = page.locator("#review-" + rude);
                rudeItem.locator("summary", new Locator.LocatorOptions().setHasText("Report to the operator")).click();
                rudeItem.getByLabel("Reason").selectOption("offensive");
                rudeItem.getByLabel("What should the operator know? (optional, at most 1000 characters)").fill("Insults, no order behind it.");
                rudeItem.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send the report")).click();
                assertTrue(page.url().endsWith("#review-" + rude), page.url());
                assertTrue(page.locator("#review-" + rude).textContent().contains("reported, waiting for the operator"));

                page.navigate(service + "dashboard/" + shop.slug() + "/reviews?lang=en");
                check(page, "reviews", width, true);

                page.locator("#review-" + rude).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Details and history")).click();
                assertTrue(page.url().contains("/reviews/" + rude), page.url());
                assertTrue(page.getByText("Offensive, reported by api-key on").isVisible());
                assertTrue(page.getByText("Insults, no order behind it.").isVisible());
                assertTrue(page.getByText("Waiting for the operator").isVisible());
                check(page, "review-details", width, width == 1280);
            }
        }
    }

    private static long review(Api.TestShop shop, int score, String title, String text) {
        String token = shop.invite();
        return given().contentType(ContentType.JSON).body(Map.of("score", score, "title", title, "text", text))
                .post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(201).extract().<Number>path("id").longValue();
    }

    private static void check(Page page, String name, int width, boolean screenshot) {
        assertEquals(0, ((Number) page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue(),
                name + " has no sideways scrolling at " + width + " px");
        if (screenshot) {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("docs/dashboard/" + name + "-" + width + ".png")));
        }
        assertEquals(List.of(), Axe.violations(page), name + " at " + width + " px");
    }
}
