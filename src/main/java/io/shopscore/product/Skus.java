package io.shopscore.product;

import java.util.regex.Pattern;

/**
 * What a SKU may be: 1 to 64 printable characters, without a comma or a slash (so that one can be
 * named in a comma-separated query and as a segment of a URL path), and without spaces at either end.
 */
public final class Skus {

    /** For Bean Validation on request bodies. */
    public static final String PATTERN = "[^\\p{Cntrl},/\\s](?:[^\\p{Cntrl},/]{0,62}[^\\p{Cntrl},/\\s])?";
    public static final String MESSAGE = "must be 1 to 64 printable characters, without a comma or a slash and not starting or ending with a space";

    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Skus() {
    }

    public static boolean isValid(String sku) {
        return sku != null && VALID.matcher(sku).matches();
    }
}
