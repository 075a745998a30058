package io.shopscore.webhook;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.panache.common.Sort;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.shopscore.persistence.OutboxEntry;

/**
 * One event to deliver to a shop's webhook. The payload is fixed when the event happens, so the
 * shop receives each state of the review in order, however late a retry is.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends OutboxEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_delivery_seq")
    @SequenceGenerator(name = "webhook_delivery_seq", sequenceName = "webhook_delivery_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private Long shopId;

    /** Sent as Shopscore-Event-Id, so the shop can ignore a repeat. */
    @Column(nullable = false, length = 40)
    private String eventId;

    @Column(nullable = false, length = 32)
    private String eventType;

    @Column(nullable = false)
    private Long reviewId;

    @Column(nullable = false, length = 65535)
    private String payload;

    private Integer lastStatus;

    private Instant deliveredAt;

    protected WebhookDelivery() {
    }

    static WebhookDelivery of(long shopId, String eventId, String eventType, long reviewId, String payload, Instant now) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.shopId = shopId;
        delivery.eventId = eventId;
        delivery.eventType = eventType;
        delivery.reviewId = reviewId;
        delivery.payload = payload;
        delivery.start(now, now);
        return delivery;
    }

    static PanacheQuery<WebhookDelivery> ofShop(long shopId) {
        return find("shopId", Sort.descending("createdAt", "id"), shopId);
    }

    /** A delivery whose time has come, and the shop whose receiver it goes to. */
    record Due(long id, long shopId) {
    }

    /** Deliveries whose time has come, or whose claim expired, oldest first; none of the shops in {@code except}. */
    static List<Due> due(Instant now, int limit, Collection<Long> except) {
        var query = dueQuery(WebhookDelivery.class, "e.id, e.shopId", except.isEmpty() ? "" : "and e.shopId not in :except",
                Object[].class, now);
        if (!except.isEmpty()) {
            query.setParameter("except", except);
        }
        return query.setMaxResults(limit).getResultList().stream().map(row -> new Due((Long) row[0], (Long) row[1])).toList();
    }

    void delivered(int status, Instant now) {
        done();
        lastStatus = status;
        deliveredAt = now;
    }

    void answered(int status) {
        lastStatus = status;
    }

    @Override
    public Long id() {
        return id;
    }

    Long shopId() {
        return shopId;
    }

    String eventId() {
        return eventId;
    }

    String eventType() {
        return eventType;
    }

    Long reviewId() {
        return reviewId;
    }

    String payload() {
        return payload;
    }

    Integer lastStatus() {
        return lastStatus;
    }

    Instant deliveredAt() {
        return deliveredAt;
    }
}
