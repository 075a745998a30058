package io.shopscore.score;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopscore.persistence.RetryableRead;
import io.shopscore.product.Product;
import io.shopscore.shop.Shop;
import io.shopscore.shop.ShopService;
import io.shopscore.web.Links;

/**
 * Reads product scores from their running totals (kept by {@link ScoreService#move}): per product one
 * row, and for the last 12 months a few month and day rows, however many reviews it has.
 */
@ApplicationScoped
public class ProductScoreService {

    private final Clock clock;
    private final Links links;

    public ProductScoreService(Clock clock, Links links) {
        this.clock = clock;
        this.links = links;
    }

    /** How many published reviews grade the product, from its score row (no count over reviews). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long publishedCount(Product product) {
        ProductScore score = ProductScore.findById(product.id());
        return score == null ? 0 : score.reviewCount();
    }

    /** The score of one of the shop's products; empty while it has no published grade. 404 for an unknown shop. */
    @Transactional
    @RetryableRead
    public Optional<ProductScoreView> find(String slug, String sku) {
        return findAll(slug, List.of(sku)).stream().findFirst();
    }

    /**
     * The scores of the shop's products of these SKUs that have a published grade, in the order
     * asked; the others are left out. 404 for an unknown shop.
     */
    @Transactional
    @RetryableRead
    public List<ProductScoreView> findAll(String slug, List<String> skus) {
        Shop shop = ShopService.require(slug);
        if (skus.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = ProductScore.getEntityManager().createQuery(
                "select p, ps from Product p, ProductScore ps where ps.productId = p.id and p.shop = :shop and p.sku in :skus"
                        + " and ps.reviewCount > 0", Object[].class)
                .setParameter("shop", shop)
                .setParameter("skus", skus)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        RecentWindow window = RecentWindow.endingOn(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        Map<Long, long[]> recent = recent(rows.stream().map(row -> ((Product) row[0]).id()).toList(), window);
        Map<String, ProductScoreView> bySku = new HashMap<>();
        for (Object[] row : rows) {
            Product product = (Product) row[0];
            ProductScore score = (ProductScore) row[1];
            long[] last12 = recent.getOrDefault(product.id(), new long[2]);
            bySku.put(product.sku(), ProductScoreView.of(product.sku(), product.name(), score.total(), score.grades(),
                    new Tally(last12[0], last12[1], 0, 0), links.productPage(slug, product.sku())));
        }
        return skus.stream().filter(bySku::containsKey).map(bySku::get).toList();
    }

    /** Per product, count and sum of the window: its month rows, then its edge days added or taken away. */
    private static Map<Long, long[]> recent(Collection<Long> productIds, RecentWindow window) {
        Map<Long, long[]> recent = new HashMap<>();
        ProductScoreMonth.getEntityManager().createQuery("""
                select m.productId, sum(m.reviewCount), sum(m.scoreSum) from ProductScoreMonth m
                where m.productId in :ids and m.reviewMonth >= :firstMonth group by m.productId""", Object[].class)
                .setParameter("ids", productIds)
                .setParameter("firstMonth", window.firstMonth())
                .getResultList()
                .forEach(sums -> recent.put((Long) sums[0], new long[] { (Long) sums[1], (Long) sums[2] }));
        ProductScoreDay.getEntityManager().createQuery("""
                select d.productId, sum(d.reviewCount), sum(d.scoreSum) from ProductScoreDay d
                where d.productId in :ids and d.reviewDay between :edgeFrom and :edgeTo group by d.productId""", Object[].class)
                .setParameter("ids", productIds)
                .setParameter("edgeFrom", window.edgeFrom())
                .setParameter("edgeTo", window.edgeTo())
                .getResultList()
                .forEach(sums -> {
                    long[] totals = recent.computeIfAbsent((Long) sums[0], id -> new long[2]);
                    totals[0] += window.edgeSign() * (Long) sums[1];
                    totals[1] += window.edgeSign() * (Long) sums[2];
                });
        return recent;
    }
}
