package io.shopscore.operator;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A browser signed in to the operator console, by the digest of its session id; ended by signing out, idling or age. */
@Entity
@Table(name = "operator_session")
public class OperatorSession extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    private String idHash;

    /** The name the operator gave at sign-in; the audit trail says who did what with it. */
    @Column(nullable = false, updatable = false, length = OperatorSignIn.MAX_NAME)
    private String operator;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant lastSeenAt;

    @Column(nullable = false, updatable = false)
    private Instant expiresAt;

    private Instant endedAt;

    @Column(nullable = false, updatable = false, length = 64)
    private String tokenDigest;

    protected OperatorSession() {
    }

    static OperatorSession open(String idHash, String operator, String tokenDigest, Instant now, Duration maxAge) {
        OperatorSession session = new OperatorSession();
        session.idHash = idHash;
        session.operator = operator;
        session.tokenDigest = tokenDigest;
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(maxAge);
        return session;
    }

    static Optional<OperatorSession> byIdHash(String idHash) {
        return findByIdOptional(idHash);
    }

    /** Whether it still opens the console: not ended, not past its age, not idle too long. */
    boolean live(Instant now, Duration idle) {
        return endedAt == null && now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idle));
    }

    /** Notes activity, at most once a minute, so that reading pages does not write on every request. */
    void seen(Instant now) {
        if (now.isAfter(lastSeenAt.plusSeconds(60))) {
            lastSeenAt = now;
        }
    }

    void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }

    String operator() {
        return operator;
    }

    String tokenDigest() {
        return tokenDigest;
    }
}
