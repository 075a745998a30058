package io.shopscore.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.Test;

/** Header values read back as a strict RFC 5322 parser (Angus Mail) reads them. */
class MailHeadersTest {

    private static final List<String> NAMES = List.of("Demo Shop", "Bloemen <3 Amsterdam", "Tom & Jerry's", "\"Quoted\" Shop",
            "Shop, Inc.", "Shop (NL)", "back\\slash\\", "info@shop", "semi;colon: [x]", ">>Deals<<", "=?UTF-8?B?UGF5UGFs?=",
            "Café Zoë Ærø", "🌷 Tulpen & Co", "商店 ショップ", "متجر الزهور", "a".repeat(200), "丁".repeat(200), "🌷".repeat(100));

    private static InternetAddress parse(String headerValue) throws AddressException {
        InternetAddress[] addresses = InternetAddress.parseHeader(MimeUtility.unfold(headerValue), true);
        assertEquals(1, addresses.length, headerValue);
        return addresses[0];
    }

    private static void assertFoldedAscii(String header, String value) {
        String[] lines = (header + ": " + value).split("\r\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            assertTrue(line.length() <= 78, "line longer than 78: " + line);
            assertTrue(line.chars().allMatch(c -> c >= 0x20 && c < 0x7F), "only printable ASCII: " + line);
            assertTrue(i == 0 || line.startsWith(" "), "a folded line starts with white space: " + line);
        }
    }

    @Test
    void everyNameReadsBackExactlyFromOneWellFormedMailbox() throws Exception {
        for (String name : NAMES) {
            String value = MailHeaders.mailbox("From", name, "reviews@shopscore.invalid");
            assertFoldedAscii("From", value);
            InternetAddress address = parse(value);
            assertEquals(name, address.getPersonal(), value);
            assertEquals("reviews@shopscore.invalid", address.getAddress());
        }
    }

    @Test
    void plainNamesStayReadableInTheRawHeader() {
        assertEquals("\"Demo Shop\" <reviews@shopscore.invalid>", MailHeaders.mailbox("From", "Demo Shop", "reviews@shopscore.invalid"));
        assertEquals("reviews@shopscore.invalid", MailHeaders.mailbox("From", " \t", "reviews@shopscore.invalid"));
        assertEquals("Demo Shop: how was your order?", MailHeaders.unstructured("Subject", "Demo Shop: how was your order?"));
    }

    @Test
    void lineBreaksAndControlsInStoredNamesCannotAddAHeader() throws Exception {
        String value = MailHeaders.mailbox("From", "Evil\r\nBcc: victim@example.com\u0000\u2028x", "reviews@shopscore.invalid");
        assertFoldedAscii("From", value);
        assertEquals("Evil Bcc: victim@example.com x", parse(value).getPersonal());
        String subject = MailHeaders.unstructured("Subject", "Hi\nBcc: victim@example.com");
        assertFoldedAscii("Subject", subject);
        assertEquals("Hi Bcc: victim@example.com", MimeUtility.decodeText(MimeUtility.unfold(subject)));
    }

    @Test
    void anUnpairedSurrogateBecomesAReplacementCharacter() throws Exception {
        assertEquals("Shop \uFFFD", parse(MailHeaders.mailbox("From", "Shop \uD800", "reviews@shopscore.invalid")).getPersonal());
    }

    @Test
    void subjectsReadBackExactly() throws Exception {
        for (String name : NAMES) {
            String subject = "Reminder: how was your order at " + name + "?";
            String value = MailHeaders.unstructured("Subject", subject);
            assertFoldedAscii("Subject", value);
            assertEquals(subject, MimeUtility.decodeText(MimeUtility.unfold(value)), value);
        }
    }

    @Test
    void anAddressThatCannotBeWrittenIsRefused() {
        for (String address : List.of("a<b>@example.com", "a,b@example.com", "\"a b\"@example.com", "a@b", "jan@exämple.nl", "")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> MailHeaders.mailbox("Reply-To", "Shop", address), address);
            assertTrue(refused.getMessage().startsWith("malformed Reply-To address"), refused.getMessage());
        }
    }
}
