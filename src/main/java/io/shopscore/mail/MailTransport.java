package io.shopscore.mail;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * The one place a mail leaves the service. Over SMTP in production (quarkus.mailer.*); into the
 * mock mailbox in dev mode and tests, where a test can also make it fail.
 */
@ApplicationScoped
public class MailTransport {

    private final Mailer mailer;

    public MailTransport(Mailer mailer) {
        this.mailer = mailer;
    }

    /** Sends the mail or throws; the outbox retries what throws. */
    public void send(Mail mail) {
        mailer.send(mail);
    }
}
