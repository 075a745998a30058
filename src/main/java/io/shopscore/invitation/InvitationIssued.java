package io.shopscore.invitation;

/**
 * A new invitation was created (not a retry answered with an existing one) and committed: for
 * after-commit work (metrics). Its mails are scheduled by InvitationService itself, in its transaction.
 */
public record InvitationIssued(long invitationId, long shopId, String shopSlug) {
}
