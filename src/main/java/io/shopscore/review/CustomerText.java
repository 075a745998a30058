package io.shopscore.review;

import java.text.Normalizer;

/**
 * Normalises what customers and shops type before it is stored: Unicode NFC, Unix line ends, no
 * control characters (they can hide text or break pages and mails), no surrounding blanks. It does
 * not escape anything: text is stored as written and escaped where it is shown.
 */
final class CustomerText {

    private CustomerText() {
    }

    /** Multi-line text such as a review or a response; keeps line breaks and tabs. */
    static String multiLine(String raw) {
        if (raw == null) {
            return null;
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .forEach(clean::appendCodePoint);
        return clean.toString().strip();
    }

    /** A single line such as a title or a name; line breaks become spaces. Null when nothing is left. */
    static String singleLine(String raw) {
        String text = multiLine(raw);
        if (text == null) {
            return null;
        }
        text = text.replaceAll("\\s+", " ");
        return text.isEmpty() ? null : text;
    }
}
