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
 * The merchant reviews feed is written while it is read: pages of bounded size, each on its way to
 * the client before the next is read. Counted, not timed: no page is larger than asked, and when a
 * page is asked for, everything before it has already left.
 */
class MerchantReviewsStreamingTest {

    private static final MerchantReviewsFeed.Merchant MERCHANT = new MerchantReviewsFeed.Merchant(42, "Bloemen <3 & Co",
            "https://bloemen.example", "https://reviews.example/shops/bloemen", Instant.parse("2024-01-01T10:00:00Z"), "NL");

    /** Pages of synthetic reviews, made when asked for, recording what the writer had sent at each request. */
    private static final class Pages implements BiFunction<MerchantReviewsFeed.Item, Integer, List<MerchantReviewsFeed.Item>> {
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
        public List<MerchantReviewsFeed.Item> apply(MerchantReviewsFeed.Item last, Integer size) {
            assertEquals(next == 1 ? null : Long.valueOf(next - 1), last == null ? null : last.id(), "the page follows the last one");
            bytesSentBeforePage.add(sink.count);
            List<MerchantReviewsFeed.Item> page = new ArrayList<>();
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

    static MerchantReviewsFeed.Item item(long id) {
        Instant written = Instant.parse("2024-02-01T00:00:00Z").plusSeconds(id);
        return new MerchantReviewsFeed.Item(id, id % 3 == 0 ? null : "Klant " + id, written, written, id % 2 == 0 ? null : "Titel " + id,
                "Review " + id + ": <b>snel</b> & goed \u0001\u0008 \uD83D\uDE00 \uD83C\uDF37", (int) (id % 10) + 1, "after_fulfillment");
    }

    @Test
    void aHundredThousandReviewsAreWrittenPageByPageNeverHeldTogether() throws Exception {
        CountingStream sink = new CountingStream();
        Pages pages = new Pages(100_000, sink);
        new MerchantReviewsFeed(MERCHANT, 500, pages).write(sink);

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
    void markupControlCharactersAndEmojiMakeAValidFeed() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<MerchantReviewsFeed.Item> all = new ArrayList<>();
        for (long id = 1; id <= 25; id++) {
            all.add(item(id));
        }
        BiFunction<MerchantReviewsFeed.Item, Integer, List<MerchantReviewsFeed.Item>> reader = (last, size) -> {
            int from = last == null ? 0 : (int) last.id();
            return all.subList(from, Math.min(all.size(), from + size));
        };
        new MerchantReviewsFeed(MERCHANT, 10, reader).write(out);
        byte[] xml = out.toByteArray();
        FeedSchemas.validate(FeedSchemas.MERCHANT_REVIEWS, xml);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("&lt;b&gt;snel&lt;/b&gt; &amp; goed"), "markup is text");
        assertTrue(text.contains("\uD83D\uDE00 \uD83C\uDF37"), "emoji arrive whole");
        assertFalse(text.contains("\u0001"), "no character XML cannot carry");
        assertEquals(25, text.split("<review ", -1).length - 1);
    }
}
