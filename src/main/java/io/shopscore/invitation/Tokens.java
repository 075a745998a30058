package io.shopscore.invitation;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Invitation tokens: 256 random bits, base64url without padding (43 characters), safe in any URL. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Tokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a string could be a token at all; anything else is answered 404 without a query. */
    public static boolean hasTokenForm(String value) {
        return value != null && FORM.matcher(value).matches();
    }
}
