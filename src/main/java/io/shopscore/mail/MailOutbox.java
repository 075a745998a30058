package io.shopscore.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.outbox.OutboxRelay;
import io.shopscore.outbox.OutboxSender;
import io.shopscore.outbox.RelaySettings;
import io.shopscore.persistence.OutboxEntry;
import io.shopscore.persistence.OutboxState;
import io.shopscore.i18n.Formats;
import io.shopscore.i18n.Messages;
import io.shopscore.invitation.Invitation;
import io.shopscore.invitation.InvitationIssued;
import io.shopscore.invitation.InvitationState;
import io.shopscore.review.EditLinks;
import io.shopscore.review.Review;
import io.shopscore.review.ReviewChanged;
import io.shopscore.review.ReviewStatus;
import io.shopscore.shop.Shop;
import io.shopscore.web.Links;

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
    private final Links links;
    private final Formats formats;
    private final MailRenderer renderer;
    private final MailTransport transport;
    private final EditLinks editLinks;
    private final OutboxRelay relay;
    private final RelaySettings sending;

    public MailOutbox(Clock clock, ShopscoreConfig config, Links links, Formats formats, MailRenderer renderer,
            MailTransport transport, EditLinks editLinks, OutboxRelay relay) {
        this.editLinks = editLinks;
        this.relay = relay;
        this.sending = new RelaySettings(config.mail().batch(), config.mail().concurrency(), config.mail().recordEvery(),
                config.mail().claimLease());
        this.clock = clock;
        this.config = config;
        this.links = links;
        this.formats = formats;
        this.renderer = renderer;
        this.transport = transport;
    }

    /**
     * A new invitation gets its mail (after the shop's delay) and one reminder; one whose link the
     * shop hands out itself gets neither.
     */
    void onInvitationIssued(@Observes InvitationIssued issued) {
        Invitation invitation = Invitation.findById(issued.invitationId());
        if (invitation.linkIsTheShops()) {
            return;
        }
        Shop shop = invitation.shop();
        Instant now = clock.instant();
        OutgoingMail.schedule(MailKind.INVITATION, shop.id(), invitation.id(), invitation.email(), invitation.locale(),
                invitation.sendAt(), now).persist();
        Duration reminderAfter = shop.reminderAfterDays() != null ? Duration.ofDays(shop.reminderAfterDays()) : config.mail().reminderAfter();
        if (!reminderAfter.isZero()) {
            OutgoingMail.schedule(MailKind.REMINDER, shop.id(), invitation.id(), invitation.email(), invitation.locale(),
                    invitation.sendAt().plus(reminderAfter), now).persist();
        }
    }

    /**
     * What a change of a review tells whom: its author gets their edit link when they wrote it and a
     * notice of every later change (their own, or moderation's); the customer hears of the shop's
     * first response; the shop hears of a negative review at once. A withdrawn review's author is
     * erased, mails included.
     */
    void onReviewChanged(@Observes ReviewChanged change) {
        Review review = Review.findById(change.reviewId());
        Invitation invitation = review.invitation();
        switch (change.change()) {
            case WRITTEN -> {
                toAuthor(MailKind.AUTHOR_LINK, review);
                Shop shop = review.shop();
                if (review.isNegative() && shop.contactEmail() != null) {
                    scheduleOnce(MailKind.NEGATIVE_ALERT, shop, invitation, shop.contactEmail(), shop.locale());
                }
            }
            case UPDATED -> toAuthor(MailKind.AUTHOR_UPDATED, review);
            case PUBLISHED -> toAuthor(MailKind.AUTHOR_PUBLISHED, review);
            case REMOVED -> toAuthor(MailKind.AUTHOR_REMOVED, review);
            case RESPONDED -> scheduleOnce(MailKind.RESPONSE_NOTICE, review.shop(), invitation, invitation.email(), invitation.locale());
            case WITHDRAWN -> OutgoingMail.eraseFor(invitation.id());
            case RESPONSE_CHANGED -> {
                // a changed response sends no second notice
            }
        }
    }

    private void toAuthor(MailKind kind, Review review) {
        Invitation invitation = review.invitation();
        OutgoingMail.aboutReview(kind, review.shop().id(), invitation.id(), review.id(), invitation.email(), invitation.locale(),
                clock.instant()).persist();
    }

    private void scheduleOnce(MailKind kind, Shop shop, Invitation invitation, String recipient, String locale) {
        if (OutgoingMail.count("invitationId = ?1 and kind = ?2", invitation.id(), kind) == 0) {
            Instant now = clock.instant();
            OutgoingMail.schedule(kind, shop.id(), invitation.id(), recipient, locale, now, now).persist();
        }
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

    @Override
    public void record(OutgoingMail mail, Optional<SendFailure> result) {
        result.ifPresentOrElse(failure -> {
            LOG.warnf("Mail %d could not be sent%s: %s", mail.id(), failure.permanent() ? " and never will be" : "", failure.reason());
            mail.failed(failure, clock.instant(), config.mail().backoff(), config.mail().maxAttempts());
        }, () -> mail.sent(clock.instant()));
    }

    /** The message for a claimed mail, or empty after marking it skipped because it is no longer wanted. */
    @Override
    public Optional<Mail> prepare(OutgoingMail mail) {
        Invitation invitation = Invitation.findById(mail.invitationId());
        Shop shop = invitation.shop();
        Instant now = clock.instant();
        String lang = mail.locale();
        Messages text = MailRenderer.messages(lang);
        String greeting = invitation.customerName() == null ? text.mailGreeting() : text.mailGreetingNamed(invitation.customerName());
        String unsubscribe = links.reviewForm(invitation.token()) + "/unsubscribe";
        if (mail.kind() != MailKind.NEGATIVE_ALERT && !mail.kind().isAboutTheAuthorsReview() && OptOut.applies(shop.id(), mail.recipient())) {
            mail.skip("opted out");
            return Optional.empty();
        }
        switch (mail.kind()) {
            case INVITATION, REMINDER -> {
                InvitationState state = invitation.state(now);
                if (state != InvitationState.PENDING) {
                    mail.skip(state == InvitationState.REVIEWED ? "already reviewed" : "invitation expired");
                    return Optional.empty();
                }
                return Optional.of(renderer.invitation(mail.recipient(), lang, new MailRenderer.InvitationMail(greeting, shop.name(),
                        invitation.orderRef(), links.reviewForm(invitation.token()), formats.date(invitation.expiresAt(), lang),
                        unsubscribe, mail.kind() == MailKind.REMINDER), shop.contactEmail()));
            }
            case RESPONSE_NOTICE -> {
                Review review = Review.find("invitation", invitation).firstResult();
                if (review == null || review.responseText() == null || review.status() == ReviewStatus.REMOVED) {
                    mail.skip("no response to tell about");
                    return Optional.empty();
                }
                return Optional.of(renderer.response(mail.recipient(), lang, new MailRenderer.ResponseMail(greeting, shop.name(),
                        formats.date(review.createdAt(), lang), review.text(), review.responseText(),
                        links.reviewForm(invitation.token()), unsubscribe), shop.contactEmail()));
            }
            case NEGATIVE_ALERT -> {
                Review review = Review.find("invitation", invitation).firstResult();
                if (review == null) {
                    mail.skip("no review");
                    return Optional.empty();
                }
                return Optional.of(renderer.negative(mail.recipient(), lang, new MailRenderer.NegativeMail(shop.name(), review.score(),
                        invitation.orderRef(), review.title(), review.text(), review.status() == ReviewStatus.PENDING,
                        links.shopPage(shop.slug()))));
            }
            case AUTHOR_LINK, AUTHOR_UPDATED, AUTHOR_PUBLISHED, AUTHOR_REMOVED -> {
                Review review = Review.findById(mail.reviewId());
                if (review == null || review.status() == ReviewStatus.WITHDRAWN) {
                    mail.skip("review withdrawn");
                    return Optional.empty();
                }
                return Optional.of(renderer.author(mail.recipient(), lang, new MailRenderer.AuthorMail(mail.kind(), greeting, shop.name(),
                        formats.date(review.createdAt(), lang), review.score(), review.title(), review.text(),
                        review.status() == ReviewStatus.PENDING, review.heldForContent(),
                        editLinks.url(review.id()), formats.date(review.createdAt().plus(config.reviews().updateWindow()), lang),
                        review.removalReason(), links.shopPage(shop.slug()))));
            }
            default -> throw new IllegalStateException("Unknown mail kind " + mail.kind());
        }
    }

    /** The invitation mail and reminder of each invitation, for the shop's listing. */
    @Transactional
    public Map<Long, Map<MailKind, MailStatus>> statusOf(List<Long> invitationIds) {
        return OutgoingMail.ofInvitations(invitationIds).stream()
                .filter(mail -> mail.kind() == MailKind.INVITATION || mail.kind() == MailKind.REMINDER)
                .collect(Collectors.groupingBy(OutgoingMail::invitationId,
                        Collectors.toMap(OutgoingMail::kind, MailStatus::of)));
    }

    /** The customer of this invitation wants no more mail from its shop. Idempotent. */
    @Transactional
    public Optional<Unsubscribed> unsubscribe(String token) {
        return Invitation.findByToken(token).map(invitation -> {
            Shop shop = invitation.shop();
            OptOut.record(shop.id(), invitation.email(), clock.instant());
            OutgoingMail.skipFor(shop.id(), OptOut.normalize(invitation.email()));
            return new Unsubscribed(shop.name(), invitation.email(), invitation.locale());
        });
    }

    /** The customer of this invitation wants no mail from this service for any shop. Idempotent. */
    @Transactional
    public Optional<Unsubscribed> unsubscribeEverywhere(String token) {
        return Invitation.findByToken(token).map(invitation -> {
            OptOutEverywhere.record(invitation.email(), clock.instant());
            OutgoingMail.skipEverywhere(OptOut.normalize(invitation.email()));
            return new Unsubscribed(invitation.shop().name(), invitation.email(), invitation.locale());
        });
    }

    /** Who asked, for the confirmation page. */
    @Transactional
    public Optional<Unsubscribed> subscriber(String token) {
        return Invitation.findByToken(token)
                .map(invitation -> new Unsubscribed(invitation.shop().name(), invitation.email(), invitation.locale()));
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

    /** The shop and address of an unsubscribe link. */
    public record Unsubscribed(String shopName, String email, String locale) {

        /** j***@example.nl: enough for the customer to recognise, not enough for whoever sees the screen. */
        public String maskedEmail() {
            int at = email.indexOf('@');
            return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
        }
    }
}
