package io.shopscore.webhook;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A shop's endpoint for review events, with the secret its deliveries are signed with. */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private Long shopId;

    @Column(nullable = false, length = 2048)
    private String url;

    /** Shared with the shop once, to verify signatures: "whsec_" and 256 random bits in hex. */
    @Column(nullable = false, length = 80)
    private String secret;

    @Column(nullable = false)
    private Instant createdAt;

    protected Webhook() {
    }

    static Webhook create(long shopId, String url, Instant now) {
        Webhook webhook = new Webhook();
        webhook.shopId = shopId;
        webhook.url = url;
        webhook.secret = newSecret();
        webhook.createdAt = now;
        return webhook;
    }

    /** Points the webhook elsewhere; the secret stays, so the shop's verification keeps working. */
    void moveTo(String url) {
        this.url = url;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    Long shopId() {
        return shopId;
    }

    String url() {
        return url;
    }

    String secret() {
        return secret;
    }

    Instant createdAt() {
        return createdAt;
    }
}
