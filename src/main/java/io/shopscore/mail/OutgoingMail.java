package io.shopscore.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.panache.common.Parameters;
import io.shopscore.persistence.OutboxEntry;
import io.shopscore.persistence.OutboxState;

/** One mail in the outbox: written when it becomes necessary, sent by whichever instance claims it. */
@Entity
@Table(name = "mail")
public class OutgoingMail extends OutboxEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_seq")
    @SequenceGenerator(name = "mail_seq", sequenceName = "mail_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private MailKind kind;

    @Column(nullable = false)
    private Long shopId;

    /** The invitation a mail to or about a customer is about; null for the mails to a shop's members. */
    private Long invitationId;

    /** What a mail to a shop's member is about (its sign-in link, its membership); null for the other mails. */
    private Long subjectId;

    /** The review a mail to its author is about; null for the other mails. */
    private Long reviewId;

    /** 0, or for a mail to a review's author, which one of its kind (every change of the review is told). */
    @Column(nullable = false)
    private int noticeNo;

    @Column(nullable = false, length = 254)
    private String recipient;

    @Column(nullable = false, length = 8)
    private String locale;

    @Column(nullable = false)
    private Instant dueAt;

    private Instant sentAt;

    protected OutgoingMail() {
    }

    /** A mail to a review's author about that review, due now. */
    static OutgoingMail aboutReview(MailKind kind, long shopId, long invitationId, long reviewId, String recipient, String locale,
            Instant now) {
        OutgoingMail mail = schedule(kind, shopId, invitationId, recipient, locale, now, now);
        mail.reviewId = reviewId;
        // A review is written once (no query in the group commit); its later changes happen one after
        // another under its row lock, so counting them is safe.
        mail.noticeNo = kind == MailKind.AUTHOR_LINK ? 1 : 1 + (int) count("invitationId = ?1 and kind = ?2", invitationId, kind);
        return mail;
    }

    /** A mail to one of the shop's members about a sign-in link or a membership, due now. */
    static OutgoingMail toShopMember(MailKind kind, long shopId, long subjectId, String recipient, String locale, Instant now) {
        OutgoingMail mail = new OutgoingMail();
        mail.kind = kind;
        mail.shopId = shopId;
        mail.subjectId = subjectId;
        mail.recipient = recipient;
        mail.locale = locale;
        mail.dueAt = now;
        mail.start(now, now);
        return mail;
    }

    /** Erases every mail to or about the customer of an invitation, sent or not: they withdrew their review. */
    static long eraseFor(long invitationId) {
        return delete("invitationId", invitationId);
    }

    static OutgoingMail schedule(MailKind kind, long shopId, long invitationId, String recipient, String locale, Instant dueAt, Instant now) {
        OutgoingMail mail = new OutgoingMail();
        mail.kind = kind;
        mail.shopId = shopId;
        mail.invitationId = invitationId;
        mail.recipient = recipient;
        mail.locale = locale;
        mail.dueAt = dueAt;
        mail.start(dueAt, now);
        return mail;
    }

    static List<OutgoingMail> ofInvitations(List<Long> invitationIds) {
        return invitationIds.isEmpty() ? List.of() : list("invitationId in ?1", invitationIds);
    }

    /** Skips every mail still waiting for this address from this shop that an opt-out stops ({@link MailKind#followsOptOuts}). */
    static int skipFor(long shopId, String normalizedEmail) {
        return update("state = :skipped, lastError = 'opted out' where shopId = :shop and lower(recipient) = :email and state = :pending "
                + "and kind in :stopped", Parameters.with("skipped", OutboxState.SKIPPED).and("shop", shopId).and("email", normalizedEmail)
                        .and("pending", OutboxState.PENDING).and("stopped", MailKind.stoppedByOptOuts()));
    }

    /** A failed send: given up at once when retrying cannot help, else retried with backoff. */
    void failed(SendFailure failure, Instant now, List<Duration> backoff, int maxAttempts) {
        if (failure.permanent()) {
            failedForGood(failure.reason());
        } else {
            failed(failure.reason(), now, backoff, maxAttempts);
        }
    }

    /** Every shop's pending mails to the address that an opt-out stops (the address may be a shop's, or an author's, too). */
    static int skipEverywhere(String normalizedEmail) {
        return update("state = :skipped, lastError = 'opted out' where lower(recipient) = :email and state = :pending and kind in :stopped",
                Parameters.with("skipped", OutboxState.SKIPPED).and("email", normalizedEmail)
                        .and("pending", OutboxState.PENDING).and("stopped", MailKind.stoppedByOptOuts()));
    }

    void sent(Instant now) {
        done();
        sentAt = now;
    }

    /**
     * {@link #sent} for many mails in one statement (done, released, sent now), for mails the claim
     * {@code token} holds; none of them may be loaded in this transaction. Fenced by the claim
     * itself, like every outcome: a mail another sender took over is left alone.
     */
    static int sentAll(Collection<Long> ids, String token, Instant now) {
        return update("state = :done, claimToken = null, claimedUntil = null, lastError = null, sentAt = :now "
                + "where id in :ids and claimToken = :token and state = :sending", Parameters.with("done", OutboxState.DONE).and("now", now)
                        .and("ids", ids).and("token", token).and("sending", OutboxState.SENDING));
    }

    @Override
    public Long id() {
        return id;
    }

    public MailKind kind() {
        return kind;
    }

    public Long shopId() {
        return shopId;
    }

    public Long reviewId() {
        return reviewId;
    }

    public Long subjectId() {
        return subjectId;
    }

    public Long invitationId() {
        return invitationId;
    }

    public String recipient() {
        return recipient;
    }

    public String locale() {
        return locale;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
