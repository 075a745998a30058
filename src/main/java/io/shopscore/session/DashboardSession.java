package io.shopscore.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A signed-in browser, by the digest of its session id; ended by signing out, idling or age. */
@Entity
@Table(name = "dashboard_session")
public class DashboardSession extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    private String idHash;

    @Column(nullable = false, updatable = false)
    private Long shopId;

    @Column(nullable = false, updatable = false, length = 254)
    private String member;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant lastSeenAt;

    @Column(nullable = false, updatable = false)
    private Instant expiresAt;

    private Instant endedAt;

    /** For a sign-in with the shop's API key: the digest of that key's hash; null for a member. */
    @Column(length = 64, updatable = false)
    private String apiKeyDigest;

    protected DashboardSession() {
    }

    static DashboardSession open(String idHash, long shopId, String member, String apiKeyDigest, Instant now, Duration maxAge) {
        DashboardSession session = new DashboardSession();
        session.apiKeyDigest = apiKeyDigest;
        session.idHash = idHash;
        session.shopId = shopId;
        session.member = member;
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(maxAge);
        return session;
    }

    static Optional<DashboardSession> byIdHash(String idHash) {
        return findByIdOptional(idHash);
    }

    /** Whether it still opens the dashboard: not ended, not past its age, not idle too long. */
    boolean live(Instant now, Duration idle) {
        return endedAt == null && now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idle));
    }

    /** Notes activity, at most once a minute, so that reading pages does not write on every request. */
    void seen(Instant now) {
        if (now.isAfter(lastSeenAt.plusSeconds(60))) {
            lastSeenAt = now;
        }
    }

    String apiKeyDigest() {
        return apiKeyDigest;
    }

    void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }

    /** Ends every open session of this member on this shop (signing out everywhere). */
    static int endAll(long shopId, String member, Instant now) {
        return update("endedAt = ?1 where shopId = ?2 and member = ?3 and endedAt is null", now, shopId, member);
    }

    /** Deletes the sessions that ended or expired before the given time. */
    static long deleteEndedBefore(Instant before) {
        return delete("expiresAt < ?1 or endedAt < ?1", before);
    }

    public Long shopId() {
        return shopId;
    }

    public String member() {
        return member;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
