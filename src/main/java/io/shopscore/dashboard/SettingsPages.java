package io.shopscore.dashboard;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.quarkus.mailer.Mail;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.i18n.Locales;
import io.shopscore.mail.compose.MailComposer;
import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.session.SignedIn;
import io.shopscore.shop.ApiKeyView;
import io.shopscore.shop.ShopApiKey;
import io.shopscore.shop.ShopProfile;
import io.shopscore.shop.ShopService;
import io.shopscore.shop.ShopSettings;
import io.shopscore.webhook.DeliveryView;
import io.shopscore.webhook.WebhookService;
import io.shopscore.web.LanguageLink;
import io.shopscore.webhook.WebhookView;

/**
 * Puts the settings pages together from the services the API uses (ShopService, WebhookService,
 * the mail composer), and checks a posted form with the same constraints as the API's bodies, so a
 * field the API refuses is refused here too, named.
 */
@ApplicationScoped
public class SettingsPages {

    /** Deliveries per page of the log. */
    static final int DELIVERIES = 10;

    private final ShopService shops;
    private final WebhookService webhooks;
    private final MailComposer mails;
    private final Validator validator;
    private final Locales locales;
    private final ShopscoreConfig config;

    public SettingsPages(ShopService shops, WebhookService webhooks, MailComposer mails, Validator validator, Locales locales,
            ShopscoreConfig config) {
        this.shops = shops;
        this.webhooks = webhooks;
        this.mails = mails;
        this.validator = validator;
        this.locales = locales;
        this.config = config;
    }

    /** What the profile and invitation-mail forms show: the shop's values, or what was posted when it was refused. */
    public record Fields(String name, String websiteUrl, String locale, String contactEmail, String invitationDelayDays,
            String reminderAfterDays) {
    }

    public record Profile(SignedIn session, Fields fields, String error, List<LanguageLink> languages, long defaultReminderDays,
            boolean saved) {
    }

    public record MailPreview(String subject, String html, String text) {
    }

    public record Preview(SignedIn session, String mailLang, List<LanguageLink> languages, MailPreview invitation, MailPreview reminder) {
    }

    public record DeliveryRow(String type, String state, String statusCode, int attempts, String time, String nextTry) {
    }

    public record Webhook(SignedIn session, String url, String secret, List<DeliveryRow> deliveries, long total, int page,
            boolean hasNext, String urlInput, String error) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public int previousPage() {
            return page - 1;
        }

        public int nextPage() {
            return page + 1;
        }
    }

    public record KeyRow(long id, String label, String createdAt, String lastUsedAt, String revokedAt, boolean live) {
    }

    public record Keys(SignedIn session, List<KeyRow> keys, String newKey, String labelInput, String error) {

        public boolean canCreate() {
            return keys.stream().filter(KeyRow::live).count() < ShopApiKey.MAX_LIVE;
        }

        public boolean canRevoke() {
            return keys.stream().filter(KeyRow::live).count() > 1;
        }
    }

    public Profile profile(SignedIn session, String lang, boolean saved) {
        ShopProfile profile = shops.profile(session.slug());
        ShopSettings settings = shops.settings(session.slug());
        Fields fields = new Fields(profile.name(), profile.websiteUrl(), profile.locale(), settings.contactEmail(),
                String.valueOf(settings.invitationDelayDays()),
                settings.reminderAfterDays() == null ? "" : String.valueOf(settings.reminderAfterDays()));
        return profile(session, lang, fields, null, saved);
    }

    public Profile profile(SignedIn session, String lang, Fields fields, String error, boolean saved) {
        return new Profile(session, fields, error, LanguageLink.forPage("", locales.supported(), fields.locale()),
                config.mail().reminderAfter().toDays(), saved);
    }

    /** The first field of the profile that the API's rules refuse; empty when all are fine. */
    public Optional<String> refused(ShopProfile profile) {
        return firstField(validator.validate(profile));
    }

    /**
     * {@code contactEmail} when the settings API would refuse this contact address (null: none);
     * empty when it is fine. Checked as part of a settings body whose other fields are valid, so
     * the rule is the API's own.
     */
    public Optional<String> refusedContact(String contactEmail) {
        return firstField(validator.validate(new ShopSettings(contactEmail, 0, null)));
    }

    /** The first field of the invitation-mail timing that the settings API would refuse; empty when both are fine. */
    public Optional<String> refusedTiming(int invitationDelayDays, Integer reminderAfterDays) {
        return firstField(validator.validate(new ShopSettings(null, invitationDelayDays, reminderAfterDays)));
    }

    public Optional<String> refused(WebhookView.Request request) {
        return firstField(validator.validate(request));
    }

    private static <T> Optional<String> firstField(Set<ConstraintViolation<T>> violations) {
        return violations.stream().map(violation -> violation.getPropertyPath().toString()).min(Comparator.naturalOrder());
    }

    public Preview preview(SignedIn session, String mailLang) {
        return new Preview(session, mailLang, LanguageLink.forPage("", locales.supported(), mailLang),
                preview(mails.invitationPreview(session.slug(), mailLang, false, "Alex", "ORDER-1001")),
                preview(mails.invitationPreview(session.slug(), mailLang, true, "Alex", "ORDER-1001")));
    }

    private static MailPreview preview(Mail mail) {
        return new MailPreview(mail.getSubject(), mail.getHtml(), mail.getText());
    }

    public Webhook webhook(SignedIn session, String lang, PageRequest request, String secret, String urlInput, String error) {
        Optional<WebhookView> current = webhooks.find(session.slug());
        Page<DeliveryView> log = webhooks.deliveries(session.slug(), request);
        List<DeliveryRow> rows = log.items().stream().map(delivery -> new DeliveryRow(delivery.type(), delivery.state(),
                delivery.lastStatus() == null ? "" : String.valueOf(delivery.lastStatus()), delivery.attempts(),
                dateTime(delivery.createdAt(), lang), dateTime(delivery.nextAttemptAt(), lang))).toList();
        return new Webhook(session, current.map(WebhookView::url).orElse(null), secret, rows, log.total(), log.page(), log.hasNext(),
                urlInput != null ? urlInput : current.map(WebhookView::url).orElse(""), error);
    }

    public Keys keys(SignedIn session, String lang, String newKey, String labelInput, String error) {
        List<KeyRow> rows = shops.apiKeys(session.slug()).stream().map(key -> row(key, lang)).toList();
        return new Keys(session, rows, newKey, labelInput, error);
    }

    private KeyRow row(ApiKeyView key, String lang) {
        return new KeyRow(key.id(), key.label(), dateTime(key.createdAt(), lang), dateTime(key.lastUsedAt(), lang),
                dateTime(key.revokedAt(), lang), key.live());
    }

    /** A moment as the shop reads it: date and time in the service's time zone; empty for none. */
    String dateTime(Instant instant, String lang) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Locale.forLanguageTag(lang))
                .withZone(config.timeZone()).format(instant);
    }
}
