package io.shopscore.invitation;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an invitation stands as its customer's mail sees it, for the shop's dashboard: the first
 * that applies of reviewed, opted out (the address asked this shop, or every shop, for no more
 * mail), expired, handed out by the shop itself (link delivery: no mail), failed, sent, and else
 * scheduled. {@link InvitationDeliveries} works it out in the database, so that a list filtered by
 * it pages correctly.
 */
public enum DeliveryState {
    SCHEDULED, SENT, FAILED, OPTED_OUT, REVIEWED, EXPIRED, LINK;

    /** The name in a query string and in the page's CSS: {@code opted-out}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The state of a query string's {@code opted-out}; empty for anything else. */
    public static Optional<DeliveryState> ofKey(String key) {
        for (DeliveryState state : values()) {
            if (state.key().equals(key)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
