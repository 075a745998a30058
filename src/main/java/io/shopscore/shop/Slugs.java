package io.shopscore.shop;

import java.util.regex.Pattern;

/** The form of a slug, for slugs that arrive outside a validated body (paths, query strings). */
public final class Slugs {

    static final String REGEX = "[a-z0-9]+(-[a-z0-9]+)*";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private Slugs() {
    }

    public static boolean isValid(String value) {
        return value != null && value.length() >= 2 && value.length() <= 64 && PATTERN.matcher(value).matches();
    }
}
