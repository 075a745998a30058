package io.shopscore.review;

import java.text.Normalizer;

/**
 * Normalises what customers and shops type before it is stored: Unicode NFC, Unix line ends, no
 * control characters and no invisible characters that reorder or hide text (they can hide text or
 * break pages and mails), no surrounding blanks. It does not escape anything: text is stored as
 * written and escaped where it is shown. Normalising can make a text longer (NFC turns U+FB2C into
 * three characters), so lengths are checked on its result (see {@link ReviewSubmission}).
 */
final class CustomerText {

    private CustomerText() {
    }

    /** Multi-line text such as a review or a response; keeps line breaks and tabs. */
    static String multiLine(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(raw.length());
        raw.replace("\r\n", "\n").replace('\r', '\n').codePoints()
                .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c) && !isHidden(c))
                .forEach(kept::appendCodePoint);
        return Normalizer.normalize(kept, Normalizer.Form.NFC).strip();
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

    /**
     * Bidirectional overrides, embeddings and isolates (which can show a text in another order than
     * it is stored, "Trojan Source"), zero-width spaces, word joiners, the byte order mark and soft
     * hyphens: invisible, and only useful to hide something. The zero-width joiner and non-joiner
     * stay: emoji sequences and several scripts need them.
     */
    private static boolean isHidden(int c) {
        return c >= 0x202A && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069
                || c == 0x200E || c == 0x200F || c == 0x061C
                || c == 0x200B || c >= 0x2060 && c <= 0x2064 || c == 0xFEFF
                || c == 0x00AD || c == 0x180E;
    }
}
