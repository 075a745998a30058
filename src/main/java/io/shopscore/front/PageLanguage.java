package io.shopscore.front;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopscore.i18n.Formats;
import io.shopscore.i18n.Locales;

/** The language of a page that belongs to nobody in particular: ?lang=, else the browser's, else the default. */
@ApplicationScoped
public class PageLanguage {

    private final Locales locales;
    private final Formats formats;

    public PageLanguage(Locales locales, Formats formats) {
        this.locales = locales;
        this.formats = formats;
    }

    public String of(String lang, String acceptLanguage) {
        return formats.pageLanguage(lang, acceptLanguage);
    }

    public List<String> supported() {
        return locales.supported();
    }
}
