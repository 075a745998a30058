package io.shopscore.review;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A review the operator took down: shown publicly as when and why, never with its text. */
@Schema(name = "RemovedReview")
public record RemovedReview(long id, Instant createdAt, Instant removedAt,
        @Schema(description = "The operator's public reason", examples = "Not written by a customer of this shop") String reason) {
}
