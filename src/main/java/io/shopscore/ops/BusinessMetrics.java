package io.shopscore.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopscore.invitation.InvitationIssued;
import io.shopscore.review.ReviewChanged;

/**
 * What the service did, for /q/metrics (Prometheus): counted after the transaction committed, so a
 * rolled-back request counts nothing. Request timings come from Micrometer's HTTP instrumentation;
 * rejected inputs are counted where every error passes, in ProblemMapper.
 */
@ApplicationScoped
public class BusinessMetrics {

    private final Counter invitations;
    private final Counter reviewsWritten;
    private final Counter reviewsUpdated;
    private final Counter responses;
    private final Counter published;
    private final Counter removed;
    private final Counter withdrawn;

    public BusinessMetrics(MeterRegistry registry) {
        this.invitations = Counter.builder("shopscore.invitations.created")
                .description("Invitations created (a retry for the same order is not counted)").register(registry);
        this.reviewsWritten = Counter.builder("shopscore.reviews")
                .description("Reviews written or updated by customers").tag("change", "written").register(registry);
        this.reviewsUpdated = Counter.builder("shopscore.reviews")
                .description("Reviews written or updated by customers").tag("change", "updated").register(registry);
        this.responses = Counter.builder("shopscore.responses")
                .description("Responses set or changed by shops").register(registry);
        this.published = Counter.builder("shopscore.moderation.decisions")
                .description("Operator decisions on held or reported reviews").tag("decision", "publish").register(registry);
        this.withdrawn = Counter.builder("shopscore.reviews")
                .description("Reviews written or updated by customers").tag("change", "withdrawn").register(registry);
        this.removed = Counter.builder("shopscore.moderation.decisions")
                .description("Operator decisions on held or reported reviews").tag("decision", "remove").register(registry);
    }

    void onInvitation(@Observes(during = TransactionPhase.AFTER_SUCCESS) InvitationIssued issued) {
        invitations.increment();
    }

    void onReview(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReviewChanged changed) {
        switch (changed.change()) {
            case WRITTEN -> reviewsWritten.increment();
            case UPDATED -> reviewsUpdated.increment();
            case RESPONDED, RESPONSE_CHANGED -> responses.increment();
            case PUBLISHED -> published.increment();
            case REMOVED -> removed.increment();
            case WITHDRAWN -> withdrawn.increment();
        }
    }
}
