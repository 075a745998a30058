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

/** A shop's link to one platform: the secret its webhooks are signed with (sealed) and the status that invites. */
@Entity
@Table(name = "connector")
class Connector extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "connector_seq")
    @SequenceGenerator(name = "connector_seq", sequenceName = "connector_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long shopId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Platform platform;

    /** The platform's signing secret as ConnectorSecrets sealed it: never the plain secret. */
    @Column(nullable = false, length = 600)
    private String secret;

    @Column(nullable = false, length = 50)
    private String inviteOn;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    protected Connector() {
    }

    static Connector create(long shopId, Platform platform, String sealedSecret, String inviteOn, Instant now) {
        Connector connector = new Connector();
        connector.shopId = shopId;
        connector.platform = platform;
        connector.secret = sealedSecret;
        connector.inviteOn = inviteOn;
        connector.createdAt = now;
        connector.updatedAt = now;
        return connector;
    }

    /** A new secret (the shop made a new webhook) or a new status to invite on. */
    void change(String sealedSecret, String inviteOn, Instant now) {
        this.secret = sealedSecret;
        this.inviteOn = inviteOn;
        this.updatedAt = now;
    }

    static Optional<Connector> find(long shopId, Platform platform) {
        return find("shopId = ?1 and platform = ?2", shopId, platform).firstResultOptional();
    }

    Platform platform() {
        return platform;
    }

    String sealedSecret() {
        return secret;
    }

    String inviteOn() {
        return inviteOn;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
