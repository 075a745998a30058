package io.shopscore.score;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
     * Moves a shop's score, and the scores of the products the review grades, from one state of a
     * review to another, in the caller's transaction: {@code before} null counts a review in,
     * {@code after} null counts it out, both move it (an updated grade). Waits for other writers of the same shop, so none of their changes is lost;
     * the lock it takes holds until commit, so totals the caller moves next are serialised too.
     */
    @Transactional(TxType.MANDATORY)
    public void move(Shop shop, CountedReview before, CountedReview after) {
        if (Objects.equals(before, after)) {
            return;
        }
        ShopScore score = ShopScore.lock(shop.id())
                .orElseThrow(() -> new IllegalStateException("Shop " + shop.slug() + " has no score row"));
        // the product scores move under the same lock, so they are as exact as the shop's
        ProductScore.move(shop.id(), before, after, clock.instant());
        if (Objects.equals(CountedReview.shopPart(before), CountedReview.shopPart(after))) {
            return;
        }
        if (before != null) {
            score.apply(before, -1, clock.instant());
            ScoreDay.apply(shop.id(), before, -1);
            ScoreMonth.apply(shop.id(), before, -1);
        }
        if (after != null) {
            score.apply(after, +1, clock.instant());
            ScoreDay.apply(shop.id(), after, +1);
            ScoreMonth.apply(shop.id(), after, +1);
        }
        ScoreChange.changed(shop.id(), clock.instant());
        changes.fire(new ScoreChanged(shop.slug()));
    }

    /**
     * Prepares a batch of reviews of these shops, written on these UTC days, for {@link #move}: locks
     * the shops' score rows in one statement, in shop order (concurrent batches queue rather than
     * deadlock), and loads the day and month rows the batch will move.
     */
    @Transactional(TxType.MANDATORY)
    public void lockForBatch(Collection<Long> shopIds, Collection<LocalDate> days) {
        ShopScore.lockAll(shopIds);
        ScoreDay.loadAll(shopIds, days);
        ScoreMonth.loadAll(shopIds, days);
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

    /**
     * Scores of the known shops among these slugs, in no particular order: one query for the totals,
     * and for the last 12 months a few dozen month and day rows per shop (see {@link RecentWindow}),
     * however many reviews the shops have.
     */
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
        RecentWindow window = RecentWindow.endingOn(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        Map<Long, Recent> recent = recent(shopIds, window);
        Map<Long, Map<Integer, Long>> delays = responseDelays(shopIds, window);
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
     * The shop's trend: its last {@code months} UTC calendar months up to this one, oldest first,
     * from the month rows (a month without reviews counts 0), never from the reviews.
     */
    @Transactional
    @RetryableRead
    public List<MonthScore> months(long shopId, int months) {
        LocalDate thisMonth = ScoreMonth.monthOf(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        LocalDate first = thisMonth.minusMonths(months - 1L);
        Map<LocalDate, Tally> rows = new HashMap<>();
        ScoreMonth.<ScoreMonth>list("shopId = ?1 and reviewMonth >= ?2", shopId, first)
                .forEach(row -> rows.put(row.reviewMonth(), row.tally));
        List<MonthScore> trend = new ArrayList<>();
        for (LocalDate month = first; !month.isAfter(thisMonth); month = month.plusMonths(1)) {
            Tally tally = rows.getOrDefault(month, Tally.empty());
            trend.add(new MonthScore(month, tally.count(), tally.average()));
        }
        return trend;
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

    /** The figures of the last 12 months of one shop. */
    private record Recent(Tally tally, long negative, long responded) {
        static final Recent NONE = new Recent(Tally.empty(), 0, 0);

        static Recent of(Object[] sums) {
            return new Recent(new Tally((Long) sums[1], (Long) sums[2], (Long) sums[3], (Long) sums[4]), (Long) sums[5], (Long) sums[6]);
        }

        Recent plus(Recent other, int sign) {
            return new Recent(new Tally(tally.count() + sign * other.tally.count(), tally.sum() + sign * other.tally.sum(),
                    tally.recommendYes() + sign * other.tally.recommendYes(), tally.recommendNo() + sign * other.tally.recommendNo()),
                    negative + sign * other.negative, responded + sign * other.responded);
        }
    }

    /** Per shop: its month rows of the window, then its edge days added or taken away. */
    private static Map<Long, Recent> recent(List<Long> shopIds, RecentWindow window) {
        Map<Long, Recent> recent = new HashMap<>();
        ScoreMonth.getEntityManager().createQuery("""
                select m.shopId, sum(m.tally.reviewCount), sum(m.tally.scoreSum), sum(m.tally.recommendYes),
                       sum(m.tally.recommendNo), sum(m.negativeCount), sum(m.negativeResponded)
                from ScoreMonth m where m.shopId in :shopIds and m.reviewMonth >= :firstMonth group by m.shopId""", Object[].class)
                .setParameter("shopIds", shopIds)
                .setParameter("firstMonth", window.firstMonth())
                .getResultList()
                .forEach(sums -> recent.put((Long) sums[0], Recent.of(sums)));
        ScoreDay.getEntityManager().createQuery("""
                select d.shopId, sum(d.tally.reviewCount), sum(d.tally.scoreSum), sum(d.tally.recommendYes),
                       sum(d.tally.recommendNo), sum(d.negativeCount), sum(d.negativeResponded)
                from ScoreDay d where d.shopId in :shopIds and d.reviewDay between :edgeFrom and :edgeTo group by d.shopId""", Object[].class)
                .setParameter("shopIds", shopIds)
                .setParameter("edgeFrom", window.edgeFrom())
                .setParameter("edgeTo", window.edgeTo())
                .getResultList()
                .forEach(sums -> recent.merge((Long) sums[0], Recent.NONE.plus(Recent.of(sums), window.edgeSign()),
                        (months, edge) -> months.plus(edge, 1)));
        return recent;
    }

    /** Per shop and delay bucket: its month rows of the window, then its edge days added or taken away. */
    private static Map<Long, Map<Integer, Long>> responseDelays(List<Long> shopIds, RecentWindow window) {
        Map<Long, Map<Integer, Long>> delays = new HashMap<>();
        ResponseDelayMonth.getEntityManager().createQuery("""
                select r.shopId, r.delayBucket, sum(r.count) from ResponseDelayMonth r
                where r.shopId in :shopIds and r.reviewMonth >= :firstMonth group by r.shopId, r.delayBucket""", Object[].class)
                .setParameter("shopIds", shopIds)
                .setParameter("firstMonth", window.firstMonth())
                .getResultList()
                .forEach(sum -> delays.computeIfAbsent((Long) sum[0], id -> new HashMap<>()).put((Integer) sum[1], (Long) sum[2]));
        ResponseDelayDay.getEntityManager().createQuery("""
                select r.shopId, r.delayBucket, sum(r.count) from ResponseDelayDay r
                where r.shopId in :shopIds and r.reviewDay between :edgeFrom and :edgeTo group by r.shopId, r.delayBucket""", Object[].class)
                .setParameter("shopIds", shopIds)
                .setParameter("edgeFrom", window.edgeFrom())
                .setParameter("edgeTo", window.edgeTo())
                .getResultList()
                .forEach(sum -> delays.computeIfAbsent((Long) sum[0], id -> new HashMap<>())
                        .merge((Integer) sum[1], window.edgeSign() * (Long) sum[2], Long::sum));
        return delays;
    }
}
