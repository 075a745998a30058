package io.shopscore.review;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** An earlier text of a review, kept when its author changed it. Never changed itself. */
@Entity
@Table(name = "review_version")
@IdClass(ReviewVersion.Key.class)
public class ReviewVersion extends PanacheEntityBase {

    @Id
    private Long reviewId;

    @Id
    private int version;

    @Column(nullable = false)
    private int score;

    @Column(length = 200)
    private String title;

    @Column(name = "body", nullable = false, length = ReviewSubmission.MAX_TEXT)
    private String text;

    @Column(length = 60)
    private String displayName;

    private Boolean recommend;

    @Column(nullable = false)
    private Instant writtenAt;

    @Column(nullable = false)
    private Instant replacedAt;

    protected ReviewVersion() {
    }

    static ReviewVersion of(Review review, Instant replacedAt) {
        ReviewVersion kept = new ReviewVersion();
        kept.reviewId = review.id();
        kept.version = review.version();
        kept.score = review.grade().value();
        kept.title = review.title();
        kept.text = review.text();
        kept.displayName = review.displayName();
        kept.recommend = review.recommend();
        kept.writtenAt = review.updatedAt() != null ? review.updatedAt() : review.createdAt();
        kept.replacedAt = replacedAt;
        return kept;
    }

    static List<ReviewVersion> of(long reviewId) {
        return list("reviewId", Sort.ascending("version"), reviewId);
    }

    /** Forgets every earlier text of a review (its author withdrew it). */
    static void eraseFor(long reviewId) {
        delete("reviewId", reviewId);
    }

    /** One earlier version as JSON. */
    public record View(int version, int score, String title, String text, String displayName, Boolean recommend,
            Instant writtenAt, Instant replacedAt) {
    }

    View view() {
        return new View(version, score, title, text, displayName, recommend, writtenAt, replacedAt);
    }

    /** The primary key: one row per review and version. */
    public record Key(Long reviewId, int version) implements Serializable {
    }
}
