package io.shopscore.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * A shop owner signs in through a mailed link in Chromium; every page passes axe at desktop and phone width. The pages have
 * no scripts (DashboardWidgetTest.otherDashboardPagesStayWithoutScripts), so this is the flow without JavaScript; the
 * browser runs JavaScript only to inject axe.
 */
@QuarkusTest
class DashboardBrowserTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/dashboard/sign-in/[A-Za-z0-9_-]{43})");

    @TestHTTPResource("/")
    URL service;

    @Inject
    MailOutbox outbox;

    @Test
    void ownerSignsInThroughTheMailedLinkAndEveryPageIsAccessible() {
        String contact = "owner-" + System.nanoTime() + "@example.com";
        String slug = Api.freshSlug("browser");
        String apiKey = Api.asOperator()
                .body(Map.of("slug", slug, "name", "Fietsen & Zo", "websiteUrl", "https://" + slug + ".example", "locale", "en",
                        "contactEmail", contact))
                .post("/api/v1/shops").then().statusCode(201).extract().path("apiKey");
        Api.TestShop shop = new Api.TestShop(slug, apiKey);
        shop.review(4, false);
        shop.review(9, true);
        shop.review(8, true);
        Api.TestShop other = Api.newShop();

        for (int width : new int[] { 1280, 375 }) {
            // axe is injected as a script, which the pages' own Content-Security-Policy rightly forbids
            try (BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions()
                    .setJavaScriptEnabled(true).setBypassCSP(true).setViewportSize(width, 900).setLocale("en-GB"))) {
                Page page = context.newPage();
                check(page, service + "?lang=en", "front-door", width);
                check(page, service + "no-such-page", "not-found", width);
                check(page, service + "dashboard/sign-in?lang=en", "sign-in", width);

                outbox.sendDue();
                SmtpResource.server().clear();
                page.getByLabel("Your email address", new Page.GetByLabelOptions().setExact(true)).fill(contact);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mail me a sign-in link")).click();
                assertTrue(page.getByText("If this address belongs to a shop, a link is on its way.").isVisible());
                check(page, null, "link-sent", width);

                outbox.sendDue();
                ReceivedMail mail = SmtpResource.server().awaitMailTo(contact, m -> LINK.matcher(m.text()).find(), Duration.ofSeconds(10));
                Matcher link = LINK.matcher(mail.text());
                assertTrue(link.find());
                page.navigate(service + link.group(1).substring(1));
                check(page, null, "link", width);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

                assertTrue(page.url().endsWith("/dashboard/" + slug), page.url());
                assertTrue(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Waiting for your answer")).isVisible());
                assertTrue(page.content().contains("Review with grade 4"));
                check(page, null, "overview", width);
                check(page, service + "dashboard/" + slug + "/colleagues?lang=en", "colleagues", width);
                assertTrue(page.getByText(contact).first().isVisible(), "the contact address is a member");
                // the pages that refuse are pages too: another shop's (403) and a review that is not there (404)
                assertEquals(403, page.navigate(service + "dashboard/" + other.slug() + "?lang=en").status());
                check(page, null, "forbidden", width);
                assertEquals(404, page.navigate(service + "dashboard/" + slug + "/reviews/999999999?lang=en").status());
                check(page, null, "review-missing", width);
                check(page, service + "dashboard/sign-in/" + "x".repeat(43), "link-gone", width);
            }
        }
    }

    private static void check(Page page, String url, String name, int width) {
        if (url != null) {
            page.navigate(url);
        }
        assertEquals(0, ((Number) page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue(),
                name + " has no sideways scrolling at " + width + " px");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("docs/dashboard/" + name + "-" + width + ".png")));
        assertEquals(List.of(), Axe.violations(page), name + " at " + width + " px");
    }
}
