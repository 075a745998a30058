package io.shopscore.feed.kiyoh;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A review as KiYoh's publication API shows it. Nothing is ever null: absent things are left out. */
@Schema(name = "KiyohReview")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "reviewId", "reviewAuthor", "city", "rating", "reviewContent", "reviewComments", "dateSince",
        "updatedSince", "reviewLanguage" })
public record KiyohReview(
        @Schema(description = "The review's id, as a string", examples = "4711") String reviewId,
        @Schema(description = "The author's display name; empty when they gave none", examples = "Jan") String reviewAuthor,
        @Schema(description = "Always empty: Shopscore does not ask for a city", examples = "") String city,
        @Schema(description = "The grade, 1-10", examples = "9") int rating,
        @Schema(description = "The grade, title, text and recommendation, each only when there is one") List<KiyohQuestion> reviewContent,
        @Schema(description = "The shop's public response; left out when there is none", required = false) String reviewComments,
        @Schema(description = "When it was written, UTC, yyyy-MM-ddTHH:mm:ss.SSSZ", examples = "2024-05-01T12:00:00.000Z") String dateSince,
        @Schema(description = "When it or the shop's response last changed, UTC, same format", examples = "2024-05-02T08:30:00.000Z")
        String updatedSince,
        @Schema(description = "The shop's language", examples = "nl") String reviewLanguage) {
}
