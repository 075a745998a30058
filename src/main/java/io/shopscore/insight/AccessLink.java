package io.shopscore.insight;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.shopscore.shop.ApiKeys;

/**
 * A short-lived link to a shop's insights page: browsers cannot send the shop's API key, and the key
 * must never sit in a URL. Only the link token's digest is stored, like API keys.
 */
@Entity
@Table(name = "access_link")
public class AccessLink extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    private String tokenHash;

    @Column(nullable = false)
    private Long shopId;

    @Column(nullable = false)
    private Instant expiresAt;

    protected AccessLink() {
    }

    static AccessLink issue(String token, long shopId, Instant expiresAt) {
        AccessLink link = new AccessLink();
        link.tokenHash = ApiKeys.hash(token);
        link.shopId = shopId;
        link.expiresAt = expiresAt;
        return link;
    }

    /** The shop of a link that has not expired. */
    static Optional<Long> shopOf(String token, Instant now) {
        AccessLink link = findById(ApiKeys.hash(token));
        return link == null || !now.isBefore(link.expiresAt) ? Optional.empty() : Optional.of(link.shopId);
    }

    static long deleteExpired(Instant now) {
        return delete("expiresAt <= ?1", now);
    }
}
