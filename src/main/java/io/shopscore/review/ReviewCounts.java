package io.shopscore.review;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts over a shop's reviews that the public figures need and the running totals do not keep:
 * where the published reviews came from, and why reviews were removed. Each is one grouped count
 * over an index of the review table, in the caller's transaction; callers cache the answers, so
 * the maps are read-only and keep the enums' order.
 */
public final class ReviewCounts {

    private ReviewCounts() {
    }

    /**
     * The shop's published reviews by source, every source present. Scans the shop's published
     * rows (index ix_review_shop_status_created), so it is for cached answers, not for every page view.
     */
    public static Map<ReviewSource, Long> publishedBySource(long shopId) {
        List<Object[]> rows = Review.getEntityManager().createQuery("""
                select r.source, count(r) from Review r where r.shop.id = :shopId and r.status = :status
                group by r.source""", Object[].class)
                .setParameter("shopId", shopId)
                .setParameter("status", ReviewStatus.PUBLISHED)
                .getResultList();
        Map<ReviewSource, Long> counts = new EnumMap<>(ReviewSource.class);
        for (ReviewSource source : ReviewSource.values()) {
            counts.put(source, 0L);
        }
        rows.forEach(row -> counts.put((ReviewSource) row[0], (Long) row[1]));
        return Collections.unmodifiableMap(counts);
    }

    /**
     * The shop's reviews removed by moderation since then, by category, every category present. A
     * removal from before categories existed counts as {@link RemovalCategory#OTHER}. Uses the
     * index ix_review_shop_removed.
     */
    public static Map<RemovalCategory, Long> removedSince(long shopId, Instant since) {
        List<Object[]> rows = Review.getEntityManager().createQuery("""
                select r.removalCategory, count(r) from Review r
                where r.shop.id = :shopId and r.status = :status and r.removedAt >= :since
                group by r.removalCategory""", Object[].class)
                .setParameter("shopId", shopId)
                .setParameter("status", ReviewStatus.REMOVED)
                .setParameter("since", since)
                .getResultList();
        Map<RemovalCategory, Long> counts = new EnumMap<>(RemovalCategory.class);
        for (RemovalCategory category : RemovalCategory.values()) {
            counts.put(category, 0L);
        }
        rows.forEach(row -> counts.merge(row[0] == null ? RemovalCategory.OTHER : (RemovalCategory) row[0], (Long) row[1], Long::sum));
        return Collections.unmodifiableMap(counts);
    }
}
