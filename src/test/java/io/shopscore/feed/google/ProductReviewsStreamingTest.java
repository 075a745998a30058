package io.shopscore.feed.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import io.shopscore.feed.FeedSchemas;

/**
 * The product reviews feed is written while it is read, as the merchant feed is: pages of bounded
 * size, each on its way to the client before the next is read. Counted, not timed.
 */
class ProductReviewsStreamingTest {

    private static final class Pages implements BiFunction<ProductReviewsFeed.Item, Integer, List<ProductReviewsFeed.Item>> {
        final int total;
        final CountingStream sink;
        final List<Long> bytesSentBeforePage = new ArrayList<>();
        int largestPage;
        int next = 1;

        Pages(int total, CountingStream sink) {
            this.total = total;
            this.sink = sink;
        }

        @Override
        public List<ProductReviewsFeed.Item> apply(ProductReviewsFeed.Item last, Integer size) {
            assertEquals(next == 1 ? null : Long.valueOf(next - 1), last == null ? null : last.id(), "the page follows the last one");
            bytesSentBeforePage.add(sink.count);
            List<ProductReviewsFeed.Item> page = new ArrayList<>();
            while (page.size() < size && next <= total) {
                page.add(item(next++));
            }
            largestPage = Math.max(largestPage, page.size());
            return page;
        }
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** Every third without a reviewer name, every other without GTIN, MPN and brand; control characters everywhere. */
    static ProductReviewsFeed.Item item(long id) {
        Instant written = Instant.parse("2024-02-01T00:00:00Z").plusSeconds(id / 2);
        boolean bare = id % 2 == 0;
        return new ProductReviewsFeed.Item(id, id / 2, written, id % 3 == 0 ? null : "Klant \u0002" + id,
                "Product " + id + ": <b>mooi</b> & stevig \u0001\u0008 \uD83D\uDE00", (int) (id % 10) + 1,
                "https://reviews.example/shops/bloemen/products/P" + id, "P" + id, "Vaas <" + id + "> & \u000B \uD83C\uDF37",
                "https://bloemen.example/p/" + id + "?a=1&b=2", bare ? null : "8712345678906", bare ? null : "MPN-" + id,
                bare ? null : "Bloemen & Co");
    }

    @Test
    void aHundredThousandGradesAreWrittenPageByPageNeverHeldTogether() throws Exception {
        CountingStream sink = new CountingStream();
        Pages pages = new Pages(100_000, sink);
        new ProductReviewsFeed("Bloemen <3 & Co", 500, pages).write(sink);

        assertEquals(201, pages.bytesSentBeforePage.size(), "200 full pages and the empty one that ends the feed");
        assertEquals(500, pages.largestPage);
        for (int page = 1; page < pages.bytesSentBeforePage.size(); page++) {
            assertTrue(pages.bytesSentBeforePage.get(page) > pages.bytesSentBeforePage.get(page - 1),
                    "page " + page + " was asked for only after the previous one had been sent");
        }
        long lastPageAskedAt = pages.bytesSentBeforePage.get(pages.bytesSentBeforePage.size() - 1);
        assertTrue(lastPageAskedAt > sink.count * 99 / 100, "almost all of the feed had left before its end was read");
    }

    @Test
    void markupControlCharactersAndEmojiInTextsAndProductNamesMakeAValidFeed() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<ProductReviewsFeed.Item> all = new ArrayList<>();
        for (long id = 1; id <= 25; id++) {
            all.add(item(id));
        }
        BiFunction<ProductReviewsFeed.Item, Integer, List<ProductReviewsFeed.Item>> reader = (last, size) -> {
            int from = last == null ? 0 : (int) last.id();
            return all.subList(from, Math.min(all.size(), from + size));
        };
        new ProductReviewsFeed("Bloemen <3 & Co", 10, reader).write(out);
        byte[] xml = out.toByteArray();
        FeedSchemas.validate(FeedSchemas.PRODUCT_REVIEWS, xml);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("&lt;b&gt;mooi&lt;/b&gt; &amp; stevig"), "markup is text");
        assertTrue(text.contains("<product_name>Vaas &lt;7&gt; &amp;  \uD83C\uDF37</product_name>"), "names too");
        assertTrue(text.contains("\uD83D\uDE00"), "emoji arrive whole");
        assertFalse(text.contains("\u0001") || text.contains("\u0002") || text.contains("\u000B"), "no character XML cannot carry");
        assertEquals(25, text.split("<review>", -1).length - 1);
        assertEquals(8, text.split("is_anonymous=\"true\"", -1).length - 1, "every third reviewer has no name");
        assertEquals(12, text.split("<skus><sku>P\\d+</sku></skus></product_ids>", -1).length - 1,
                "a product without GTIN, MPN or brand is known by its SKU alone");
    }
}
