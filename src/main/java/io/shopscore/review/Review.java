package io.shopscore.review;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.shopscore.insight.classify.Classification;
import io.shopscore.insight.classify.Topic;
import io.shopscore.invitation.Invitation;
import io.shopscore.problem.ProblemException;
import io.shopscore.product.Product;
import io.shopscore.score.CountedReview;
import io.shopscore.score.Grade;
import io.shopscore.shop.Shop;

/**
 * A customer's verified review of a shop, written through their invitation. The database allows
 * one per invitation (a unique key), whatever happens in the application. An imported review
 * ({@link ReviewSource#IMPORTED}) was brought over by the shop from another service: it has no
 * invitation and no author link, is not verified, and never counts in any total ({@link #counted()}).
 */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_seq")
    @SequenceGenerator(name = "review_seq", sequenceName = "review_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "shop_id", nullable = false, updatable = false)
    private Shop shop;

    /** The invitation it was written through; null only for an imported review. */
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "invitation_id", updatable = false)
    private Invitation invitation;

    /** What identifies an imported review within its shop, so a second import skips it; null for the others. */
    @Column(length = 64, updatable = false)
    private String importKey;

    @Column(nullable = false)
    private int score;

    @Column(length = 200)
    private String title;

    @Column(name = "body", nullable = false, length = ReviewSubmission.MAX_TEXT)
    private String text;

    @Column(length = 60)
    private String displayName;

    private Boolean recommend;

    @Column(nullable = false, updatable = false)
    private boolean verified;

    @Convert(converter = ReviewSourceConverter.class)
    @Column(nullable = false, updatable = false, length = 20)
    private ReviewSource source;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    @Column(length = ReviewSubmission.MAX_TEXT)
    private String responseText;

    private Instant responseCreatedAt;

    private Instant responseUpdatedAt;

    /**
     * Who wrote or last changed the response: a member's address, "api-key" (a dashboard session
     * opened with the key) or "api" (the API); for the shop's eyes only, never on a public page.
     */
    @Column(length = 254)
    private String respondedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ReviewStatus status;

    /** Why the review waits for the operator: "link", "email", "phone", comma-separated. */
    @Column(length = 100)
    private String heldBecause;

    @Column(length = 500)
    private String removalReason;

    private Instant removedAt;

    /** SHA-256 of the author's edit link ({@link EditLinks}); null once the review is withdrawn. */
    @Column(length = 64)
    private String editTokenHash;

    private Instant withdrawnAt;

    /** Why moderation removed it; null while it is not removed, and for removals made before categories existed. */
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private RemovalCategory removalCategory;

    /** 1 for the first text, one more for each change by its author; earlier ones are ReviewVersions. */
    @Column(nullable = false)
    private int version;

    /** The complaint topics the classifier found, as codes in topic order, comma-separated; empty for none. */
    @Column(length = 200)
    private String topics;

    /** Whether the customer says they will not buy there again. */
    @Column(nullable = false)
    private boolean churnIntent;

    /** Which version of the classifier tagged the review; null before the first tagging. */
    @Column(length = 16)
    private String classifierVersion;

    /** The customer's grades of the products of their order; they share this review's state. */
    @OneToMany(mappedBy = "review", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<ProductReview> productReviews = new ArrayList<>();

    protected Review() {
    }

    /**
     * The review of an invitation's customer; verified, because only they hold the token.
     * {@code ordered} are the invitation's products: only they can be graded.
     */
    static Review write(Invitation invitation, ReviewSubmission submission, Instant now, List<Product> ordered) {
        Map<Long, Rated> ratings = ratings(submission, ordered);
        Review review = new Review();
        review.shop = invitation.shop();
        review.invitation = invitation;
        review.verified = true;
        review.source = invitation.delivery() == Invitation.Delivery.EMAIL ? ReviewSource.INVITATION_EMAIL : ReviewSource.INVITATION_LINK;
        review.createdAt = now;
        review.version = 1;
        review.take(submission, ratings);
        return review;
    }

    /** A product of the order and the customer's grade of it. */
    private record Rated(Product product, ReviewSubmission.ProductRating rating) {
    }

    /**
     * The products a submission grades, by product id, checked against the order's products before
     * anything changes: a SKU that is not the order's, or one graded twice, is a 400 naming it.
     */
    private static Map<Long, Rated> ratings(ReviewSubmission submission, List<Product> ordered) {
        Map<Long, Rated> ratings = new LinkedHashMap<>();
        Map<Long, Integer> firstAt = new LinkedHashMap<>();
        List<ReviewSubmission.ProductRating> given = submission.productsOrNone();
        for (int i = 0; i < given.size(); i++) {
            String field = "products[" + i + "].sku";
            ReviewSubmission.ProductRating rating = given.get(i);
            Product product = ordered.stream().filter(candidate -> candidate.sku().equals(rating.sku())).findFirst()
                    .orElseThrow(() -> ProblemException.invalid(field, "is not a product of this order"));
            Integer first = firstAt.putIfAbsent(product.id(), i);
            if (first != null) {
                throw ProblemException.invalid(field, "grades the same product as products[" + first + "]");
            }
            ratings.put(product.id(), new Rated(product, rating));
        }
        return ratings;
    }

    /**
     * A review the shop brought over from another service: published as it was there (unless it
     * holds a link, email address or phone number, which the operator checks first, as for every
     * review), with the shop's response if it had one, never verified, and with no author link, so
     * nobody can change it as its author.
     */
    public static Review imported(Shop shop, ImportedReview imported, String importKey) {
        if (importKey == null || importKey.isEmpty()) {
            throw new IllegalArgumentException("An imported review needs its import key");
        }
        Review review = new Review();
        review.shop = shop;
        review.verified = false;
        review.source = ReviewSource.IMPORTED;
        review.importKey = importKey;
        review.createdAt = imported.writtenAt();
        review.version = 1;
        review.take(new ReviewSubmission(imported.score(), imported.text(), imported.title(), imported.recommend(),
                imported.displayName()), Map.of());
        if (imported.response() != null) {
            review.responseText = imported.response();
            review.responseCreatedAt = imported.respondedAt();
        }
        return review;
    }

    /** The review of an edit link, locked for a change by its author. */
    static Optional<Review> lockByEditTokenHash(String editTokenHash) {
        return find("editTokenHash", editTokenHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    static Optional<Review> findByEditTokenHash(String editTokenHash) {
        return find("editTokenHash", editTokenHash).firstResultOptional();
    }

    static Optional<Review> findByInvitation(Invitation invitation) {
        return find("invitation", invitation).firstResultOptional();
    }

    /**
     * The review with its row locked until the transaction ends, for every change: the customer's,
     * the shop's response and the operator's decision then happen one after the other, each on
     * the state the previous one left (locks are taken invitation first, then review, then score).
     */
    public static Optional<Review> lock(long id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    static Optional<Review> lockByInvitation(Invitation invitation) {
        return find("invitation", invitation).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The shop's public reviews, newest first. */
    static PanacheQuery<Review> publishedOf(Shop shop) {
        return find("shop = ?1 and status = ?2", Sort.descending("createdAt", "id"), shop, ReviewStatus.PUBLISHED);
    }

    /** The shop's published negative reviews without a response, longest waiting first. */
    public static List<Review> awaitingResponse(long shopId, int limit) {
        return find("shop.id = ?1 and status = ?2 and score <= ?3 and responseText is null and source <> ?4", Sort.ascending("createdAt", "id"),
                shopId, ReviewStatus.PUBLISHED, Grade.HIGHEST_NEGATIVE, ReviewSource.IMPORTED).page(0, limit).list();
    }

    /** How many of the shop's public reviews are imported ones (the score counts the others). */
    static long publishedImportedCount(Shop shop) {
        return count("shop = ?1 and status = ?2 and source = ?3", shop, ReviewStatus.PUBLISHED, ReviewSource.IMPORTED);
    }

    /** Which of these import keys the shop's reviews already have. */
    public static Set<String> importKeysAmong(Shop shop, Collection<String> importKeys) {
        if (importKeys.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(getEntityManager()
                .createQuery("select r.importKey from Review r where r.shop = :shop and r.importKey in :keys", String.class)
                .setParameter("shop", shop)
                .setParameter("keys", importKeys)
                .getResultList());
    }

    /**
     * The next of the shop's reviews for its export, by id after {@code afterId}: every review the
     * shop may see, so not the withdrawn ones (their authors were erased and they show nowhere).
     */
    public static List<Review> exportPage(long shopId, long afterId, int size) {
        return find("shop.id = ?1 and id > ?2 and status <> ?3", Sort.ascending("id"), shopId, afterId, ReviewStatus.WITHDRAWN)
                .page(0, size).list();
    }

    /**
     * The shop's newest public reviews, for the KiYoh-compatible feed: written at or after
     * {@code createdSince} and changed (by the author or the shop's response) at or after
     * {@code updatedSince}, either left out by passing null.
     */
    public static List<Review> newestPublished(Shop shop, Instant createdSince, Instant updatedSince, int limit) {
        StringBuilder query = new StringBuilder("shop = :shop and status = :status");
        Parameters parameters = Parameters.with("shop", shop)
                .and("status", ReviewStatus.PUBLISHED);
        if (createdSince != null) {
            query.append(" and createdAt >= :createdSince");
            parameters.and("createdSince", createdSince);
        }
        if (updatedSince != null) {
            query.append(" and (createdAt >= :updatedSince or updatedAt >= :updatedSince"
                    + " or responseCreatedAt >= :updatedSince or responseUpdatedAt >= :updatedSince)");
            parameters.and("updatedSince", updatedSince);
        }
        return find(query.toString(), Sort.descending("createdAt", "id"), parameters).page(0, limit).list();
    }

    /**
     * One page of the shop's public reviews, oldest first, after the review written at
     * {@code afterCreatedAt} with id {@code afterId} (both null for the first page): a feed walks
     * them page by page without ever holding them all. Keyset paging along the index on
     * (shop, status, created_at, id), so each page is one index range however deep it is.
     * Imported reviews only when asked for.
     */
    public static List<Review> publishedPage(Shop shop, Instant afterCreatedAt, Long afterId, int size, boolean withImported) {
        StringBuilder query = new StringBuilder("shop = :shop and status = :status");
        Parameters parameters = Parameters.with("shop", shop).and("status", ReviewStatus.PUBLISHED);
        if (afterCreatedAt != null) {
            query.append(" and (createdAt > :afterCreatedAt or (createdAt = :afterCreatedAt and id > :afterId))");
            parameters.and("afterCreatedAt", afterCreatedAt).and("afterId", afterId);
        }
        if (!withImported) {
            query.append(" and source <> :imported");
            parameters.and("imported", ReviewSource.IMPORTED);
        }
        return find(query.toString(), Sort.ascending("createdAt", "id"), parameters).page(0, size).list();
    }

    /** How many public reviews a shop has and when the latest of them was written, changed or answered. */
    public record PublishedState(long count, Instant lastChange) {
    }

    /**
     * The state of the shop's public reviews, in one aggregate query: a feed's version, which moves
     * whenever a review is published, removed, changed or answered.
     */
    public static PublishedState publishedState(Shop shop) {
        Object[] row = getEntityManager().createQuery("""
                select count(r), max(r.createdAt), max(r.updatedAt), max(r.responseCreatedAt), max(r.responseUpdatedAt)
                from Review r where r.shop = :shop and r.status = :status""", Object[].class)
                .setParameter("shop", shop)
                .setParameter("status", ReviewStatus.PUBLISHED)
                .getSingleResult();
        Instant last = null;
        for (int i = 1; i < row.length; i++) {
            if (row[i] instanceof Instant instant && (last == null || instant.isAfter(last))) {
                last = instant;
            }
        }
        return new PublishedState(((Number) row[0]).longValue(), last);
    }

    /** The shop's removed reviews, newest removal first (their reasons are public, their texts are not). */
    static PanacheQuery<Review> removedOf(Shop shop) {
        return find("shop = ?1 and status = ?2", Sort.descending("removedAt", "id"), shop, ReviewStatus.REMOVED);
    }

    /**
     * What this review contributes to its shop's totals: nothing unless it is published, and
     * nothing ever for an imported review (another service collected it; the score says what this
     * one verified). The time to the shop's first response feeds the response figures, the tags the
     * insights.
     */
    public CountedReview counted() {
        if (status != ReviewStatus.PUBLISHED || source == ReviewSource.IMPORTED) {
            return null;
        }
        Duration responseDelay = responseCreatedAt == null ? null : Duration.between(createdAt, responseCreatedAt);
        return new CountedReview(id, score, recommend, createdAt, responseDelay, topicSet(), churnIntent,
                productReviews.stream().map(ProductReview::counted).toList());
    }

    /** Stores what the classifier found in the current text. */
    public void tag(Classification classification, String byVersion) {
        topics = classification.topics().stream().map(Topic::code).collect(Collectors.joining(","));
        churnIntent = classification.churnIntent();
        classifierVersion = byVersion;
    }

    public Set<Topic> topicSet() {
        if (topics == null || topics.isEmpty()) {
            return Set.of();
        }
        EnumSet<Topic> set = EnumSet.noneOf(Topic.class);
        for (String code : topics.split(",")) {
            Topic.fromCode(code).ifPresent(set::add);
        }
        return set;
    }

    public boolean churnIntent() {
        return churnIntent;
    }

    public String classifierVersion() {
        return classifierVersion;
    }

    /** The operator lets a held review through. */
    public void publish() {
        if (status == ReviewStatus.WITHDRAWN) {
            throw ProblemException.conflict("Its author withdrew this review.");
        }
        if (status == ReviewStatus.PUBLISHED) {
            throw ProblemException.conflict("This review is already published.");
        }
        status = ReviewStatus.PUBLISHED;
        heldBecause = null;
        removalReason = null;
        removalCategory = null;
        removedAt = null;
    }

    /** The operator takes the review down; the reason is shown publicly in its place, the category is counted publicly. */
    public void remove(String reason, RemovalCategory category, Instant now) {
        if (status == ReviewStatus.WITHDRAWN) {
            throw ProblemException.conflict("Its author withdrew this review.");
        }
        if (status == ReviewStatus.REMOVED) {
            throw ProblemException.conflict("This review is already removed.");
        }
        status = ReviewStatus.REMOVED;
        removalReason = reason;
        removalCategory = category;
        removedAt = now;
    }

    /** Gives the review its author's edit link (as its digest); once, right after it is stored. */
    void issueEditLink(String digest) {
        if (editTokenHash != null) {
            throw new IllegalStateException("Review " + id + " already has an edit link");
        }
        editTokenHash = digest;
    }

    /**
     * Holds a review that would otherwise be published for the operator to check, adding why. The
     * reasons are for the operator; the author is told that a check happens, not what tripped it.
     */
    void holdFor(List<String> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        status = ReviewStatus.PENDING;
        heldBecause = heldBecause == null ? String.join(",", reasons) : heldBecause + "," + String.join(",", reasons);
    }

    /**
     * The author withdraws the review: it counts and shows nowhere, and everything they wrote is
     * erased (the text, title and name; the grade stays as a number without a person). The edit
     * link stops working, because nothing is left to change.
     */
    void withdraw(Instant now) {
        if (status == ReviewStatus.WITHDRAWN) {
            throw ProblemException.conflict("This review was already withdrawn.");
        }
        status = ReviewStatus.WITHDRAWN;
        withdrawnAt = now;
        title = null;
        text = "";
        displayName = null;
        responseText = null;
        heldBecause = null;
        topics = "";
        churnIntent = false;
        editTokenHash = null;
        productReviews.forEach(ProductReview::erase);
    }

    boolean isRevisable(Instant now, Duration window) {
        return now.isBefore(createdAt.plus(window));
    }

    /**
     * Replaces the customer's text and grade, within the update window only, and returns the
     * version it replaced (to be kept). A removed review stays removed.
     */
    ReviewVersion revise(ReviewSubmission submission, Instant now, Duration window, List<Product> ordered) {
        if (status == ReviewStatus.WITHDRAWN) {
            throw ProblemException.conflict("This review was withdrawn and can no longer be changed.");
        }
        if (status == ReviewStatus.REMOVED) {
            throw ProblemException.conflict("This review was removed by moderation and can no longer be changed.");
        }
        if (!isRevisable(now, window)) {
            throw ProblemException.conflict("A review can be updated for " + window.toDays()
                    + " days after it was written; that time is over.");
        }
        Map<Long, Rated> ratings = ratings(submission, ordered);
        ReviewVersion previous = ReviewVersion.of(this, now);
        take(submission, ratings);
        updatedAt = now;
        version++;
        return previous;
    }

    /** Sets or replaces the shop's public response; its first time is kept for the response figures. */
    void respond(String responseText, String by, Instant now) {
        String clean = CustomerText.multiLine(responseText);
        if (clean == null || clean.isEmpty()) {
            throw ProblemException.invalid("text", "must not be blank");
        }
        if (this.responseText == null) {
            responseCreatedAt = now;
        } else {
            responseUpdatedAt = now;
        }
        this.responseText = clean;
        respondedBy = by;
    }

    private void take(ReviewSubmission submission, Map<Long, Rated> ratings) {
        String cleanText = CustomerText.multiLine(submission.text());
        if (cleanText == null || cleanText.isEmpty()) {
            throw ProblemException.invalid("text", "must not be blank");
        }
        score = submission.score();
        text = cleanText;
        title = CustomerText.singleLine(submission.title());
        displayName = CustomerText.singleLine(submission.displayName());
        recommend = submission.recommend();
        takeProducts(ratings);
        List<String> texts = new ArrayList<>(List.of(text));
        texts.add(title);
        texts.add(displayName);
        productReviews.forEach(productReview -> texts.add(productReview.text()));
        List<String> reasons = ContentScreen.reasonsToHold(texts.toArray(String[]::new));
        if (reasons.isEmpty()) {
            status = ReviewStatus.PUBLISHED;
            heldBecause = null;
        } else {
            status = ReviewStatus.PENDING;
            heldBecause = String.join(",", reasons);
        }
    }

    /**
     * Replaces the product grades with these: a product graded before keeps its row with the new
     * grade (so the unique key never sees it twice), one no longer graded goes, a new one is added.
     */
    private void takeProducts(Map<Long, Rated> ratings) {
        productReviews.removeIf(existing -> !ratings.containsKey(existing.product().id()));
        ratings.forEach((productId, rated) -> productReviews.stream()
                .filter(existing -> existing.product().id().equals(productId)).findFirst()
                .ifPresentOrElse(existing -> existing.take(rated.rating().score(), rated.rating().text()),
                        () -> productReviews.add(ProductReview.of(this, rated.product(), rated.rating().score(), rated.rating().text()))));
    }

    public Long id() {
        return id;
    }

    /** The customer's product grades, in the order they were first given. */
    public List<ProductReview> productReviews() {
        return List.copyOf(productReviews);
    }

    public Shop shop() {
        return shop;
    }

    /** The invitation it was written through; null for an imported review. */
    public Invitation invitation() {
        return invitation;
    }

    /** The shop's order reference of the review, as its invitation holds it; null for an imported review. */
    public String orderRef() {
        return invitation == null ? null : invitation.orderRef();
    }

    /** The author's email address as the invitation holds it; null for an imported review. */
    public String authorEmail() {
        return invitation == null ? null : invitation.email();
    }

    public Grade grade() {
        return new Grade(score);
    }

    public String title() {
        return title;
    }

    public String text() {
        return text;
    }

    public String displayName() {
        return displayName;
    }

    public Boolean recommend() {
        return recommend;
    }

    public boolean verified() {
        return verified;
    }

    public ReviewSource source() {
        return source;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String responseText() {
        return responseText;
    }

    public Instant responseCreatedAt() {
        return responseCreatedAt;
    }

    public Instant responseUpdatedAt() {
        return responseUpdatedAt;
    }

    /** Who wrote or last changed the response (see the field); null when not recorded. Never for the public. */
    public String respondedBy() {
        return respondedBy;
    }

    public ReviewStatus status() {
        return status;
    }

    public String heldBecause() {
        return heldBecause;
    }

    /**
     * Whether the review waits because of what it says (a link, an email address, a phone number),
     * as opposed to how it was sent (the submission signals); the author is told which.
     */
    public boolean heldForContent() {
        return heldBecause != null && List.of(heldBecause.split(",")).stream().anyMatch(List.of("link", "email", "phone")::contains);
    }

    public String removalReason() {
        return removalReason;
    }

    public Instant removedAt() {
        return removedAt;
    }

    public RemovalCategory removalCategory() {
        return removalCategory;
    }

    /** Whether its earlier texts are kept from the shop: moderation removed it for personal data, which they may hold. */
    public boolean earlierTextsWithheld() {
        return status == ReviewStatus.REMOVED && removalCategory == RemovalCategory.PERSONAL_DATA;
    }

    public int version() {
        return version;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    /** A review is negative when its grade is 5 or lower: a fail on the Dutch school scale. */
    public boolean isNegative() {
        return grade().negative();
    }
}
