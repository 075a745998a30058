package io.shopscore.review;

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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** One line of a review's audit trail: who did what, when and why. Only ever added, never changed. */
@Entity
@Table(name = "moderation_event")
public class ModerationEvent extends PanacheEntityBase {

    /** What happened to the review. */
    public enum Action {
        HELD, REPORTED, NOTICED, PUBLISHED, REMOVED,
        /** The operator looked at a reported or noticed review and left it up. */
        KEPT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "moderation_event_seq")
    @SequenceGenerator(name = "moderation_event_seq", sequenceName = "moderation_event_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private Long reviewId;

    /** "system", "operator", "shop:<slug>" or "notice" (anyone; never their address). */
    @Column(nullable = false, length = 80)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Action action;

    @Column(length = REASON_LENGTH)
    private String reason;

    @Column(nullable = false)
    private Instant createdAt;

    private static final int REASON_LENGTH = 1000;

    protected ModerationEvent() {
    }

    public static void record(long reviewId, String actor, Action action, String reason, Instant now) {
        ModerationEvent event = new ModerationEvent();
        event.reviewId = reviewId;
        event.actor = actor;
        event.action = action;
        event.reason = fitted(reason);
        event.createdAt = now;
        event.persist();
    }

    /**
     * The reason cut to its column, by whole code points. It quotes what others wrote (a report's
     * comment after its reason code) and may be longer than that; the full text stays where it
     * belongs (the report).
     */
    private static String fitted(String reason) {
        if (reason == null || reason.length() <= REASON_LENGTH) {
            return reason;
        }
        int end = REASON_LENGTH - 1;
        if (Character.isHighSurrogate(reason.charAt(end - 1))) {
            end--;
        }
        return reason.substring(0, end) + "…";
    }

    public static List<ModerationEvent> of(long reviewId) {
        return list("reviewId", Sort.ascending("createdAt", "id"), reviewId);
    }

    /** One line of the audit trail. */
    public record View(String actor, String action, String reason, Instant at) {
    }

    public View view() {
        return new View(actor, action.name().toLowerCase(), reason, createdAt);
    }
}
