package io.shopscore.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.shopscore.i18n.Formats;
import io.shopscore.i18n.Messages;
import io.shopscore.insight.InsightPages;
import io.shopscore.insight.classify.Topic;
import io.shopscore.moderation.CreateReport;
import io.shopscore.moderation.ModerationService;
import io.shopscore.moderation.Outcome;
import io.shopscore.moderation.ReportReason;
import io.shopscore.moderation.ReviewReport;
import io.shopscore.review.ModerationEvent;
import io.shopscore.review.Review;
import io.shopscore.review.ReviewService;
import io.shopscore.review.ReviewSource;
import io.shopscore.review.ReviewStatus;
import io.shopscore.review.ReviewVersion;
import io.shopscore.review.ShopResponse;
import io.shopscore.score.Grade;
import io.shopscore.session.SignedIn;

/**
 * The Reviews page of the dashboard: the shop's reviews filtered and paged, one review's whole
 * story, and the two things a shop may do about a review, respond and report. Both go through the
 * services the API uses ({@link ReviewService#respond}, {@link ModerationService#report}), so
 * their rules hold here unchanged; nothing here can hide, edit or re-grade a review.
 */
@ApplicationScoped
public class DashboardReviews {

    static final int PAGE_SIZE = 20;

    private final EntityManager entities;
    private final ReviewService reviews;
    private final ModerationService moderation;
    private final Validator validator;
    private final Formats formats;

    public DashboardReviews(EntityManager entities, ReviewService reviews, ModerationService moderation, Validator validator,
            Formats formats) {
        this.entities = entities;
        this.reviews = reviews;
        this.moderation = moderation;
        this.validator = validator;
        this.formats = formats;
    }

    /** A form value that breaks the API's rules for it: the field, for the 400 page. */
    public static final class BadInput extends RuntimeException {
        private final String field;

        BadInput(String field) {
            super("Bad value for " + field, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * One page of the shop's reviews matching the filter, newest first: every review the shop may
     * see (published, held, removed; not the withdrawn ones, whose authors were erased).
     */
    @Transactional
    public ReviewListPage list(SignedIn session, ReviewFilter filter, String lang, String error, Long errorReview, String postedText) {
        ReviewsMessages text = messages(lang);
        Messages shared = MessageBundles.get(Messages.class, Localized.Literal.of(lang));
        Query query = query(session.shopId(), filter);
        long total = query.count(entities);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        List<Review> found = query.select(entities).setFirstResult((filter.page() - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
        Set<Long> reported = moderation.openlyReported(found.stream().map(Review::id).toList());
        List<ReviewListPage.Item> items = found.stream().map(review -> item(review, reported.contains(review.id()), text, shared, lang)).toList();
        String previous = filter.page() > 1 ? filter.onPage(Math.min(filter.page() - 1, pages)).query(lang) : null;
        String next = filter.page() < pages ? filter.onPage(filter.page() + 1).query(lang) : null;
        return new ReviewListPage(lang, session, filter, items, total, filter.page(), pages, previous, next, filter.query(lang),
                bands(filter, text), topics(filter, shared), sources(filter, text), reasons(text), error, errorReview, postedText);
    }

    /** The review with everything that happened to it; empty when the shop has no such review (another shop's included). */
    @Transactional
    public Optional<ReviewDetailsPage> details(SignedIn session, long reviewId, String lang) {
        Optional<Review> found = Review.<Review>findByIdOptional(reviewId)
                .filter(review -> review.shop().id().equals(session.shopId()) && review.status() != ReviewStatus.WITHDRAWN);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Review review = found.get();
        ReviewsMessages text = messages(lang);
        List<ReviewDetailsPage.Line> holds = new ArrayList<>();
        List<ReviewDetailsPage.Line> decisions = new ArrayList<>();
        for (ModerationEvent.View line : moderation.history(reviewId)) {
            switch (line.action()) {
                case "held" -> holds.add(new ReviewDetailsPage.Line(text.dashReviewsHeld(), line.reason(), date(line.at(), lang)));
                case "published" -> decisions.add(new ReviewDetailsPage.Line(text.dashReviewsDecisionPublished(), line.reason(), date(line.at(), lang)));
                case "removed" -> decisions.add(new ReviewDetailsPage.Line(text.dashReviewsDecisionRemoved(), line.reason(), date(line.at(), lang)));
                case "kept" -> decisions.add(new ReviewDetailsPage.Line(text.dashReviewsDecisionKept(), line.reason(), date(line.at(), lang)));
                default -> {
                    // reports are listed from their own rows (with who made them); notices from
                    // anyone stay with the operator
                }
            }
        }
        List<ReviewDetailsPage.Report> reports = moderation.reportsOf(reviewId).stream()
                .map(report -> new ReviewDetailsPage.Report(reasonLabel(report.reason(), text), report.comment(),
                        report.reportedBy() == null ? text.dashReviewsByUnknown() : report.reportedBy(), date(report.createdAt(), lang),
                        outcomeLabel(report, text), date(report.resolvedAt(), lang)))
                .toList();
        boolean versionsHidden = review.earlierTextsWithheld();
        List<ReviewDetailsPage.Version> versions = versionsHidden ? List.of()
                : reviews.versions(session.slug(), reviewId).stream().map(version -> version(version, lang)).toList();
        return Optional.of(new ReviewDetailsPage(lang, session, review.id(), review.grade().value(), review.grade().band().css(),
                review.title(), review.text(), author(review, text), date(review.createdAt(), lang), date(review.updatedAt(), lang),
                review.source() == ReviewSource.IMPORTED, review.verified(), statusLabel(review, text), review.removalReason(),
                date(review.removedAt(), lang), review.responseText(),
                date(review.responseUpdatedAt() != null ? review.responseUpdatedAt() : review.responseCreatedAt(), lang),
                responder(review, text), holds, reports, decisions, versions, versionsHidden));
    }

    /**
     * The shop's response, set or changed by a signed-in member, through the API's service and
     * rules (length, one response that an edit replaces); the member is recorded as its author.
     * {@link BadInput} for a text the API would refuse; 404/409 problems as the API gives them.
     */
    public void respond(SignedIn session, long reviewId, String responseText) {
        ShopResponse response = new ShopResponse(responseText);
        if (!validator.validate(response).isEmpty()) {
            throw new BadInput("text");
        }
        reviews.respond(session.slug(), reviewId, response, session.member());
    }

    /**
     * A report to the operator, by a signed-in member, through the API's service and rules (the same
     * reasons, one open report per review); the member is recorded as who reported.
     */
    public void report(SignedIn session, long reviewId, String reason, String comment) {
        ReportReason chosen = Arrays.stream(ReportReason.values()).filter(candidate -> candidate.json().equals(reason)).findFirst()
                .orElseThrow(() -> new BadInput("reason"));
        CreateReport request = new CreateReport(chosen, comment);
        if (!validator.validate(request).isEmpty()) {
            throw new BadInput("comment");
        }
        moderation.report(session.slug(), reviewId, request, session.member());
    }

    /** The list's query: every filter a condition with its parameters, never text put into the query. */
    record Query(String where, Map<String, Object> parameters) {

        long count(EntityManager entities) {
            return bind(entities.createQuery("select count(r) from Review r where " + where, Long.class)).getSingleResult();
        }

        TypedQuery<Review> select(EntityManager entities) {
            return bind(entities.createQuery("select r from Review r where " + where + " order by r.createdAt desc, r.id desc", Review.class));
        }

        private <T> TypedQuery<T> bind(TypedQuery<T> query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }

    static Query query(long shopId, ReviewFilter filter) {
        StringBuilder where = new StringBuilder("r.shop.id = :shop and r.status <> :withdrawn");
        Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        parameters.put("shop", shopId);
        parameters.put("withdrawn", ReviewStatus.WITHDRAWN);
        if (filter.band() != null) {
            where.append(" and r.score in :grades");
            parameters.put("grades", filter.band().grades());
        }
        if (filter.topic() != null) {
            where.append(" and concat(',', r.topics, ',') like :topic escape '!'");
            parameters.put("topic", filter.topicPattern());
        }
        if (filter.answered() != null) {
            where.append(filter.answered() ? " and r.responseText is not null" : " and r.responseText is null");
        }
        if (filter.reported() != null) {
            where.append(filter.reported() ? " and" : " and not").append(
                    " exists (select 1 from ReviewReport report where report.reviewId = r.id and report.resolvedAt is null)");
        }
        if (filter.source() != null) {
            // connector orders name the invitation they made (connector.ConnectorOrder)
            String viaConnector = "exists (select 1 from ConnectorOrder c where c.shopId = :shop and c.invitationId = r.invitation.id)";
            switch (filter.source()) {
                case INVITED -> where.append(" and r.source <> :imported and not ").append(viaConnector);
                case CONNECTOR -> where.append(" and r.source <> :imported and ").append(viaConnector);
                case IMPORTED -> where.append(" and r.source = :imported");
            }
            parameters.put("imported", ReviewSource.IMPORTED);
        }
        if (filter.search() != null) {
            where.append(" and (lower(coalesce(r.title, '')) like :search escape '!' or lower(r.text) like :search escape '!')");
            parameters.put("search", filter.searchPattern());
        }
        return new Query(where.toString(), parameters);
    }

    private ReviewListPage.Item item(Review review, boolean reported, ReviewsMessages text, Messages shared, String lang) {
        boolean removed = review.status() == ReviewStatus.REMOVED;
        return new ReviewListPage.Item(review.id(), review.grade().value(), review.grade().band().css(), review.title(), review.text(),
                author(review, text), date(review.createdAt(), lang), review.source() == ReviewSource.IMPORTED, statusLabel(review, text),
                review.status() == ReviewStatus.PENDING ? review.heldBecause() : null, review.removalReason(), reported,
                review.responseText(), review.responseText() == null ? null : responder(review, text),
                review.topicSet().stream().map(topic -> InsightPages.label(topic, shared)).toList(), !removed, !removed && !reported);
    }

    private static String author(Review review, ReviewsMessages text) {
        return review.displayName() != null ? review.displayName() : text.dashReviewsNoName();
    }

    private static String responder(Review review, ReviewsMessages text) {
        if (review.respondedBy() != null) {
            return review.respondedBy();
        }
        return review.source() == ReviewSource.IMPORTED ? text.dashReviewsImported() : text.dashReviewsByUnknown();
    }

    private static String statusLabel(Review review, ReviewsMessages text) {
        return switch (review.status()) {
            case PUBLISHED -> text.dashReviewsStatusPublished();
            case PENDING -> text.dashReviewsStatusHeld();
            case REMOVED -> text.dashReviewsStatusRemoved();
            case WITHDRAWN -> throw new IllegalStateException("A withdrawn review is shown nowhere");
        };
    }

    static String reasonLabel(ReportReason reason, ReviewsMessages text) {
        return switch (reason) {
            case NOT_A_CUSTOMER -> text.dashReviewsReasonNotACustomer();
            case OFFENSIVE -> text.dashReviewsReasonOffensive();
            case PERSONAL_DATA -> text.dashReviewsReasonPersonalData();
            case OTHER -> text.dashReviewsReasonOther();
        };
    }

    private static String outcomeLabel(ReviewReport.ShopView report, ReviewsMessages text) {
        if (report.outcome() == null) {
            return text.dashReviewsReportOpen();
        }
        return report.outcome() == Outcome.UPHELD ? text.dashReviewsReportUpheld() : text.dashReviewsReportRejected();
    }

    private ReviewDetailsPage.Version version(ReviewVersion.View version, String lang) {
        return new ReviewDetailsPage.Version(version.version(), version.score(), new Grade(version.score()).band().css(), version.title(), version.text(),
                date(version.writtenAt(), lang), date(version.replacedAt(), lang));
    }

    private static List<ReviewListPage.Option> bands(ReviewFilter filter, ReviewsMessages text) {
        return Arrays.stream(ReviewFilter.GradeBand.values()).map(band -> new ReviewListPage.Option(band.code(), switch (band) {
            case NEGATIVE -> text.dashReviewsBandNegative(band.range());
            case NEUTRAL -> text.dashReviewsBandNeutral(band.range());
            case POSITIVE -> text.dashReviewsBandPositive(band.range());
        }, band == filter.band())).toList();
    }

    private static List<ReviewListPage.Option> topics(ReviewFilter filter, Messages text) {
        return Arrays.stream(Topic.values())
                .map(topic -> new ReviewListPage.Option(topic.code(), InsightPages.label(topic, text), topic == filter.topic())).toList();
    }

    private static List<ReviewListPage.Option> sources(ReviewFilter filter, ReviewsMessages text) {
        return Arrays.stream(ReviewFilter.Source.values()).map(source -> new ReviewListPage.Option(source.code(), switch (source) {
            case INVITED -> text.dashReviewsSourceInvited();
            case CONNECTOR -> text.dashReviewsSourceConnector();
            case IMPORTED -> text.dashReviewsSourceImported();
        }, source == filter.source())).toList();
    }

    private static List<ReviewListPage.Option> reasons(ReviewsMessages text) {
        return Arrays.stream(ReportReason.values()).map(reason -> new ReviewListPage.Option(reason.json(), reasonLabel(reason, text), false))
                .toList();
    }

    private String date(Instant instant, String lang) {
        return instant == null ? null : formats.date(instant, lang);
    }

    private static ReviewsMessages messages(String lang) {
        return MessageBundles.get(ReviewsMessages.class, Localized.Literal.of(lang));
    }
}
