package io.shopscore.dashboard;

import java.util.List;

/**
 * The widget configurator: the choice made (as asked, so the form shows it again), the shop's
 * products to choose from, the fields refused (empty when the choice is valid) and, for a valid
 * choice, the snippet to copy.
 */
public record WidgetPage(String lang, String slug, String shopName, String member, String formToken, Choice choice,
        List<Option> products, List<String> errors, String snippet) {

    /** The widget's attributes as docs/widget.md names them; {@code locale} "auto" leaves data-locale out. */
    public record Choice(String variant, String theme, String locale, String sku) {

        public boolean product() {
            return "product".equals(variant);
        }

        /** Whether the widget shows its attribute: it is left out where the widget's default applies. */
        public boolean variantShown() {
            return !WidgetConfigurator.DEFAULT_VARIANT.equals(variant);
        }

        public boolean themeShown() {
            return !WidgetConfigurator.DEFAULT_THEME.equals(theme);
        }

        public boolean localeShown() {
            return !WidgetConfigurator.AUTO_LOCALE.equals(locale);
        }
    }

    /** One of the shop's products; a product without a published review shows no stars. */
    public record Option(String sku, String name, boolean rated) {
    }

    public List<String> variants() {
        return WidgetConfigurator.VARIANTS;
    }

    public List<String> themes() {
        return WidgetConfigurator.THEMES;
    }

    public List<String> locales() {
        return WidgetConfigurator.LOCALES;
    }

    public boolean invalid(String field) {
        return errors.contains(field);
    }

    /** Whether the chosen product has no stars to show yet (the preview stays empty). */
    public boolean unratedProduct() {
        return choice.product() && products.stream().anyMatch(option -> option.sku().equals(choice.sku()) && !option.rated());
    }
}
