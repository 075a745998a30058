package io.shopscore.review;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.shopscore.product.Product;
import io.shopscore.score.CountedReview;
import io.shopscore.shop.Shop;

/**
 * A customer's grade (and optional words) for one product of their order. It is part of their
 * review and has no state of its own: it shows and counts exactly while the review does.
 */
@Entity
@Table(name = "product_review")
public class ProductReview extends PanacheEntityBase {

    public static final int MAX_TEXT = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_review_seq")
    @SequenceGenerator(name = "product_review_seq", sequenceName = "product_review_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "review_id", nullable = false, updatable = false)
    private Review review;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id", nullable = false, updatable = false)
    private Product product;

    @Column(nullable = false)
    private int score;

    @Column(name = "body", length = MAX_TEXT)
    private String text;

    protected ProductReview() {
    }

    static ProductReview of(Review review, Product product, int score, String text) {
        ProductReview productReview = new ProductReview();
        productReview.review = review;
        productReview.product = product;
        productReview.take(score, text);
        return productReview;
    }

    /** The published grades of a product, newest review first. */
    static PanacheQuery<ProductReview> publishedOf(Product product) {
        return find("select pr from ProductReview pr join fetch pr.review r where pr.product = ?1 and r.status = ?2",
                Sort.descending("r.createdAt", "r.id"), product, ReviewStatus.PUBLISHED);
    }

    /**
     * One page of the shop's published product grades that have words, for Google's product
     * reviews feed: imported reviews never, grades of held, removed or withdrawn reviews never.
     * Keyset paging in the order of the review index (shop, status, created_at, id) and then by
     * grade, after the grade {@code after} (null for the first page), so each page is one index
     * range however deep it is. The review and product come with each grade.
     */
    public static List<ProductReview> feedPage(Shop shop, FeedKey after, int size) {
        String keyset = after == null ? ""
                : " and (r.createdAt > :createdAt or (r.createdAt = :createdAt and (r.id > :reviewId"
                        + " or (r.id = :reviewId and pr.id > :id))))";
        var query = getEntityManager().createQuery("select pr from ProductReview pr join fetch pr.review r join fetch pr.product p"
                + " where r.shop = :shop and r.status = :status and r.source <> :imported and pr.text is not null" + keyset
                + " order by r.createdAt, r.id, pr.id", ProductReview.class)
                .setParameter("shop", shop)
                .setParameter("status", ReviewStatus.PUBLISHED)
                .setParameter("imported", ReviewSource.IMPORTED);
        if (after != null) {
            query.setParameter("createdAt", after.createdAt()).setParameter("reviewId", after.reviewId()).setParameter("id", after.id());
        }
        return query.setMaxResults(size).getResultList();
    }

    /** Where a page of {@link #feedPage} ends: the last grade's review time, review id and own id. */
    public record FeedKey(Instant createdAt, long reviewId, long id) {
    }

    /** What Google's product reviews feed holds, in one aggregate query: the feed's version. */
    public record FeedState(long count, long idSum, Instant lastReviewChange, Instant lastProductChange) {
    }

    /**
     * The state of the grades {@link #feedPage} walks: it moves whenever one is published, held,
     * removed, withdrawn or changed, and when a product's details change.
     */
    public static FeedState feedState(Shop shop) {
        Object[] row = getEntityManager().createQuery("""
                select count(pr), sum(pr.id), max(r.createdAt), max(r.updatedAt), max(p.updatedAt)
                from ProductReview pr join pr.review r join pr.product p
                where r.shop = :shop and r.status = :status and r.source <> :imported and pr.text is not null""", Object[].class)
                .setParameter("shop", shop)
                .setParameter("status", ReviewStatus.PUBLISHED)
                .setParameter("imported", ReviewSource.IMPORTED)
                .getSingleResult();
        Instant lastReviewChange = later((Instant) row[2], (Instant) row[3]);
        return new FeedState(((Number) row[0]).longValue(), row[1] == null ? 0 : ((Number) row[1]).longValue(), lastReviewChange,
                (Instant) row[4]);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    void take(int score, String text) {
        this.score = score;
        this.text = text;
    }

    /** The author withdrew the review: their words go, the grade stays as a number without a person. */
    void erase() {
        text = null;
    }

    CountedReview.ProductGrade counted() {
        return new CountedReview.ProductGrade(product.id(), score);
    }

    public Long id() {
        return id;
    }

    public Review review() {
        return review;
    }

    public Product product() {
        return product;
    }

    public int score() {
        return score;
    }

    public String text() {
        return text;
    }
}
