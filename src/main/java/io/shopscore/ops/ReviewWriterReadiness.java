package io.shopscore.ops;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.shopscore.review.ReviewWriter;

/** Ready only while the review writer runs: an instance without it acknowledges no review. */
@Readiness
@ApplicationScoped
public class ReviewWriterReadiness implements HealthCheck {

    private final ReviewWriter writer;

    public ReviewWriterReadiness(ReviewWriter writer) {
        this.writer = writer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("review writer").status(writer.isWriting()).build();
    }
}
