package io.shopscore.moderation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.problem.ProblemException;
import io.shopscore.review.Review;
import io.shopscore.review.ReviewChanged;
import io.shopscore.review.ReviewStatus;
import io.shopscore.score.CountedReview;
import io.shopscore.score.ScoreService;
import io.shopscore.shop.Shop;
import io.shopscore.shop.ShopService;

/**
 * Keeping reviews honest: shops report reviews (they can never change or delete them), the operator
 * publishes or removes what is held or reported, and every step lands in the review's audit trail.
 */
@ApplicationScoped
public class ModerationService {

    static final String OPERATOR = "operator";
    static final String SYSTEM = "system";

    private final Clock clock;
    private final ScoreService scores;
    private final Event<ReviewChanged> changes;

    public ModerationService(Clock clock, ScoreService scores, Event<ReviewChanged> changes) {
        this.clock = clock;
        this.scores = scores;
        this.changes = changes;
    }

    /** A shop asks the operator to look at one of its reviews; one open report per review at a time. */
    @Transactional
    public ReviewReport.View report(String slug, long reviewId, CreateReport request) {
        Shop shop = ShopService.require(slug);
        Review review = Review.lock(reviewId)
                .filter(found -> found.shop().id().equals(shop.id()))
                .orElseThrow(() -> ProblemException.notFound("Shop '" + slug + "' has no review " + reviewId + "."));
        if (review.status() == ReviewStatus.REMOVED) {
            throw ProblemException.conflict("This review was already removed.");
        }
        if (!ReviewReport.openFor(reviewId).isEmpty()) {
            throw ProblemException.conflict("This review is already reported and waits for the operator.");
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        ReviewReport report = ReviewReport.open(reviewId, request.reason(), comment, clock.instant());
        report.persist();
        ModerationEvent.record(reviewId, "shop:" + slug, ModerationEvent.Action.REPORTED,
                request.reason().json() + (comment == null ? "" : ": " + comment), clock.instant());
        return report.view();
    }

    /** Reviews held for a link, email or phone number, and reviews with open reports, oldest first. */
    @Transactional
    public Page<QueueItem> queue(PageRequest request) {
        var query = Review.<Review>find("""
                status = ?1 or id in (select r.reviewId from ReviewReport r where r.resolvedAt is null)
                order by createdAt, id""", ReviewStatus.PENDING);
        List<Review> reviews = query.page(request.page(), request.size()).list();
        Map<Long, List<ReviewReport.View>> reports = ReviewReport.openFor(reviews.stream().map(Review::id).toList()).stream()
                .collect(Collectors.groupingBy(ReviewReport::reviewId, Collectors.mapping(ReviewReport::view, Collectors.toList())));
        List<QueueItem> items = reviews.stream().map(review -> new QueueItem(review.id(), review.shop().slug(), review.status(),
                review.heldBecause(), review.score(), review.title(), review.text(), review.displayName(), review.createdAt(),
                review.updatedAt(), review.invitation().orderRef(), review.invitation().email(),
                reports.getOrDefault(review.id(), List.of()))).toList();
        return Page.of(items, request, query.count());
    }

    /**
     * The operator publishes or removes a review. The score moves exactly (a removed review leaves
     * it, a published one enters it), open reports close, and the decision is recorded.
     */
    @Transactional
    public List<ModerationEvent.View> decide(long reviewId, Decision decision) {
        Review review = Review.lock(reviewId)
                .orElseThrow(() -> ProblemException.notFound("There is no review " + reviewId + "."));
        String reason = decision.reason() == null || decision.reason().isBlank() ? null : decision.reason().strip();
        if (!decision.publishes() && reason == null) {
            throw ProblemException.invalid("reason", "must give the public reason for removing a review");
        }
        CountedReview before = review.counted();
        if (decision.publishes()) {
            review.publish();
        } else {
            review.remove(reason, clock.instant());
        }
        scores.move(review.shop(), before, review.counted());
        ReviewReport.openFor(reviewId).forEach(report -> report.resolve(clock.instant()));
        ModerationEvent.record(reviewId, OPERATOR,
                decision.publishes() ? ModerationEvent.Action.PUBLISHED : ModerationEvent.Action.REMOVED, reason, clock.instant());
        changes.fire(new ReviewChanged(decision.publishes() ? ReviewChanged.Change.PUBLISHED : ReviewChanged.Change.REMOVED,
                review.id(), review.shop().id(), review.shop().slug()));
        return history(reviewId);
    }

    /** The review's audit trail, oldest first. */
    @Transactional
    public List<ModerationEvent.View> history(long reviewId) {
        if (Review.findById(reviewId) == null) {
            throw ProblemException.notFound("There is no review " + reviewId + ".");
        }
        return ModerationEvent.of(reviewId).stream().map(ModerationEvent::view).toList();
    }

    /** Records in the audit trail that a review was held when it was written or changed. */
    void onReviewChanged(@Observes ReviewChanged change) {
        if (change.change() != ReviewChanged.Change.WRITTEN && change.change() != ReviewChanged.Change.UPDATED) {
            return;
        }
        Review review = Review.findById(change.reviewId());
        if (review.status() == ReviewStatus.PENDING) {
            ModerationEvent.record(review.id(), SYSTEM, ModerationEvent.Action.HELD,
                    "contains: " + review.heldBecause().replace(",", ", "), clock.instant());
        }
    }
}
