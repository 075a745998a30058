package io.shopscore.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the dashboard's widget configurator and insights pages, and why a session opened
 * with the API key manages no access; used in templates as {@code {dash:key}}, from
 * {@code messages/dash_<language>.properties}. A bundle of its own because Quarkus 3.34 cannot
 * build a bundle of more than 300 messages: it splits the lookup into methods of 300 and the
 * generated code then fails to load (VerifyError in {@code Messages_Bundle}), and {@link Messages}
 * is close to that.
 */
@MessageBundle(value = "dash", locale = "en")
public interface DashboardMessages {

    @Message String dashWidgetIntro();
    @Message String dashWidgetFormHeading();
    @Message String dashWidgetVariantLabel();
    @Message String dashWidgetVariantBadge();
    @Message String dashWidgetVariantCompact();
    @Message String dashWidgetVariantReviews();
    @Message String dashWidgetVariantProduct();
    @Message String dashWidgetThemeLabel();
    @Message String dashWidgetThemeLight();
    @Message String dashWidgetThemeDark();
    @Message String dashWidgetLocaleLabel();
    @Message String dashWidgetLocaleAuto();
    @Message String dashWidgetProductLabel();
    @Message String dashWidgetProductUnrated(String product);
    @Message String dashWidgetNoProducts();
    @Message String dashWidgetSubmit();
    @Message String dashWidgetPreviewHeading();
    @Message String dashWidgetPreviewNote();
    @Message String dashWidgetPreviewEmpty();
    @Message String dashWidgetSnippetHeading();
    @Message String dashWidgetSnippetLabel();
    @Message String dashWidgetSnippetHint();
    @Message String dashWidgetCopy();
    @Message String dashWidgetCopied();
    @Message String dashWidgetCopyFailed();
    @Message String dashWidgetErrorHeading();
    @Message String dashWidgetErrorVariant();
    @Message String dashWidgetErrorTheme();
    @Message String dashWidgetErrorLocale();
    @Message String dashWidgetErrorSku();
    @Message String dashInsightsErrorHeading();
    @Message String dashInsightsErrorMonths(int most);
    @Message String dashAccessTitle();
    @Message String dashAccessText();
    @Message String dashAccessNotice();
    @Message String dashAccessSignIn();

    // the front door's shop finder (msg is full)
    @Message String frontFindShopLabel();
    @Message String frontFindShopButton();
}
