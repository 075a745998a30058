package io.shopscore.connector;

import java.time.Instant;
import java.util.Optional;

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

/**
 * A platform order that made an invitation. Only orders that invited are recorded, so a delivery
 * that did not invite (status not reached yet) never blocks a later one that should; the unique key
 * on (shop, platform, order) keeps it to one row however the deliveries race.
 */
@Entity
@Table(name = "connector_order")
class ConnectorOrder extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "connector_order_seq")
    @SequenceGenerator(name = "connector_order_seq", sequenceName = "connector_order_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long shopId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Platform platform;

    @Column(nullable = false, updatable = false, length = 40)
    private String orderId;

    @Column(nullable = false, updatable = false)
    private Long invitationId;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    protected ConnectorOrder() {
    }

    static ConnectorOrder of(long shopId, Platform platform, String orderId, long invitationId, Instant now) {
        ConnectorOrder order = new ConnectorOrder();
        order.shopId = shopId;
        order.platform = platform;
        order.orderId = orderId;
        order.invitationId = invitationId;
        order.createdAt = now;
        return order;
    }

    static Optional<ConnectorOrder> find(long shopId, Platform platform, String orderId) {
        return find("shopId = ?1 and platform = ?2 and orderId = ?3", shopId, platform, orderId).firstResultOptional();
    }

    Long invitationId() {
        return invitationId;
    }
}
