package io.shopscore.feed.google;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.shopscore.feed.FeedSchemas;

/**
 * The product reviews XSD (schema 2.4), which ProductReviewsFeedTest checks the feed against, is
 * kept honest against Google's own sample shape: it accepts a complete review and refuses one
 * without the elements Google requires.
 */
class ProductReviewsSchemaTest {

    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  xsi:noNamespaceSchemaLocation="http://www.google.com/shopping/reviews/schema/product/2.4/product_reviews.xsd">
              <version>2.4</version>
              <aggregator><name>Shopscore</name></aggregator>
              <publisher><name>Bloemen &amp; Co</name><favicon>https://bloemen.example/favicon.png</favicon></publisher>
              <reviews>
                <review>
                  <review_id>4711</review_id>
                  <reviewer><name is_anonymous="true">Anonymous</name></reviewer>
                  <review_timestamp>2024-05-01T12:00:00Z</review_timestamp>
                  <title>Mooi boeket</title>
                  <content>Vers en op tijd \uD83C\uDF37</content>
                  <review_url type="singleton">https://reviews.example/shops/bloemen</review_url>
                  <ratings><overall min="1" max="10">9</overall></ratings>
                  <products>
                    <product>
                      <product_ids>
                        <gtins><gtin>8712345678906</gtin></gtins>
                        <skus><sku>TULP-20</sku></skus>
                        <brands><brand>Bloemen</brand></brands>
                      </product_ids>
                      <product_name>Twintig tulpen</product_name>
                      <product_url>https://bloemen.example/tulpen</product_url>
                    </product>
                  </products>
                  <collection_method>post_fulfillment</collection_method>
                </review>
              </reviews>
            </feed>
            """;

    @Test
    void acceptsACompleteReview() {
        FeedSchemas.validate(FeedSchemas.PRODUCT_REVIEWS, FEED.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesAReviewWithoutProductsOrWithAnUnknownVersion() {
        String noProducts = FEED.replaceAll("(?s)<products>.*</products>", "");
        assertThrows(AssertionError.class, () -> FeedSchemas.validate(FeedSchemas.PRODUCT_REVIEWS, noProducts.getBytes(StandardCharsets.UTF_8)));
        String oldVersion = FEED.replace("<version>2.4</version>", "<version>2.3</version>");
        assertThrows(AssertionError.class, () -> FeedSchemas.validate(FeedSchemas.PRODUCT_REVIEWS, oldVersion.getBytes(StandardCharsets.UTF_8)));
    }
}
