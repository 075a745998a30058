package io.shopscore.mail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopscore.outbox.OutboxRelay;
import io.shopscore.outbox.OutboxSender;
import io.shopscore.outbox.RelaySettings;
import io.shopscore.persistence.OutboxEntry;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.Api;
import io.shopscore.testing.MovableClock;
import io.shopscore.testing.ReceivedMail;
import io.shopscore.testing.SmtpResource;

@QuarkusTest
class MailTest {

    @Inject
    MailOutbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    MovableClock clock;

    @BeforeEach
    void emptyOutbox() {
        // earlier tests leave mails due; send them now so each test sees only its own
        outbox.sendDue();
        SmtpResource.server().clear();
    }

    @AfterEach
    void reset() {
        clock.reset();
        SmtpResource.server().clear();
    }

    private static String email() {
        return "customer-" + System.nanoTime() + "@example.com";
    }

    private static JsonPath invite(TestShop shop, Map<String, Object> body) {
        return shop.asShop().body(body).post("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath listed(TestShop shop, String orderRef) {
        return shop.asShop().get("/api/v1/shops/{slug}/invitations?size=100", shop.slug()).then().statusCode(200).extract().jsonPath()
                .setRootPath("items.find { it.orderRef == '" + orderRef + "' }");
    }

    private static List<ReceivedMail> to(String address) {
        return SmtpResource.server().mailsTo(address);
    }

    private static final Pattern REVIEW_LINK = Pattern.compile("http://localhost:8080/review/([A-Za-z0-9_-]{43})");

    /** The token of the personal link in the invitation mail to this address: only the customer gets it. */
    private static String tokenMailedTo(String address) {
        ReceivedMail invitation = to(address).stream().filter(mail -> mail.text().contains("/review/")).findFirst().orElseThrow();
        Matcher link = REVIEW_LINK.matcher(invitation.text());
        assertTrue(link.find(), invitation.text());
        return link.group(1);
    }

    @Test
    void invitationIsMailedOnceInItsLanguageWithThePersonalLink() {
        TestShop shop = Api.newShop(Api.freshSlug("mailnl"), "nl");
        String address = email();
        JsonPath invitation = invite(shop, Map.of("orderRef", "M-1", "email", address, "name", "Jan de Vries"));
        assertEquals(null, (Object) invitation.get("token"), "the shop never holds a link the service mails");
        assertEquals(null, (Object) invitation.get("reviewUrl"));
        assertEquals("pending", listed(shop, "M-1").getString("mail.state"));

        assertTrue(outbox.sendDue() >= 1);
        List<ReceivedMail> mails = to(address);
        assertEquals(1, mails.size());
        ReceivedMail mail = mails.get(0);
        assertEquals("Shop " + shop.slug() + ": hoe was je bestelling?", mail.subject());
        assertEquals("Shop " + shop.slug(), mail.fromName(), "the shop's name is the sender's name");
        assertEquals("reviews@shopscore.invalid", mail.fromAddress());
        assertEquals(List.of(address), mail.to());
        String link = "http://localhost:8080/review/" + tokenMailedTo(address);
        assertTrue(mail.html().contains("Hallo Jan de Vries,"));
        assertTrue(mail.html().contains("href=\"" + link + "\""), "the personal link is in the HTML part");
        assertTrue(mail.html().contains(link + "/unsubscribe"), "and the opt-out link");
        assertTrue(mail.text().contains(link), "the plain-text part has the link too");
        assertTrue(mail.text().contains("Bedankt voor je bestelling M-1"));
        assertEquals(List.of("<" + link + "/unsubscribe>"), mail.headers().get("list-unsubscribe"));
        assertEquals(List.of("List-Unsubscribe=One-Click"), mail.headers().get("list-unsubscribe-post"));

        JsonPath listed = listed(shop, "M-1");
        assertEquals("sent", listed.getString("mail.state"));
        assertEquals(1, listed.getInt("mail.attempts"));

        outbox.sendDue();
        assertEquals(1, to(address).size(), "never a second invitation mail");
        shop.asShop().body(Map.of("orderRef", "M-1", "email", address)).post("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(200);
        outbox.sendDue();
        assertEquals(1, to(address).size(), "a retried invitation request mails nothing new");
    }

    @Test
    void englishInvitationAndItsReminderAfterSevenDays() {
        TestShop shop = Api.newShop(Api.freshSlug("mailen"), "en");
        String address = email();
        invite(shop, Map.of("orderRef", "R-1", "email", address));
        outbox.sendDue();
        assertEquals("Shop " + shop.slug() + ": how was your order?", to(address).get(0).subject());
        assertTrue(to(address).get(0).html().contains("Hello,"));

        clock.advance(Duration.ofDays(7).minusMinutes(1));
        outbox.sendDue();
        assertEquals(1, to(address).size(), "no reminder before its day");
        clock.advance(Duration.ofMinutes(2));
        outbox.sendDue();
        assertEquals(2, to(address).size());
        assertEquals("Reminder: how was your order at Shop " + shop.slug() + "?", to(address).get(1).subject());
        assertEquals("sent", listed(shop, "R-1").getString("reminder.state"));
        clock.advance(Duration.ofDays(7));
        outbox.sendDue();
        assertEquals(2, to(address).size(), "one reminder only");
    }

    @Test
    void noReminderAfterAReview() {
        TestShop shop = Api.newShop();
        String address = email();
        invite(shop, Map.of("orderRef", "N-1", "email", address));
        outbox.sendDue();
        String token = tokenMailedTo(address);
        given().contentType("application/json").body(Map.of("score", 9, "text", "Top"))
                .post("/api/v1/invitations/{token}/review", token).then().statusCode(201);
        clock.advance(Duration.ofDays(8));
        outbox.sendDue();
        assertEquals(2, to(address).size(), "the invitation and the author's edit link, no reminder");
        assertEquals(0, to(address).stream().filter(mail -> mail.subject().startsWith("Herinnering")).count());
        JsonPath listed = listed(shop, "N-1");
        assertEquals("skipped", listed.getString("reminder.state"));
        assertEquals("already reviewed", listed.getString("reminder.note"));
    }

    @Test
    void shopAndInvitationChooseTheDelay() {
        TestShop shop = Api.newShop();
        shop.asShop().body(Map.of("invitationDelayDays", 3, "reminderAfterDays", 0))
                .put("/api/v1/shops/{slug}/settings", shop.slug())
                .then().statusCode(200).body("invitationDelayDays", equalTo(3)).body("reminderAfterDays", equalTo(0));
        String delayed = email();
        String immediate = email();
        invite(shop, Map.of("orderRef", "D-1", "email", delayed));
        invite(shop, Map.of("orderRef", "D-2", "email", immediate, "delayDays", 0));
        outbox.sendDue();
        assertEquals(0, to(delayed).size(), "the shop waits three days, for the parcel to arrive");
        assertEquals(1, to(immediate).size(), "this invitation chose no delay");
        assertEquals("pending", listed(shop, "D-1").getString("mail.state"));
        assertEquals(null, (Object) listed(shop, "D-1").get("reminder"), "this shop wants no reminders");

        clock.advance(Duration.ofDays(3));
        outbox.sendDue();
        assertEquals(1, to(delayed).size());
        shop.asShop().body(Map.of("invitationDelayDays", 61)).put("/api/v1/shops/{slug}/settings", shop.slug())
                .then().statusCode(400).body("violations[0].field", equalTo("invitationDelayDays"));
    }

    @Test
    void optedOutAddressGetsNothingMoreFromThatShop() {
        TestShop shop = Api.newShop(Api.freshSlug("optout"), "en");
        TestShop other = Api.newShop();
        String address = email();
        invite(shop, Map.of("orderRef", "O-1", "email", address));
        outbox.sendDue();
        String token = tokenMailedTo(address);
        assertEquals(1, to(address).size());

        given().get("/review/{token}/unsubscribe", token).then().statusCode(200)
                .body(containsString("No more review mails from Shop " + shop.slug() + "?"))
                .body(containsString(address.charAt(0) + "***@example.com"));
        outbox.sendDue();
        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post("/review/{token}/unsubscribe", token).then().statusCode(200)
                .body(containsString("sends no more review mails"));

        assertEquals("skipped", listed(shop, "O-1").getString("reminder.state"), "the pending reminder is dropped");
        invite(shop, Map.of("orderRef", "O-2", "email", address.toUpperCase()));
        invite(other, Map.of("orderRef", "O-3", "email", address));
        clock.advance(Duration.ofDays(8));
        outbox.sendDue();
        List<ReceivedMail> mails = new ArrayList<>(to(address));
        mails.addAll(to(address.toUpperCase()));
        assertEquals(1, mails.stream().filter(mail -> mail.subject().contains("Shop " + shop.slug())).count(),
                "nothing from this shop after the opt-out, whatever the address's case");
        assertEquals(2, mails.stream().filter(mail -> mail.subject().contains("Shop " + other.slug())).count(),
                "the other shop still invites and reminds");
        assertEquals("opted out", listed(shop, "O-2").getString("mail.note"));
        given().get("/review/{token}/unsubscribe", "A".repeat(43)).then().statusCode(404);
    }

    @Test
    void failedSendIsRetriedWithBackoff() {
        TestShop shop = Api.newShop();
        String address = email();
        invite(shop, Map.of("orderRef", "F-1", "email", address, "delayDays", 0));
        SmtpResource.server().refuseNext(1, "451 4.3.0 Try again later");
        outbox.sendDue();
        assertEquals(0, to(address).size());
        JsonPath listed = listed(shop, "F-1");
        assertEquals("pending", listed.getString("mail.state"), "a temporary refusal is tried again");
        assertEquals(1, listed.getInt("mail.attempts"));
        assertTrue(listed.getString("mail.note").contains("451 4.3.0 Try again later"), listed.getString("mail.note"));

        outbox.sendDue();
        assertEquals(0, to(address).size(), "not before the backoff");
        clock.advance(Duration.ofMinutes(1));
        outbox.sendDue();
        assertEquals(1, to(address).size());
        assertEquals("sent", listed(shop, "F-1").getString("mail.state"));
        assertEquals(2, listed(shop, "F-1").getInt("mail.attempts"));
    }

    @Test
    void onlyTheCurrentClaimantRecordsAMailsOutcome() {
        TestShop shop = Api.newShop();
        String address = email();
        long invitationId = invite(shop, Map.of("orderRef", "C-1", "email", address, "delayDays", 0)).getLong("id");
        long mailId = QuarkusTransaction.requiringNew().call(() -> OutgoingMail.ofInvitations(List.of(invitationId)).stream()
                .filter(mail -> mail.kind() == MailKind.INVITATION).findFirst().orElseThrow().id());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> OutboxEntry.claim(OutgoingMail.class, mailId, "first-sender",
                clock.instant(), Duration.ofMinutes(10))));
        clock.advance(Duration.ofMinutes(11)); // the first sender seems dead; its lease is over

        outbox.sendDue();
        assertEquals(1, to(address).size(), "the next sender took the mail over and sent it");
        assertTrue(relay.record(outbox, "first-sender", Map.of(mailId, outbox.failure(new IllegalStateException("late")))).isEmpty(),
                "the first sender's claim is gone");
        assertEquals("sent", listed(shop, "C-1").getString("mail.state"), "and it did not overwrite the outcome");
    }

    /** Successes are recorded with one statement for many mails: it is fenced by the claim like one by one. */
    @Test
    void aSuccessIsRecordedOnlyByTheSenderThatHoldsTheClaim() {
        TestShop shop = Api.newShop();
        long invitationId = invite(shop, Map.of("orderRef", "C-2", "email", email(), "delayDays", 0)).getLong("id");
        long mailId = QuarkusTransaction.requiringNew().call(() -> OutgoingMail.ofInvitations(List.of(invitationId)).stream()
                .filter(mail -> mail.kind() == MailKind.INVITATION).findFirst().orElseThrow().id());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> OutboxEntry.claim(OutgoingMail.class, mailId, "first-sender",
                clock.instant(), Duration.ofMinutes(10))));
        clock.advance(Duration.ofMinutes(11));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> OutboxEntry.claim(OutgoingMail.class, mailId, "second-sender",
                clock.instant(), Duration.ofMinutes(10))));

        assertEquals(Set.of(), relay.record(outbox, "first-sender", Map.of(mailId, Optional.empty())), "the first claim is gone");
        assertEquals("sending", listed(shop, "C-2").getString("mail.state"), "still the second sender's to record");
        assertEquals(Set.of(mailId), relay.record(outbox, "second-sender", Map.of(mailId, Optional.empty())));
        JsonPath listed = listed(shop, "C-2");
        assertEquals("sent", listed.getString("mail.state"));
        assertNotNull(listed.getString("mail.sentAt"));
        assertEquals(Set.of(), relay.record(outbox, "second-sender", Map.of(mailId, Optional.empty())), "recorded once");
    }

    @Test
    void permanentRefusalFailsTheMailAtOnceAndTheShopSeesWhy() {
        TestShop shop = Api.newShop();
        String address = email();
        long id = invite(shop, Map.of("orderRef", "P-1", "email", address, "delayDays", 0)).getLong("id");
        SmtpResource.server().refuseNext(1, "550 5.1.1 Recipient address rejected: User unknown");
        outbox.sendDue();
        assertEquals(0, to(address).size());
        JsonPath listed = listed(shop, "P-1");
        assertEquals("failed", listed.getString("mail.state"), "no retry can deliver to a mailbox that does not exist");
        assertEquals(1, listed.getInt("mail.attempts"));
        assertTrue(listed.getString("mail.note").contains("550 5.1.1 Recipient address rejected: User unknown"), listed.getString("mail.note"));
        shop.asShop().get("/api/v1/shops/{slug}/invitations/{id}", shop.slug(), id).then().statusCode(200)
                .body("mail.state", equalTo("failed")).body("mail.note", containsString("550 5.1.1"));

        clock.advance(Duration.ofDays(1));
        outbox.sendDue();
        assertEquals(0, to(address).size(), "never tried again");
        assertEquals(1, listed(shop, "P-1").getInt("mail.attempts"));
    }

    @Test
    void addressTheMailerCannotWriteFailsAtOnce() {
        TestShop shop = Api.newShop();
        // valid by RFC 5321 and accepted as an invitation, but the mailer cannot write it in a header
        invite(shop, Map.of("orderRef", "P-2", "email", "\"jan<3\"@example.nl", "delayDays", 0));
        outbox.sendDue();
        JsonPath listed = listed(shop, "P-2");
        assertEquals("failed", listed.getString("mail.state"));
        assertEquals(1, listed.getInt("mail.attempts"));
        assertTrue(listed.getString("mail.note").contains("invalid"), listed.getString("mail.note"));
    }

    @Test
    void twoSchedulerRunsAtOnceSendEachMailOnce() throws Exception {
        TestShop shop = Api.newShop();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String address = email();
            addresses.add(address);
            invite(shop, Map.of("orderRef", "C-" + i, "email", address));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> runs = List.of(outbox::sendDue, outbox::sendDue, outbox::sendDue, outbox::sendDue);
            int sent = 0;
            for (Future<Integer> run : pool.invokeAll(runs)) {
                sent += run.get();
            }
            assertEquals(40, sent, "together the runs sent every mail");
        } finally {
            pool.shutdownNow();
        }
        for (String address : addresses) {
            assertEquals(1, to(address).size(), address);
        }
    }

    @Test
    void manyMailsGoOutOverAFewConnectionsKeptOpen() {
        TestShop shop = Api.newShop();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String address = email();
            addresses.add(address);
            invite(shop, Map.of("orderRef", "K-" + i, "email", address, "delayDays", 0));
        }
        int connectionsBefore = SmtpResource.server().connectionsOpened();
        assertEquals(30, outbox.sendDue());
        for (String address : addresses) {
            assertEquals(1, to(address).size(), address);
        }
        assertTrue(SmtpResource.server().connectionsOpened() - connectionsBefore <= 2,
                "at most one connection per sending thread (shopscore.mail.concurrency), not one per mail");
    }

    /**
     * What went out is written down while its claim still holds, however slowly the mails go:
     * after the lease another sender would take the entries over and send them again. Each send
     * here takes a fortieth of the lease, so a batch takes longer than the lease.
     */
    @Test
    void slowSendsAreRecordedWhileTheirClaimHolds() {
        TestShop shop = Api.newShop();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String address = email();
            addresses.add(address);
            invite(shop, Map.of("orderRef", "SLOW-" + i, "email", address, "delayDays", 0));
        }
        Duration sendTakes = outbox.settings().lease().dividedBy(40);
        List<Long> recordedLate = new CopyOnWriteArrayList<>();
        OutboxSender<OutgoingMail, Mail, Optional<SendFailure>> slowly = new OutboxSender<>() {
            public Class<OutgoingMail> type() {
                return outbox.type();
            }

            public RelaySettings settings() {
                return outbox.settings();
            }

            public List<Due> due(Instant now, int limit, Set<Long> pausedLanes) {
                return outbox.due(now, limit, pausedLanes);
            }

            public Optional<Mail> prepare(OutgoingMail entry) {
                return outbox.prepare(entry);
            }

            public Optional<SendFailure> send(Mail message) {
                clock.advance(sendTakes);
                return outbox.send(message);
            }

            public Optional<SendFailure> failure(RuntimeException thrown) {
                return outbox.failure(thrown);
            }

            public boolean succeeded(Optional<SendFailure> result) {
                return outbox.succeeded(result);
            }

            public void record(OutgoingMail entry, Optional<SendFailure> result) {
                if (!clock.instant().isBefore(entry.claimedUntil())) {
                    recordedLate.add(entry.id());
                }
                outbox.record(entry, result);
            }
        };
        int sent = 0;
        for (int run = 0; run < 5 && sent < 60; run++) {
            sent += relay.run(slowly);
        }
        assertEquals(List.of(), recordedLate, "every result was recorded before its claim ran out");
        assertEquals(60, sent);
        for (String address : addresses) {
            assertEquals(1, to(address).size(), address);
        }
    }

    @Test
    void shopResponseTellsTheReviewerWithALinkBack() {
        TestShop shop = Api.newShop(Api.freshSlug("respond"), "en");
        String address = email();
        invite(shop, Map.of("orderRef", "S-1", "email", address, "name", "Ann"));
        outbox.sendDue();
        String token = tokenMailedTo(address);
        long id = given().contentType("application/json")
                .body(Map.of("score", 4, "text", "Broken <b>mug</b> & no answer"))
                .post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(201).extract().<Number>path("id").longValue();
        shop.asShop().body(Map.of("text", "So sorry <script>alert(1)</script>, a new mug is on its way."))
                .put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), id).then().statusCode(200);
        shop.asShop().body(Map.of("text", "Changed response")).put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), id);
        outbox.sendDue();
        List<ReceivedMail> notices = to(address).stream().filter(mail -> mail.subject().contains("responded")).toList();
        assertEquals(1, notices.size(), "one notice however often the response changes");
        ReceivedMail notice = notices.get(0);
        assertEquals("Shop " + shop.slug() + " responded to your review", notice.subject());
        assertTrue(notice.html().contains("href=\"http://localhost:8080/review/" + token + "\""));
        assertTrue(notice.html().contains("Broken &lt;b&gt;mug&lt;/b&gt; &amp; no answer"), "customer text is escaped");
        assertFalse(notice.html().contains("<script>"), "shop text is escaped");
        assertTrue(notice.text().contains("Changed response"), "the response as it stands when the mail goes out");
    }

    @Test
    void negativeReviewAlertsTheShopAtOnce() {
        String contact = email();
        TestShop shop = Api.newShopWithContact(contact);
        shop.review(8, true);
        String token = shop.invite();
        given().contentType("application/json").body(Map.of("score", 3, "text", "Never arrived <img src=x onerror=alert(1)>"))
                .post("/api/v1/invitations/{token}/review", token).then().statusCode(201);
        outbox.sendDue();
        List<ReceivedMail> alerts = to(contact);
        assertEquals(1, alerts.size(), "only the negative review");
        ReceivedMail alert = alerts.get(0);
        assertEquals("Een review met een 3 voor Shop " + shop.slug(), alert.subject());
        assertTrue(alert.html().contains("Never arrived &lt;img src=x onerror=alert(1)&gt;"));
        assertFalse(alert.html().contains("<img"));
        assertTrue(alert.text().contains("/shops/" + shop.slug()));
    }

    @Test
    void settingsAreTheShopsOwn() {
        TestShop shop = Api.newShop();
        TestShop other = Api.newShop();
        shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200)
                .body("contactEmail", nullValue()).body("invitationDelayDays", equalTo(0));
        other.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(403);
        shop.asShop().body(Map.of("contactEmail", "not-an-address", "invitationDelayDays", 1))
                .put("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(400)
                .body("violations[0].field", equalTo("contactEmail"));
    }

    @Test
    void theKeyTimesMailsButCannotRedirectTheShopsAddress() {
        String contact = email();
        TestShop shop = Api.newShopWithContact(contact);
        // a leaked key must not make its holder the contact, who signs in to the dashboard and manages keys
        for (Object other : new Object[] {"thief@example.com", null}) {
            Map<String, Object> body = new HashMap<>();
            body.put("contactEmail", other);
            body.put("invitationDelayDays", 9);
            shop.asShop().body(body).put("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(403)
                    .contentType("application/problem+json").body("detail", containsString("contactEmail"));
        }
        shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then()
                .body("contactEmail", equalTo(contact)).body("invitationDelayDays", equalTo(0));
        shop.asShop().body(Map.of("contactEmail", contact.toUpperCase(), "invitationDelayDays", 3, "reminderAfterDays", 5))
                .put("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200)
                .body("contactEmail", equalTo(contact)).body("invitationDelayDays", equalTo(3)).body("reminderAfterDays", equalTo(5));
    }
}
