package io.shopscore.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopscore.config.ShopscoreConfig;

/** The languages Shopscore speaks, as lower-case ISO 639-1 codes ({@code nl}, {@code en}, ...). */
@ApplicationScoped
public class Locales {

    private final List<String> supported;

    public Locales(ShopscoreConfig config) {
        this.supported = config.locales().stream().map(code -> code.trim().toLowerCase(Locale.ROOT)).toList();
    }

    public List<String> supported() {
        return supported;
    }

    public String defaultLocale() {
        return supported.get(0);
    }

    public boolean isSupported(String code) {
        return code != null && supported.contains(code);
    }

    /** The supported language of a code such as {@code nl-BE} or {@code EN}, if any. */
    public Optional<String> match(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(code.trim().replace('_', '-')).getLanguage();
        return isSupported(language) ? Optional.of(language) : Optional.empty();
    }
}
