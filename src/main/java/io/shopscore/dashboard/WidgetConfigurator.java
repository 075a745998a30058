package io.shopscore.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopscore.product.Product;
import io.shopscore.product.Skus;
import io.shopscore.score.ProductScoreService;
import io.shopscore.score.ProductScoreView;
import io.shopscore.session.SignedIn;
import io.shopscore.shop.Shop;
import io.shopscore.shop.ShopService;
import io.shopscore.web.Links;

/**
 * Turns a choice of the widget's options into the snippet a shop pastes into its pages. The
 * options are the widget's own (widget/shopscore.js, docs/widget.md): anything else is refused by
 * name rather than put into a snippet the widget would silently ignore.
 */
@ApplicationScoped
public class WidgetConfigurator {

    static final String DEFAULT_VARIANT = "badge";
    static final String DEFAULT_THEME = "light";
    /** No data-locale: the widget speaks the language of the page it is on. */
    static final String AUTO_LOCALE = "auto";
    static final List<String> VARIANTS = List.of("badge", "compact", "reviews", "product");
    static final List<String> THEMES = List.of("light", "dark");
    static final List<String> LOCALES = List.of(AUTO_LOCALE, "nl", "en", "de", "fr");
    /** The size each variant is drawn in, to reserve on the page so nothing moves when it arrives. */
    static final Map<String, String> SIZES = Map.of("badge", "width:260px;height:96px", "compact", "width:260px;height:28px",
            "reviews", "width:320px;height:440px", "product", "width:160px;height:24px");
    /** The products offered to choose from; a shop with more still gets any of its SKUs named in the address. */
    static final int PRODUCTS_LISTED = 500;

    private final ProductScoreService productScores;
    private final Links links;

    public WidgetConfigurator(ProductScoreService productScores, Links links) {
        this.productScores = productScores;
        this.links = links;
    }

    /**
     * The configurator for this choice. A parameter left out takes the widget's default; one the
     * widget does not know is named in {@link WidgetPage#errors()} and no snippet is made.
     */
    @Transactional
    public WidgetPage page(SignedIn session, String lang, String variant, String theme, String locale, String sku) {
        Shop shop = ShopService.require(session.slug());
        WidgetPage.Choice choice = new WidgetPage.Choice(orDefault(variant, DEFAULT_VARIANT), orDefault(theme, DEFAULT_THEME),
                orDefault(locale, AUTO_LOCALE), blankToNull(sku));
        List<Product> catalogue = new ArrayList<>(Product.catalogue(shop, PRODUCTS_LISTED));
        List<String> errors = new ArrayList<>();
        if (!VARIANTS.contains(choice.variant())) {
            errors.add("variant");
        }
        if (!THEMES.contains(choice.theme())) {
            errors.add("theme");
        }
        if (!LOCALES.contains(choice.locale())) {
            errors.add("locale");
        }
        if (choice.sku() != null && catalogue.stream().noneMatch(product -> product.sku().equals(choice.sku()))) {
            // beyond the listed ones, or not the shop's at all
            Optional<Product> named = Skus.isValid(choice.sku()) ? Product.find(shop, choice.sku()) : Optional.empty();
            named.ifPresentOrElse(catalogue::add, () -> errors.add("sku"));
        }
        if (choice.product() && choice.sku() == null) {
            errors.add("sku");
        }
        Set<String> rated = productScores.findAll(shop.slug(), catalogue.stream().map(Product::sku).toList()).stream()
                .map(ProductScoreView::sku).collect(Collectors.toSet());
        List<WidgetPage.Option> options = catalogue.stream()
                .map(product -> new WidgetPage.Option(product.sku(), product.name(), rated.contains(product.sku()))).toList();
        return new WidgetPage(lang, session.slug(), session.shopName(), session.member(), session.formToken(), choice, options,
                List.copyOf(errors), errors.isEmpty() ? snippet(session.slug(), choice) : null);
    }

    /** The two lines docs/widget.md shows, with the attributes of this choice; the script from the public address. */
    String snippet(String slug, WidgetPage.Choice choice) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("data-shopscore", slug);
        if (choice.variantShown()) {
            attributes.put("data-variant", choice.variant());
        }
        if (choice.product()) {
            attributes.put("data-sku", choice.sku());
        }
        if (choice.localeShown()) {
            attributes.put("data-locale", choice.locale());
        }
        if (choice.themeShown()) {
            attributes.put("data-theme", choice.theme());
        }
        attributes.put("style", SIZES.get(choice.variant()));
        String element = attributes.entrySet().stream().map(attribute -> attribute.getKey() + "=\"" + escape(attribute.getValue()) + "\"")
                .collect(Collectors.joining(" ", "<div ", "></div>"));
        return element + "\n<script src=\"" + escape(links.widgetScript()) + "\" async></script>";
    }

    /** An attribute value as HTML: a SKU may hold quotes, ampersands and angle brackets. */
    static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
