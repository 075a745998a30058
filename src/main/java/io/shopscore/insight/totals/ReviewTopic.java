package io.shopscore.insight.totals;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.shopscore.insight.classify.Topic;

/** One complaint topic of one published review, so that drill-down lists find a shop's reviews by topic through an index. */
@Entity
@Table(name = "review_topic")
@IdClass(ReviewTopic.Key.class)
public class ReviewTopic extends PanacheEntityBase {

    @Id
    private Long reviewId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 24)
    private Topic topic;

    @Column(nullable = false)
    private Long shopId;

    @Column(nullable = false)
    private Instant createdAt;

    protected ReviewTopic() {
    }

    static ReviewTopic of(long reviewId, Topic topic, long shopId, Instant createdAt) {
        ReviewTopic row = new ReviewTopic();
        row.reviewId = reviewId;
        row.topic = topic;
        row.shopId = shopId;
        row.createdAt = createdAt;
        return row;
    }

    /** The primary key: one row per review and topic. */
    public record Key(Long reviewId, Topic topic) implements Serializable {
    }
}
