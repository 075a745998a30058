package io.shopscore.shop;

/** The form of a slug, for slugs that arrive outside a validated body (paths, query strings). */
public final class Slugs {

    /** The form, for bean validation of bodies; {@link #isValid} checks the same without a regex. */
    static final String REGEX = "[a-z0-9]+(-[a-z0-9]+)*";

    private Slugs() {
    }

    /**
     * Whether the value is a slug: 2 to 64 lower-case letters, digits and single hyphens, with no
     * hyphen first or last. A loop rather than {@link #REGEX}: the widget's batch request checks up
     * to 100 slugs on the I/O thread, and the regex's repeated group allocated on every match.
     */
    public static boolean isValid(String value) {
        if (value == null || value.length() < 2 || value.length() > 64) {
            return false;
        }
        boolean afterHyphen = true; // a hyphen may neither start the slug nor follow another
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '-') {
                if (afterHyphen) {
                    return false;
                }
                afterHyphen = true;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                afterHyphen = false;
            } else {
                return false;
            }
        }
        return !afterHyphen;
    }
}
