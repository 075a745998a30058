package io.shopscore.insight.classify;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps a misspelt word to the lexicon word it was meant to be, when the two differ by one typing
 * slip: a letter missing ("levring"), one too many, one wrong ("custumer") or two swapped
 * ("recieved"). Only long words are corrected, and never in their first letter: among short words
 * one slip often makes another real word ("niet", "net"), and a different first letter usually
 * means a different word ("shipped", "chipped"; "iemand", "niemand"), while typing slips happen
 * further on. Other variants must be listed explicitly in the lexicon.
 *
 * <p>This uses the symmetric-delete idea: every lexicon word and every text word is reduced by
 * deleting one letter at a time, and two words are one slip apart exactly when they share such a
 * reduced form (or one is a reduced form of the other). All lookups are hash lookups, so a text
 * word costs a few dozen of them, whatever the size of the lexicon.
 */
final class SpellingTolerance {

    /** Lexicon words shorter than this are never the target of a correction. */
    static final int MIN_LENGTH = 7;

    /** A wrong or swapped letter is only corrected in words at least this long. */
    static final int MIN_LENGTH_FOR_SUBSTITUTION = 8;

    /** Corrections already worked out; bounded, so odd input cannot make it grow without end. */
    private static final int CACHE_LIMIT = 50_000;

    private final Map<String, String> corrections = new ConcurrentHashMap<>();
    private final Set<String> vocabulary;
    /** A form with one letter deleted, to the (alphabetically first) lexicon word it came from. */
    private final Map<String, String> wordByDeletion;

    SpellingTolerance(Set<String> vocabulary) {
        this.vocabulary = Set.copyOf(vocabulary);
        Map<String, String> deletions = new HashMap<>();
        for (String word : this.vocabulary) {
            if (word.length() >= MIN_LENGTH && isPlainWord(word)) {
                for (int i = 0; i < word.length(); i++) {
                    deletions.merge(deleteAt(word, i), word, SpellingTolerance::first);
                }
            }
        }
        this.wordByDeletion = Map.copyOf(deletions);
    }

    /**
     * The lexicon's spelling of a word: the word itself when the lexicon knows it or when no
     * lexicon word is one slip away, otherwise the nearest lexicon word (the alphabetically first
     * if there are several, so the result never depends on loading order).
     */
    String canonical(String word) {
        if (word.length() < MIN_LENGTH - 1 || vocabulary.contains(word) || !isPlainWord(word)) {
            return word;
        }
        String known = corrections.get(word);
        if (known != null) {
            return known;
        }
        String best = correction(word);
        if (corrections.size() < CACHE_LIMIT) {
            corrections.put(word, best);
        }
        return best;
    }

    private String correction(String word) {
        String best = null;
        // a letter missing from the text word
        String target = wordByDeletion.get(word);
        if (target != null && target.charAt(0) == word.charAt(0)) {
            best = target;
        }
        for (int i = 1; i < word.length(); i++) {
            String reduced = deleteAt(word, i);
            // one letter too many in the text word
            if (reduced.length() >= MIN_LENGTH && vocabulary.contains(reduced)) {
                best = first(best, reduced);
            }
            // one letter wrong, or two neighbours swapped: only in longer words, where this rarely
            // turns one real word into another ("swapped" and "snapped" are both words)
            String sameLength = wordByDeletion.get(reduced);
            if (word.length() >= MIN_LENGTH_FOR_SUBSTITUTION && sameLength != null && sameLength.length() == word.length()
                    && sameLength.charAt(0) == word.charAt(0)) {
                best = first(best, sameLength);
            }
        }
        return best == null ? word : best;
    }

    private static boolean isPlainWord(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String deleteAt(String word, int index) {
        return word.substring(0, index) + word.substring(index + 1);
    }

    private static String first(String a, String b) {
        if (a == null) {
            return b;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }
}
