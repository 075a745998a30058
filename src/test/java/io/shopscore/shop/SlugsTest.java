package io.shopscore.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The hand-written check must accept exactly what the regex that validates bodies accepts. */
class SlugsTest {

    private static final Pattern FORM = Pattern.compile(Slugs.REGEX);

    @Test
    void acceptsSlugsAndRefusesEverythingElse() {
        for (String slug : new String[] {"ab", "a1", "demo-shop", "a-b-c", "0-0", "x".repeat(64)}) {
            assertTrue(Slugs.isValid(slug), slug);
        }
        for (String notSlug : new String[] {null, "", "a", "-ab", "ab-", "a--b", "Ab", "a_b", "a b", "ä-b", "a/b", "x".repeat(65)}) {
            assertFalse(Slugs.isValid(notSlug), String.valueOf(notSlug));
        }
    }

    @Test
    void agreesWithTheRegexOnRandomStrings() {
        Random random = new Random(42);
        char[] alphabet = "ab09-A_/".toCharArray();
        for (int n = 0; n < 200_000; n++) {
            char[] value = new char[2 + random.nextInt(7)];
            for (int i = 0; i < value.length; i++) {
                value[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String candidate = new String(value);
            assertEquals(FORM.matcher(candidate).matches(), Slugs.isValid(candidate), candidate);
        }
    }
}
