package io.shopscore.testing;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.shopscore.mail.MailTransport;

/** The mail transport of the tests: the mock mailbox, unless a test asks the next sends to fail. */
@Alternative
@Priority(1)
@Singleton
public class FlakyMailTransport extends MailTransport {

    private final AtomicInteger failures = new AtomicInteger();

    public FlakyMailTransport(Mailer mailer) {
        super(mailer);
    }

    public void failNext(int sends) {
        failures.set(sends);
    }

    /**
     * One send at a time: Quarkus's mock mailbox is not made for concurrent senders and now and
     * then failed one of them (an exception without a message) when tests ran scheduler runs in
     * parallel. The claims those tests are about happen before the send, so this hides nothing.
     */
    @Override
    public synchronized void send(Mail mail) {
        if (failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IllegalStateException("SMTP server unavailable (simulated)");
        }
        super.send(mail);
    }
}
