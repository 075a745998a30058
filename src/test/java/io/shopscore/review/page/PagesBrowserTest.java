package io.shopscore.review.page;

import com.microsoft.playwright.Locator;
import static org.hamcrest.Matchers.equalTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.Axe;
import io.shopscore.testing.Browsers;

/** The review form and the shop page as a customer meets them: in a browser, on a phone, without JavaScript. */
@QuarkusTest
class PagesBrowserTest {

    @TestHTTPResource("/")
    URL service;

    private static String invite(TestShop shop) {
        return shop.asShop().body(Map.of("orderRef", "B-" + System.nanoTime(), "email", "b@example.com", "name", "Noor Bakker", "locale", "nl",
                "delivery", "link"))
                .post("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(201).extract().path("token");
    }

    private BrowserContext phoneWithoutJavaScript() {
        return Browsers.chromium().newContext(new Browser.NewContextOptions()
                .setJavaScriptEnabled(false)
                .setViewportSize(375, 740)
                .setDeviceScaleFactor(2)
                .setHasTouch(true));
    }

    private static int overflow(Page page) {
        return ((Number) page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
    }

    @Test
    void customerReviewsThroughTheLinkOnAPhoneWithoutJavaScript() {
        TestShop shop = Api.newShop();
        String token = invite(shop);
        try (BrowserContext phone = phoneWithoutJavaScript()) {
            Page page = phone.newPage();
            page.navigate(service + "review/" + token);
            assertEquals(0, overflow(page), "no sideways scrolling on a phone");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plaats mijn review")).click();
            assertTrue(page.locator(".error-summary").textContent().contains("Kies een cijfer"), "an empty form explains itself");

            page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Je cijfer"))
                    .getByLabel("8", new Locator.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("Je review", new Page.GetByLabelOptions().setExact(true)).fill("Netjes verpakt, een dag later dan gepland.");
            page.getByLabel("Ja", new Page.GetByLabelOptions().setExact(true)).check();
            assertEquals("", page.locator("#displayName").inputValue(), "the name the shop supplied is not made public unasked");
            page.locator("#displayName").fill("Noor");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Plaats mijn review")).click();

            assertTrue(page.url().contains("/review/" + token + "/thanks"), page.url());
            assertTrue(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bedankt!")).isVisible());
            assertTrue(page.content().contains("Netjes verpakt, een dag later dan gepland."));
        }
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then()
                .statusCode(200)
                .body("count", equalTo(1))
                .body("average", equalTo(8.0f))
                .body("recommendPercentage", equalTo(100));
    }

    @Test
    void gradeIsChosenWithTheKeyboard() {
        TestShop shop = Api.newShop();
        String token = invite(shop);
        try (BrowserContext context = Browsers.chromium().newContext()) {
            Page page = context.newPage();
            page.navigate(service + "review/" + token + "?lang=en");
            page.locator("#score-1").focus();
            for (int i = 0; i < 6; i++) {
                page.keyboard().press("ArrowRight");
            }
            assertEquals(Boolean.TRUE, page.evaluate("document.querySelector('#score-7').checked"), "arrow keys move through the grades");
            assertEquals("score-7", page.evaluate("document.activeElement.id"));
        }
    }

    @Test
    void pagesHaveNoAccessibilityViolations() {
        TestShop shop = Api.newShop(Api.freshSlug("a11y"), "en");
        long reviewed = shop.review(4, false);
        shop.asShop().body(Map.of("text", "Sorry, we will fix this."))
                .put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), reviewed).then().statusCode(200);
        shop.review(9, true);
        String pending = invite(shop);
        String written = invite(shop);
        given().contentType("application/json").body(Map.of("score", 7, "text", "Fine"))
                .post("/api/v1/invitations/{token}/review", written).then().statusCode(201);

        // axe is injected as a script, which the pages' own Content-Security-Policy rightly forbids
        try (BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page page = context.newPage();
            for (String path : List.of("review/" + pending, "review/" + written, "shops/" + shop.slug(),
                    "review/" + "X".repeat(43), "shops/no-such-shop")) {
                page.navigate(service + path);
                assertEquals(List.of(), Axe.violations(page), path);
            }
            page.navigate(service + "review/" + pending);
            page.locator("button[type=submit]").click();
            assertEquals(List.of(), Axe.violations(page), "the form with errors");
        }
    }

    @Test
    void shopPageFitsAPhone() {
        TestShop shop = Api.newShop();
        shop.review(10, true);
        try (BrowserContext phone = phoneWithoutJavaScript()) {
            Page page = phone.newPage();
            page.navigate(service + "shops/" + shop.slug());
            assertEquals(0, overflow(page));
            assertTrue(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent().contains(shop.slug()));
        }
    }
    @Test
    void reviewIsReportedFromTheShopPageOnAPhoneWithoutJavaScript() {
        TestShop shop = Api.newShop(Api.freshSlug("report"), "en");
        long id = shop.review(2, false);
        try (BrowserContext phone = phoneWithoutJavaScript()) {
            Page page = phone.newPage();
            page.navigate(service + "shops/" + shop.slug());
            assertTrue(page.getByText("How these reviews are collected").isVisible());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Report this review")).click();
            assertTrue(page.url().contains("/shops/" + shop.slug() + "/reviews/" + id + "/notice"), page.url());
            assertEquals(0, overflow(page), "no sideways scrolling on a phone");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report")).click();
            assertTrue(page.locator(".error-summary").textContent().contains("Choose what is wrong"), "an empty form explains itself");

            page.getByLabel("Personal data", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("Why?").fill("It names our employee with her full name.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report")).click();
            assertTrue(page.url().contains("/notice/thanks"), page.url());
            assertTrue(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Thank you for your report")).isVisible());
        }
        Api.asOperator().get("/api/v1/moderation/reviews/{id}/history", id).then().statusCode(200)
                .body("action", equalTo(List.of("noticed")));
    }

    @Test
    void noticeFormHasNoAccessibilityViolationsOnADesktopOrAPhone() {
        TestShop shop = Api.newShop(Api.freshSlug("a11y-notice"), "en");
        long id = shop.review(3, false);
        String form = "shops/" + shop.slug() + "/reviews/" + id + "/notice";
        for (int width : List.of(1280, 375)) {
            // axe is injected as a script, which the pages' own Content-Security-Policy rightly forbids
            try (BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions()
                    .setBypassCSP(true).setViewportSize(width, 800))) {
                Page page = context.newPage();
                page.navigate(service + form);
                assertEquals(List.of(), Axe.violations(page), form + " at " + width);
                assertEquals(0, overflow(page), "no sideways scrolling at " + width);
                page.locator("button[type=submit]").click();
                assertEquals(List.of(), Axe.violations(page), "the form with errors at " + width);
                page.navigate(service + "shops/" + shop.slug() + "/reviews/999999999/notice");
                assertEquals(List.of(), Axe.violations(page), "the not-found page at " + width);
                page.navigate(service + form + "/thanks");
                assertEquals(List.of(), Axe.violations(page), "the thank-you page at " + width);
            }
        }
    }

    @Test
    void authorsPageHasNoAccessibilityViolationsAndWithdrawsWithoutJavaScript() {
        TestShop shop = Api.newShop(Api.freshSlug("a11y-author"), "en");
        long id = shop.review(4, false);
        String page = "review/edit/" + Api.editToken(id);
        for (int width : List.of(1280, 375)) {
            try (BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions()
                    .setBypassCSP(true).setViewportSize(width, 800))) {
                Page author = context.newPage();
                author.navigate(service + page);
                assertEquals(List.of(), Axe.violations(author), page + " at " + width);
                assertEquals(0, overflow(author), "no sideways scrolling at " + width);
                author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw my review")).click();
                assertEquals(List.of(), Axe.violations(author), "the withdrawal not confirmed, at " + width);
            }
        }
        try (BrowserContext context = Browsers.chromium().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page author = context.newPage();
            author.navigate(service + page);
            author.getByLabel("I want to withdraw my review and have my data erased").check();
            author.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw my review")).click();
            assertTrue(author.url().contains("/review/edit/withdrawn"), author.url());
        }
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().body("count", equalTo(0));
    }
}
