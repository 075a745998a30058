package io.shopscore.connector;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

import io.shopscore.problem.ProblemException;

/** The shop platforms whose order webhooks Shopscore takes, and what each may invite on. */
public enum Platform {

    /** WooCommerce: any order status may invite; the shop's own statuses included. */
    WOOCOMMERCE("completed"),
    /** Shopify: an order invites once it is fulfilled (default) or once it is paid. */
    SHOPIFY("fulfilled");

    /** A WooCommerce status slug as WooCommerce writes it in an order ({@code completed}, {@code on-hold}, ...). */
    private static final Pattern WOO_STATUS = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");

    private final String defaultInviteOn;

    Platform(String defaultInviteOn) {
        this.defaultInviteOn = defaultInviteOn;
    }

    /** The platform of a path segment; 404 for anything else, as for any address that is not there. */
    static Platform ofPath(String segment) {
        for (Platform platform : values()) {
            if (platform.json().equals(segment)) {
                return platform;
            }
        }
        throw ProblemException.notFound("Shopscore connects woocommerce and shopify, not '" + segment + "'.");
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status that invites: the one asked for if this platform knows it (400 naming the field if not), else the default. */
    String inviteOn(String requested) {
        if (requested == null) {
            return defaultInviteOn;
        }
        boolean valid = switch (this) {
            case WOOCOMMERCE -> WOO_STATUS.matcher(requested).matches();
            case SHOPIFY -> requested.equals("fulfilled") || requested.equals("paid");
        };
        if (!valid) {
            throw ProblemException.invalid("inviteOn", switch (this) {
                case WOOCOMMERCE -> "must be a WooCommerce order status such as completed (lower case, without wc-)";
                case SHOPIFY -> "must be fulfilled or paid";
            });
        }
        return requested;
    }
}
