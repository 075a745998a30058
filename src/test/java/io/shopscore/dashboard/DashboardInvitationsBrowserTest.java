package io.shopscore.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shopscore.testing.Api;
import io.shopscore.testing.Axe;
import io.shopscore.testing.Browsers;

/**
 * A shop owner uploads a file of orders in Chromium with pages that have no scripts (JavaScript runs only to inject axe): the file with a bad row is
 * refused naming the row, the corrected one is imported, and its invitations are listed; the list
 * and the upload's page pass axe at desktop and phone width.
 */
@QuarkusTest
class DashboardInvitationsBrowserTest {

    @TestHTTPResource("/")
    URL service;

    // axe is injected as a script, which the pages' own Content-Security-Policy rightly forbids; the pages have no scripts of their own
    @Test
    void ownerUploadsOrdersCorrectsTheBadRowAndSeesTheInvitations() {
        Api.TestShop shop = Api.newShop(Api.freshSlug("invbrowser"), "en");
        for (int width : new int[] { 1280, 375 }) {
            String prefix = "W" + width + "-";
            try (BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions()
                    .setJavaScriptEnabled(true).setBypassCSP(true).setViewportSize(width, 900).setLocale("en-GB"))) {
                Page page = context.newPage();
                page.navigate(service + "dashboard/sign-in?lang=en");
                page.locator("#apiKey").fill(shop.apiKey());
                page.locator("form[action='/dashboard/sign-in/key'] button[type=submit]").click();
                page.navigate(service + "dashboard/" + shop.slug() + "/invitations?lang=en");

                page.locator("#file").setInputFiles(file(prefix + "orders.csv", "orderRef,email,name\r\n"
                        + prefix + "1,anna@example.com,Anna\r\n" + prefix + "2,not-an-address,\"Bos, <b>Piet " + width + "</b>\"\r\n"));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and check")).click();
                waitUntilDone(page);
                assertTrue(page.getByText("Not imported: rows to correct").first().isVisible());
                assertEquals("3", page.locator(".inv-problems tbody tr td").nth(0).textContent());
                assertEquals("email", page.locator(".inv-problems tbody tr td").nth(1).textContent());
                assertTrue(page.getByText("1 problem found. Nothing was imported", new Page.GetByTextOptions().setExact(false)).isVisible());
                check(page, "upload-rejected", width);

                page.getByLabel("The corrected file", new Page.GetByLabelOptions().setExact(true)).setInputFiles(file(prefix + "orders.csv", "orderRef,email,name\r\n"
                        + prefix + "1,anna@example.com,Anna\r\n" + prefix + "2,piet@example.com,\"Bos, <b>Piet " + width + "</b>\"\r\n"));
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and check")).click();
                waitUntilDone(page);
                assertTrue(page.getByText("2 customers invited; 0 orders already had an invitation and keep it.").isVisible());
                assertEquals("2", page.locator("#job-progress").getAttribute("value"));
                check(page, width == 1280 ? "upload" : null, width);

                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the invitations")).click();
                assertTrue(page.getByText(prefix + "2", new Page.GetByTextOptions().setExact(true)).isVisible());
                assertTrue(page.getByText("p•••@example.com · Bos, <b>Piet " + width + "</b>").isVisible(), "the name is text, never markup");
                check(page, "invitations", width);
            }
        }
    }

    /** The job page refreshes itself (meta refresh) until the job ends. */
    private static void waitUntilDone(Page page) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (page.locator("meta[http-equiv=refresh]").count() > 0) {
            assertTrue(System.nanoTime() < deadline, "the upload ends within 30 seconds");
            page.waitForTimeout(500);
            page.reload();
        }
    }

    private static FilePayload file(String name, String content) {
        return new FilePayload(name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    private static void check(Page page, String name, int width) {
        assertEquals(0, ((Number) page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue(),
                page.url() + " has no sideways scrolling at " + width + " px");
        if (name != null) {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("docs/dashboard/" + name + "-" + width + ".png")));
        }
        assertEquals(List.of(), Axe.violations(page), page.url() + " at " + width + " px");
    }
}
