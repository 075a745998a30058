package io.shopscore.insight;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shopscore.insight.classify.Topic;
import io.shopscore.review.ReviewView;

/** A review in an insight drill-down: the public review with what the classifier found in it. */
@Schema(name = "TaggedReview")
public record TaggedReview(
        @JsonUnwrapped ReviewView review,
        @Schema(description = "Complaint topics found in the text") List<Topic> topics,
        @Schema(description = "The customer says they will not buy there again") boolean churnIntent) {
}
