package io.shopscore.review.transfer;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.insight.classify.ReviewClassifier;
import io.shopscore.persistence.UniqueConstraint;
import io.shopscore.review.ImportedReview;
import io.shopscore.review.Review;
import io.shopscore.review.ReviewChanges;
import io.shopscore.shop.Shop;
import io.shopscore.shop.ShopService;

/**
 * A shop imports its reviews from another service. The whole file is read and checked before
 * anything is stored, and then stored in one transaction: a file with any bad row stores nothing
 * and names every bad row. Imported reviews never go through the score: {@link Review#counted()}
 * is nothing for them, and {@link ReviewChanges#imported} only tells the caches.
 */
@ApplicationScoped
public class ReviewImportService {

    /** Rows stored per flush: a few statements each, and the session never holds more than this many reviews. */
    static final int CHUNK = 500;

    /** A large import writes for a while: 100,000 reviews take far longer than the default transaction timeout. */
    private static final int TIMEOUT_SECONDS = 600;

    private final Clock clock;
    private final ShopscoreConfig config;
    private final ReviewChanges changes;
    private final ReviewClassifier classifier;

    public ReviewImportService(Clock clock, ShopscoreConfig config, ReviewChanges changes, ReviewClassifier classifier) {
        this.clock = clock;
        this.config = config;
        this.changes = changes;
        this.classifier = classifier;
    }

    /**
     * Imports the CSV file for the shop: every good row becomes a published (or, with contact data
     * in it, held) review with source {@code imported}, unless the shop already has it (same date,
     * name and text: {@link ImportKey}), or no review at all when any row is bad. 400 for a file that
     * is not UTF-8 CSV with a known header, 413 for one too large, 409 when another import of the
     * same reviews stored them at the same moment.
     */
    public ImportResult importCsv(String slug, InputStream body) {
        String text = ImportFile.read(body, config.imports().maxBytes().asLongValue());
        Instant collectingSince = QuarkusTransaction.requiringNew().call(() -> ShopService.require(slug).createdAt());
        ImportFile.Checked checked = ImportFile.check(text, clock.instant(), collectingSince, config.imports().maxRows());
        if (!checked.rejected().isEmpty()) {
            return new ImportResult(0, checked.rejected());
        }
        int imported = QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> store(slug, checked.rows()));
        return new ImportResult(imported, List.of());
    }

    private int store(String slug, List<ImportFile.Row> rows) {
        Shop shop = ShopService.require(slug);
        long shopId = shop.id();
        int stored = 0;
        Long lastId = null;
        for (int from = 0; from < rows.size(); from += CHUNK) {
            Map<String, ImportedReview> byKey = new LinkedHashMap<>();
            for (ImportFile.Row row : rows.subList(from, Math.min(rows.size(), from + CHUNK))) {
                byKey.putIfAbsent(ImportKey.of(row.review()), row.review());
            }
            Set<String> existing = Review.importKeysAmong(shop, byKey.keySet());
            for (Map.Entry<String, ImportedReview> entry : byKey.entrySet()) {
                if (existing.contains(entry.getKey())) {
                    continue;
                }
                ImportedReview imported = entry.getValue();
                Review review = Review.imported(shop, imported, entry.getKey());
                review.tag(classifier.classify(review.title(), review.text(), review.grade().value()), ReviewClassifier.VERSION);
                review.persist();
                changes.importedOne(review);
                lastId = review.id();
                stored++;
            }
            // a key stored by an earlier chunk of this file is found by the next chunk's query once flushed
            UniqueConstraint.flushOrConflict("Another import stored some of these reviews at the same moment; "
                    + "send the file again and they are skipped.");
            Review.getEntityManager().clear();
            shop = Review.getEntityManager().find(Shop.class, shopId);
        }
        if (lastId != null) {
            changes.imported(shop, lastId);
        }
        return stored;
    }
}
