package io.shopscore.review;

import java.time.Instant;

import io.shopscore.invitation.InvitationState;

/** What the customer's personal link leads to: the invitation, its shop and the review written through it, if any. */
public record ReviewLink(
        String token,
        String shopSlug,
        String shopName,
        String orderRef,
        String customerName,
        String locale,
        InvitationState state,
        Instant expiresAt,
        ReviewView review,
        Instant editableUntil,
        boolean editable,
        String heldBecause,
        String removalReason) {
}
