package io.shopscore.feed;

/**
 * Text as XML 1.0 can carry it. A writer escapes markup ({@code <}, {@code &}) by itself, but some
 * characters have no representation at all in XML 1.0 (control characters other than tab, line
 * feed and carriage return, lone surrogates, U+FFFE and U+FFFF): one of them in a review would make
 * the whole feed unreadable for its consumer, so they are dropped.
 */
public final class XmlText {

    private XmlText() {
    }

    /** The text without the characters XML 1.0 cannot hold; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep;
            if (Character.isHighSurrogate(c)) {
                keep = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (keep) {
                    if (clean != null) {
                        clean.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                keep = isAllowed(c);
            }
            if (!keep && clean == null) {
                clean = new StringBuilder(text.length()).append(text, 0, i);
            } else if (keep && clean != null) {
                clean.append(c);
            }
        }
        return clean == null ? text : clean.toString();
    }

    private static boolean isAllowed(char c) {
        return c == '\t' || c == '\n' || c == '\r'
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD);
    }
}
