package io.shopscore.invitation;

/** A new invitation was created (not a retry answered with an existing one). */
public record InvitationIssued(long invitationId, long shopId, String shopSlug) {
}
