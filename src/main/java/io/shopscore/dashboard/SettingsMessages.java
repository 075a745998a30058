package io.shopscore.dashboard;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the dashboard's settings pages ({@code settings:} in templates; messages/settings_*.properties).
 * A bundle of their own because Quarkus 3.34 generates a broken {@code Messages_Bundle} (a VerifyError
 * at start) once one bundle has more than 300 messages: {@code msg} has 286.
 */
@MessageBundle(value = "settings", locale = "en")
public interface SettingsMessages {

    @Message String dashSettingsTabsLabel();
    @Message String dashSettingsProfileTab();
    @Message String dashSettingsPreviewTab();
    @Message String dashSettingsWebhookTab();
    @Message String dashSettingsKeysTab();
    @Message String dashSettingsSaved();
    @Message String dashSettingsProfileHeading();
    @Message String dashSettingsName();
    @Message String dashSettingsNameError();
    @Message String dashSettingsWebsite();
    @Message String dashSettingsWebsiteError();
    @Message String dashSettingsLocale();
    @Message String dashSettingsLocaleError();
    @Message String dashSettingsContact();
    @Message String dashSettingsContactHint();
    @Message String dashSettingsContactError();
    @Message String dashSettingsSaveContact();
    @Message String dashSettingsContactNone();
    @Message String dashSettingsSaveProfile();
    @Message String dashSettingsMailsHeading();
    @Message String dashSettingsDelay();
    @Message String dashSettingsDelayHint();
    @Message String dashSettingsDelayError();
    @Message String dashSettingsReminder();
    @Message String dashSettingsReminderHint(long days);
    @Message String dashSettingsReminderError();
    @Message String dashSettingsSaveMails();
    @Message String dashSettingsPreviewLink();
    @Message String dashSettingsPreviewHeading();
    @Message String dashSettingsPreviewIntro();
    @Message String dashSettingsPreviewLanguage();
    @Message String dashSettingsInvitationMail();
    @Message String dashSettingsReminderMail();
    @Message String dashSettingsSubject();
    @Message String dashSettingsTextPart();
    @Message String dashSettingsHtmlPart();
    @Message String dashSettingsWebhookHeading();
    @Message String dashSettingsWebhookIntro();
    @Message String dashSettingsWebhookNone();
    @Message String dashSettingsWebhookCurrent(String url);
    @Message String dashSettingsWebhookUrl();
    @Message String dashSettingsWebhookUrlError();
    @Message String dashSettingsWebhookSave();
    @Message String dashSettingsWebhookRemove();
    @Message String dashSettingsWebhookSecret();
    @Message String dashSettingsDeliveriesHeading();
    @Message String dashSettingsDeliveriesNone();
    @Message String dashSettingsDeliveriesPages();
    @Message String dashSettingsDeliveriesTable();
    @Message String dashSettingsEvent();
    @Message String dashSettingsState();
    @Message String dashSettingsStatusCode();
    @Message String dashSettingsAttempts();
    @Message String dashSettingsTime();
    @Message String dashSettingsNextTry();
    @Message String dashSettingsStateDelivered();
    @Message String dashSettingsStateFailed();
    @Message String dashSettingsStateSkipped();
    @Message String dashSettingsStatePending();
    @Message String dashSettingsNewer();
    @Message String dashSettingsOlder();
    @Message String dashSettingsKeysHeading();
    @Message String dashSettingsKeysIntro();
    @Message String dashSettingsKeyUnnamed();
    @Message String dashSettingsKeyCreated(String date);
    @Message String dashSettingsKeyLastUsed(String date);
    @Message String dashSettingsKeyNeverUsed();
    @Message String dashSettingsKeyRevoked(String date);
    @Message String dashSettingsKeyRevoke();
    @Message String dashSettingsKeyRevokeNamed(String date);
    @Message String dashSettingsKeyLabel();
    @Message String dashSettingsKeyLabelError();
    @Message String dashSettingsKeyCreate();
    @Message String dashSettingsKeyNew();
    @Message String dashSettingsKeyLimit();
    @Message String dashSettingsKeyLast();
    @Message String dashSettingsKeyGone();
}
