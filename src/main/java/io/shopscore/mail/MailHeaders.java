package io.shopscore.mail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Writes header values that are valid RFC 5322 whatever the shop's name (or other text) holds: the
 * From and Reply-To mailbox {@code display name <address>}, and the Subject. Text of letters, digits,
 * spaces and harmless punctuation that fits on a line is written as it is (a display name as a
 * quoted string), readable in the raw mail; anything else (non-ASCII, {@code <>@,;:"\()[]}, something
 * that looks like an encoded word, long text) as RFC 2047 UTF-8 encoded words of at most 75
 * characters, folded with CRLF onto lines of at most 78. Control characters and line breaks never
 * reach a header (a shop's name cannot hold them, but older rows might), and an unpaired surrogate
 * becomes U+FFFD, so no text can break a header or add one.
 *
 * <p>The results go into the message's own headers, not through the Vert.x mail client's encoder,
 * whose address parser refuses a display name containing {@code <} and which folds long encoded
 * subjects with a bare LF.
 */
final class MailHeaders {

    /** An address this service can put in a header and an SMTP envelope: a dot-atom, @, a host name. */
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");
    /** Text that can go in an unstructured header (Subject) as it is. */
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]*");
    /** Names made only of these characters can go in a quoted string as they are. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9 !#$%&'*+/=?^_`{|}~.-]*");
    private static final int LINE = 78;
    private static final int WORD = 75;
    private static final String WORD_START = "=?UTF-8?B?";
    private static final String WORD_END = "?=";

    private MailHeaders() {
    }

    /**
     * The header value for this name and address, to follow {@code "<header>: "}; just the address
     * when the name is empty after cleaning.
     *
     * @throws IllegalArgumentException when the address is not a plain address: sending cannot fix that
     */
    static String mailbox(String headerName, String displayName, String address) {
        String addr = address == null ? "" : address.strip();
        if (!ADDRESS.matcher(addr).matches()) {
            throw new IllegalArgumentException("malformed " + headerName + " address \"" + clean(addr) + "\"");
        }
        String name = displayName == null ? "" : clean(displayName);
        if (name.isEmpty()) {
            return addr;
        }
        String angle = "<" + addr + ">";
        int used = headerName.length() + 2;
        String quoted = "\"" + name + "\"";
        if (PLAIN.matcher(name).matches() && !name.contains("=?") && used + quoted.length() + 1 + angle.length() <= LINE) {
            return quoted + " " + angle;
        }
        String words = encodedWords(name, used);
        return words + (lastLineLength(words, used) + 1 + angle.length() <= LINE ? " " : "\r\n ") + angle;
    }

    /** The header value for this text, to follow {@code "<header>: "}. */
    static String unstructured(String headerName, String text) {
        String value = clean(text);
        int used = headerName.length() + 2;
        if (PRINTABLE.matcher(value).matches() && !value.contains("=?") && used + value.length() <= LINE) {
            return value;
        }
        return encodedWords(value, used);
    }

    /** The text with every run of control characters, line breaks and white space made one space. */
    private static String clean(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (Character.isWhitespace(c) || type == Character.CONTROL || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                space = true;
            } else {
                if (space && !clean.isEmpty()) {
                    clean.append(' ');
                }
                space = false;
                clean.append(c);
            }
        }
        return clean.toString();
    }

    /** UTF-8 B encoded words, split between characters (never inside one), folded at {@link #LINE}. */
    private static String encodedWords(String text, int used) {
        StringBuilder header = new StringBuilder();
        int column = used;
        int start = 0;
        while (start < text.length()) {
            if (start > 0) {
                // room for at least one character (8 base64 characters) on this line, or fold
                boolean fits = column + 1 + WORD_START.length() + 8 + WORD_END.length() <= LINE;
                header.append(fits ? " " : "\r\n ");
                column = fits ? column + 1 : 1;
            }
            int room = Math.min(WORD, LINE - column) - WORD_START.length() - WORD_END.length();
            int end = start;
            int bytes = 0;
            while (end < text.length()) {
                int next = text.offsetByCodePoints(end, 1);
                int more = utf8(text.substring(end, next)).length;
                if (base64Length(bytes + more) > room) {
                    break;
                }
                bytes += more;
                end = next;
            }
            String word = WORD_START + Base64.getEncoder().encodeToString(utf8(text.substring(start, end))) + WORD_END;
            header.append(word);
            column += word.length();
            start = end;
        }
        return header.toString();
    }

    private static int lastLineLength(String value, int used) {
        int fold = value.lastIndexOf("\r\n");
        return fold < 0 ? used + value.length() : value.length() - fold - 2;
    }

    private static int base64Length(int bytes) {
        return (bytes + 2) / 3 * 4;
    }

    /** UTF-8 of the text; an unpaired surrogate becomes U+FFFD rather than '?'. */
    private static byte[] utf8(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> clean.appendCodePoint(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? 0xFFFD : c));
        return clean.toString().getBytes(StandardCharsets.UTF_8);
    }
}
