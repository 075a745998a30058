package io.shopscore.moderation;

import java.time.Instant;
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

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.shopscore.review.RemovalCategory;

/**
 * Anyone's notice that a published review should not be there (DSA article 16). It waits in the
 * moderation queue until the operator decides about the review. The notifier's address, if given,
 * is for the operator only.
 */
@Entity
@Table(name = "review_notice")
public class ReviewNotice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_notice_seq")
    @SequenceGenerator(name = "review_notice_seq", sequenceName = "review_notice_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long reviewId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private RemovalCategory reason;

    @Column(nullable = false, updatable = false, length = CreateNotice.MAX_EXPLANATION)
    private String explanation;

    @Column(updatable = false, length = 254)
    private String email;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private Instant resolvedAt;

    /** Null while open. */
    @Enumerated(EnumType.STRING)
    @Column(length = 12)
    private Outcome outcome;

    protected ReviewNotice() {
    }

    static ReviewNotice open(long reviewId, CreateNotice request, Instant now) {
        ReviewNotice notice = new ReviewNotice();
        notice.reviewId = reviewId;
        notice.reason = request.reason();
        notice.explanation = request.explanation();
        notice.email = request.email();
        notice.createdAt = now;
        return notice;
    }

    /** Forgets who sent notices from this address (an erasure); the notices themselves stay for the record. */
    public static int forgetNotifier(String normalizedEmail) {
        return update("email = null where lower(email) = ?1", normalizedEmail);
    }

    static List<ReviewNotice> openFor(long reviewId) {
        return list("reviewId = ?1 and resolvedAt is null", Sort.ascending("createdAt", "id"), reviewId);
    }

    static List<ReviewNotice> openFor(List<Long> reviewIds) {
        return reviewIds.isEmpty() ? List.of()
                : list("reviewId in ?1 and resolvedAt is null", Sort.ascending("createdAt", "id"), reviewIds);
    }

    void resolve(Outcome outcome, Instant now) {
        this.outcome = outcome;
        resolvedAt = now;
    }

    Long id() {
        return id;
    }

    Long reviewId() {
        return reviewId;
    }

    RemovalCategory reason() {
        return reason;
    }

    /** What the notifier is told: the notice was received and waits for the operator. Never their address. */
    @Schema(name = "NoticeReceipt")
    public record Receipt(
            @Schema(description = "The notice's number, to quote when asking about it", examples = "151") long id,
            @Schema(examples = "4711") long reviewId,
            @Schema(enumeration = { "illegal", "personal_data", "not_a_customer", "fake", "offensive", "other" }) RemovalCategory reason,
            @Schema(description = "open: waiting for the operator's decision", enumeration = { "open" }) String state,
            Instant createdAt) {
    }

    Receipt receipt() {
        return new Receipt(id, reviewId, reason, "open", createdAt);
    }

    /** A notice as the operator sees it in the queue, with the notifier's address to tell them the decision. */
    @Schema(name = "ModerationNotice")
    public record View(
            long id,
            @Schema(enumeration = { "illegal", "personal_data", "not_a_customer", "fake", "offensive", "other" }) RemovalCategory reason,
            String explanation,
            @Schema(description = "Whether the notifier left an address to hear the decision") boolean emailGiven,
            @Schema(description = "The notifier's address; for the operator only", nullable = true) String email,
            Instant createdAt) {
    }

    View view() {
        return new View(id, reason, explanation, email != null, email, createdAt);
    }
}
