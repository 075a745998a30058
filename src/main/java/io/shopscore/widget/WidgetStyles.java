package io.shopscore.widget;

import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Puts the badge's stylesheet (widget/shopscore.css) into the script, where it becomes a
 * constructable stylesheet: a strict Content-Security-Policy refuses an inline {@code <style>} but
 * not that. The same compacted text is served as /widget/shopscore.css for browsers without
 * constructable stylesheets, so the two ways can never show different styles.
 */
final class WidgetStyles {

    /** The string in widget/shopscore.js that stands for the stylesheet, in either quotes (Closure Compiler prefers double). */
    private static final String[] PLACEHOLDERS = { "'/* shopscore.css */'", "\"/* shopscore.css */\"" };

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SPACE_AROUND_PUNCTUATION = Pattern.compile(" ?([{};,>]) ?");

    private WidgetStyles() {
    }

    /**
     * The stylesheet without comments and needless whitespace: the script carries it, and every
     * byte counts against its size budget. Safe for shopscore.css, which has no strings or
     * url()s in which a space, brace, semicolon or colon would mean something.
     */
    static String compact(String css) {
        String text = WHITESPACE.matcher(COMMENT.matcher(css).replaceAll("")).replaceAll(" ");
        // A space after a colon or before !important never means anything; one before a colon can (".a :hover").
        return SPACE_AROUND_PUNCTUATION.matcher(text).replaceAll("$1").replace(";}", "}").replace(": ", ":").replace(" !", "!").trim();
    }

    /** The script with the stylesheet as a JavaScript string in place of its placeholder. */
    static String embed(String script, String css) {
        String literal;
        try {
            literal = new ObjectMapper().writeValueAsString(css);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (String placeholder : PLACEHOLDERS) {
            int at = script.indexOf(placeholder);
            if (at >= 0) {
                return script.substring(0, at) + literal + script.substring(at + placeholder.length());
            }
        }
        throw new IllegalStateException("widget/shopscore.js has no '/* shopscore.css */' for the stylesheet to replace");
    }
}
