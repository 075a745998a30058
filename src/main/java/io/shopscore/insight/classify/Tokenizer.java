package io.shopscore.insight.classify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns free text into {@link Tokens}: lower case, accents stripped ("geïnformeerd" becomes
 * "geinformeerd"), letters repeated three or more times shortened to two ("nooooit" becomes
 * "nooit"), and English contractions spelled out ("didn't" becomes "did not", "they'd" becomes
 * "they would"), so that the lexicon only has to list one spelling of each word.
 *
 * <p>The same tokenizer reads the lexicon files, so whatever a lexicon author writes is normalised
 * exactly like the reviews it is matched against. It works character by character without regular
 * expressions, so its time is linear in the length of the text whatever the input.
 */
final class Tokenizer {

    /**
     * Reviews longer than this are read only up to here. The review form allows far less; the cap
     * keeps the time per call bounded even when someone feeds a whole book.
     */
    static final int MAX_CHARS = 20_000;

    /** English negative contractions typed without an apostrophe, as customers often do. */
    private static final Map<String, String[]> CONTRACTIONS_WITHOUT_APOSTROPHE = Map.ofEntries(
            Map.entry("dont", new String[] {"do", "not"}),
            Map.entry("didnt", new String[] {"did", "not"}),
            Map.entry("doesnt", new String[] {"does", "not"}),
            Map.entry("isnt", new String[] {"is", "not"}),
            Map.entry("wasnt", new String[] {"was", "not"}),
            Map.entry("werent", new String[] {"were", "not"}),
            Map.entry("arent", new String[] {"are", "not"}),
            Map.entry("cant", new String[] {"can", "not"}),
            Map.entry("cannot", new String[] {"can", "not"}),
            Map.entry("couldnt", new String[] {"could", "not"}),
            Map.entry("wouldnt", new String[] {"would", "not"}),
            Map.entry("shouldnt", new String[] {"should", "not"}),
            Map.entry("wont", new String[] {"will", "not"}),
            Map.entry("havent", new String[] {"have", "not"}),
            Map.entry("hasnt", new String[] {"has", "not"}),
            Map.entry("hadnt", new String[] {"had", "not"}),
            Map.entry("aint", new String[] {"is", "not"}));

    /** Words before "n't" whose positive form is not simply the word without its final n. */
    private static final Map<String, String> IRREGULAR_NEGATIVES = Map.of(
            "won", "will", "can", "can", "ca", "can", "ain", "is", "shan", "shall");

    /** English endings after an apostrophe, spelled out. */
    private static final Map<String, String> CONTRACTED_VERBS = Map.of(
            "ll", "will", "ve", "have", "re", "are", "m", "am", "d", "would");

    /** Words whose "'s" means "is" rather than a possessive ("it's", Flemish "da's"). */
    private static final Set<String> IS_BEFORE_APOSTROPHE_S = Set.of(
            "it", "that", "there", "here", "what", "who", "he", "she", "da", "dat");

    private Tokenizer() {
    }

    /** Cuts a text into tokens; null or blank text gives no tokens. */
    static Tokens tokenize(String text) {
        Builder builder = new Builder();
        if (text != null) {
            builder.read(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
        }
        return builder.build();
    }

    /** The normalised words of a short piece of text, as a lexicon entry is read. */
    static List<String> words(String text) {
        Tokens tokens = tokenize(text);
        List<String> words = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            words.add(tokens.word(i));
        }
        return words;
    }

    private static final class Builder {

        private final List<String> words = new ArrayList<>();
        private int[] sentenceOfWord = new int[64];
        private int[] clauseOfWord = new int[64];
        private final StringBuilder word = new StringBuilder();
        private int sentence;
        private int clause;

        void read(String raw) {
            // NFD splits "ë" into "e" and a combining mark, which is then dropped; plain ASCII needs no such step
            String text = isAscii(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFD);
            int length = text.length();
            int offset = 0;
            while (offset < length) {
                int cp = text.codePointAt(offset);
                int next = offset + Character.charCount(cp);
                int following = next < length ? text.codePointAt(next) : -1;
                int previous = offset > 0 ? text.codePointBefore(offset) : -1;
                readCodePoint(cp, previous, following);
                offset = next;
            }
            flushWord();
        }

        private static boolean isAscii(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) >= 0x80) {
                    return false;
                }
            }
            return true;
        }

        private void readCodePoint(int cp, int previous, int following) {
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT) {
                return; // accents and zero-width characters
            }
            if (Character.isLetterOrDigit(cp)) {
                appendLetter(Character.toLowerCase(cp));
            } else if (isApostrophe(cp) && word.length() > 0 && following >= 0 && Character.isLetter(following)) {
                word.append('\'');
            } else if ((cp == '.' || cp == ',') && endsWithDigit() && following >= 0 && Character.isDigit(following)) {
                word.append((char) cp); // 6,95 and 7.50 are one number, not a clause end
            } else {
                flushWord();
                if (endsSentence(cp)) {
                    sentence++;
                    clause++;
                } else if (endsClause(cp, previous, following)) {
                    clause++;
                }
            }
        }

        private void appendLetter(int cp) {
            switch (cp) {
                case 'ß' -> word.append("ss");
                case 'æ' -> word.append("ae");
                case 'œ' -> word.append("oe");
                case 'ø' -> word.append('o');
                case 'ł' -> word.append('l');
                case 'đ' -> word.append('d');
                case 'ı' -> word.append('i');
                default -> {
                    // "suuuuper" and "nooooit": a letter typed three times or more counts twice
                    int n = word.length();
                    if (n >= 2 && word.charAt(n - 1) == cp && word.charAt(n - 2) == cp && !Character.isDigit(cp)) {
                        return;
                    }
                    word.appendCodePoint(cp);
                }
            }
        }

        private boolean endsWithDigit() {
            return word.length() > 0 && Character.isDigit(word.charAt(word.length() - 1));
        }

        private static boolean isApostrophe(int cp) {
            return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '`' || cp == '\u00B4' || cp == '\u2032';
        }

        private static boolean endsSentence(int cp) {
            return cp == '.' || cp == '!' || cp == '?' || cp == ';' || cp == '\n' || cp == '\u2026'
                    || cp == '\u2028' || cp == '\u2029' || cp == '\u00A1' || cp == '\u00BF';
        }

        private static boolean endsClause(int cp, int previous, int following) {
            if (cp == '-') {
                // "gsm-hoesje" is one compound, " - " separates two thoughts
                return previous < 0 || following < 0 || Character.isWhitespace(previous) || Character.isWhitespace(following);
            }
            return cp == ',' || cp == ':' || cp == '(' || cp == ')' || cp == '[' || cp == ']'
                    || cp == '\u2013' || cp == '\u2014' || cp == '\u2022';
        }

        private void flushWord() {
            if (word.length() == 0) {
                return;
            }
            String raw = word.toString();
            word.setLength(0);
            int apostrophe = raw.indexOf('\'');
            if (apostrophe < 0) {
                String[] spelledOut = CONTRACTIONS_WITHOUT_APOSTROPHE.get(raw);
                if (spelledOut != null) {
                    for (String part : spelledOut) {
                        emit(part);
                    }
                } else {
                    emit(raw);
                }
                return;
            }
            String before = raw.substring(0, apostrophe);
            String after = raw.substring(apostrophe + 1).replace("'", "");
            if (after.equals("t") && before.endsWith("n")) {
                emit(IRREGULAR_NEGATIVES.getOrDefault(before, before.substring(0, before.length() - 1)));
                emit("not");
            } else if (CONTRACTED_VERBS.containsKey(after)) {
                emit(before);
                emit(CONTRACTED_VERBS.get(after));
            } else if (after.equals("s")) {
                emit(before);
                if (IS_BEFORE_APOSTROPHE_S.contains(before)) {
                    emit("is");
                }
            } else {
                emit(before);
                emit(after);
            }
        }

        private void emit(String token) {
            if (token.isEmpty()) {
                return;
            }
            int index = words.size();
            if (index == sentenceOfWord.length) {
                sentenceOfWord = Arrays.copyOf(sentenceOfWord, index * 2);
                clauseOfWord = Arrays.copyOf(clauseOfWord, index * 2);
            }
            words.add(token);
            sentenceOfWord[index] = sentence;
            clauseOfWord[index] = clause;
        }

        Tokens build() {
            int n = words.size();
            return new Tokens(words.toArray(new String[0]), Arrays.copyOf(sentenceOfWord, n), Arrays.copyOf(clauseOfWord, n));
        }
    }
}
