package io.shopscore.trust;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shopscore.mail.MailOutbox;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.ReceivedMail;
import io.shopscore.testing.SmtpResource;

/**
 * What the author of a review hears, read back from a real SMTP server: their own edit link right
 * after writing, a notice of every change, and the statement of reasons when moderation acts.
 */
@QuarkusTest
class AuthorMailsTest {

    private static final Pattern INVITATION_LINK = Pattern.compile("http://localhost:8080/review/([A-Za-z0-9_-]{43})");
    private static final Pattern EDIT_LINK = Pattern.compile("http://localhost:8080/review/edit/([A-Za-z0-9_-]{43})");

    @Inject
    MailOutbox outbox;

    @BeforeEach
    void sendWhatEarlierTestsLeft() {
        outbox.sendDue();
    }

    private static String address() {
        return "author-" + UUID.randomUUID() + "@example.com";
    }

    private static List<ReceivedMail> mailsTo(String address, String subjectPart) {
        return SmtpResource.server().mailsTo(address).stream().filter(mail -> mail.subject().contains(subjectPart)).toList();
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), text);
        return matcher.group(1);
    }

    /** Invites by email, as most shops do, and returns the invitation token the customer received. */
    private String invitedByMail(TestShop shop, String address) {
        shop.asShop().body(Map.of("orderRef", "A-" + UUID.randomUUID(), "email", address, "name", "Alex"))
                .post("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(201);
        outbox.sendDue();
        return find(INVITATION_LINK, mailsTo(address, "how was your order").get(0).text());
    }

    private static long write(String token, int grade, String text) {
        return given().contentType(ContentType.JSON).body(Map.of("score", grade, "text", text))
                .post("/api/v1/invitations/{token}/review", token).then().statusCode(201).extract().<Number>path("id").longValue();
    }

    @Test
    void theAuthorGetsTheirOwnEditLinkAndANoticeOfEveryChange() {
        TestShop shop = Api.newShop(Api.freshSlug("author"), "en");
        String address = address();
        String token = invitedByMail(shop, address);
        write(token, 3, "The parcel was <b>late</b>");
        outbox.sendDue();

        List<ReceivedMail> linkMails = mailsTo(address, "your personal link");
        assertEquals(1, linkMails.size());
        ReceivedMail linkMail = linkMails.get(0);
        assertEquals("Your review of Shop " + shop.slug() + ": your personal link", linkMail.subject());
        assertEquals("Shopscore", linkMail.fromName(), "the service speaks here, not the shop");
        String editToken = find(EDIT_LINK, linkMail.text());
        assertTrue(linkMail.html().contains("href=\"http://localhost:8080/review/edit/" + editToken + "\""));
        assertTrue(linkMail.html().contains("The parcel was &lt;b&gt;late&lt;/b&gt;"), "the review is quoted as text");
        assertFalse(linkMail.text().contains(token), "the edit mail is not the invitation link");
        given().get("/review/{token}", token).then().statusCode(200).body(not(containsString(editToken)));

        given().contentType(ContentType.JSON).body(Map.of("score", 8, "text", "Solved the next day"))
                .put("/api/v1/review-edits/{editToken}", editToken).then().statusCode(200);
        outbox.sendDue();
        List<ReceivedMail> notices = mailsTo(address, "was changed");
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).text().contains("Solved the next day"), notices.get(0).text());
        assertTrue(notices.get(0).text().contains("If you did not change it, withdraw it"));
        assertTrue(notices.get(0).text().contains("/review/edit/" + editToken));
    }

    /** An opt-out from the shop's review mails stops its invitations and reminders, not the author's own link. */
    @Test
    void optingOutOfTheShopsMailsKeepsTheAuthorsOwnLink() {
        TestShop shop = Api.newShop(Api.freshSlug("optauthor"), "en");
        String address = address();
        String token = invitedByMail(shop, address);
        write(token, 7, "Fine, but I want no more mail");
        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post("/review/{token}/unsubscribe", token).then().statusCode(200);
        outbox.sendDue();
        assertEquals(1, mailsTo(address, "your personal link").size(), "queued before the opt-out, and still sent");
    }

    @Test
    void aHeldReviewsAuthorIsToldWhyAndHearsEveryDecision() {
        TestShop shop = Api.newShop(Api.freshSlug("held"), "en");
        String address = address();
        long held = write(invitedByMail(shop, address), 2, "Call me on 0612345678, nobody answers");
        outbox.sendDue();
        ReceivedMail linkMail = mailsTo(address, "your personal link").get(0);
        assertTrue(linkMail.text().contains("Your review is not public yet: it contains a link, an email address or a phone number"),
                linkMail.text());
        assertTrue(linkMail.text().contains("You get a mail as soon as it is decided."));

        Api.asOperator().body(Map.of("decision", "publish")).post("/api/v1/moderation/reviews/{id}/decision", held).then().statusCode(200);
        outbox.sendDue();
        assertEquals(1, mailsTo(address, "is published").size());

        Api.asOperator().body(Map.of("decision", "remove", "reason", "Contains a private phone number", "category", "personal_data"))
                .post("/api/v1/moderation/reviews/{id}/decision", held).then().statusCode(200);
        outbox.sendDue();
        List<ReceivedMail> statements = mailsTo(address, "was removed: the reasons");
        assertEquals(1, statements.size());
        String statement = statements.get(0).text();
        assertTrue(statement.contains("Reason: Contains a private phone number"), statement);
        assertTrue(statement.contains("A person at Shopscore decided this"), statement);
        assertTrue(statement.contains("If you disagree, reply to this mail"), statement);
        assertFalse(statement.contains("/review/edit/"), "a removed review offers no edit link");
    }

    @Test
    void aWithdrawnAuthorGetsNoMoreMail() {
        TestShop shop = Api.newShop(Api.freshSlug("gone"), "en");
        String address = address();
        long id = write(invitedByMail(shop, address), 6, "Average");
        given().delete("/api/v1/review-edits/{editToken}", Api.editToken(id)).then().statusCode(204);
        int before = SmtpResource.server().mailsTo(address).size();
        outbox.sendDue();
        assertEquals(before, SmtpResource.server().mailsTo(address).size(), "the unsent edit-link mail was erased with the author");
    }
}
