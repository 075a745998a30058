package io.shopscore.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A single-use sign-in link mailed to a member. Only the digest of its token is stored. */
@Entity
@Table(name = "sign_in_link")
public class SignInLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sign_in_link_seq")
    @SequenceGenerator(name = "sign_in_link_seq", sequenceName = "sign_in_link_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long shopId;

    @Column(nullable = false, updatable = false, length = 254)
    private String email;

    /** Filled in right after the id is known, as the token is derived from it. */
    @Column(nullable = false, length = 64)
    private String tokenHash;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false, updatable = false)
    private Instant expiresAt;

    private Instant usedAt;

    protected SignInLink() {
    }

    static SignInLink issue(long shopId, String email, Instant now, Duration validFor) {
        SignInLink link = new SignInLink();
        link.shopId = shopId;
        link.email = email;
        link.tokenHash = "pending";
        link.createdAt = now;
        link.expiresAt = now.plus(validFor);
        return link;
    }

    void tokenHash(String tokenHash) {
        this.tokenHash = tokenHash;
    }

    /** The link with this token digest, locked so that two clicks at once cannot both use it. */
    static Optional<SignInLink> forUpdate(String tokenHash) {
        return find("tokenHash", tokenHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    static Optional<SignInLink> byTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    /** Deletes the links that expired before the given time (used or not: a link is used before it expires). */
    static long deleteExpiredBefore(Instant before) {
        return delete("expiresAt < ?1", before);
    }

    boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Spends the link; false (and nothing changes) when it was used before or has expired. */
    boolean use(Instant now) {
        if (!usable(now)) {
            return false;
        }
        usedAt = now;
        return true;
    }

    public Long id() {
        return id;
    }

    public Long shopId() {
        return shopId;
    }

    public String email() {
        return email;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
