package io.shopscore.review.page;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.shopscore.i18n.Formats;
import io.shopscore.i18n.Locales;
import io.shopscore.i18n.Messages;
import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.persistence.RetryableRead;
import io.shopscore.product.ProductDetails;
import io.shopscore.review.ProductReviewView;
import io.shopscore.review.ReviewService;
import io.shopscore.score.ProductScoreService;
import io.shopscore.score.ProductScoreView;
import io.shopscore.shop.ShopService;
import io.shopscore.shop.ShopView;
import io.shopscore.web.LanguageLink;
import io.shopscore.web.Links;

/** Puts together a product's public review page from its catalogue entry, its score and a page of its grades. */
@ApplicationScoped
public class ProductPages {

    static final int REVIEWS_PER_PAGE = 10;

    private final ShopService shops;
    private final ReviewService reviews;
    private final ProductScoreService scores;
    private final Formats formats;
    private final Locales locales;
    private final Links links;
    private final ObjectMapper json;

    public ProductPages(ShopService shops, ReviewService reviews, ProductScoreService scores, Formats formats, Locales locales,
            Links links, ObjectMapper json) {
        this.shops = shops;
        this.reviews = reviews;
        this.scores = scores;
        this.formats = formats;
        this.locales = locales;
        this.links = links;
        this.json = json;
    }

    /** The page, or empty for an unknown shop or product. {@code language} null means the shop's own. */
    @RetryableRead
    public Optional<ProductPage> page(String slug, String sku, int pageNumber, String language) {
        Optional<ShopView> foundShop = shops.find(slug);
        Optional<ProductDetails> foundProduct = foundShop.flatMap(shop -> reviews.product(slug, sku));
        if (foundProduct.isEmpty()) {
            return Optional.empty();
        }
        ShopView shop = foundShop.get();
        ProductDetails product = foundProduct.get();
        String lang = language != null ? language : shop.locale();
        Messages messages = MessageBundles.get(Messages.class, Localized.Literal.of(lang));
        Optional<ProductScoreView> score = scores.find(slug, sku);
        Page<ProductReviewView> page = reviews.publishedOfProduct(slug, sku, new PageRequest(pageNumber, REVIEWS_PER_PAGE));

        String canonical = links.productPage(slug, sku);
        String path = canonical.substring(links.base().length());
        List<ProductPage.Card> cards = page.items().stream().map(review -> new ProductPage.Card(review.reviewId(), review.score(),
                review.text(), author(review, messages), formats.date(review.createdAt(), lang),
                TrustWords.source(review.source(), messages))).toList();
        String langQuery = language != null ? "&lang=" + language : "";
        String newer = pageNumber > 0 ? path + "?page=" + (pageNumber - 1) + langQuery : null;
        String older = page.hasNext() ? path + "?page=" + (pageNumber + 1) + langQuery : null;
        BigDecimal average = score.map(ProductScoreView::average).orElse(null);
        return Optional.of(new ProductPage(lang, LanguageLink.forPage(path, locales.supported(), lang), shop.name(),
                links.shopPage(slug), product.name(), product.url(), product.imageUrl(), canonical,
                score.map(ProductScoreView::count).orElse(0L), formats.decimal(average, lang), average,
                formats.decimal(score.map(ProductScoreView::stars).orElse(null), lang),
                score.map(s -> s.last12Months().count()).orElse(0L),
                formats.decimal(score.map(s -> s.last12Months().average()).orElse(null), lang),
                score.map(ProductPages::distribution).orElse(List.of()), cards, pageNumber, page.lastPage() + 1, newer, older,
                jsonLd(product, canonical, score, page.items(), messages)));
    }

    private static String author(ProductReviewView review, Messages messages) {
        return review.displayName() != null ? review.displayName() : messages.verifiedCustomer();
    }

    private static List<ShopPage.GradeBar> distribution(ProductScoreView score) {
        List<ShopPage.GradeBar> bars = new ArrayList<>();
        for (int grade = 10; grade >= 1; grade--) {
            long count = score.distribution().get(Integer.toString(grade));
            bars.add(new ShopPage.GradeBar(grade, count, score.count() == 0 ? 0 : (int) Math.round(100.0 * count / score.count())));
        }
        return bars;
    }

    /**
     * schema.org Product with its AggregateRating (on the 1-10 scale) and the reviews on this page,
     * as Google's review snippets for products ask: the ratings are customers', never the shop's
     * own, and a product without a published review has no rating at all. Escaped for a script
     * element: no "</script>" in a review can end it early.
     */
    private String jsonLd(ProductDetails product, String canonical, Optional<ProductScoreView> score, List<ProductReviewView> onPage,
            Messages messages) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "Product");
        ld.put("@id", canonical);
        ld.put("name", product.name());
        ld.put("sku", product.sku());
        if (product.gtin() != null) {
            ld.put("gtin", product.gtin());
        }
        if (product.mpn() != null) {
            ld.put("mpn", product.mpn());
        }
        if (product.brand() != null) {
            ld.put("brand", Map.of("@type", "Brand", "name", product.brand()));
        }
        if (product.imageUrl() != null) {
            ld.put("image", product.imageUrl());
        }
        if (product.url() != null) {
            ld.put("url", product.url());
        }
        if (score.isPresent() && score.get().count() > 0) {
            Map<String, Object> rating = new LinkedHashMap<>();
            rating.put("@type", "AggregateRating");
            rating.put("ratingValue", score.get().average().toPlainString());
            rating.put("bestRating", "10");
            rating.put("worstRating", "1");
            rating.put("ratingCount", score.get().count());
            ld.put("aggregateRating", rating);
            List<Map<String, Object>> items = new ArrayList<>();
            for (ProductReviewView review : onPage) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("@type", "Review");
                item.put("author", Map.of("@type", "Person", "name", author(review, messages)));
                item.put("datePublished", review.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
                item.put("reviewRating", Map.of("@type", "Rating", "ratingValue", Integer.toString(review.score()),
                        "bestRating", "10", "worstRating", "1"));
                if (review.text() != null) {
                    item.put("reviewBody", review.text());
                }
                items.add(item);
            }
            ld.put("review", items);
        }
        try {
            String text = new String(json.writeValueAsBytes(ld), StandardCharsets.UTF_8);
            return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                    .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Maps of strings always serialise", e);
        }
    }
}
