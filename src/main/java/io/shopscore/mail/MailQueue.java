package io.shopscore.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Puts mails in the outbox, in the transaction of the change that makes them necessary, so none is
 * forgotten if the process dies; the outbox relay sends them after commit. It knows invitations and
 * reviews only by their ids: the use cases that change them (InvitationService, ReviewChanges)
 * decide which mail goes to whom, and the mail is rendered from the current state when it is sent.
 */
@ApplicationScoped
public class MailQueue {

    /** Who a mail about one invitation (and its review) goes to, in which language. */
    public record Addressee(long shopId, long invitationId, String email, String locale) {
    }

    private final Clock clock;

    public MailQueue(Clock clock) {
        this.clock = clock;
    }

    /** The invitation mail at {@code sendAt}, and its one reminder that much later (zero: no reminder). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void invitation(Addressee to, Instant sendAt, Duration reminderAfter) {
        Instant now = clock.instant();
        OutgoingMail.schedule(MailKind.INVITATION, to.shopId(), to.invitationId(), to.email(), to.locale(), sendAt, now).persist();
        if (!reminderAfter.isZero()) {
            OutgoingMail.schedule(MailKind.REMINDER, to.shopId(), to.invitationId(), to.email(), to.locale(), sendAt.plus(reminderAfter), now)
                    .persist();
        }
    }

    /** A mail to a review's author about their review, due now; every change gets its own. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void toAuthor(MailKind kind, Addressee author, long reviewId) {
        OutgoingMail.aboutReview(kind, author.shopId(), author.invitationId(), reviewId, author.email(), author.locale(), clock.instant())
                .persist();
    }

    /** A mail of this kind about the invitation, due now, unless one was queued before (a second response sends no second notice). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void once(MailKind kind, Addressee to) {
        if (OutgoingMail.count("invitationId = ?1 and kind = ?2", to.invitationId(), kind) == 0) {
            Instant now = clock.instant();
            OutgoingMail.schedule(kind, to.shopId(), to.invitationId(), to.email(), to.locale(), now, now).persist();
        }
    }

    /** A mail to a shop's member (a sign-in link, news of their membership), due now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void toShopMember(MailKind kind, long shopId, long subjectId, String email, String locale) {
        OutgoingMail.toShopMember(kind, shopId, subjectId, email, locale, clock.instant()).persist();
    }

    /** Erases every mail to or about the customer of this invitation, sent or not: they withdrew their review. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(long invitationId) {
        OutgoingMail.eraseFor(invitationId);
    }

    /** This address wants no more review mails from this shop: the waiting ones are skipped, later ones too. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void optOut(long shopId, String email, Instant now) {
        OptOut.record(shopId, email, now);
        OutgoingMail.skipFor(shopId, OptOut.normalize(email));
    }

    /** This address wants no mail from this service for any shop. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void optOutEverywhere(String email, Instant now) {
        OptOutEverywhere.record(email, now);
        OutgoingMail.skipEverywhere(OptOut.normalize(email));
    }

    /** The invitation mail and reminder of each invitation, for the shop's listing. */
    @Transactional
    public Map<Long, Map<MailKind, MailStatus>> statusOf(List<Long> invitationIds) {
        return OutgoingMail.ofInvitations(invitationIds).stream()
                .filter(mail -> mail.kind() == MailKind.INVITATION || mail.kind() == MailKind.REMINDER)
                .collect(Collectors.groupingBy(OutgoingMail::invitationId,
                        Collectors.toMap(OutgoingMail::kind, MailStatus::of)));
    }
}
