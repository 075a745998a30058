package io.shopscore.operator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One page of the shops matching a search, and the form to register one (with what was typed and what was wrong). */
public record ShopsView(String query, List<Row> shops, int page, boolean hasPrevious, boolean hasNext, long total, ShopForm form) {

    /** One shop; contactEmail null when it has none (then nobody can sign in to its dashboard by mail). */
    public record Row(String slug, String name, String websiteUrl, String locale, String createdOn, String contactEmail) {
    }

    /** The create form: the values typed, and the bad field (null when none). */
    public record ShopForm(String slug, String name, String websiteUrl, String locale, String contactEmail, String error) {

        static ShopForm empty() {
            return new ShopForm("", "", "", "", "", null);
        }
    }

    public String previousLink(String lang) {
        return pageLink(page - 1, lang);
    }

    public String nextLink(String lang) {
        return pageLink(page + 1, lang);
    }

    /** The address of another page of the same search. */
    private String pageLink(int to, String lang) {
        return "/operator/shops?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&page=" + to + "&lang=" + lang;
    }
}
