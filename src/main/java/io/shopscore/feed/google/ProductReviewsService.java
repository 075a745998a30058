package io.shopscore.feed.google;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopscore.config.ShopscoreConfig;
import io.shopscore.keys.Digests;
import io.shopscore.persistence.RetryableRead;
import io.shopscore.product.ProductDetails;
import io.shopscore.review.ProductReview;
import io.shopscore.shop.Shop;
import io.shopscore.web.Links;

/**
 * Reads what Google's product reviews feed shows: the shop's published product grades that have
 * words, a page at a time. Imported reviews have no product grades and are left out as in the
 * merchant feed; a grade without words is left out because Google's schema requires a review's
 * content, and the words of the shop review are about the shop, not the product.
 */
@ApplicationScoped
public class ProductReviewsService {

    private final Links links;
    private final ShopscoreConfig config;

    public ProductReviewsService(Links links, ShopscoreConfig config) {
        this.links = links;
        this.config = config;
    }

    /** A shop's feed, ready to be written, with its version (a weak ETag); empty for an unknown shop. */
    @Transactional
    @RetryableRead
    public Optional<VersionedFeed> feed(String slug) {
        return Shop.findBySlug(slug).map(shop -> {
            long shopId = shop.id();
            String shopSlug = shop.slug();
            ProductReviewsFeed feed = new ProductReviewsFeed(shop.name(), config.feeds().pageSize(),
                    (last, size) -> page(shopId, shopSlug, last, size));
            return new VersionedFeed(feed, version(shop, ProductReview.feedState(shop)));
        });
    }

    /** The page of the shop's feed after {@code last} (null: the first), oldest review first. */
    @Transactional
    @RetryableRead
    public List<ProductReviewsFeed.Item> page(long shopId, String slug, ProductReviewsFeed.Item last, int size) {
        Shop shop = Shop.findById(shopId);
        if (shop == null) {
            return List.of();
        }
        ProductReview.FeedKey after = last == null ? null : new ProductReview.FeedKey(last.createdAt(), last.reviewId(), last.id());
        return ProductReview.feedPage(shop, after, size).stream().map(grade -> item(slug, grade)).toList();
    }

    private ProductReviewsFeed.Item item(String slug, ProductReview grade) {
        ProductDetails product = grade.product().details();
        String page = links.productPage(slug, product.sku());
        return new ProductReviewsFeed.Item(grade.id(), grade.review().id(), grade.review().createdAt(), grade.review().displayName(),
                grade.text(), grade.score(), page, product.sku(), product.name(), product.url() == null ? page : product.url(),
                product.gtin(), product.mpn(), product.brand());
    }

    private String version(Shop shop, ProductReview.FeedState state) {
        String facts = String.join("|", Long.toString(state.count()), Long.toString(state.idSum()),
                String.valueOf(state.lastReviewChange()), String.valueOf(state.lastProductChange()), shop.name(),
                links.shopPage(shop.slug()));
        byte[] digest = Arrays.copyOf(Digests.sha256(facts.getBytes(StandardCharsets.UTF_8)), 16);
        return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + '"';
    }

    /** A feed and the weak ETag of its content. */
    public record VersionedFeed(ProductReviewsFeed feed, String etag) {
    }
}
