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
    private final ScoreReads reads;

    public ScoreService(Clock clock, Links links, Event<ScoreChanged> changes, ScoreReads reads) {
        this.clock = clock;
        this.links = links;
        this.changes = changes;
        this.reads = reads;
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
     * Scores of the known shops among these slugs, in no particular order: the totals row, and for
     * the last 12 months a few dozen month and day rows per shop (see {@link RecentWindow}), however
     * many reviews the shops have; three statements for all of them (see {@link ScoreReads}).
     */
    @RetryableRead
    public List<ScoreView> findAll(Collection<String> slugs) {
        RecentWindow window = RecentWindow.endingOn(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        return reads.find(slugs, window).stream()
                .map(shop -> ScoreView.of(shop.slug(), shop.name(), shop.total(), shop.grades(), shop.last12Months(),
                        ScoreView.Responses.of(shop.negative(), shop.responded(), shop.delayBuckets()), links.shopPage(shop.slug())))
                .toList();
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
}
