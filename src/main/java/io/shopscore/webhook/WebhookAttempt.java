package io.shopscore.webhook;

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

/** One try to deliver a webhook event: the log the shop reads when its endpoint misbehaved. */
@Entity
@Table(name = "webhook_attempt")
@IdClass(WebhookAttempt.Key.class)
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    private Long deliveryId;

    @Id
    private int attempt;

    @Column(nullable = false)
    private Instant attemptedAt;

    private Integer statusCode;

    @Column(length = 500)
    private String error;

    @Column(nullable = false)
    private int durationMs;

    protected WebhookAttempt() {
    }

    static void log(long deliveryId, int attempt, Instant at, Integer statusCode, String error, long durationMs) {
        WebhookAttempt entry = new WebhookAttempt();
        entry.deliveryId = deliveryId;
        entry.attempt = attempt;
        entry.attemptedAt = at;
        entry.statusCode = statusCode;
        entry.error = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        entry.durationMs = (int) Math.min(durationMs, Integer.MAX_VALUE);
        entry.persist();
    }

    static List<WebhookAttempt> of(List<Long> deliveryIds) {
        return deliveryIds.isEmpty() ? List.of() : list("deliveryId in ?1", Sort.ascending("deliveryId", "attempt"), deliveryIds);
    }

    Long deliveryId() {
        return deliveryId;
    }

    /** One attempt as the shop sees it. */
    public record View(int attempt, Instant at, Integer status, String error, int durationMs) {
    }

    View view() {
        return new View(attempt, attemptedAt, statusCode, error, durationMs);
    }

    /** The primary key: one row per delivery and attempt. */
    public record Key(Long deliveryId, int attempt) implements Serializable {
    }
}
