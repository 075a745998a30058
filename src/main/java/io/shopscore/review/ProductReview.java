package io.shopscore.review;

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
