package io.shopscore.review.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shopscore.problem.ProblemException;
import io.shopscore.review.Review;
import io.shopscore.shop.Shop;
import io.shopscore.shop.ShopService;

/**
 * Every review a shop may see (all but the withdrawn ones), as CSV or JSON, written while it is
 * read: a page of {@value #PAGE} reviews at a time by id, each page in a short transaction of its
 * own, so neither the service's memory nor a database connection is held for the whole download.
 * A review changed while the export runs is written as it was when its page was read.
 */
@ApplicationScoped
public class ReviewExportService {

    static final int PAGE = 500;

    /** The formats of an export. */
    public enum Format {
        CSV("text/csv; charset=UTF-8", "csv"), JSON("application/json", "json");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        /** The format a {@code format} query parameter names: csv when absent; 400 naming it otherwise. */
        public static Format parse(String value) {
            if (value == null || value.isEmpty()) {
                return CSV;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "json" -> JSON;
                default -> throw ProblemException.invalid("format", "must be csv or json");
            };
        }
    }

    /** An export about to be written: the shop, found before the answer starts, and the file name to offer. */
    public record Export(long shopId, String slug, Format format, String fileName) {
    }

    private final ObjectMapper json;
    private final Clock clock;

    public ReviewExportService(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** The shop's export in this format; 404 for an unknown shop, before anything is written. */
    public Export open(String slug, Format format) {
        Shop shop = QuarkusTransaction.requiringNew().call(() -> ShopService.require(slug));
        String day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        return new Export(shop.id(), slug, format, "reviews-" + slug + "-" + day + "." + format.extension);
    }

    /** Writes the export to the response body, page by page. */
    public void write(Export export, OutputStream out) throws IOException {
        if (export.format() == Format.CSV) {
            writeCsv(export, out);
        } else {
            writeJson(export, out);
        }
    }

    private void writeCsv(Export export, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = new CsvWriter(writer);
        csv.write(ExportedReview.CSV_COLUMNS.stream().map(Column::header).toList());
        long after = 0;
        for (List<ExportedReview> page = page(export, after); !page.isEmpty(); page = page(export, after)) {
            for (ExportedReview review : page) {
                csv.write(review.csvFields());
            }
            writer.flush();
            after = page.get(page.size() - 1).id();
        }
        writer.flush();
    }

    private void writeJson(Export export, OutputStream out) throws IOException {
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.writeStartObject();
            generator.writeStringField("slug", export.slug());
            generator.writeArrayFieldStart("reviews");
            long after = 0;
            for (List<ExportedReview> page = page(export, after); !page.isEmpty(); page = page(export, after)) {
                for (ExportedReview review : page) {
                    json.writeValue(generator, review);
                }
                generator.flush();
                after = page.get(page.size() - 1).id();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
    }

    private static List<ExportedReview> page(Export export, long afterId) {
        return QuarkusTransaction.requiringNew().call(() -> Review.exportPage(export.shopId(), afterId, PAGE).stream()
                .map(ExportedReview::of).toList());
    }
}
