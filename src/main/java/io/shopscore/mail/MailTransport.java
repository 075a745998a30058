package io.shopscore.mail;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * The one place a mail leaves the service. Over SMTP (quarkus.mailer.*) in production and in the
 * tests, which run their own SMTP server; into the mock mailbox (and the log) in dev mode.
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
