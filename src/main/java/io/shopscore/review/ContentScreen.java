package io.shopscore.review;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds what a review must not publish unseen: links (advertising, phishing), email addresses and
 * phone numbers (someone's personal data). Such a review waits for the operator instead of being
 * refused, because the customer may have a good reason ("I called 020 123 4567 three times").
 */
final class ContentScreen {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9-]+(\\.[\\p{L}0-9-]+)*\\.\\p{L}{2,}");
    private static final Pattern LINK = Pattern.compile(
            "(?i)\\b(https?://|www\\.)\\S+|\\b[a-z0-9-]{2,}(\\.[a-z0-9-]+)*\\.(com|net|org|nl|be|de|fr|eu|io|shop|info|co|uk|biz|store|online|xyz)\\b(/\\S*)?");
    /** International (+31 6 1234 5678, 0031...) or national with a leading 0 (06-12345678, 020 123 4567): 9 to 14 digits. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d.,])(?:(?:\\+|00)[1-9](?:[\\s.()-]{0,2}\\d){8,13}|0(?:[\\s.()-]{0,2}\\d){8,10})(?![\\d.,]*\\d)");

    private ContentScreen() {
    }

    /**
     * The text as a reader takes it in: compatibility forms folded (full-width "ｗｗｗ．", circled
     * digits) and every invisible formatting character left out (a zero-width joiner inside
     * "example.com" or a phone number), so that neither hides a link or number from the screen.
     */
    private static String asRead(String text) {
        StringBuilder visible = new StringBuilder(text.length());
        Normalizer.normalize(text, Normalizer.Form.NFKC).codePoints()
                .filter(c -> Character.getType(c) != Character.FORMAT)
                .forEach(visible::appendCodePoint);
        return visible.toString();
    }

    /** Why these texts need a look before they are published: "link", "email", "phone"; empty when none. */
    static List<String> reasonsToHold(String... texts) {
        List<String> reasons = new ArrayList<>();
        for (String written : texts) {
            if (written == null) {
                continue;
            }
            String text = asRead(written);
            if (EMAIL.matcher(text).find() && !reasons.contains("email")) {
                reasons.add("email");
            }
            String withoutEmails = EMAIL.matcher(text).replaceAll(" ");
            if (LINK.matcher(withoutEmails).find() && !reasons.contains("link")) {
                reasons.add("link");
            }
            if (PHONE.matcher(text).find() && !reasons.contains("phone")) {
                reasons.add("phone");
            }
        }
        return reasons;
    }
}
