package io.shopscore.invitation;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shopscore.mail.MailStatus;

/** An invitation in the shop's own listing. */
@Schema(name = "Invitation")
public record InvitationView(
        long id,
        String orderRef,
        String email,
        @Schema(nullable = true) String name,
        String locale,
        @Schema(enumeration = { "pending", "reviewed", "expired" }) InvitationState state,
        @Schema(enumeration = { "email", "link" }) Invitation.Delivery delivery,
        @Schema(nullable = true, description = "Only for delivery link; never for invitations the service mails") String reviewUrl,
        Instant createdAt,
        Instant expiresAt,
        @Schema(nullable = true) Instant reviewedAt,
        @Schema(description = "The invitation mail", nullable = true) MailStatus mail,
        @Schema(description = "The one reminder, if the shop has reminders", nullable = true) MailStatus reminder) {
}
