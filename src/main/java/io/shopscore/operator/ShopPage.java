package io.shopscore.operator;

/**
 * One shop in the console, with the form for its contact address.
 *
 * @param contactEmail the address the shop has, null for none
 * @param form         what the form shows
 * @param saved        whether a change was just saved
 */
public record ShopPage(String slug, String name, String websiteUrl, String locale, String createdOn, String contactEmail, ContactForm form,
        boolean saved) {

    /** The contact form: the address typed (or the current one), and the bad field (null when none). */
    public record ContactForm(String contactEmail, String error) {
    }
}
