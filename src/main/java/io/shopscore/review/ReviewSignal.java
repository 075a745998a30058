package io.shopscore.review;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.FlushMode;
import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What was seen when a review was written, for moderation only: never shown publicly, never to
 * the shop. The client address is kept as a keyed hash, and only for
 * {@code shopscore.trust.address-retention}.
 */
@Entity
@Table(name = "review_signal")
public class ReviewSignal extends PanacheEntityBase {

    @Id
    private Long reviewId;

    @Column(nullable = false)
    private Long shopId;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(length = 64)
    private String addressHash;

    @Column(nullable = false)
    private long secondsAfterInvitation;

    @Column(nullable = false)
    private int sameAddressReviews;

    @Column(nullable = false)
    private boolean addressUsedShopKey;

    private Long nearDuplicateOf;

    private Long simhash;

    @Column(name = "band_0")
    private Integer band0;

    @Column(name = "band_1")
    private Integer band1;

    @Column(name = "band_2")
    private Integer band2;

    @Column(name = "band_3")
    private Integer band3;

    @Column(nullable = false)
    private int risk;

    @Column(length = 200)
    private String reasons;

    protected ReviewSignal() {
    }

    static ReviewSignal of(Review review, SubmissionSignals.Assessment assessment) {
        ReviewSignal signal = new ReviewSignal();
        signal.reviewId = review.id();
        signal.shopId = review.shop().id();
        signal.createdAt = review.createdAt();
        signal.addressHash = assessment.addressHash();
        signal.secondsAfterInvitation = assessment.secondsAfterInvitation();
        signal.sameAddressReviews = assessment.sameAddressReviews();
        signal.addressUsedShopKey = assessment.addressUsedShopKey();
        signal.nearDuplicateOf = assessment.nearDuplicateOf();
        Long simhash = assessment.simhash();
        signal.simhash = simhash;
        if (simhash != null) {
            signal.band0 = Simhash.band(simhash, 0);
            signal.band1 = Simhash.band(simhash, 1);
            signal.band2 = Simhash.band(simhash, 2);
            signal.band3 = Simhash.band(simhash, 3);
        }
        signal.risk = assessment.risk();
        signal.reasons = assessment.reasons().isEmpty() ? null : String.join(",", assessment.reasons());
        return signal;
    }

    /** Reviews of the shop from this address since then. Reads what is committed; the batch adds its own. */
    static long countFromAddress(long shopId, String addressHash, Instant since) {
        return find("shopId = ?1 and addressHash = ?2 and createdAt >= ?3", shopId, addressHash, since)
                .withHint(HibernateHints.HINT_FLUSH_MODE, FlushMode.COMMIT).count();
    }

    /** Reviews of any shop since then whose fingerprint shares a band with this one: candidates for near-duplicates. */
    static List<ReviewSignal> sharingABand(long simhash, Instant since, int limit) {
        return find("""
                createdAt >= ?5 and (band0 = ?1 or band1 = ?2 or band2 = ?3 or band3 = ?4)""",
                Simhash.band(simhash, 0), Simhash.band(simhash, 1), Simhash.band(simhash, 2), Simhash.band(simhash, 3), since)
                .withHint(HibernateHints.HINT_FLUSH_MODE, FlushMode.COMMIT)
                .page(0, limit).list();
    }

    /** Forgets the addresses of reviews written before then (the retention period); returns how many. */
    public static int purgeAddressesBefore(Instant before) {
        return update("addressHash = null where createdAt < ?1 and addressHash is not null", before);
    }

    /** Forgets everything about one review's submission (its author withdrew it or asked for erasure). */
    static void eraseFor(long reviewId) {
        delete("reviewId", reviewId);
    }

    public Long reviewId() {
        return reviewId;
    }

    Long simhash() {
        return simhash;
    }

    public int risk() {
        return risk;
    }

    public String reasons() {
        return reasons;
    }

    public long secondsAfterInvitation() {
        return secondsAfterInvitation;
    }

    public int sameAddressReviews() {
        return sameAddressReviews;
    }

    public boolean addressUsedShopKey() {
        return addressUsedShopKey;
    }

    public Long nearDuplicateOf() {
        return nearDuplicateOf;
    }
}
