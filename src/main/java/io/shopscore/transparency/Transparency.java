package io.shopscore.transparency;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shopscore.i18n.Messages;

/**
 * How a shop's reviews are collected and moderated, as api-v1.1 "Transparency" defines it: what the
 * EU Omnibus directive and the Dutch ACM ask a review platform to tell its readers, and the DSA's
 * figures on moderation.
 */
@Schema(name = "Transparency")
public record Transparency(
        @Schema(examples = "demo") String slug,
        @Schema(description = "How reviews are collected and checked, in sentences (English, or ?lang=)") Collection collection,
        @Schema(description = "Published reviews by source: invitation-email (the service mailed the customer's link), "
                + "invitation-link (the shop handed the link out), imported (never counted in a score); every key present",
                examples = "{\"invitation-email\":120,\"invitation-link\":8,\"imported\":0}")
        Map<String, Long> sources,
        @Schema(description = "Reviews removed by moderation in the last 365 days, by category: illegal, personal_data, "
                + "not_a_customer, fake, offensive, other (also removals from before categories existed); every key present",
                examples = "{\"illegal\":0,\"personal_data\":1,\"not_a_customer\":0,\"fake\":0,\"offensive\":0,\"other\":0}")
        Map<String, Long> removedLast12Months,
        @Schema(description = "Reviews the shop reported to the operator in the last 365 days") Reports reportsByShopLast12Months,
        @Schema(description = "The shop's answers to negative reviews (grade 5 or lower) written in the last 365 days")
        ResponseRate responseRate) {

    /** How reviews are collected, in words. */
    @Schema(name = "TransparencyCollection")
    public record Collection(
            @Schema(description = "Who can write a review, who can change it, what the shop can and cannot do, what is checked")
            String verification,
            @Schema(description = "Always true: every review is published, positive or negative, unless moderation removes it "
                    + "for a stated reason") boolean allReviewsPublished,
            @Schema(description = "How the score is computed") String scoreMethod) {
    }

    /** The shop's reports: all opened, and how the closed ones ended (open ones count in the total only). */
    @Schema(name = "TransparencyReports")
    public record Reports(
            @Schema(examples = "3") long total,
            @Schema(description = "The review was removed", examples = "1") long upheld,
            @Schema(description = "The review stayed", examples = "2") long rejected) {
    }

    /** Negative reviews and how many the shop answered. */
    @Schema(name = "TransparencyResponseRate")
    public record ResponseRate(
            @Schema(description = "Published reviews graded 5 or lower", examples = "10") long negative,
            @Schema(description = "How many of them have a response from the shop", examples = "9") long answered) {
    }

    /** The figures with the sentences of one language. */
    static Transparency of(TransparencyFigures figures, Messages messages) {
        Map<String, Long> sources = new LinkedHashMap<>();
        figures.sources().forEach((source, count) -> sources.put(source.json(), count));
        Map<String, Long> removed = new LinkedHashMap<>();
        figures.removed().forEach((category, count) -> removed.put(category.json(), count));
        String verification = String.join(" ", messages.trustInvited(), messages.trustAuthorOnly(), messages.trustShopLimits(),
                messages.trustChecked());
        return new Transparency(figures.slug(), new Collection(verification, true, messages.trustScore()), sources, removed,
                new Reports(figures.reports().total(), figures.reports().upheld(), figures.reports().rejected()),
                new ResponseRate(figures.negative(), figures.answered()));
    }
}
