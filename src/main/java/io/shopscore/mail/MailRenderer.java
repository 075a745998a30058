package io.shopscore.mail;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.i18n.Messages;

/**
 * Turns an outbox entry into a mail: HTML and plain text from Qute templates, in the recipient's
 * language. Everything a customer or shop wrote is escaped in the HTML part (Qute escapes every
 * expression of an .html template); the text part is plain text and cannot be markup.
 */
@ApplicationScoped
public class MailRenderer {

    /** An invitation or its reminder. */
    public record InvitationMail(String greeting, String shop, String orderRef, String link, String validUntil,
            String unsubscribeLink, boolean reminder) {
    }

    /** The shop's response, sent to the customer. */
    public record ResponseMail(String greeting, String shop, String writtenOn, String reviewText, String responseText,
            String link, String unsubscribeLink) {
    }

    /** A negative review, sent to the shop. */
    public record NegativeMail(String shop, int grade, String orderRef, String title, String text, boolean held, String link) {
    }

    /** A mail to a review's author about their review: the edit link, a change, a moderation decision. */
    public record AuthorMail(MailKind kind, String greeting, String shop, String writtenOn, int grade, String title, String text,
            boolean held, boolean heldForContent, String editLink, String editableUntil, String removalReason, String shopPage) {

        public boolean linkMail() {
            return kind == MailKind.AUTHOR_LINK;
        }

        public boolean updated() {
            return kind == MailKind.AUTHOR_UPDATED;
        }

        public boolean published() {
            return kind == MailKind.AUTHOR_PUBLISHED;
        }

        public boolean removed() {
            return kind == MailKind.AUTHOR_REMOVED;
        }
    }

    /** A single-use link to a shop's dashboard, sent to one of its members. */
    public record SignInMail(String shop, String link, long validMinutes) {
    }

    /** News for a new member of a shop's dashboard: who added them, and where to sign in. */
    public record MemberMail(String shop, String addedBy, String signInPage) {
    }

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance author(String lang, AuthorMail mail);

        static native TemplateInstance authorText(String lang, AuthorMail mail);

        static native TemplateInstance invitation(String lang, InvitationMail mail);

        static native TemplateInstance invitationText(String lang, InvitationMail mail);

        static native TemplateInstance response(String lang, ResponseMail mail);

        static native TemplateInstance responseText(String lang, ResponseMail mail);

        static native TemplateInstance negative(String lang, NegativeMail mail);

        static native TemplateInstance negativeText(String lang, NegativeMail mail);

        static native TemplateInstance signIn(String lang, SignInMail mail);

        static native TemplateInstance signInText(String lang, SignInMail mail);

        static native TemplateInstance memberAdded(String lang, MemberMail mail);

        static native TemplateInstance memberAddedText(String lang, MemberMail mail);
    }

    private final String fromAddress;

    public MailRenderer(ShopscoreConfig config) {
        this.fromAddress = config.mail().from();
    }

    public static Messages messages(String lang) {
        return MessageBundles.get(Messages.class, Localized.Literal.of(lang));
    }

    public Mail invitation(String to, String lang, InvitationMail content, String replyTo) {
        Messages text = messages(lang);
        String subject = content.reminder() ? text.mailReminderSubject(content.shop()) : text.mailInvitationSubject(content.shop());
        return compose(to, subject, content.shop(), replyTo,
                Templates.invitation(lang, content), Templates.invitationText(lang, content), lang)
                .addHeader("List-Unsubscribe", "<" + content.unsubscribeLink() + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    public Mail response(String to, String lang, ResponseMail content, String replyTo) {
        return compose(to, messages(lang).mailResponseSubject(content.shop()), content.shop(), replyTo,
                Templates.response(lang, content), Templates.responseText(lang, content), lang)
                .addHeader("List-Unsubscribe", "<" + content.unsubscribeLink() + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    public Mail negative(String to, String lang, NegativeMail content) {
        return compose(to, messages(lang).mailNegativeSubject(content.grade(), content.shop()), "Shopscore", null,
                Templates.negative(lang, content), Templates.negativeText(lang, content), lang);
    }

    /** From Shopscore: the link opens the shop's dashboard, so it says whose and for how long. */
    public Mail signIn(String to, String lang, SignInMail content) {
        return compose(to, messages(lang).mailSignInSubject(content.shop()), "Shopscore", null,
                Templates.signIn(lang, content), Templates.signInText(lang, content), lang);
    }

    public Mail memberAdded(String to, String lang, MemberMail content) {
        return compose(to, messages(lang).mailMemberSubject(content.shop()), "Shopscore", null,
                Templates.memberAdded(lang, content), Templates.memberAddedText(lang, content), lang);
    }

    /** From Shopscore itself, not the shop: the shop has no say in what its customers' reviews become. */
    public Mail author(String to, String lang, AuthorMail content) {
        Messages text = messages(lang);
        String subject = switch (content.kind()) {
            case AUTHOR_LINK -> text.mailAuthorLinkSubject(content.shop());
            case AUTHOR_UPDATED -> text.mailAuthorUpdatedSubject(content.shop());
            case AUTHOR_PUBLISHED -> text.mailAuthorPublishedSubject(content.shop());
            case AUTHOR_REMOVED -> text.mailAuthorRemovedSubject(content.shop());
            default -> throw new IllegalArgumentException("Not a mail to an author: " + content.kind());
        };
        return compose(to, subject, "Shopscore", null, Templates.author(lang, content), Templates.authorText(lang, content), lang);
    }

    private Mail compose(String to, String subject, String senderName, String replyTo, TemplateInstance html,
            TemplateInstance text, String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        // The headers that carry the shop's name are written whole (MailHeaders); from and subject
        // as set here are the envelope sender and what the logs show.
        Mail mail = Mail.withHtml(to, subject, html.setLocale(locale).render())
                .setText(text.setLocale(locale).render())
                .setFrom(fromAddress)
                .addHeader("Subject", MailHeaders.unstructured("Subject", subject))
                .addHeader("From", MailHeaders.mailbox("From", senderName, fromAddress));
        if (replyTo != null) {
            mail.setReplyTo(MailHeaders.mailbox("Reply-To", senderName, replyTo));
        }
        return mail;
    }
}
