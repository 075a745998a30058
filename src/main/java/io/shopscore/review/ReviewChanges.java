package io.shopscore.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.shopscore.insight.totals.InsightTotals;
import io.shopscore.invitation.Invitation;
import io.shopscore.mail.MailKind;
import io.shopscore.mail.MailQueue;
import io.shopscore.score.CountedReview;
import io.shopscore.score.ScoreService;
import io.shopscore.shop.Shop;
import io.shopscore.webhook.WebhookEvent;
import io.shopscore.webhook.WebhookService;

/**
 * Everything a change to a review does, in one place. Whoever changes a review (its customer,
 * its shop's response, the operator's decision, a reclassification) changes the entity and then
 * calls {@link #apply} once, in the same transaction. This is the whole list of its effects; nothing
 * else in the service reacts to a review change inside the transaction. After the commit, and only
 * then, {@link ReviewChanged} tells the caches and metrics.
 */
@ApplicationScoped
public class ReviewChanges {

    /** The actor the audit trail names for what the service did by itself. */
    static final String SYSTEM = "system";

    private final Clock clock;
    private final ScoreService scores;
    private final InsightTotals insightTotals;
    private final MailQueue mails;
    private final WebhookService webhooks;
    private final Event<ReviewChanged> committed;

    public ReviewChanges(Clock clock, ScoreService scores, InsightTotals insightTotals, MailQueue mails, WebhookService webhooks,
            Event<ReviewChanged> committed) {
        this.clock = clock;
        this.scores = scores;
        this.insightTotals = insightTotals;
        this.mails = mails;
        this.webhooks = webhooks;
        this.committed = committed;
    }

    /**
     * The effects of one change, in order. {@code before} is what the review counted before the
     * change ({@link Review#counted()} taken before changing it; null when it counted nowhere); the
     * review itself is as the change left it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ReviewChanged.Change change, Review review, CountedReview before) {
        Shop shop = review.shop();

        // 1. The running totals: score and response figures, then the insight months, all under the
        //    shop's score-row lock, which move takes (or the batch took) and holds until commit.
        recount(review, before);

        // 2. The audit trail: a review held for moderation when written or changed says why.
        if ((change == ReviewChanged.Change.WRITTEN || change == ReviewChanged.Change.UPDATED)
                && review.status() == ReviewStatus.PENDING) {
            ModerationEvent.record(review.id(), SYSTEM, ModerationEvent.Action.HELD,
                    "contains: " + review.heldBecause().replace(",", ", "), clock.instant());
        }

        // 3. The outboxes, sent after commit by their relay: mails to the author, the customer and
        //    the shop, and the shop's webhook event.
        queueMails(change, review);
        String webhookEvent = webhookEventOf(change);
        if (webhookEvent != null) {
            webhooks.queue(shop.id(), shop.slug(), webhookEvent, review.id(), () -> webhookReview(review));
        }

        // 4. After commit only: caches drop the shop's pages and metrics count it.
        committed.fire(new ReviewChanged(change, review.id(), shop.id(), shop.slug()));
    }

    /**
     * The effects of one review an import stored, which are few: it counts in no total, has no
     * author to mail, and is no news for the shop's webhook (the shop sent it). Only a review held
     * for moderation (a link, an email address or a phone number in it) gets its {@code HELD} line
     * in the audit trail, as a written one does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void importedOne(Review review) {
        if (review.status() == ReviewStatus.PENDING) {
            ModerationEvent.record(review.id(), SYSTEM, ModerationEvent.Action.HELD,
                    "imported, contains: " + review.heldBecause().replace(",", ", "), clock.instant());
        }
    }

    /**
     * The end of an import of reviews from another service, once for the whole import: after
     * commit, the caches drop the shop's pages and figures. {@code lastReviewId} is the last review
     * the import stored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void imported(Shop shop, long lastReviewId) {
        committed.fire(new ReviewChanged(ReviewChanged.Change.IMPORTED, lastReviewId, shop.id(), shop.slug()));
    }

    /**
     * Moves the totals only, for a change nobody needs to hear about: the classifier now sees other
     * topics in the same words.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recount(Review review, CountedReview before) {
        CountedReview after = review.counted();
        if (Objects.equals(before, after)) {
            return;
        }
        scores.move(review.shop(), before, after);
        insightTotals.move(review.shop().id(), before, after);
    }

    /**
     * Locks and loads, for a batch of new reviews, what {@link #apply} will move: the score rows of
     * these shops in shop order (so concurrent batches queue rather than deadlock), and the day and
     * month rows of these UTC days, a few statements for the whole batch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForBatch(Collection<Long> shopIds, Collection<LocalDate> days) {
        scores.lockForBatch(shopIds, days);
        insightTotals.loadForBatch(shopIds, days);
    }

    /**
     * What a change tells whom by mail: its author gets their edit link when they wrote it and a
     * notice of every later change (their own, or moderation's); the customer hears of the shop's
     * first response; the shop hears of a negative review at once. A withdrawn review's author is
     * erased, mails included.
     */
    private void queueMails(ReviewChanged.Change change, Review review) {
        Shop shop = review.shop();
        Invitation invitation = review.invitation();
        if (invitation == null) {
            // an imported review: nobody was invited here, so there is no author to tell anything
            return;
        }
        MailQueue.Addressee author = new MailQueue.Addressee(shop.id(), invitation.id(), invitation.email(), invitation.locale());
        switch (change) {
            case WRITTEN -> {
                mails.toAuthor(MailKind.AUTHOR_LINK, author, review.id());
                if (review.isNegative() && shop.contactEmail() != null) {
                    mails.once(MailKind.NEGATIVE_ALERT, new MailQueue.Addressee(shop.id(), invitation.id(), shop.contactEmail(), shop.locale()));
                }
            }
            case UPDATED -> mails.toAuthor(MailKind.AUTHOR_UPDATED, author, review.id());
            case PUBLISHED -> mails.toAuthor(MailKind.AUTHOR_PUBLISHED, author, review.id());
            case REMOVED -> mails.toAuthor(MailKind.AUTHOR_REMOVED, author, review.id());
            case RESPONDED -> mails.once(MailKind.RESPONSE_NOTICE, author);
            case WITHDRAWN -> mails.forget(invitation.id());
            case RESPONSE_CHANGED, IMPORTED -> {
                // a changed response sends no second notice; an import goes through imported()
            }
        }
    }

    /** The webhook event type of a change; null for changes shops are not called about. */
    private static String webhookEventOf(ReviewChanged.Change change) {
        return switch (change) {
            case WRITTEN -> "review.created";
            case UPDATED -> "review.updated";
            case PUBLISHED -> "review.published";
            case REMOVED -> "review.removed";
            case WITHDRAWN -> "review.withdrawn";
            case RESPONDED, RESPONSE_CHANGED, IMPORTED -> null;
        };
    }

    /** The review as its shop's webhook sees it: with the order reference, which only the shop may know. */
    private static WebhookEvent.Review webhookReview(Review review) {
        ReviewView view = ReviewView.of(review);
        WebhookEvent.Response response = view.response() == null ? null
                : new WebhookEvent.Response(view.response().text(), view.response().createdAt());
        return new WebhookEvent.Review(view.id(), view.score(), view.title(), view.text(), view.displayName(), view.recommend(),
                view.verified(), view.createdAt(), view.updatedAt(), response, review.status().json(),
                review.status() == ReviewStatus.WITHDRAWN ? null : review.orderRef(), review.removalReason());
    }
}
