package io.shopscore.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.shopscore.review.ModerationEvent;
import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.problem.ProblemException;
import io.shopscore.review.Review;
import io.shopscore.review.ReviewChanges;
import io.shopscore.review.ReviewChanged;
import io.shopscore.review.ReviewStatus;
import io.shopscore.review.ReviewView;
import io.shopscore.score.CountedReview;
import io.shopscore.shop.Shop;
import io.shopscore.shop.ShopService;

/**
 * Keeping reviews honest: shops report reviews (they can never change or delete them), anyone can
 * send a notice about a published review, the operator publishes, removes or keeps what is held,
 * reported or noticed, and every step lands in the review's audit trail.
 */
@ApplicationScoped
public class ModerationService {

    static final String OPERATOR = "operator";
    /** The actor of a notice: anyone, never named in the trail by their address. */
    static final String NOTICE = "notice";

    private final Clock clock;
    private final ReviewChanges changes;
    private final Event<ReportsChanged> reportsChanged;

    public ModerationService(Clock clock, ReviewChanges changes, Event<ReportsChanged> reportsChanged) {
        this.clock = clock;
        this.changes = changes;
        this.reportsChanged = reportsChanged;
    }

    /**
     * A shop asks the operator to look at one of its reviews; one open report per review at a time.
     * {@code reportedBy} is who asked (a member's address, "api-key" or "api"), for the shop's eyes.
     */
    @Transactional
    public ReviewReport.View report(String slug, long reviewId, CreateReport request, String reportedBy) {
        Shop shop = ShopService.require(slug);
        // a review its author withdrew is gone from every list: there is nothing left to report
        Review review = Review.lock(reviewId)
                .filter(found -> found.shop().id().equals(shop.id()) && found.status() != ReviewStatus.WITHDRAWN)
                .orElseThrow(() -> ProblemException.notFound("Shop '" + slug + "' has no review " + reviewId + "."));
        if (review.status() == ReviewStatus.REMOVED) {
            throw ProblemException.conflict("This review was already removed.");
        }
        if (!ReviewReport.openFor(reviewId).isEmpty()) {
            throw ProblemException.conflict("This review is already reported and waits for the operator.");
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        ReviewReport report = ReviewReport.open(reviewId, shop.id(), request.reason(), comment, reportedBy, clock.instant());
        report.persist();
        ModerationEvent.record(reviewId, "shop:" + slug, ModerationEvent.Action.REPORTED,
                request.reason().json() + (comment == null ? "" : ": " + comment), clock.instant());
        reportsChanged.fire(new ReportsChanged(shop.id(), shop.slug()));
        return report.view();
    }

    /**
     * Anyone tells the operator that a published review should not be there (DSA article 16). The
     * notice waits in the queue; the audit trail records it without the notifier's address. 404 for
     * a review that is not public: what nobody can see, nobody can notice.
     */
    @Transactional
    public ReviewNotice.Receipt notice(long reviewId, CreateNotice request) {
        Review review = Review.lock(reviewId)
                .filter(found -> found.status() == ReviewStatus.PUBLISHED)
                .orElseThrow(() -> noPublicReview(reviewId));
        ReviewNotice notice = ReviewNotice.open(review.id(), request, clock.instant());
        notice.persist();
        ModerationEvent.record(review.id(), NOTICE, ModerationEvent.Action.NOTICED,
                request.reason().json() + " (notice " + notice.id() + ")", clock.instant());
        return notice.receipt();
    }

    /** A published review of this shop, which anyone may notice; empty for any other. */
    @Transactional
    public Optional<ReviewView> noticeable(String slug, long reviewId) {
        return Review.<Review>findByIdOptional(reviewId)
                .filter(review -> review.status() == ReviewStatus.PUBLISHED && review.shop().slug().equals(slug))
                .map(ReviewView::of);
    }

    /** The shop's reports opened since then: how many, and how the closed ones ended. */
    @Transactional
    public ReportCounts reportsByShopSince(long shopId, Instant since) {
        return ReviewReport.countByShopSince(shopId, since);
    }

    /** Reviews held for a link, email or phone number, and reviews with open reports or notices, oldest first. */
    @Transactional
    public Page<QueueItem> queue(PageRequest request) {
        return queue(request, null);
    }

    /** The queue of one shop (by slug), or of every shop when the slug is null. */
    public Page<QueueItem> queue(PageRequest request, String shopSlug) {
        String waiting = """
                (status = :pending
                or id in (select r.reviewId from ReviewReport r where r.resolvedAt is null)
                or id in (select n.reviewId from ReviewNotice n where n.resolvedAt is null))""";
        var query = shopSlug == null
                ? Review.<Review>find(waiting + " order by createdAt, id", Parameters.with("pending", ReviewStatus.PENDING))
                : Review.<Review>find(waiting + " and shop.slug = :slug order by createdAt, id",
                        Parameters.with("pending", ReviewStatus.PENDING).and("slug", shopSlug));
        List<Review> reviews = query.page(request.page(), request.size()).list();
        List<Long> ids = reviews.stream().map(Review::id).toList();
        Map<Long, List<ReviewReport.View>> reports = ReviewReport.openFor(ids).stream()
                .collect(Collectors.groupingBy(ReviewReport::reviewId, Collectors.mapping(ReviewReport::view, Collectors.toList())));
        Map<Long, List<ReviewNotice.View>> notices = ReviewNotice.openFor(ids).stream()
                .collect(Collectors.groupingBy(ReviewNotice::reviewId, Collectors.mapping(ReviewNotice::view, Collectors.toList())));
        List<QueueItem> items = reviews.stream().map(review -> new QueueItem(review.id(), review.shop().slug(), review.status(),
                review.heldBecause(), review.grade().value(), review.title(), review.text(), review.displayName(), review.createdAt(),
                review.updatedAt(), review.orderRef(), review.authorEmail(),
                reports.getOrDefault(review.id(), List.of()), notices.getOrDefault(review.id(), List.of()))).toList();
        return Page.of(items, request, query.count());
    }

    /**
     * The operator publishes, removes or keeps a review. The score moves exactly (a removed review
     * leaves it, a published one enters it); the review's open reports and notices close, upheld by
     * a removal and rejected otherwise; the decision is recorded in the audit trail.
     */
    @Transactional
    public List<ModerationEvent.View> decide(long reviewId, Decision decision) {
        Review review = Review.lock(reviewId)
                .orElseThrow(() -> ProblemException.notFound("There is no review " + reviewId + "."));
        String reason = decision.cleanReason();
        requireGrounds(decision, reason);
        Instant now = clock.instant();
        List<ReviewReport> reports = ReviewReport.openFor(reviewId);
        List<ReviewNotice> notices = ReviewNotice.openFor(reviewId);

        CountedReview before = review.counted();
        Outcome outcome = switch (decision.kind()) {
            case PUBLISH -> {
                review.publish();
                yield Outcome.REJECTED;
            }
            case REMOVE -> {
                review.remove(reason, decision.category(), now);
                yield Outcome.UPHELD;
            }
            case KEEP -> {
                requireKeepable(review, reports, notices);
                yield Outcome.REJECTED;
            }
        };
        if (decision.kind().change != null) {
            changes.apply(decision.kind().change, review, before);
        }
        reports.forEach(report -> report.resolve(outcome, now));
        notices.forEach(notice -> notice.resolve(outcome, now));
        ModerationEvent.record(reviewId, OPERATOR, decision.kind().action, decision.trailReason(), now);
        if (!reports.isEmpty()) {
            reportsChanged.fire(new ReportsChanged(review.shop().id(), review.shop().slug()));
        }
        return history(reviewId);
    }

    /** A removal states its public reason and its category; keeping a review states why; only a removal has a category. */
    private static void requireGrounds(Decision decision, String reason) {
        Decision.Kind kind = decision.kind();
        if (kind != Decision.Kind.PUBLISH && reason == null) {
            throw ProblemException.invalid("reason", kind == Decision.Kind.REMOVE
                    ? "must give the public reason for removing a review"
                    : "must give the reason for keeping a reported review");
        }
        if (kind == Decision.Kind.REMOVE && decision.category() == null) {
            throw ProblemException.invalid("category",
                    "must be one of illegal, personal_data, not_a_customer, fake, offensive, other when removing a review");
        }
        if (kind != Decision.Kind.REMOVE && decision.category() != null) {
            throw ProblemException.invalid("category", "only a removal has a category");
        }
    }

    /** Keeping means: a published review that someone reported or noticed stays up. Anything else is nothing to keep. */
    private static void requireKeepable(Review review, List<ReviewReport> reports, List<ReviewNotice> notices) {
        if (review.status() != ReviewStatus.PUBLISHED) {
            throw ProblemException.conflict("Only a published review can be kept; this one is " + review.status().json() + ".");
        }
        if (reports.isEmpty() && notices.isEmpty()) {
            throw ProblemException.conflict("This review has no open report or notice; there is nothing to decide.");
        }
    }

    private static ProblemException noPublicReview(long reviewId) {
        return ProblemException.notFound("There is no published review " + reviewId + ".");
    }

    /** Every report of one review, open or closed, oldest first; the caller has checked that the review is the shop's. */
    @Transactional
    public List<ReviewReport.ShopView> reportsOf(long reviewId) {
        return ReviewReport.allFor(reviewId).stream().map(ReviewReport::shopView).toList();
    }

    /** Which of these reviews have a report waiting for the operator. */
    @Transactional
    public Set<Long> openlyReported(List<Long> reviewIds) {
        return Set.copyOf(ReviewReport.openAmong(reviewIds));
    }

    /** The review's audit trail, oldest first. */
    @Transactional
    public List<ModerationEvent.View> history(long reviewId) {
        if (Review.findById(reviewId) == null) {
            throw ProblemException.notFound("There is no review " + reviewId + ".");
        }
        return ModerationEvent.of(reviewId).stream().map(ModerationEvent::view).toList();
    }
}
