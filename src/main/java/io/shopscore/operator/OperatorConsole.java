package io.shopscore.operator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.i18n.Formats;
import io.shopscore.i18n.Messages;
import io.shopscore.insight.InsightPages;
import io.shopscore.insight.InsightService;
import io.shopscore.insight.Insights;
import io.shopscore.insight.classify.Topic;
import io.shopscore.moderation.Decision;
import io.shopscore.moderation.ModerationService;
import io.shopscore.moderation.QueueItem;
import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.problem.Problem;
import io.shopscore.problem.ProblemException;
import io.shopscore.review.ModerationEvent;
import io.shopscore.review.RemovalCategory;
import io.shopscore.review.Review;
import io.shopscore.review.ReviewStatus;
import io.shopscore.score.Grade;
import io.shopscore.shop.CreateShop;
import io.shopscore.shop.ShopContact;
import io.shopscore.shop.ShopCreated;
import io.shopscore.shop.ShopService;
import io.shopscore.shop.ShopView;
import io.shopscore.shop.Slugs;

/**
 * What the operator does in the console, through the same services and rules as the operator API
 * (shops, moderation, platform insights); each change is written to the console's audit trail in
 * the change's own transaction.
 */
@ApplicationScoped
public class OperatorConsole {

    static final List<Integer> PERIODS = List.of(3, 6, 12, 24);
    /** How the audit trail writes "no contact address" before or after a change. */
    private static final String NO_ADDRESS = "–";
    private static final int BAR_STEP = 24;

    private final Clock clock;
    private final ShopService shops;
    private final ModerationService moderation;
    private final InsightService insights;
    private final Validator validator;
    private final Formats formats;
    private final ZoneId zone;

    public OperatorConsole(Clock clock, ShopService shops, ModerationService moderation, InsightService insights, Validator validator,
            Formats formats, ShopscoreConfig config) {
        this.clock = clock;
        this.shops = shops;
        this.moderation = moderation;
        this.insights = insights;
        this.validator = validator;
        this.formats = formats;
        this.zone = config.timeZone();
    }

    /** A page of the shops whose slug or name contains the text (all shops for none). */
    public ShopsView shops(String query, PageRequest request, ShopsView.ShopForm form, String lang) {
        String text = query == null ? "" : query.strip();
        Page<ShopView> found = shops.search(text, request);
        List<ShopsView.Row> rows = found.items().stream()
                .map(shop -> new ShopsView.Row(shop.slug(), shop.name(), shop.websiteUrl(), shop.locale(), formats.date(shop.createdAt(), lang),
                        shop.contactEmail()))
                .toList();
        return new ShopsView(text, rows, found.page(), found.page() > 0, found.hasNext(), found.total(), form);
    }

    /**
     * Registers a shop exactly as {@code POST /api/v1/shops} does (the same checks, 400 naming the bad
     * field, 409 for a taken slug) and records who did it.
     */
    @Transactional
    public ShopCreated createShop(Operator operator, CreateShop request) {
        requireValid(validator.validate(request));
        ShopCreated created = shops.create(request);
        OperatorAction.record(operator.name(), OperatorAction.Kind.SHOP_CREATED, created.slug(), null, null, clock.instant());
        return created;
    }

    /**
     * One shop with the form for its contact address: what was typed and the bad field when a change
     * was refused (else the current address), and whether a change was just saved. Empty for an
     * unknown shop.
     */
    public Optional<ShopPage> shop(String slug, ShopPage.ContactForm form, boolean saved, String lang) {
        if (slug == null || !Slugs.isValid(slug)) {
            return Optional.empty();
        }
        return shops.find(slug).map(shop -> new ShopPage(shop.slug(), shop.name(), shop.websiteUrl(), shop.locale(),
                formats.date(shop.createdAt(), lang), shop.contactEmail(),
                form != null ? form : new ShopPage.ContactForm(shop.contactEmail() == null ? "" : shop.contactEmail(), null), saved));
    }

    /**
     * Sets, replaces or (blank) removes the shop's contact address, with the check of
     * {@code PUT /api/v1/shops/{slug}/contact} (400 naming contactEmail, 404 for an unknown shop),
     * and records the old and the new address in the audit trail: the operator is the only one who
     * can give a shop without a member its first one, so who did it must be on record.
     */
    @Transactional
    public void changeContact(Operator operator, String slug, String contactEmail) {
        String contact = contactEmail == null || contactEmail.isBlank() ? null : contactEmail.strip();
        requireValid(validator.validate(new ShopContact(contact)));
        String before = shops.find(slug).orElseThrow(() -> ProblemException.notFound("There is no shop '" + slug + "'.")).contactEmail();
        shops.changeContact(slug, contact);
        OperatorAction.record(operator.name(), OperatorAction.Kind.CONTACT_CHANGED, slug, null,
                (before == null ? NO_ADDRESS : before) + " → " + (contact == null ? NO_ADDRESS : contact), clock.instant());
    }

    /** A page of the moderation queue, each review with its holds, reports, notices and audit trail. */
    public QueueView queue(PageRequest request, String shop, String lang) {
        OperatorMessages text = texts(lang);
        Page<QueueItem> found = moderation.queue(request, shop);
        List<QueueView.Entry> entries = found.items().stream().map(item -> entry(item, text, lang)).toList();
        return new QueueView(entries, shop, found.page(), found.page() > 0, found.hasNext(), found.total());
    }

    private QueueView.Entry entry(QueueItem item, OperatorMessages text, String lang) {
        List<String> heldFor = item.heldBecause() == null ? List.of()
                : Arrays.stream(item.heldBecause().split(",")).distinct().map(reason -> heldLabel(reason, text)).toList();
        List<QueueView.Report> reports = item.reports().stream()
                .map(report -> new QueueView.Report(categoryLabel(report.reason().json(), text), report.comment(), formats.date(report.createdAt(), lang)))
                .toList();
        List<QueueView.Notice> notices = item.notices().stream()
                .map(notice -> new QueueView.Notice(notice.id(), categoryLabel(notice.reason().json(), text), notice.explanation(),
                        notice.email(), formats.date(notice.createdAt(), lang)))
                .toList();
        List<QueueView.TrailLine> trail = moderation.history(item.reviewId()).stream()
                .map(line -> new QueueView.TrailLine(line.actor(), actionLabel(line.action(), text), line.reason(), dateTime(line.at(), lang)))
                .toList();
        boolean keepable = item.status() == ReviewStatus.PUBLISHED && !(reports.isEmpty() && notices.isEmpty());
        return new QueueView.Entry(item.reviewId(), item.shop(), statusLabel(item.status(), text), heldFor, item.score(),
                new Grade(item.score()).band().css(), item.title(), item.text(), item.displayName(), formats.date(item.createdAt(), lang),
                item.orderRef(), item.email(), reports, notices, trail, item.status() == ReviewStatus.PENDING, keepable);
    }

    /**
     * Publishes, removes or keeps a review through the moderation service (its rules: a removal needs
     * a public reason and a category, keeping needs a reason) and records the decision in the
     * console's audit trail in the same transaction. A category is only read for a removal, as the
     * form always sends its list.
     */
    @Transactional
    public void decide(Operator operator, long reviewId, String decision, String reason, String category) {
        boolean removal = "remove".equals(decision);
        RemovalCategory removalCategory = removal ? RemovalCategory.ofJson(category) : null;
        if (removal && category != null && !category.isBlank() && removalCategory == null) {
            throw ProblemException.invalid("category", "must be one of illegal, personal_data, not_a_customer, fake, offensive, other");
        }
        Decision request = new Decision(decision, reason, removalCategory);
        requireValid(validator.validate(request));
        moderation.decide(reviewId, request);
        String slug = Review.<Review>findById(reviewId).shop().slug();
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        String recorded = removalCategory == null ? cleanReason : removalCategory.json() + ": " + cleanReason;
        OperatorAction.Kind kind = switch (decision) {
            case "publish" -> OperatorAction.Kind.REVIEW_PUBLISHED;
            case "remove" -> OperatorAction.Kind.REVIEW_REMOVED;
            default -> OperatorAction.Kind.REVIEW_KEPT;
        };
        OperatorAction.record(operator.name(), kind, slug, reviewId, recorded, clock.instant());
    }

    /** The console's audit trail, newest first. */
    @Transactional
    public AuditView audit(PageRequest request, String lang) {
        OperatorMessages text = texts(lang);
        List<OperatorAction> found = OperatorAction.newest(request.page(), request.size() + 1);
        List<AuditView.Line> lines = found.stream().limit(request.size())
                .map(action -> {
                    // a contact change keeps the old and the new address where a decision keeps its reason
                    boolean change = action.action() == OperatorAction.Kind.CONTACT_CHANGED;
                    return new AuditView.Line(dateTime(action.createdAt(), lang), action.operator(), kindLabel(action.action(), text),
                            action.shopSlug(), action.reviewId(), change ? null : action.reason(), change ? action.reason() : null);
                })
                .toList();
        return new AuditView(lines, request.page(), request.page() > 0, found.size() > request.size());
    }

    /** The platform's insights (the operator API's figures) laid out as a page: labels in its language, chart geometry. */
    public PlatformView platform(int months, String lang) {
        Messages text = messages(lang);
        Insights figures = insights.forPlatform(months);
        BigDecimal largest = figures.topics().stream().map(Insights.TopicFigure::negativeShare).filter(share -> share != null)
                .max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        // the axis runs to the next multiple of 20 %, so that its four steps are whole numbers
        int axisMax = Math.max(20, (largest.setScale(0, RoundingMode.CEILING).intValue() + 19) / 20 * 20);
        List<PlatformView.Bar> bars = new ArrayList<>();
        int y = 0;
        for (Insights.TopicFigure topic : figures.topics()) {
            BigDecimal share = topic.negativeShare() == null ? BigDecimal.ZERO : topic.negativeShare();
            int width = share.multiply(BigDecimal.valueOf(PlatformView.PLOT_WIDTH)).divide(BigDecimal.valueOf(axisMax), RoundingMode.HALF_UP)
                    .intValue();
            bars.add(new PlatformView.Bar(InsightPages.label(topic.topic(), text), percent(topic.negativeShare(), lang), topic.negative(), y, width));
            y += BAR_STEP;
        }
        List<PlatformView.Tick> ticks = new ArrayList<>();
        for (int step = 0; step <= 4; step++) {
            ticks.add(new PlatformView.Tick(PlatformView.PLOT_LEFT + PlatformView.PLOT_WIDTH * step / 4, axisMax * step / 4 + "%"));
        }
        OperatorMessages own = texts(lang);
        List<String> measures = List.of(own.opInsightsStudyServiceOrDelivery(), own.opInsightsStudyChurn(), own.opInsightsStudyServiceOfChurn(),
                own.opInsightsStudyStockOfChurn());
        List<PlatformView.Study> study = new ArrayList<>();
        List<Insights.StudyFigure> studyFigures = figures.study() == null ? List.of() : figures.study();
        for (int i = 0; i < studyFigures.size(); i++) {
            Insights.StudyFigure figure = studyFigures.get(i);
            study.add(new PlatformView.Study(i < measures.size() ? measures.get(i) : figure.measure(), percent(figure.study(), lang),
                    percent(figure.platform(), lang)));
        }
        DateTimeFormatter monthName = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.forLanguageTag(lang));
        List<PlatformView.Month> trend = figures.trend().stream()
                .map(month -> new PlatformView.Month(YearMonth.parse(month.month()).format(monthName), month.reviews(), month.negative(),
                        month.churn(), Arrays.stream(Topic.values()).map(topic -> month.negativeByTopic().getOrDefault(topic, 0L)).toList()))
                .toList();
        var responses = figures.responses();
        return new PlatformView(months, PERIODS, figures.reviews(), figures.negativeReviews(), figures.churn().count(),
                responses.percentage() == null ? "–" : responses.percentage() + "%",
                responses.medianHours() == null ? "–" : text.insightsHours(formats.decimal(responses.medianHours(), lang)),
                bars, y + 32, ticks, study, Arrays.stream(Topic.values()).map(topic -> InsightPages.label(topic, text)).toList(), trend);
    }

    private static void requireValid(Set<? extends ConstraintViolation<?>> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.stream()
                    .map(violation -> new Problem.Violation(violation.getPropertyPath().toString(), violation.getMessage()))
                    .sorted(Comparator.comparing(Problem.Violation::field)).toList());
        }
    }

    private String dateTime(Instant instant, String lang) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Locale.forLanguageTag(lang))
                .format(instant.atZone(zone));
    }

    private String percent(BigDecimal share, String lang) {
        return share == null ? "–" : formats.decimal(share, lang) + "%";
    }

    private static Messages messages(String lang) {
        return MessageBundles.get(Messages.class, Localized.Literal.of(lang));
    }

    private static OperatorMessages texts(String lang) {
        return MessageBundles.get(OperatorMessages.class, Localized.Literal.of(lang));
    }

    private static String heldLabel(String reason, OperatorMessages text) {
        return switch (reason) {
            case "link" -> text.opQueueHeldLink();
            case "email" -> text.opQueueHeldEmail();
            case "phone" -> text.opQueueHeldPhone();
            default -> reason;
        };
    }

    private static String statusLabel(ReviewStatus status, OperatorMessages text) {
        return switch (status) {
            case PENDING -> text.opQueueStatusPending();
            case PUBLISHED -> text.opQueueStatusPublished();
            case REMOVED -> text.opQueueStatusRemoved();
            case WITHDRAWN -> text.opQueueStatusWithdrawn();
        };
    }

    /** Report reasons are a subset of the removal categories, with the same names. */
    private static String categoryLabel(String category, OperatorMessages text) {
        return switch (category) {
            case "illegal" -> text.opCategoryIllegal();
            case "personal_data" -> text.opCategoryPersonalData();
            case "not_a_customer" -> text.opCategoryNotACustomer();
            case "fake" -> text.opCategoryFake();
            case "offensive" -> text.opCategoryOffensive();
            default -> text.opCategoryOther();
        };
    }

    private static String actionLabel(String action, OperatorMessages text) {
        return switch (ModerationEvent.Action.valueOf(action.toUpperCase(Locale.ROOT))) {
            case HELD -> text.opTrailHeld();
            case REPORTED -> text.opTrailReported();
            case NOTICED -> text.opTrailNoticed();
            case PUBLISHED -> text.opTrailPublished();
            case REMOVED -> text.opTrailRemoved();
            case KEPT -> text.opTrailKept();
        };
    }

    private static String kindLabel(OperatorAction.Kind kind, OperatorMessages text) {
        return switch (kind) {
            case SHOP_CREATED -> text.opAuditShopCreated();
            case CONTACT_CHANGED -> text.opAuditContactChanged();
            case REVIEW_PUBLISHED -> text.opTrailPublished();
            case REVIEW_REMOVED -> text.opTrailRemoved();
            case REVIEW_KEPT -> text.opTrailKept();
        };
    }
}
