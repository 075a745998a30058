package io.shopscore.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.shopscore.i18n.Formats;
import io.shopscore.i18n.Locales;
import io.shopscore.invitation.CreateInvitation;
import io.shopscore.invitation.DeliveredInvitation;
import io.shopscore.invitation.DeliveryState;
import io.shopscore.invitation.InvitationDeliveries;
import io.shopscore.invitation.upload.InvitationUploads;
import io.shopscore.invitation.upload.UploadState;
import io.shopscore.invitation.upload.UploadView;
import io.shopscore.mail.MailStatus;
import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.problem.Problem;
import io.shopscore.session.SignedIn;

/** Puts the invitations page and an upload's page together, in the page's language. */
@ApplicationScoped
public class DashboardInvitations {

    static final int PAGE_SIZE = 20;
    /** The problems of a rejected file shown on its page; the rest are counted. */
    static final int SHOWN_PROBLEMS = 200;

    private final InvitationDeliveries deliveries;
    private final InvitationUploads uploads;
    private final Formats formats;
    private final Locales locales;

    public DashboardInvitations(InvitationDeliveries deliveries, InvitationUploads uploads, Formats formats, Locales locales) {
        this.deliveries = deliveries;
        this.uploads = uploads;
        this.formats = formats;
        this.locales = locales;
    }

    /** What the page's query string asks for, or why it cannot be shown (a 400). */
    public record Query(DeliveryState state, String stateKey, int page, String error) {

        public static Query of(String state, String page) {
            DeliveryState parsed = null;
            if (state != null && !state.isBlank()) {
                parsed = DeliveryState.ofKey(state).orElse(null);
                if (parsed == null) {
                    return new Query(null, null, 0, "state");
                }
            }
            int number = 0;
            if (page != null && !page.isBlank()) {
                if (!page.matches("\\d{1,5}")) {
                    return new Query(parsed, parsed == null ? null : parsed.key(), 0, "page");
                }
                number = Integer.parseInt(page);
            }
            return new Query(parsed, parsed == null ? null : parsed.key(), number, null);
        }
    }

    public InvitationsPage page(SignedIn session, String lang, Query query, InvitationsPage.InviteForm form, String notice,
            String uploadError) {
        InvitationsMessages msg = messages(lang);
        Page<DeliveredInvitation> found = deliveries.list(session.shopId(), query.state(), new PageRequest(query.page(), PAGE_SIZE));
        List<InvitationsPage.Filter> filters = new ArrayList<>();
        for (DeliveryState state : DeliveryState.values()) {
            filters.add(new InvitationsPage.Filter(state.key(), stateLabel(msg, state), state == query.state()));
        }
        List<InvitationsPage.Row> rows = found.items().stream().map(invitation -> row(msg, invitation, lang)).toList();
        int pages = found.lastPage() + 1;
        return new InvitationsPage(lang, session, filters, query.stateKey(), query.error(), rows, found.total(), query.page() + 1, pages,
                query.page() > 0 ? query.page() - 1 : null, found.hasNext() ? query.page() + 1 : null,
                form != null ? form : emptyForm(lang), notice, uploadError,
                uploads.recent(session.shopId()).stream().map(upload -> new InvitationsPage.Upload(upload.id(), upload.fileName(),
                        uploadKey(upload), uploadLabel(msg, upload), formats.date(upload.createdAt(), lang))).toList());
    }

    /** The form as sent, each bad field with its message in the page's language. */
    public InvitationsPage.InviteForm form(String lang, CreateInvitation sent, List<Problem.Violation> violations, String formError) {
        InvitationsMessages msg = messages(lang);
        return new InvitationsPage.InviteForm(sent.orderRef(), sent.email(), sent.name(), sent.locale(), languages(lang, sent.locale()),
                has(violations, "orderRef") ? msg.dashInvitationsOrderRefError() : null,
                has(violations, "email") ? msg.dashInvitationsEmailError() : null,
                has(violations, "name") ? msg.dashInvitationsNameError() : null,
                has(violations, "locale") ? msg.dashInvitationsLanguageError() : null, formError);
    }

    public Optional<UploadPage> upload(SignedIn session, String lang, long id) {
        InvitationsMessages msg = messages(lang);
        return uploads.find(session.shopId(), id).map(upload -> {
            String progress = upload.state() == UploadState.IMPORTING || upload.state() == UploadState.IMPORTED
                    ? msg.dashInvitationsUploadStored(upload.state() == UploadState.IMPORTED ? upload.total() : upload.done(), upload.total())
                    : msg.dashInvitationsUploadChecked(upload.state() == UploadState.CHECKING ? upload.done() : upload.total(), upload.total());
            String summary = switch (upload.state()) {
                case IMPORTED -> msg.dashInvitationsUploadImported(upload.invited(), upload.already());
                case REJECTED -> msg.dashInvitationsUploadRejected(upload.problemCount());
                default -> null;
            };
            int shown = Math.min(upload.problems().size(), SHOWN_PROBLEMS);
            return new UploadPage(lang, session, upload.id(), upload.fileName(), uploadKey(upload), uploadLabel(msg, upload),
                    upload.running(), upload.total(),
                    upload.state() == UploadState.IMPORTED || upload.state() == UploadState.REJECTED ? upload.total() : upload.done(),
                    progress, summary, upload.problems().subList(0, shown), upload.problemCount() - shown,
                    upload.state() == UploadState.FAILED ? upload.outcome() : null, upload.state() == UploadState.REJECTED,
                    formats.date(upload.createdAt(), lang));
        });
    }

    private InvitationsPage.InviteForm emptyForm(String lang) {
        return new InvitationsPage.InviteForm(null, null, null, null, languages(lang, null), null, null, null, null, null);
    }

    private List<InvitationsPage.Language> languages(String lang, String selected) {
        Locale in = Locale.forLanguageTag(lang);
        return locales.supported().stream()
                .map(code -> new InvitationsPage.Language(code, Locale.forLanguageTag(code).getDisplayLanguage(in), code.equals(selected)))
                .toList();
    }

    private InvitationsPage.Row row(InvitationsMessages msg, DeliveredInvitation invitation, String lang) {
        MailStatus mail = invitation.mail();
        String detail = switch (invitation.state()) {
            case REVIEWED -> msg.dashInvitationsDetailReviewed(formats.date(invitation.reviewedAt(), lang));
            case OPTED_OUT -> msg.dashInvitationsDetailOptedOut();
            case EXPIRED -> msg.dashInvitationsDetailExpired(formats.date(invitation.expiresAt(), lang));
            case LINK -> msg.dashInvitationsDetailLink();
            case FAILED -> mail != null && mail.note() != null ? msg.dashInvitationsDetailFailed(mail.note()) : msg.dashInvitationsDetailFailedUnknown();
            case SENT -> msg.dashInvitationsDetailSent(formats.date(mail != null && mail.sentAt() != null ? mail.sentAt() : invitation.sendAt(), lang));
            case SCHEDULED -> mail != null && mail.attempts() > 0 && mail.note() != null
                    ? msg.dashInvitationsDetailRetrying(mail.note())
                    : msg.dashInvitationsDetailScheduled(formats.date(mail != null ? mail.dueAt() : invitation.sendAt(), lang));
        };
        return new InvitationsPage.Row(invitation.orderRef(), masked(invitation.email()), invitation.name(), invitation.state().key(),
                stateLabel(msg, invitation.state()), detail, formats.date(invitation.createdAt(), lang));
    }

    /**
     * The address with most of its name hidden ({@code j•••@example.nl}): enough to tell customers
     * apart on the page, and no list of addresses for whoever looks over the shoulder. Null when erased.
     */
    static String masked(String email) {
        if (email == null || email.isEmpty()) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "•••";
        }
        return email.charAt(0) + "•••" + email.substring(at);
    }

    private static String stateLabel(InvitationsMessages msg, DeliveryState state) {
        return switch (state) {
            case SCHEDULED -> msg.dashInvitationsStateScheduled();
            case SENT -> msg.dashInvitationsStateSent();
            case FAILED -> msg.dashInvitationsStateFailed();
            case OPTED_OUT -> msg.dashInvitationsStateOptedOut();
            case REVIEWED -> msg.dashInvitationsStateReviewed();
            case EXPIRED -> msg.dashInvitationsStateExpired();
            case LINK -> msg.dashInvitationsStateLink();
        };
    }

    private static String uploadKey(UploadView upload) {
        return upload.interrupted() ? "interrupted" : upload.state().name().toLowerCase(Locale.ROOT);
    }

    private static String uploadLabel(InvitationsMessages msg, UploadView upload) {
        if (upload.interrupted()) {
            return msg.dashInvitationsUploadInterrupted();
        }
        return switch (upload.state()) {
            case CHECKING -> msg.dashInvitationsUploadChecking();
            case IMPORTING -> msg.dashInvitationsUploadImporting();
            case IMPORTED -> msg.dashInvitationsUploadDone();
            case REJECTED -> msg.dashInvitationsUploadToCorrect();
            case FAILED -> msg.dashInvitationsUploadNotImported();
        };
    }

    private static boolean has(List<Problem.Violation> violations, String field) {
        return violations.stream().anyMatch(violation -> violation.field().equals(field));
    }

    private static InvitationsMessages messages(String lang) {
        return MessageBundles.get(InvitationsMessages.class, Localized.Literal.of(lang));
    }
}
