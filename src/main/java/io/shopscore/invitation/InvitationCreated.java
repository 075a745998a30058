package io.shopscore.invitation;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The invitation as its creator gets it back. The link is in it only for a link invitation: with
 * email delivery the service mails the link, and the shop never holds it.
 */
@Schema(name = "InvitationCreated")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvitationCreated(
        @Schema(examples = "1051") long id,
        @Schema(examples = "ORD-10023") String orderRef,
        @Schema(enumeration = { "email", "link" }) Invitation.Delivery delivery,
        @Schema(description = "Only for delivery link: the customer's credential, 256 random bits, base64url",
                examples = "q0Vf1mLw2c0yF8Jm3bq0JdXoG0bJH2L4nF1cM2eQ9Ak") String token,
        @Schema(description = "Only for delivery link: the absolute link the customer follows",
                examples = "http://localhost:8080/review/q0Vf1mLw2c0yF8Jm3bq0JdXoG0bJH2L4nF1cM2eQ9Ak") String reviewUrl,
        Instant expiresAt) {
}
