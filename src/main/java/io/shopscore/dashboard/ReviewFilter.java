package io.shopscore.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.IntStream;

import io.shopscore.insight.classify.Topic;
import io.shopscore.score.Grade;

/**
 * The filters of the Reviews page, read from its GET form: they combine, and every link and form
 * of the page carries them on, so paging, responding and reporting keep the list where it was.
 * Every value is checked; a bad one is {@link Invalid}, naming its field (a 400 page).
 *
 * @param band     the grade band (from {@link Grade.Band}, never defined again here); null for all
 * @param topic    a complaint topic of the insight classifier; null for all
 * @param answered true: with a response, false: without; null for both
 * @param reported true: with a report waiting for the operator; false: without; null for both
 * @param source   where the review came from; null for all
 * @param search   words to find in the title or text, case-insensitive; null for none
 * @param page     1 for the first page
 */
public record ReviewFilter(GradeBand band, Topic topic, Boolean answered, Boolean reported, Source source, String search, int page) {

    /** Longer searches are refused: nobody types them, and they only cost the database. */
    public static final int MAX_SEARCH = 200;
    /** Deeper pages are refused; filters find old reviews faster than paging does. */
    public static final int MAX_PAGE = 50_000;

    /** The form's names for the grade bands, each one of {@link Grade.Band}. */
    public enum GradeBand {
        NEGATIVE(Grade.Band.POOR), NEUTRAL(Grade.Band.FAIR), POSITIVE(Grade.Band.GOOD);

        final Grade.Band band;

        GradeBand(Grade.Band band) {
            this.band = band;
        }

        /** The grades in this band, asked of {@link Grade} rather than written down again. */
        public List<Integer> grades() {
            return IntStream.rangeClosed(Grade.LOWEST, Grade.HIGHEST).filter(grade -> new Grade(grade).band() == band).boxed().toList();
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The grades as a range for labels, such as "1-5". */
        public String range() {
            List<Integer> grades = grades();
            return grades.get(0) + "–" + grades.get(grades.size() - 1);
        }
    }

    /** Where a review came from, as the shop thinks of it. */
    public enum Source {
        /** Invited through the API or a link the shop handed out. */
        INVITED,
        /** Invited by an order from a connected shop platform (WooCommerce, Shopify). */
        CONNECTOR,
        /** Brought over from another review service. */
        IMPORTED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A filter value that is not one of the offered ones. */
    public static final class Invalid extends RuntimeException {
        private final String field;

        Invalid(String field) {
            super("Bad value for " + field, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public static final ReviewFilter NONE = new ReviewFilter(null, null, null, null, null, null, 1);

    /** Reads the form's values; empty means "all". Throws {@link Invalid} for the first bad one. */
    public static ReviewFilter parse(String grade, String topic, String answered, String reported, String source, String q, String page) {
        GradeBand band = blank(grade) ? null : parseEnum(GradeBand.class, grade, "grade");
        Topic chosenTopic = blank(topic) ? null : Topic.fromCode(topic).orElseThrow(() -> new Invalid("topic"));
        Boolean isAnswered = yesNo(answered, "answered");
        Boolean isReported = yesNo(reported, "reported");
        Source chosenSource = blank(source) ? null : parseEnum(Source.class, source, "source");
        String search = q == null ? null : q.strip();
        if (search != null && (search.length() > MAX_SEARCH || search.chars().anyMatch(Character::isISOControl))) {
            throw new Invalid("q");
        }
        return new ReviewFilter(band, chosenTopic, isAnswered, isReported, chosenSource, blank(search) ? null : search, pageNumber(page));
    }

    public ReviewFilter onPage(int number) {
        return new ReviewFilter(band, topic, answered, reported, source, search, number);
    }

    /** The filters (page included) as the query string of a link to the list, starting with {@code lang}. */
    public String query(String lang) {
        StringJoiner query = new StringJoiner("&");
        query.add("lang=" + encode(lang));
        fields().forEach((name, value) -> query.add(name + "=" + encode(value)));
        if (page > 1) {
            query.add("page=" + page);
        }
        return query.toString();
    }

    /** The filters as name and value, for hidden fields of the forms that post from the list (the page separately). */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        if (band != null) {
            fields.put("grade", band.code());
        }
        if (topic != null) {
            fields.put("topic", topic.code());
        }
        if (answered != null) {
            fields.put("answered", answered ? "yes" : "no");
        }
        if (reported != null) {
            fields.put("reported", reported ? "yes" : "no");
        }
        if (source != null) {
            fields.put("source", source.code());
        }
        if (search != null) {
            fields.put("q", search);
        }
        return fields;
    }

    /** The hidden fields as a list, since templates iterate lists more plainly than maps. */
    public List<Map.Entry<String, String>> hiddenFields() {
        return new ArrayList<>(fields().entrySet());
    }

    public boolean any() {
        return !fields().isEmpty();
    }

    /**
     * The search as a LIKE pattern: lower case, with the wildcards a shop may type ({@code %} and
     * {@code _}) and the escape character itself escaped by {@code !}, so they match themselves.
     */
    public String searchPattern() {
        return "%" + escapeLike(search.toLowerCase(Locale.ROOT)) + "%";
    }

    /** The topic as a LIKE pattern over the stored codes (comma-separated, wrapped in commas); its underscore is escaped. */
    public String topicPattern() {
        return "%," + escapeLike(topic.code()) + ",%";
    }

    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static int pageNumber(String page) {
        if (blank(page)) {
            return 1;
        }
        if (page.length() > 6 || !page.chars().allMatch(Character::isDigit)) {
            throw new Invalid("page");
        }
        int number = Integer.parseInt(page);
        if (number < 1 || number > MAX_PAGE) {
            throw new Invalid("page");
        }
        return number;
    }

    private static Boolean yesNo(String value, String field) {
        if (blank(value)) {
            return null;
        }
        return switch (value) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new Invalid(field);
        };
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
                return constant;
            }
        }
        throw new Invalid(field);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
