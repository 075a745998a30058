package io.shopscore.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.invitation.Invitation;
import io.shopscore.invitation.InvitationService;
import io.shopscore.mail.MailOutbox;
import io.shopscore.moderation.ReviewNotice;
import io.shopscore.review.ReviewService;
import io.shopscore.webhook.WebhookService;

/**
 * The data subject's rights and the storage limits of the GDPR: erasing an address on every shop
 * at the operator's hand, and forgetting personal data once it no longer serves its purpose.
 * docs/privacy.md says what is kept, why and for how long.
 */
@ApplicationScoped
public class PrivacyService {

    private static final Logger LOG = Logger.getLogger(PrivacyService.class);
    /** Invitations erased per retention run; the next run goes on. */
    private static final int RETENTION_BATCH = 1000;

    private final Clock clock;
    private final ShopscoreConfig config;
    private final ReviewService reviews;
    private final InvitationService invitations;
    private final MailOutbox mails;
    private final WebhookService webhooks;

    public PrivacyService(Clock clock, ShopscoreConfig config, ReviewService reviews, InvitationService invitations, MailOutbox mails,
            WebhookService webhooks) {
        this.clock = clock;
        this.config = config;
        this.reviews = reviews;
        this.invitations = invitations;
        this.mails = mails;
        this.webhooks = webhooks;
    }

    /**
     * Erases an address on every shop, as its owner's edit link would one review at a time: every
     * review written through an invitation to it is withdrawn (the scores move exactly), and every
     * invitation keeps only a keyed hash of its order reference. Mails to the address, its opt-outs
     * and the address on notices it sent are deleted.
     */
    @Transactional
    public Erasure erase(String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        List<Invitation> found = Invitation.lockAllWithEmail(address);
        int withdrawn = reviews.withdrawAll(found);
        for (Invitation invitation : found) {
            if (!invitation.erased()) {
                invitation.erasePersonalData(invitations.erasedOrderRef(invitation.orderRef()));
            }
        }
        mails.forget(found.stream().map(Invitation::id).toList());
        mails.forgetOptOuts(address);
        ReviewNotice.forgetNotifier(address);
        LOG.infof("Erased an address: %d reviews withdrawn, %d invitations erased", withdrawn, found.size());
        return new Erasure(withdrawn, found.size());
    }

    @Scheduled(identity = "privacy-retention", every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeHourly() {
        purge();
    }

    /**
     * Forgets what has served its purpose: the customer's name, address and order reference of
     * invitations that expired unused ({@code shopscore.privacy.retention} after expiry) and their
     * mails, finished
     * mails ({@code shopscore.privacy.mail-retention}) and the bodies of finished webhook calls
     * ({@code shopscore.privacy.webhook-retention}).
     */
    @Transactional
    public Purged purge() {
        Instant now = clock.instant();
        List<Invitation> expired = Invitation.expiredUnusedBefore(now.minus(config.privacy().retention()), RETENTION_BATCH);
        expired.forEach(invitation -> invitation.erasePersonalData(invitations.erasedOrderRef(invitation.orderRef())));
        mails.forget(expired.stream().map(Invitation::id).toList());
        long mailsDeleted = mails.purgeFinishedBefore(now.minus(config.privacy().mailRetention()));
        long payloads = webhooks.purgePayloadsBefore(now.minus(config.privacy().webhookRetention()));
        Purged purged = new Purged(expired.size(), mailsDeleted, payloads);
        if (purged.any()) {
            LOG.infof("Retention: %s", purged);
        }
        return purged;
    }

    /** What one retention run forgot. */
    public record Purged(int invitations, long mails, long webhookPayloads) {

        boolean any() {
            return invitations + mails + webhookPayloads > 0;
        }
    }
}
