package io.shopscore.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.outbox.OutboxRelay;
import io.shopscore.outbox.OutboxSender;
import io.shopscore.outbox.RelaySettings;
import io.shopscore.persistence.OutboxEntry;
import io.shopscore.persistence.OutboxState;

/**
 * The mails that close the loop between shop and customer. Each is written to the outbox in the
 * transaction that makes it necessary; {@link #sendDue()} has the {@link OutboxRelay} send what is
 * due, on every instance, claiming each mail in the database first so that none goes out twice.
 * This class is the relay's sender for mails: it renders a claimed mail (or skips one no longer
 * wanted), hands it to {@link MailTransport} and records the result.
 */
@ApplicationScoped
public class MailOutbox implements OutboxSender<OutgoingMail, Mail, Optional<SendFailure>> {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class);

    private final Clock clock;
    private final ShopscoreConfig config;
    private final MailContent content;
    private final MailTransport transport;
    private final OutboxRelay relay;
    private final RelaySettings sending;

    public MailOutbox(Clock clock, ShopscoreConfig config, MailContent content, MailTransport transport, OutboxRelay relay) {
        this.clock = clock;
        this.config = config;
        this.content = content;
        this.transport = transport;
        this.relay = relay;
        this.sending = new RelaySettings(config.mail().batch(), config.mail().concurrency(), config.mail().recordEvery(),
                config.mail().claimLease());
    }

    /**
     * Sends every mail that is due, and returns how many went out. Safe on any number of instances
     * at once: the relay claims each mail before it is sent, and only the claimant sends it. A
     * failure is retried later with backoff, unless retrying cannot help (a 5xx refusal, an address
     * or header that cannot be written): then the mail fails at once. (If the process dies between
     * sending and recording, the claim expires after shopscore.mail.claim-lease and the mail is sent
     * again: the only way a mail can go out twice.)
     */
    public int sendDue() {
        return relay.run(this);
    }

    @Override
    public Class<OutgoingMail> type() {
        return OutgoingMail.class;
    }

    @Override
    public RelaySettings settings() {
        return sending;
    }

    /** Mails keep no order among themselves: each is a lane of its own, so a failure holds up no other mail. */
    @Override
    public List<Due> due(Instant now, int limit, Set<Long> pausedLanes) {
        return OutboxEntry.due(OutgoingMail.class, now, limit).stream().map(id -> new Due(id, id)).toList();
    }

    /** Every mail is a lane of its own: the next batch is prepared while this one goes out. */
    @Override
    public boolean preparesAhead() {
        return true;
    }

    @Override
    public Optional<SendFailure> send(Mail message) {
        transport.send(message);
        return Optional.empty();
    }

    /** A header that cannot be written fails the mail like a refusal by the mail server. */
    @Override
    public Optional<SendFailure> failure(RuntimeException thrown) {
        return Optional.of(SendFailure.of(thrown));
    }

    @Override
    public boolean succeeded(Optional<SendFailure> result) {
        return result.isEmpty();
    }

    /** Every mail sent is recorded the same way: one statement for all of them. */
    @Override
    public void recordSuccesses(Map<Long, Optional<SendFailure>> successes, String token) {
        OutgoingMail.sentAll(successes.keySet(), token, clock.instant());
    }

    @Override
    public void record(OutgoingMail mail, Optional<SendFailure> result) {
        result.ifPresentOrElse(failure -> {
            LOG.warnf("Mail %d could not be sent%s: %s", mail.id(), failure.permanent() ? " and never will be" : "", failure.reason());
            mail.failed(failure, clock.instant(), config.mail().backoff(), config.mail().maxAttempts());
        }, () -> mail.sent(clock.instant()));
    }

    /**
     * The message for a claimed mail, or empty after marking it skipped because it is no longer
     * wanted: its address opted out of the shop's review mails (mails about the author's own review
     * and alerts to the shop still go), or its content says so.
     */
    @Override
    public Optional<Mail> prepare(OutgoingMail mail) {
        return preparing(List.of(mail)).apply(mail);
    }

    /**
     * A batch of mails asks for its opt-outs in two queries and has what its content is made from
     * loaded in a few more, instead of a few queries for every mail.
     */
    @Override
    public Function<OutgoingMail, Optional<Mail>> preparing(List<OutgoingMail> mails) {
        Set<OptOut.Key> optedOut = OptOut.among(mails.stream().filter(MailOutbox::mayBeOptedOut)
                .map(mail -> new OptOut.Key(mail.shopId(), mail.recipient())).toList());
        content.readAhead(mails);
        return mail -> prepare(mail, mayBeOptedOut(mail) && optedOut.contains(new OptOut.Key(mail.shopId(), OptOut.normalize(mail.recipient()))));
    }

    private static boolean mayBeOptedOut(OutgoingMail mail) {
        return mail.kind().followsOptOuts();
    }

    private Optional<Mail> prepare(OutgoingMail mail, boolean optedOut) {
        if (optedOut) {
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
