package io.shopscore.mail;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/** Each instance sends due mails every shopscore.mail.poll-interval; claims keep them from sending one twice. */
@ApplicationScoped
public class MailJob {

    private final MailOutbox outbox;

    public MailJob(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Scheduled(identity = "mail", every = "${shopscore.mail.poll-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void send() {
        outbox.sendDue();
    }
}
