package io.shopscore.invitation;

import java.time.Instant;

import io.shopscore.mail.MailStatus;

/**
 * One invitation in the shop's dashboard list: its state as the customer's mail sees it, and the
 * mails behind that state (null when there is none: a link invitation, or one whose mails were
 * purged or erased).
 */
public record DeliveredInvitation(long id, String orderRef, String email, String name, String locale, DeliveryState state,
        Instant createdAt, Instant sendAt, Instant expiresAt, Instant reviewedAt, MailStatus mail, MailStatus reminder) {
}
