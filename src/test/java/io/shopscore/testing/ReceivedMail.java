package io.shopscore.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * A message as {@link SmtpServer} received it: the envelope, the raw bytes, and what a mail client
 * would show, read with Angus Mail (RFC 2047 words decoded, quoted-printable and base64 parts decoded
 * in their charset). Address headers are parsed strictly, so a malformed one fails the test.
 */
public final class ReceivedMail {

    private static final Session SESSION = Session.getInstance(new Properties());

    private final String envelopeFrom;
    private final List<String> recipients;
    private final byte[] raw;
    private final MimeMessage message;
    private final Map<String, List<String>> headers;
    private String text;
    private String html;

    private ReceivedMail(String envelopeFrom, List<String> recipients, byte[] raw) throws MessagingException {
        this.envelopeFrom = envelopeFrom;
        this.recipients = recipients;
        this.raw = raw;
        this.message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            all.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>()).add(decode(header.getValue()));
        }
        this.headers = Collections.unmodifiableMap(all);
    }

    static ReceivedMail parse(String envelopeFrom, List<String> recipients, byte[] raw) {
        try {
            return new ReceivedMail(envelopeFrom, recipients, raw);
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable message: " + e.getMessage(), e);
        }
    }

    /** MAIL FROM of the SMTP transaction. */
    public String envelopeFrom() {
        return envelopeFrom;
    }

    /** RCPT TO of the SMTP transaction. */
    public List<String> recipients() {
        return recipients;
    }

    /** The message as received, after dot-unstuffing. */
    public byte[] raw() {
        return raw.clone();
    }

    /** The header section as received (US-ASCII; 8-bit bytes would show as replacement characters). */
    public String rawHeaders() {
        String all = new String(raw, StandardCharsets.US_ASCII);
        int end = all.indexOf("\r\n\r\n");
        return end < 0 ? all : all.substring(0, end + 2);
    }

    /** Every header, by lower-case name, each value unfolded and with its encoded words decoded. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The one value of this header (decoded), or null when it is missing. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw new AssertionError("Header " + name + " appears " + values.size() + " times: " + values);
        }
        return values.get(0);
    }

    public String subject() {
        return call(message::getSubject);
    }

    public String fromName() {
        return from().getPersonal();
    }

    public String fromAddress() {
        return from().getAddress();
    }

    /** The display name of the one Reply-To address, or null. */
    public String replyToName() {
        InternetAddress replyTo = replyTo();
        return replyTo == null ? null : replyTo.getPersonal();
    }

    /** The one Reply-To address, or null when there is none. */
    public String replyToAddress() {
        InternetAddress replyTo = replyTo();
        return replyTo == null ? null : replyTo.getAddress();
    }

    /** The addresses of the To header. */
    public List<String> to() {
        Address[] to = call(() -> message.getRecipients(MimeMessage.RecipientType.TO));
        return to == null ? List.of() : Arrays.stream(to).map(address -> ((InternetAddress) address).getAddress()).toList();
    }

    /** The decoded text/plain part, or null. */
    public String text() {
        readParts();
        return text;
    }

    /** The decoded text/html part, or null. */
    public String html() {
        readParts();
        return html;
    }

    private InternetAddress from() {
        Address[] from = call(message::getFrom);
        if (from == null || from.length != 1) {
            throw new AssertionError("Expected one From address, got " + Arrays.toString(from));
        }
        return (InternetAddress) from[0];
    }

    private InternetAddress replyTo() {
        String[] values = call(() -> message.getHeader("Reply-To"));
        if (values == null) {
            return null;
        }
        Address[] replyTo = call(message::getReplyTo);
        if (replyTo.length != 1) {
            throw new AssertionError("Expected one Reply-To address, got " + Arrays.toString(replyTo));
        }
        return (InternetAddress) replyTo[0];
    }

    private synchronized void readParts() {
        if (text == null && html == null) {
            call(() -> {
                collect(message);
                return null;
            });
        }
    }

    private void collect(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i));
            }
        } else if (part.isMimeType("text/plain") && text == null) {
            text = (String) part.getContent();
        } else if (part.isMimeType("text/html") && html == null) {
            html = (String) part.getContent();
        }
    }

    private static String decode(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (UnsupportedEncodingException e) {
            throw new AssertionError("Header in an unknown charset: " + value, e);
        }
    }

    private interface MailCall<T> {
        T call() throws MessagingException, IOException;
    }

    private static <T> T call(MailCall<T> call) {
        try {
            return call.call();
        } catch (MessagingException | IOException e) {
            throw new AssertionError("Malformed message: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ReceivedMail[to=" + recipients + ", subject=" + call(message::getSubject) + "]";
    }
}
