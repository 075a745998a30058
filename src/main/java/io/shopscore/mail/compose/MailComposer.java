package io.shopscore.mail.compose;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.mailer.Mail;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.i18n.Formats;
import io.shopscore.i18n.Messages;
import io.shopscore.invitation.Invitation;
import io.shopscore.invitation.InvitationState;
import io.shopscore.mail.MailContent;
import io.shopscore.mail.MailKind;
import io.shopscore.mail.MailRenderer;
import io.shopscore.mail.OutgoingMail;
import io.shopscore.review.EditLinks;
import io.shopscore.review.Review;
import io.shopscore.review.ReviewStatus;
import io.shopscore.session.SignInService;
import io.shopscore.shop.Shop;
import io.shopscore.web.Links;

/**
 * What each mail says, from its invitation and review as they stand when it is sent: the link of a
 * pending invitation (skipped once reviewed or expired), the shop's response, a negative review for
 * the shop, and the author's notices with their edit link (skipped once the review is withdrawn).
 */
@ApplicationScoped
public class MailComposer implements MailContent {

    private final Clock clock;
    private final ShopscoreConfig config;
    private final Links links;
    private final Formats formats;
    private final MailRenderer renderer;
    private final EditLinks editLinks;
    private final SignInService signIns;

    public MailComposer(Clock clock, ShopscoreConfig config, Links links, Formats formats, MailRenderer renderer, EditLinks editLinks,
            SignInService signIns) {
        this.signIns = signIns;
        this.clock = clock;
        this.config = config;
        this.links = links;
        this.formats = formats;
        this.renderer = renderer;
        this.editLinks = editLinks;
    }

    @Override
    public Composed compose(OutgoingMail mail) {
        if (mail.kind() == MailKind.SIGN_IN_LINK || mail.kind() == MailKind.MEMBER_ADDED) {
            return toShopMember(mail);
        }
        Invitation invitation = Invitation.findById(mail.invitationId());
        Shop shop = invitation.shop();
        Instant now = clock.instant();
        String lang = mail.locale();
        Messages text = MailRenderer.messages(lang);
        String greeting = invitation.customerName() == null ? text.mailGreeting() : text.mailGreetingNamed(invitation.customerName());
        String unsubscribe = links.reviewForm(invitation.token()) + "/unsubscribe";
        switch (mail.kind()) {
            case INVITATION, REMINDER -> {
                InvitationState state = invitation.state(now);
                if (state != InvitationState.PENDING) {
                    return Composed.skip(state == InvitationState.REVIEWED ? "already reviewed" : "invitation expired");
                }
                return Composed.message(renderer.invitation(mail.recipient(), lang, new MailRenderer.InvitationMail(greeting, shop.name(),
                        invitation.orderRef(), links.reviewForm(invitation.token()), formats.date(invitation.expiresAt(), lang),
                        unsubscribe, mail.kind() == MailKind.REMINDER), shop.contactEmail()));
            }
            case RESPONSE_NOTICE -> {
                Review review = Review.find("invitation", invitation).firstResult();
                if (review == null || review.responseText() == null || review.status() == ReviewStatus.REMOVED) {
                    return Composed.skip("no response to tell about");
                }
                return Composed.message(renderer.response(mail.recipient(), lang, new MailRenderer.ResponseMail(greeting, shop.name(),
                        formats.date(review.createdAt(), lang), review.text(), review.responseText(),
                        links.reviewForm(invitation.token()), unsubscribe), shop.contactEmail()));
            }
            case NEGATIVE_ALERT -> {
                Review review = Review.find("invitation", invitation).firstResult();
                if (review == null) {
                    return Composed.skip("no review");
                }
                return Composed.message(renderer.negative(mail.recipient(), lang, new MailRenderer.NegativeMail(shop.name(), review.grade().value(),
                        invitation.orderRef(), review.title(), review.text(), review.status() == ReviewStatus.PENDING,
                        links.shopPage(shop.slug()))));
            }
            case AUTHOR_LINK, AUTHOR_UPDATED, AUTHOR_PUBLISHED, AUTHOR_REMOVED -> {
                Review review = Review.findById(mail.reviewId());
                if (review == null || review.status() == ReviewStatus.WITHDRAWN) {
                    return Composed.skip("review withdrawn");
                }
                return Composed.message(renderer.author(mail.recipient(), lang, new MailRenderer.AuthorMail(mail.kind(), greeting, shop.name(),
                        formats.date(review.createdAt(), lang), review.grade().value(), review.title(), review.text(),
                        review.status() == ReviewStatus.PENDING, review.heldForContent(),
                        editLinks.url(review.id()), formats.date(review.createdAt().plus(config.reviews().updateWindow()), lang),
                        review.removalReason(), links.shopPage(shop.slug()))));
            }
            default -> throw new IllegalStateException("Unknown mail kind " + mail.kind());
        }
    }

    /** The mails' invitations with their shops, in one query: every mail but a shop member's is composed from them. */
    @Override
    public void readAhead(List<OutgoingMail> mails) {
        List<Long> invitationIds = mails.stream().map(OutgoingMail::invitationId).filter(Objects::nonNull).distinct().toList();
        if (!invitationIds.isEmpty()) {
            Invitation.find("from Invitation i join fetch i.shop where i.id in ?1", invitationIds).list();
        }
    }

    /**
     * The invitation mail, or its reminder, of a shop exactly as its customers get it (the same
     * renderer and templates as {@link #compose}), for a sample customer and order, so the shop can
     * see it before anyone is invited. Nothing is queued or sent; the link leads nowhere.
     */
    @Transactional
    public Mail invitationPreview(String slug, String lang, boolean reminder, String sampleCustomer, String sampleOrder) {
        Shop shop = Shop.findBySlug(slug).orElseThrow();
        Messages text = MailRenderer.messages(lang);
        String link = links.reviewForm("preview");
        Instant sentAt = clock.instant().plus(Duration.ofDays(shop.invitationDelayDays()));
        return renderer.invitation("customer@example.com", lang, new MailRenderer.InvitationMail(text.mailGreetingNamed(sampleCustomer),
                shop.name(), sampleOrder, link, formats.date(sentAt.plus(config.invitations().validity()), lang), link + "/unsubscribe",
                reminder), shop.contactEmail());
    }

    /** A sign-in link (skipped once used or expired) or news of a membership (skipped once removed). */
    private Composed toShopMember(OutgoingMail mail) {
        Shop shop = Shop.findById(mail.shopId());
        if (mail.kind() == MailKind.SIGN_IN_LINK) {
            return signIns.link(mail.subjectId())
                    .filter(link -> clock.instant().isBefore(link.expiresAt()))
                    .map(link -> Composed.message(renderer.signIn(mail.recipient(), mail.locale(), new MailRenderer.SignInMail(shop.name(),
                            signIns.linkUrl(link.id()), signIns.linkMinutes()))))
                    .orElseGet(() -> Composed.skip("sign-in link expired"));
        }
        return signIns.member(mail.subjectId())
                .map(member -> Composed.message(renderer.memberAdded(mail.recipient(), mail.locale(),
                        new MailRenderer.MemberMail(shop.name(), member.addedBy(), signIns.signInPage() + "?lang=" + mail.locale()))))
                .orElseGet(() -> Composed.skip("no longer a member"));
    }
}
