package io.shopscore.mail;

import java.util.List;

import io.quarkus.mailer.Mail;

/**
 * What a mail says, composed when it is sent from the state its invitation and review are in then
 * (so a mail never carries stale text, and one no longer wanted is skipped). Implemented in
 * {@code mail.compose}, above the packages it reads, so this package knows invitations and reviews
 * only by their ids.
 */
public interface MailContent {

    /** The message for a mail the outbox claimed, or why it is no longer wanted. */
    Composed compose(OutgoingMail mail);

    /**
     * Loads, in a few queries, what composing these mails will read, so that composing them one by
     * one in the same transaction finds it loaded instead of asking for each mail.
     */
    void readAhead(List<OutgoingMail> mails);

    /** A message to send, or (message null) the reason the mail is skipped instead. */
    record Composed(Mail message, String skipReason) {

        public static Composed message(Mail message) {
            return new Composed(message, null);
        }

        public static Composed skip(String reason) {
            return new Composed(null, reason);
        }
    }
}
