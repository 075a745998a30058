package io.shopscore.web;

import java.util.List;
import java.util.Map;

/** One entry of a page's language switcher. */
public record LanguageLink(String code, String name, String href, boolean current) {

    private static final Map<String, String> NAMES = Map.of("nl", "Nederlands", "en", "English", "de", "Deutsch", "fr", "Français");

    /** Links to the same page in each language; {@code path} must not carry a query string. */
    public static List<LanguageLink> forPage(String path, List<String> languages, String current) {
        return languages.stream()
                .map(code -> new LanguageLink(code, NAMES.getOrDefault(code, code), path + "?lang=" + code, code.equals(current)))
                .toList();
    }
}
