package io.shopscore.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.persistence.OutboxEntry;
import io.shopscore.persistence.OutboxState;

/**
 * The mails that close the loop between shop and customer. Each is written to the outbox in the
 * transaction that makes it necessary; {@link #sendDue()} sends what is due, on every instance,
 * claiming each mail in the database first so that none goes out twice.
 */
@ApplicationScoped
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class);
    private static final int BATCH = 50;
    /** One run sends batch after batch until nothing is due, or this long has passed (the next run goes on). */
    private static final Duration RUN_BUDGET = Duration.ofSeconds(60);

    private final Clock clock;
    private final ShopscoreConfig config;
    private final MailContent content;
    private final MailTransport transport;

    public MailOutbox(Clock clock, ShopscoreConfig config, MailContent content, MailTransport transport) {
        this.clock = clock;
        this.config = config;
        this.content = content;
        this.transport = transport;
    }

    /**
     * Sends every mail that is due, and returns how many went out. Safe on any number of instances
     * at once: each mail is claimed with one conditional UPDATE before it is sent, and only the
     * claimant sends it. A failure is retried later with backoff, unless retrying cannot help (a 5xx
     * refusal, an address or header that cannot be written): then the mail fails at once. (If the process dies between
     * sending and recording it, the claim expires after shopscore.mail.claim-lease and the mail is
     * sent again: the only way a mail can go out twice.)
     */
    public int sendDue() {
        int sent = 0;
        long deadline = System.nanoTime() + RUN_BUDGET.toNanos();
        List<Long> due;
        do {
            due = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.due(OutgoingMail.class, clock.instant(), BATCH));
            sent += send(due);
        } while (due.size() == BATCH && System.nanoTime() < deadline);
        return sent;
    }

    private int send(List<Long> due) {
        int sent = 0;
        for (Long id : due) {
            String token = UUID.randomUUID().toString();
            boolean claimed = QuarkusTransaction.requiringNew()
                    .call(() -> OutboxEntry.claim(OutgoingMail.class, id, token, clock.instant(), config.mail().claimLease()));
            if (!claimed) {
                continue;
            }
            try {
                // preparing is inside: a header that cannot be written fails the mail like a refusal. A
                // sender whose claim was taken over (or whose mail was erased meanwhile) sends nothing.
                Optional<Mail> message = QuarkusTransaction.requiringNew()
                        .call(() -> OutboxEntry.stillClaimed(OutgoingMail.class, id, token).flatMap(this::prepare));
                if (message.isEmpty()) {
                    continue;
                }
                transport.send(message.get());
                if (record(id, token, mail -> mail.sent(clock.instant()))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                SendFailure failure = SendFailure.of(e);
                LOG.warnf("Mail %d could not be sent%s: %s", id, failure.permanent() ? " and never will be" : "", failure.reason());
                record(id, token, mail -> mail.failed(failure, clock.instant(), config.mail().maxAttempts()));
            }
        }
        return sent;
    }

    /**
     * Records the outcome of a send only while this sender still holds the claim: one whose lease ran
     * out and was taken over records nothing, so it cannot overwrite the newer sender's outcome.
     */
    boolean record(long id, String token, Consumer<OutgoingMail> outcome) {
        boolean recorded = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.stillClaimed(OutgoingMail.class, id, token)
                .map(mail -> {
                    outcome.accept(mail);
                    return true;
                }).orElse(false));
        if (!recorded) {
            LOG.warnf("Mail %d was taken over by another sender, or erased, before its outcome was recorded", id);
        }
        return recorded;
    }

    /**
     * The message for a claimed mail, or empty after marking it skipped because it is no longer
     * wanted: its address opted out of the shop's review mails (mails about the author's own review
     * and alerts to the shop still go), or its content says so.
     */
    private Optional<Mail> prepare(OutgoingMail mail) {
        if (mail.kind() != MailKind.NEGATIVE_ALERT && !mail.kind().isAboutTheAuthorsReview()
                && OptOut.applies(mail.shopId(), mail.recipient())) {
            mail.skip("opted out");
            return Optional.empty();
        }
        MailContent.Composed composed = content.compose(mail);
        if (composed.message() == null) {
            mail.skip(composed.skipReason());
            return Optional.empty();
        }
        return Optional.of(composed.message());
    }

    /** Forgets every mail of these invitations, sent or not: their customers were erased. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(List<Long> invitationIds) {
        invitationIds.forEach(OutgoingMail::eraseFor);
    }

    /** Forgets that this address opted out: it asked to be erased, and the service then holds nothing of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetOptOuts(String normalizedEmail) {
        OptOut.delete("email", normalizedEmail);
    }

    /** Deletes mails that were sent, failed or skipped before then (they name their recipient); returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long purgeFinishedBefore(Instant before) {
        return OutgoingMail.delete("state <> ?1 and state <> ?2 and dueAt < ?3", OutboxState.PENDING, OutboxState.SENDING, before);
    }
}
