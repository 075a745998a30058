package io.shopscore.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopscore.config.ShopscoreConfig;
import io.shopscore.insight.classify.ReviewClassifier;
import io.shopscore.invitation.Invitation;
import io.shopscore.invitation.InvitationService;
import io.shopscore.invitation.OrderedProduct;
import io.shopscore.invitation.Tokens;
import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.persistence.RetryableRead;
import io.shopscore.persistence.UniqueConstraint;
import io.shopscore.problem.ProblemException;
import io.shopscore.product.Product;
import io.shopscore.product.ProductDetails;
import io.shopscore.product.Skus;
import io.shopscore.score.CountedReview;
import io.shopscore.score.ProductScoreService;
import io.shopscore.score.ScoreService;
import io.shopscore.shop.Shop;
import io.shopscore.shop.ShopService;

/** Writing, updating, answering and reading reviews; every change moves the score in the same transaction. */
@ApplicationScoped
public class ReviewService {

    /** Who a response sent through the API is recorded as: the key's holder, whoever that is. */
    public static final String BY_API = "api";

    private final Clock clock;
    private final ShopscoreConfig config;
    private final ScoreService scores;
    private final ReviewChanges changes;
    private final ReviewClassifier classifier;
    private final EditLinks editLinks;
    private final SubmissionSignals signals;
    private final InvitationService invitations;
    private final ProductScoreService productScores;

    public ReviewService(Clock clock, ShopscoreConfig config, ScoreService scores, ReviewChanges changes,
            ReviewClassifier classifier, EditLinks editLinks, SubmissionSignals signals, InvitationService invitations,
            ProductScoreService productScores) {
        this.productScores = productScores;
        this.clock = clock;
        this.config = config;
        this.scores = scores;
        this.changes = changes;
        this.classifier = classifier;
        this.editLinks = editLinks;
        this.signals = signals;
        this.invitations = invitations;
    }

    /**
     * Stores the customer's review and counts it in the shop's score, all or nothing. 404 for an
     * unknown token, 410 for an expired invitation, 409 when the invitation already has a review
     * (also when two arrive at once: the invitation row is locked, and the database's unique key
     * on the invitation refuses a second review whatever happens).
     */
    @Transactional
    public ReviewView submit(String token, ReviewSubmission submission, String clientAddress) {
        return write(token, submission, clock.instant(), clientAddress);
    }

    /**
     * As {@link #submit}, dated at the given instant. A review whose text holds a link, an email
     * address or a phone number, or whose submission signals add up to a risk, is stored but waits
     * for the operator before it shows and counts. {@code clientAddress} null: written by the
     * service itself (the demo data), which has no address to assess.
     */
    @Transactional
    public ReviewView write(String token, ReviewSubmission submission, Instant writtenAt, String clientAddress) {
        ReviewView review = writeInTransaction(lockInvitation(token), submission, writtenAt, clientAddress);
        UniqueConstraint.flushOrConflict(Invitation.ALREADY_REVIEWED);
        return review;
    }

    /**
     * Locks what a batch of new reviews will change, a few statements for the whole batch instead of
     * several per review: the invitations of these tokens, then the score rows of their shops in shop
     * order (so that batches queue instead of deadlocking), and the totals of the days written. Returns
     * the invitations by token, for {@link #writeInTransaction(Invitation, ReviewSubmission, Instant, String)}.
     */
    Map<String, Invitation> lockForBatch(Collection<String> tokens, Collection<Instant> writtenAt) {
        Map<String, Invitation> invitations = Invitation.lockAllByToken(tokens.stream().filter(Tokens::hasTokenForm).toList());
        Set<Long> shopIds = invitations.values().stream().map(invitation -> invitation.shop().id()).collect(Collectors.toSet());
        Set<LocalDate> days = writtenAt.stream().map(instant -> LocalDate.ofInstant(instant, ZoneOffset.UTC)).collect(Collectors.toSet());
        changes.lockForBatch(shopIds, days);
        return invitations;
    }

    /**
     * The body of {@link #write}, for an invitation already locked (null: unknown token), in a
     * transaction that the caller owns and may share with other reviews ({@link ReviewWriter}).
     * Every check comes before every change, so a {@link ProblemException} leaves the transaction
     * exactly as it found it. Deliberately not {@code @Transactional}: an exception crossing that
     * interceptor would doom the shared transaction.
     */
    ReviewView writeInTransaction(Invitation invitation, ReviewSubmission submission, Instant writtenAt, String clientAddress) {
        if (invitation == null) {
            throw unknownToken();
        }
        Review review = Review.write(invitation, submission, writtenAt, orderedProducts(invitation, submission));
        invitation.markReviewed(writtenAt);
        classify(review);
        review.persist();
        review.issueEditLink(EditLinks.digest(editLinks.token(review.id())));
        if (clientAddress != null) {
            SubmissionSignals.Assessment assessment = signals.assess(review, invitation, clientAddress);
            if (signals.holds(assessment)) {
                review.holdFor(assessment.reasons());
            }
            ReviewSignal.of(review, assessment).persist();
        }
        changes.apply(ReviewChanged.Change.WRITTEN, review, null);
        return ReviewView.of(review);
    }

    /**
     * The invitation token once opened the review for changes; no longer, because the shop may hold
     * that token (it handed the link out, or saw it before v1.1). Changes go through the author's
     * edit link. 404 while there is no review, 403 once there is.
     */
    @Transactional
    public ReviewView reviseByInvitationToken(String token) {
        Invitation invitation = lockInvitation(token);
        if (Review.findByInvitation(invitation).isEmpty()) {
            throw ProblemException.notFound("This invitation has no review yet; write one with POST.");
        }
        throw ProblemException.forbidden("The review link no longer changes a written review. Its author changes or withdraws it "
                + "through the personal edit link mailed to them right after writing it.");
    }

    /**
     * The author's change to their review through their edit link, within
     * {@code shopscore.reviews.update-window} of writing it (409 after). The score moves from the
     * old grade to the new one exactly, the replaced text is kept as a version, and the author gets
     * a notice of the change by mail.
     */
    @Transactional
    public ReviewView reviseByAuthor(String editToken, ReviewSubmission submission) {
        Review review = lockByEditToken(editToken);
        CountedReview before = review.counted();
        review.revise(submission, clock.instant(), config.reviews().updateWindow(), orderedProducts(review.invitation(), submission))
                .persist();
        classify(review);
        changes.apply(ReviewChanged.Change.UPDATED, review, before);
        return ReviewView.of(review);
    }

    /**
     * The author withdraws their review: it leaves the score exactly, shows nowhere, and the
     * service forgets them: the review's words and name, its earlier versions, what was recorded at
     * submission, and the invitation's name, address and order reference (kept only as a keyed
     * hash, so the shop cannot invite the order again). Their mails are dropped by the outbox.
     */
    @Transactional
    public void withdraw(String editToken) {
        withdrawAndErase(lockByEditToken(editToken));
    }

    /**
     * Withdraws and erases, as {@link #withdraw}, every review written through one of these
     * invitations (an erasure the operator makes for a data subject); already withdrawn ones are
     * left as they are. Returns how many were withdrawn now.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int withdrawAll(Collection<Invitation> invitations) {
        int withdrawn = 0;
        for (Invitation invitation : invitations) {
            Optional<Review> review = Review.lockByInvitation(invitation);
            if (review.isPresent() && review.get().status() != ReviewStatus.WITHDRAWN) {
                withdrawAndErase(review.get());
                withdrawn++;
            }
        }
        return withdrawn;
    }

    private void withdrawAndErase(Review review) {
        CountedReview before = review.counted();
        Invitation invitation = review.invitation();
        review.withdraw(clock.instant());
        ReviewVersion.eraseFor(review.id());
        ReviewSignal.eraseFor(review.id());
        invitation.erasePersonalData(invitations.erasedOrderRef(invitation.orderRef()));
        changes.apply(ReviewChanged.Change.WITHDRAWN, review, before);
    }

    /** Everything held about the author of the review of this edit link: the GDPR export. */
    @Transactional
    public AuthorExport export(String editToken) {
        Review review = findByEditToken(editToken);
        Invitation invitation = review.invitation();
        List<ReviewVersion.View> versions = ReviewVersion.of(review.id()).stream().map(ReviewVersion::view).toList();
        return new AuthorExport(ReviewView.of(review), review.shop().slug(), review.shop().name(),
                new AuthorExport.Customer(invitation.customerName(), invitation.email(), invitation.orderRef(), invitation.locale()),
                invitation.createdAt(), review.createdAt().plus(config.reviews().updateWindow()), versions,
                review.productReviews().stream().map(AuthorExport.ProductGrade::of).toList(),
                ReviewSignal.<ReviewSignal>findByIdOptional(review.id()).map(signal -> review.createdAt()
                        .plus(config.trust().addressRetention())).orElse(null));
    }

    /** What the author's edit page shows; empty for an unknown edit link. */
    @Transactional
    public Optional<ReviewLink> authored(String editToken) {
        if (!EditLinks.hasTokenForm(editToken)) {
            return Optional.empty();
        }
        return Review.findByEditTokenHash(EditLinks.digest(editToken)).map(review -> linkOf(review.invitation(), Optional.of(review),
                null, editToken));
    }

    /**
     * The shop's public response to one of its reviews; replaces an earlier one. The first
     * response counts in the shop's response figures. {@code respondedBy} is who wrote it (a
     * member's address, "api-key" or {@link #BY_API}); the shop sees it, the public never does.
     */
    @Transactional
    public ReviewView respond(String slug, long reviewId, ShopResponse response, String respondedBy) {
        Shop shop = ShopService.require(slug);
        Review review = lockOfShop(shop, reviewId);
        if (review.status() == ReviewStatus.REMOVED) {
            throw ProblemException.conflict("This review was removed by moderation; there is nothing to respond to.");
        }
        boolean first = review.responseText() == null;
        CountedReview before = review.counted();
        review.respond(response.text(), respondedBy, clock.instant());
        changes.apply(first ? ReviewChanged.Change.RESPONDED : ReviewChanged.Change.RESPONSE_CHANGED, review, before);
        return ReviewView.of(review);
    }

    /**
     * The earlier texts of one of the shop's reviews, oldest first. Never for a review moderation
     * removed for personal data: its earlier texts may hold the very data it was removed for.
     */
    @Transactional
    public List<ReviewVersion.View> versions(String slug, long reviewId) {
        Shop shop = ShopService.require(slug);
        Review review = Review.<Review>findByIdOptional(reviewId)
                .filter(found -> found.shop().id().equals(shop.id()))
                .orElseThrow(() -> noReview(slug, reviewId));
        if (review.earlierTextsWithheld()) {
            throw ProblemException.notFound("Review " + reviewId + " was removed for personal data; its earlier texts are not shown.");
        }
        return ReviewVersion.of(review.id()).stream().map(ReviewVersion::view).toList();
    }

    /** A page of the shop's removed reviews: when and why, never their text. */
    @Transactional
    @RetryableRead
    public Page<RemovedReview> removed(String slug, PageRequest request) {
        Shop shop = ShopService.require(slug);
        var query = Review.removedOf(shop);
        var items = query.page(request.page(), request.size()).list().stream()
                .map(review -> new RemovedReview(review.id(), review.createdAt(), review.removedAt(), review.removalReason()))
                .toList();
        return Page.of(items, request, query.count());
    }

    /** The invitation's products, read only when the submission grades any (most reviews grade none). */
    private static List<Product> orderedProducts(Invitation invitation, ReviewSubmission submission) {
        return submission.productsOrNone().isEmpty() ? List.of() : OrderedProduct.productsOf(invitation);
    }

    /**
     * A page of the published grades of one of the shop's products, newest first, with the total
     * from the product's score row. 404 for an unknown shop or product.
     */
    @Transactional
    @RetryableRead
    public Page<ProductReviewView> publishedOfProduct(String slug, String sku, PageRequest request) {
        Shop shop = ShopService.require(slug);
        Product product = (Skus.isValid(sku) ? Product.find(shop, sku) : Optional.<Product>empty())
                .orElseThrow(() -> ProblemException.notFound("Shop '" + slug + "' has no product '" + sku + "'."));
        List<ProductReviewView> items = ProductReview.publishedOf(product).page(request.page(), request.size()).list().stream()
                .map(ProductReviewView::of).toList();
        return Page.of(items, request, productScores.publishedCount(product));
    }

    /** What the shop's catalogue says about one of its products; empty for an unknown shop or product. */
    @Transactional
    @RetryableRead
    public Optional<ProductDetails> product(String slug, String sku) {
        return Shop.findBySlug(slug)
                .flatMap(shop -> Skus.isValid(sku) ? Product.find(shop, sku) : Optional.empty())
                .map(Product::details);
    }

    /** Tags the review's current text with its complaint topics and churn intent. */
    private void classify(Review review) {
        review.tag(classifier.classify(review.title(), review.text(), review.grade().value()), ReviewClassifier.VERSION);
    }

    /** The shop's review, locked; a review its author withdrew is no longer the shop's to answer (404). */
    private static Review lockOfShop(Shop shop, long reviewId) {
        return Review.lock(reviewId)
                .filter(review -> review.shop().id().equals(shop.id()) && review.status() != ReviewStatus.WITHDRAWN)
                .orElseThrow(() -> noReview(shop.slug(), reviewId));
    }

    private static ProblemException noReview(String slug, long reviewId) {
        return ProblemException.notFound("Shop '" + slug + "' has no review " + reviewId + ".");
    }

    /**
     * A page of the shop's published reviews, newest first, imported ones among them; 404 for an
     * unknown shop. The total is the score's count plus the imported reviews, which it leaves out.
     */
    @Transactional
    @RetryableRead
    public Page<ReviewView> published(String slug, PageRequest request) {
        Shop shop = ShopService.require(slug);
        var items = Review.publishedOf(shop).page(request.page(), request.size()).list().stream().map(ReviewView::of).toList();
        return Page.of(items, request, scores.publishedCount(shop) + Review.publishedImportedCount(shop));
    }

    /** The shop's published negative reviews still without a response, longest waiting first, at most {@code limit}. */
    @Transactional
    @RetryableRead
    public List<ReviewView> awaitingResponse(long shopId, int limit) {
        return Review.awaitingResponse(shopId, limit).stream().map(ReviewView::of).toList();
    }

    /** Where a customer's invitation link leads: empty for an unknown token. */
    @Transactional
    @RetryableRead
    public Optional<ReviewLink> link(String token) {
        if (!Tokens.hasTokenForm(token)) {
            return Optional.empty();
        }
        return Invitation.findByToken(token).map(invitation -> linkOf(invitation, Review.findByInvitation(invitation), token, null));
    }

    /** The page of an invitation link (token) or of an author's edit link (editToken); only the latter may change the review. */
    private ReviewLink linkOf(Invitation invitation, Optional<Review> review, String token, String editToken) {
        Instant now = clock.instant();
        Duration window = config.reviews().updateWindow();
        Shop shop = invitation.shop();
        boolean withdrawn = review.map(r -> r.status() == ReviewStatus.WITHDRAWN).orElse(false);
        boolean open = review.map(r -> r.status() != ReviewStatus.REMOVED).orElse(false) && !withdrawn;
        List<ProductReview> graded = review.filter(r -> !withdrawn).map(Review::productReviews).orElse(List.of());
        List<ReviewLink.OrderedProduct> products = OrderedProduct.productsOf(invitation).stream()
                .map(product -> graded.stream().filter(pr -> pr.product().id().equals(product.id())).findFirst()
                        .map(pr -> new ReviewLink.OrderedProduct(product.sku(), product.name(), pr.score(), pr.text()))
                        .orElseGet(() -> new ReviewLink.OrderedProduct(product.sku(), product.name(), null, null)))
                .toList();
        return new ReviewLink(token, editToken, shop.slug(), shop.name(), invitation.orderRef(), invitation.locale(),
                invitation.state(now), invitation.expiresAt(),
                review.filter(r -> !withdrawn).map(ReviewView::of).orElse(null),
                review.map(r -> r.createdAt().plus(window)).orElse(null),
                editToken != null && open && review.get().isRevisable(now, window),
                review.map(Review::heldBecause).orElse(null),
                review.map(Review::removalReason).orElse(null),
                withdrawn, products);
    }

    private static Review lockByEditToken(String editToken) {
        if (!EditLinks.hasTokenForm(editToken)) {
            throw unknownEditLink();
        }
        return Review.lockByEditTokenHash(EditLinks.digest(editToken)).orElseThrow(ReviewService::unknownEditLink);
    }

    private static Review findByEditToken(String editToken) {
        if (!EditLinks.hasTokenForm(editToken)) {
            throw unknownEditLink();
        }
        return Review.findByEditTokenHash(EditLinks.digest(editToken)).orElseThrow(ReviewService::unknownEditLink);
    }

    private static ProblemException unknownEditLink() {
        return ProblemException.notFound("This edit link is not valid (a withdrawn review has none).");
    }

    private static Invitation lockInvitation(String token) {
        if (!Tokens.hasTokenForm(token)) {
            throw unknownToken();
        }
        return Invitation.lockByToken(token).orElseThrow(ReviewService::unknownToken);
    }

    static ProblemException unknownToken() {
        return ProblemException.notFound("This review link is not valid.");
    }
}
