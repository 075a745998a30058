package io.shopscore.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopscore.config.ShopscoreConfig;

/** Numbers and dates as a reader of that language expects them: "8,3" in Dutch, "8.3" in English. */
@ApplicationScoped
public class Formats {

    private final ZoneId zone;
    private final Locales locales;

    public Formats(ShopscoreConfig config, Locales locales) {
        this.zone = config.timeZone();
        this.locales = locales;
    }

    /** A grade or star figure with one decimal; empty text for null. */
    public String decimal(BigDecimal value, String language) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag(language));
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    /** A day such as "23 november 2026" in the configured time zone. */
    public String date(Instant instant, String language) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.forLanguageTag(language))
                .format(instant.atZone(zone));
    }

    /** A page's language: {@code ?lang=} when offered, else the browser's (Accept-Language), else the service's default. */
    public String pageLanguage(String lang, String acceptLanguage) {
        return locales.match(lang).or(() -> preferred(acceptLanguage)).orElse(locales.defaultLocale());
    }

    /** The supported language a browser prefers most (Accept-Language), if any. */
    public Optional<String> preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            return Optional.ofNullable(Locale.lookupTag(ranges, locales.supported()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
