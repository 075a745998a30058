package io.shopscore.review;

import java.time.Instant;
import java.util.List;

import io.shopscore.invitation.InvitationState;

/**
 * What a customer's personal link leads to: the invitation, its shop and the review written
 * through it, if any. Either the invitation token (which writes the review once) or the author's
 * edit token (which changes or withdraws it) is set, never both.
 */
public record ReviewLink(
        String token,
        String editToken,
        String shopSlug,
        String shopName,
        String orderRef,
        String locale,
        InvitationState state,
        Instant expiresAt,
        ReviewView review,
        Instant editableUntil,
        boolean editable,
        String heldBecause,
        String removalReason,
        boolean withdrawn,
        List<OrderedProduct> products) {

    /** A product of the order, with the customer's grade and words when they gave them. */
    public record OrderedProduct(String sku, String name, Integer score, String text) {
    }
}
