package io.shopscore.review;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopscore.keys.Digests;
import io.shopscore.keys.ServiceKeys;
import io.shopscore.web.Links;

/**
 * The author's own link to change, export or withdraw their review. It is derived from the review
 * with a key only this service holds (so the mail that carries it can be rendered whenever it is
 * sent), and only its SHA-256 digest is stored: the database alone opens no review. It is a
 * different secret from the invitation token, which the shop may have held.
 */
@ApplicationScoped
public class EditLinks {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final ServiceKeys keys;
    private final Links links;

    public EditLinks(ServiceKeys keys, Links links) {
        this.keys = keys;
        this.links = links;
    }

    /** The edit token of a review: 256 bits, URL-safe. */
    public String token(long reviewId) {
        return keys.urlSafe(ServiceKeys.Purpose.EDIT_LINK, "review:" + reviewId);
    }

    /** The absolute link the author gets by mail. */
    public String url(long reviewId) {
        return links.base() + "/review/edit/" + token(reviewId);
    }

    static String digest(String token) {
        return Digests.sha256Hex(token);
    }

    /** Whether a string could be an edit token at all; anything else is answered 404 without a query. */
    static boolean hasTokenForm(String value) {
        return value != null && FORM.matcher(value).matches();
    }
}
