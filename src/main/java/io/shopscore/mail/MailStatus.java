package io.shopscore.mail;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shopscore.persistence.OutboxState;

/** Where one of an invitation's mails stands, as the shop sees it. */
@Schema(name = "MailStatus")
public record MailStatus(
        @Schema(enumeration = { "pending", "sending", "sent", "failed", "skipped" }) String state,
        @Schema(description = "When it is (or was) due to go out") Instant dueAt,
        @Schema(nullable = true) Instant sentAt,
        int attempts,
        @Schema(description = "The last failure (for a failed mail: why it was given up, such as a 5xx refusal by the "
                + "mail server), or why it was skipped (already reviewed, expired, opted out)", nullable = true)
        String note) {

    static MailStatus of(OutgoingMail mail) {
        String state = mail.state() == OutboxState.DONE ? "sent" : mail.state().name().toLowerCase();
        return new MailStatus(state, mail.dueAt(), mail.sentAt(), mail.attempts(), mail.lastError());
    }
}
