package io.shopscore.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shopscore.testing.Api;
import io.shopscore.testing.Axe;
import io.shopscore.testing.Browsers;

/**
 * The operator signs in to the console in Chromium, finds a held review in the queue, publishes
 * it with a reason and sees it on the shop's public page, gives a shop its contact address; every
 * console page passes axe at desktop and phone width.
 */
@QuarkusTest
class OperatorConsoleBrowserTest {

    @TestHTTPResource("/")
    URL service;

    @Test
    void operatorPublishesAHeldReviewAndEveryPageIsAccessible() {
        for (int width : new int[] { 1280, 375 }) {
            Api.TestShop shop = Api.newShop(Api.freshSlug("console"), "en");
            String words = "Fast delivery " + UUID.randomUUID().toString().substring(0, 8) + ", details on www.example.com";
            long held = OperatorConsoleTest.heldReview(shop, words);

            // axe is injected as a script, which the pages' own Content-Security-Policy rightly forbids
            try (BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions()
                    .setJavaScriptEnabled(true).setBypassCSP(true).setViewportSize(width, 900).setLocale("en-GB"))) {
                Page page = context.newPage();
                page.navigate(service + "?lang=en");
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in to the operator console")).click();
                check(page, "sign-in", width);
                page.getByLabel("Admin token").fill(Api.ADMIN_TOKEN);
                page.getByLabel("Your name").fill("Tess");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                assertTrue(page.url().contains("/operator/queue"), page.url());

                // every shop's queue, with whatever other tests left in it (long words included), fits the width
                assertEquals(0, ((Number) page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                        .intValue(), "the whole queue has no sideways scrolling at " + width + " px");
                page.getByLabel("Only the reviews of the shop (its slug)").fill(shop.slug());
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
                Locator item = findInQueue(page, held);
                check(page, "queue", width);
                item.getByLabel("Public reason").fill("The link is the shop's own order page");
                item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publish")).click();
                assertTrue(page.url().contains("/operator/queue"), page.url());
                assertEquals(0, page.locator("#review-" + held).count(), "a decided review leaves the queue");

                page.navigate(service + "shops/" + shop.slug() + "?lang=en");
                assertTrue(page.getByText(words).isVisible(), "the published review is on the shop's public page");

                page.navigate(service + "operator/audit?lang=en");
                assertTrue(page.getByText("Published: Review " + held + " of " + shop.slug()).isVisible());
                check(page, "audit", width);

                page.navigate(service + "operator/shops?lang=en");
                page.getByLabel("Part of the shop's name or slug").fill(shop.slug());
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
                assertTrue(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(shop.slug())).isVisible());
                check(page, "shops", width);

                // the shop has no contact: the operator gives it one on the shop's own page
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(shop.slug())).click();
                assertTrue(page.url().contains("/operator/shops/" + shop.slug()), page.url());
                assertTrue(page.locator("#contact-missing").isVisible(), "the page says the shop has no contact");
                // the browser's own check lets this pass (no dot needed); the service's does not
                page.getByLabel("Email address").fill("owner@localhost");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the contact address")).click();
                assertTrue(page.getByRole(AriaRole.ALERT).isVisible(), "a bad address is named");
                check(page, "shop-refused", width);
                String contact = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@" + shop.slug() + ".example";
                page.getByLabel("Email address").fill(contact);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the contact address")).click();
                assertTrue(page.getByRole(AriaRole.STATUS).getByText("The contact address is saved").isVisible());
                assertEquals(contact, page.locator("#contact-current").textContent());
                check(page, "shop", width);

                page.navigate(service + "operator/shops?lang=en");
                String slug = Api.freshSlug("made");
                page.getByLabel("Slug", new Page.GetByLabelOptions().setExact(true)).fill(slug);
                page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Fietsen & Zo");
                page.getByLabel("Website").fill("https://" + slug + ".example");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register the shop")).click();
                assertTrue(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Fietsen & Zo is registered")).isVisible());
                assertTrue(page.getByLabel("API key", new Page.GetByLabelOptions().setExact(true)).inputValue().startsWith("sk_"));
                check(page, "shop-created", width);

                page.navigate(service + "operator/insights?lang=en");
                check(page, "insights", width);

                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
                assertTrue(page.url().contains("/operator/sign-in"), page.url());
                page.navigate(service + "operator/queue?lang=en");
                assertTrue(page.url().contains("/operator/sign-in"), "signed out: " + page.url());
            }
        }
    }

    /** The queue is oldest first: walk its pages until the review shows. */
    private static Locator findInQueue(Page page, long reviewId) {
        Locator item = page.locator("#review-" + reviewId);
        for (int pages = 0; item.count() == 0 && pages < 200; pages++) {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page")).click();
            item = page.locator("#review-" + reviewId);
        }
        assertEquals(1, item.count(), "the held review is in the queue");
        return page.locator("section", new Page.LocatorOptions().setHas(item));
    }

    private static void check(Page page, String name, int width) {
        assertEquals(0, ((Number) page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue(),
                name + " has no sideways scrolling at " + width + " px");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("docs/dashboard/operator-" + name + "-" + width + ".png")));
        assertEquals(List.of(), Axe.violations(page), name + " at " + width + " px");
    }
}
