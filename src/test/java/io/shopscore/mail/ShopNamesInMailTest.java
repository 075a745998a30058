package io.shopscore.mail;

import static io.shopscore.testing.Api.asOperator;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.ReceivedMail;
import io.shopscore.testing.SmtpResource;

/**
 * Issue 18: whatever a shop is called, its mails go out, and the customer sees the name as the shop
 * wrote it. Mails are read back from the test SMTP server as a mail client would read them.
 */
@QuarkusTest
class ShopNamesInMailTest {

    /** One name per kind of character that is special somewhere in a mail header. */
    private static final List<String> NAMES = List.of("Bloemen <3 Amsterdam", ">>Deals<<", "info@bloemen", "Tom & Jerry's",
            "\"Quoted\" Shop", "Back\\slash\\", "Shop, Inc.", "Semi;colon: [x]", "Shop (NL)", "=?UTF-8?B?UGF5UGFs?=",
            "Café Zoë Ærø", "🌷 Tulpen & Co", "商店 ショップ", "متجر الزهور", "a".repeat(200), "丁".repeat(200), "🌷".repeat(100));

    /** The headers an invitation has (the mailer writes an empty Cc); anything else would have been injected. */
    private static final Set<String> HEADERS = Set.of("mime-version", "message-id", "date", "subject", "from", "to", "cc", "reply-to",
            "content-type", "content-transfer-encoding", "list-unsubscribe", "list-unsubscribe-post");

    @Inject
    MailOutbox outbox;

    @BeforeEach
    void emptyOutbox() {
        outbox.sendDue();
        SmtpResource.server().clear();
    }

    private static TestShop shopNamed(String name, String contact) {
        String slug = Api.freshSlug("named");
        String apiKey = asOperator()
                .body(Map.of("slug", slug, "name", name, "websiteUrl", "https://" + slug + ".example", "locale", "nl", "contactEmail", contact))
                .post("/api/v1/shops")
                .then().statusCode(201).body("name", equalTo(name))
                .extract().path("apiKey");
        return new TestShop(slug, apiKey);
    }

    @Test
    void invitationsOfShopsWithAnyNameArriveWithTheNameIntact() {
        Map<String, String> customers = new LinkedHashMap<>();
        for (String name : NAMES) {
            TestShop shop = shopNamed(name, "service@bloemen.example");
            String customer = "customer-" + System.nanoTime() + "@example.com";
            shop.asShop().body(Map.of("orderRef", "N-1", "email", customer)).post("/api/v1/shops/{slug}/invitations", shop.slug())
                    .then().statusCode(201);
            customers.put(name, customer);
        }

        outbox.sendDue();

        customers.forEach((name, customer) -> {
            List<ReceivedMail> mails = SmtpResource.server().mailsTo(customer);
            assertEquals(1, mails.size(), "one invitation for " + name);
            ReceivedMail mail = mails.get(0);
            assertEquals(name, mail.fromName(), "the sender's name");
            assertEquals("reviews@shopscore.invalid", mail.fromAddress());
            assertEquals(name, mail.replyToName(), "the name on Reply-To too");
            assertEquals("service@bloemen.example", mail.replyToAddress());
            assertEquals(name + ": hoe was je bestelling?", mail.subject());
            assertEquals(List.of(customer), mail.to());
            assertTrue(mail.text().contains(name), "the plain-text part names the shop as written");
            assertTrue(HEADERS.containsAll(mail.headers().keySet()), "no header added: " + mail.headers().keySet());
            for (String line : mail.rawHeaders().split("\r\n")) {
                assertTrue(line.length() <= 998, "a header line within SMTP's limit: " + line);
                assertTrue(line.indexOf('\n') < 0 && line.indexOf('\r') < 0, "lines end in CRLF only: " + line);
                if (line.matches("(?i)(From|Reply-To|Subject): .*") || line.startsWith(" =?")) {
                    assertTrue(line.length() <= 78, "name headers folded at 78: " + line);
                }
            }
        });
    }

    @Test
    void aNameThatCannotBeShownIsRefusedWhenTheShopIsCreated() {
        for (String name : List.of("Line\nbreak", "Bcc\r\nBcc: victim@example.com", "Tab\there", "Nul\u0000", "Line\u2028separator",
                "Reversed \u202Eemoh", "Non\uFFFFcharacter")) {
            asOperator().body(Map.of("slug", Api.freshSlug("refused"), "name", name, "websiteUrl", "https://refused.example"))
                    .post("/api/v1/shops")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.size()", equalTo(1))
                    .body("violations[0].field", equalTo("name"));
        }
        // a lone surrogate can only arrive as a JSON escape
        asOperator().body("{\"slug\":\"" + Api.freshSlug("refused") + "\",\"name\":\"Half \\ud83c\",\"websiteUrl\":\"https://refused.example\"}")
                .post("/api/v1/shops")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("name"));
    }
}
