package io.shopscore.review;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a review came from; public on every review, because a visitor judging a score should know
 * whether the shop ever held the customer's link.
 */
public enum ReviewSource {
    /** The service mailed the personal link to the customer; the shop never saw it. */
    INVITATION_EMAIL("invitation-email"),
    /** The shop handed the personal link out itself (its own mail, a receipt, a QR code). */
    INVITATION_LINK("invitation-link"),
    /** Brought over from another review service; never counts in a score. */
    IMPORTED("imported");

    private final String json;

    ReviewSource(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }
}
