package io.shopscore.score;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.shopscore.persistence.RetryableRead;
import io.shopscore.shop.Shop;
import io.shopscore.shop.ShopTotals;
import io.shopscore.web.Links;

/**
 * Keeps every shop's score current as reviews are counted in and out, in the same transaction as
 * the review itself, and reads scores without ever looking at reviews.
 */
@ApplicationScoped
public class ScoreService implements ShopTotals {

    /** "Last 12 months" is the 365 UTC days up to and including today. */
    static final int RECENT_DAYS = 365;

    private final Clock clock;
    private final Links links;
    private final Event<ScoreChanged> changes;

    public ScoreService(Clock clock, Links links, Event<ScoreChanged> changes) {
        this.clock = clock;
        this.links = links;
        this.changes = changes;
    }

    /** Gives a new shop its empty score. */
    @Transactional(TxType.MANDATORY)
    @Override
    public void open(Shop shop) {
        ShopScore.empty(shop.id(), clock.instant()).persist();
        ScoreChange.opened(shop.id(), clock.instant()).persist();
        changes.fire(new ScoreChanged(shop.slug()));
    }

    /**
     * Moves a shop's score from one state of a review to another, in the caller's transaction:
     * {@code before} null counts a review in, {@code after} null counts it out, both move it
     * (an updated grade). Waits for other writers of the same shop, so none of their changes is lost;
     * the lock it takes holds until commit, so totals the caller moves next are serialised too.
     */
    @Transactional(TxType.MANDATORY)
    public void move(Shop shop, CountedReview before, CountedReview after) {
        if (Objects.equals(before, after)) {
            return;
        }
        ShopScore score = ShopScore.lock(shop.id())
                .orElseThrow(() -> new IllegalStateException("Shop " + shop.slug() + " has no score row"));
        if (before != null) {
            score.apply(before, -1, clock.instant());
            ScoreDay.apply(shop.id(), before, -1);
        }
        if (after != null) {
            score.apply(after, +1, clock.instant());
            ScoreDay.apply(shop.id(), after, +1);
        }
        ScoreChange.changed(shop.id(), clock.instant());
        changes.fire(new ScoreChanged(shop.slug()));
    }

    /**
     * Prepares a batch of reviews of these shops, written on these UTC days, for {@link #move}: locks
     * the shops' score rows in one statement, in shop order (concurrent batches queue rather than
     * deadlock), and loads the day buckets the batch will move.
     */
    @Transactional(TxType.MANDATORY)
    public void lockForBatch(Collection<Long> shopIds, Collection<LocalDate> days) {
        ShopScore.lockAll(shopIds);
        ScoreDay.loadAll(shopIds, days);
        ScoreChange.loadAll(shopIds);
    }

    /** How many published reviews the shop has, from its score row (no count over reviews). */
    @Transactional(TxType.MANDATORY)
    public long publishedCount(Shop shop) {
        return ShopScore.getEntityManager()
                .createQuery("select sc.total.reviewCount from ShopScore sc where sc.shopId = :shopId", Long.class)
                .setParameter("shopId", shop.id())
                .getSingleResult();
    }

    @Transactional
    @RetryableRead
    public Optional<ScoreView> find(String slug) {
        return findAll(List.of(slug)).stream().findFirst();
    }

    /** Scores of the known shops among these slugs, in no particular order. One query for the totals, one for the last 12 months. */
    @Transactional
    @RetryableRead
    public List<ScoreView> findAll(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = ShopScore.getEntityManager()
                .createQuery("select s, sc from Shop s, ShopScore sc where sc.shopId = s.id and s.slug in :slugs", Object[].class)
                .setParameter("slugs", slugs)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> shopIds = rows.stream().map(row -> ((Shop) row[0]).id()).toList();
        LocalDate from = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(RECENT_DAYS - 1);
        Map<Long, Recent> recent = recent(shopIds, from);
        Map<Long, Map<Integer, Long>> delays = responseDelays(shopIds, from);
        return rows.stream().map(row -> {
            Shop shop = (Shop) row[0];
            ShopScore score = (ShopScore) row[1];
            Recent last12 = recent.getOrDefault(shop.id(), Recent.NONE);
            return ScoreView.of(shop.slug(), shop.name(), score.total(), score.grades(), last12.tally(),
                    ScoreView.Responses.of(last12.negative(), last12.responded(), delays.getOrDefault(shop.id(), Map.of())),
                    links.shopPage(shop.slug()));
        }).toList();
    }

    /**
     * How a shop (or, with null, every shop) answered the negative reviews written since a day:
     * from the daily rows and delay buckets, never from reviews.
     */
    @Transactional
    public ScoreView.Responses responsesSince(Long shopId, LocalDate from) {
        String shop = shopId == null ? "" : " and d.shopId = :shopId";
        var sums = ScoreDay.getEntityManager().createQuery(
                "select coalesce(sum(d.negativeCount), 0), coalesce(sum(d.negativeResponded), 0) from ScoreDay d where d.reviewDay >= :from" + shop,
                Object[].class).setParameter("from", from);
        var buckets = ResponseDelayDay.getEntityManager().createQuery(
                "select d.delayBucket, sum(d.count) from ResponseDelayDay d where d.reviewDay >= :from" + shop + " group by d.delayBucket",
                Object[].class).setParameter("from", from);
        if (shopId != null) {
            sums.setParameter("shopId", shopId);
            buckets.setParameter("shopId", shopId);
        }
        Object[] totals = sums.getSingleResult();
        Map<Integer, Long> delays = new HashMap<>();
        for (Object[] bucket : buckets.getResultList()) {
            delays.put((Integer) bucket[0], (Long) bucket[1]);
        }
        return ScoreView.Responses.of(((Number) totals[0]).longValue(), ((Number) totals[1]).longValue(), delays);
    }

    /** The daily rows of the last 365 days, summed per shop. */
    private record Recent(Tally tally, long negative, long responded) {
        static final Recent NONE = new Recent(Tally.empty(), 0, 0);
    }

    private static Map<Long, Recent> recent(List<Long> shopIds, LocalDate from) {
        List<Object[]> sums = ScoreDay.getEntityManager().createQuery("""
                select d.shopId, sum(d.tally.reviewCount), sum(d.tally.scoreSum), sum(d.tally.recommendYes),
                       sum(d.tally.recommendNo), sum(d.negativeCount), sum(d.negativeResponded)
                from ScoreDay d where d.shopId in :shopIds and d.reviewDay >= :from group by d.shopId""", Object[].class)
                .setParameter("shopIds", shopIds)
                .setParameter("from", from)
                .getResultList();
        Map<Long, Recent> recent = new HashMap<>();
        for (Object[] sum : sums) {
            recent.put((Long) sum[0], new Recent(new Tally((Long) sum[1], (Long) sum[2], (Long) sum[3], (Long) sum[4]),
                    (Long) sum[5], (Long) sum[6]));
        }
        return recent;
    }

    private static Map<Long, Map<Integer, Long>> responseDelays(List<Long> shopIds, LocalDate from) {
        List<Object[]> sums = ResponseDelayDay.getEntityManager().createQuery("""
                select r.shopId, r.delayBucket, sum(r.count) from ResponseDelayDay r
                where r.shopId in :shopIds and r.reviewDay >= :from group by r.shopId, r.delayBucket""", Object[].class)
                .setParameter("shopIds", shopIds)
                .setParameter("from", from)
                .getResultList();
        Map<Long, Map<Integer, Long>> delays = new HashMap<>();
        for (Object[] sum : sums) {
            delays.computeIfAbsent((Long) sum[0], id -> new HashMap<>()).put((Integer) sum[1], (Long) sum[2]);
        }
        return delays;
    }
}
