package io.shopscore.product;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

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
import io.shopscore.shop.Shop;

/**
 * A product in a shop's catalogue, known by the shop's own SKU (unique per shop). The shop never
 * manages the catalogue: every invitation that names a product brings its current name and
 * details, and the newest one wins, so a renamed product shows its new name.
 */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    /** The name of the database key that keeps one product per shop and SKU. */
    public static final String UNIQUE_SKU = "uk_product_shop_sku";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_seq")
    @SequenceGenerator(name = "product_seq", sequenceName = "product_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "shop_id", nullable = false, updatable = false)
    private Shop shop;

    @Column(nullable = false, updatable = false, length = 64)
    private String sku;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 2048)
    private String url;

    @Column(length = 14)
    private String gtin;

    @Column(length = 70)
    private String mpn;

    @Column(length = 100)
    private String brand;

    @Column(length = 2048)
    private String imageUrl;

    @Column(nullable = false)
    private Instant updatedAt;

    protected Product() {
    }

    /**
     * The shop's product of this SKU with these details: created when new, else brought up to date.
     * Two transactions creating one new SKU at once collide on {@link #UNIQUE_SKU}; the loser's
     * caller runs again and then finds the winner's row.
     */
    public static Product record(Shop shop, ProductDetails details, Instant now) {
        Product product = find(shop, details.sku()).orElseGet(() -> {
            Product created = new Product();
            created.shop = shop;
            created.sku = details.sku();
            return created;
        });
        product.name = details.name();
        product.url = details.url();
        if (product.id == null || !product.identifiedAs(details) && !product.graded()) {
            product.gtin = details.gtin();
            product.mpn = details.mpn();
            product.brand = details.brand();
        }
        product.imageUrl = details.imageUrl();
        product.updatedAt = now;
        if (product.id == null) {
            product.persist();
        }
        return product;
    }

    private boolean identifiedAs(ProductDetails details) {
        return java.util.Objects.equals(gtin, details.gtin()) && java.util.Objects.equals(mpn, details.mpn())
                && java.util.Objects.equals(brand, details.brand());
    }

    /**
     * Whether a customer has graded this product. From then on its identifiers (GTIN, MPN, brand)
     * stay as they were, because Google's feeds and the product page tell the world which product
     * the grades are about: a shop must not move grades onto another product by sending other
     * identifiers under the same SKU (a different product needs a SKU of its own). Asked in SQL,
     * because the grades (review.ProductReview) live in a package above this one.
     */
    private boolean graded() {
        Number grades = (Number) getEntityManager()
                .createNativeQuery("select count(*) from product_review where product_id = ?1")
                .setParameter(1, id)
                .getSingleResult();
        return grades.longValue() > 0;
    }

    public static Optional<Product> find(Shop shop, String sku) {
        return find("shop = ?1 and sku = ?2", shop, sku).firstResultOptional();
    }

    /** The shop's products of these SKUs, with one statement. */
    public static List<Product> findAll(Shop shop, Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return list("shop = ?1 and sku in ?2", shop, skus);
    }

    /** The shop's products by name, at most {@code limit} of them (a page that lists them to choose from). */
    public static List<Product> catalogue(Shop shop, int limit) {
        return find("shop = ?1 order by name, sku", shop).page(0, limit).list();
    }

    public Long id() {
        return id;
    }

    public Shop shop() {
        return shop;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public ProductDetails details() {
        return new ProductDetails(sku, name, url, gtin, mpn, brand, imageUrl);
    }
}
