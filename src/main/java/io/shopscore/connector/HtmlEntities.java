package io.shopscore.connector;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the HTML entities WordPress puts into names ({@code &amp;}, {@code &#8211;},
 * {@code &ndash;}) back into characters. The names are then plain text, escaped again wherever
 * they are shown; an entity left as it was would show as {@code &amp;amp;}.
 */
final class HtmlEntities {

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");

    /** The named entities WordPress and WooCommerce write (esc_html, wptexturize, variation names). */
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00a0"), Map.entry("ndash", "\u2013"), Map.entry("mdash", "\u2014"),
            Map.entry("hellip", "\u2026"), Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"), Map.entry("sbquo", "\u201a"),
            Map.entry("ldquo", "\u201c"), Map.entry("rdquo", "\u201d"), Map.entry("bdquo", "\u201e"), Map.entry("laquo", "\u00ab"),
            Map.entry("raquo", "\u00bb"), Map.entry("times", "\u00d7"), Map.entry("euro", "\u20ac"), Map.entry("pound", "\u00a3"),
            Map.entry("copy", "\u00a9"), Map.entry("reg", "\u00ae"), Map.entry("trade", "\u2122"), Map.entry("deg", "\u00b0"),
            Map.entry("prime", "\u2032"), Map.entry("Prime", "\u2033"), Map.entry("frac12", "\u00bd"), Map.entry("eacute", "\u00e9"),
            Map.entry("egrave", "\u00e8"), Map.entry("euml", "\u00eb"), Map.entry("iuml", "\u00ef"), Map.entry("ouml", "\u00f6"),
            Map.entry("uuml", "\u00fc"), Map.entry("auml", "\u00e4"), Map.entry("szlig", "\u00df"), Map.entry("ccedil", "\u00e7"));

    private HtmlEntities() {
    }

    /** The text with its entities decoded; unknown names and impossible code points stay as they were. */
    static String decode(String text) {
        if (text == null || text.indexOf('&') < 0) {
            return text;
        }
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(character(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String character(String entity, String whole) {
        if (entity.charAt(0) != '#') {
            return NAMED.getOrDefault(entity, whole);
        }
        boolean hex = entity.charAt(1) == 'x' || entity.charAt(1) == 'X';
        int codePoint = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
        if (codePoint == 0 || codePoint > Character.MAX_CODE_POINT || Character.getType(codePoint) == Character.SURROGATE) {
            return whole;
        }
        return new String(Character.toChars(codePoint));
    }
}
