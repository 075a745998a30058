package io.shopscore.insight.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every lexicon phrase in a text. Phrases are filed under the words (or the first three
 * letters of the word beginnings) they can start with, so each word of the text is tried only
 * against the few phrases that could start there instead of against the whole lexicon. Before a
 * phrase is tried, its later words are checked against the set of words in the text (once per
 * text for each distinct word position), so phrases that cannot match cost almost nothing.
 */
final class PhraseIndex {

    /** A phrase of a rule; {@code part} says which of the rule's {@code +}-joined phrases it is. */
    record Entry(Rule rule, int part, PhrasePattern phrase, boolean filedMoreThanOnce, int[] laterWordIds) {
    }

    /** A phrase found in the text. */
    record Found(Entry entry, PhrasePattern.Match match) {
    }

    static final int PREFIX_KEY_LENGTH = 3;

    private final Map<String, List<Entry>> byFirstWord = new HashMap<>();
    private final Map<String, List<Entry>> byFirstLetters = new HashMap<>();
    private final List<Entry> startingWithNumber = new ArrayList<>();
    /** Every distinct later-word matcher, numbered so a text can remember which it has checked. */
    private final List<WordMatcher> laterWordMatchers = new ArrayList<>();

    PhraseIndex(List<Rule> rules) {
        Map<WordMatcher, Integer> ids = new IdentityHashMap<>();
        for (Rule rule : rules) {
            for (int part = 0; part < rule.parts().size(); part++) {
                for (PhrasePattern phrase : rule.parts().get(part)) {
                    index(entry(rule, part, phrase, ids));
                }
            }
        }
    }

    private Entry entry(Rule rule, int part, PhrasePattern phrase, Map<WordMatcher, Integer> ids) {
        WordMatcher first = phrase.firstWord();
        int keys = first.prefixes().size() + (first.words().isEmpty() ? 0 : 1) + (first.acceptsAnyNumber() ? 1 : 0);
        List<WordMatcher> later = phrase.laterWords();
        int[] laterIds = new int[later.size()];
        for (int i = 0; i < laterIds.length; i++) {
            laterIds[i] = ids.computeIfAbsent(later.get(i), matcher -> {
                laterWordMatchers.add(matcher);
                return laterWordMatchers.size() - 1;
            });
        }
        // filed under more than one key, one word of the text can find it twice
        return new Entry(rule, part, phrase, keys > 1, laterIds);
    }

    private void index(Entry entry) {
        WordMatcher first = entry.phrase().firstWord();
        for (String word : first.words()) {
            byFirstWord.computeIfAbsent(word, w -> new ArrayList<>()).add(entry);
        }
        for (String prefix : first.prefixes()) {
            byFirstLetters.computeIfAbsent(prefix.substring(0, PREFIX_KEY_LENGTH), p -> new ArrayList<>()).add(entry);
        }
        if (first.acceptsAnyNumber()) {
            startingWithNumber.add(entry);
        }
    }

    List<Found> findAll(Tokens tokens) {
        List<Found> found = new ArrayList<>();
        List<Entry> candidates = new ArrayList<>();
        Set<String> textWords = tokens.distinctWords();
        boolean textHasNumbers = tokens.hasNumbers();
        // per later-word matcher: 0 not checked yet, 1 some word of the text fits, 2 none does
        byte[] laterWordFits = new byte[laterWordMatchers.size()];
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.word(i);
            candidates.clear();
            addDistinct(candidates, byFirstWord.get(word));
            if (word.length() >= PREFIX_KEY_LENGTH) {
                addDistinct(candidates, byFirstLetters.get(word.substring(0, PREFIX_KEY_LENGTH)));
            }
            if (!startingWithNumber.isEmpty() && tokens.isNumber(i)) {
                addDistinct(candidates, startingWithNumber);
            }
            for (Entry entry : candidates) {
                if (!laterWordsFit(entry, textWords, textHasNumbers, laterWordFits)) {
                    continue;
                }
                PhrasePattern.Match match = entry.phrase().matchAt(tokens, i);
                if (match != null) {
                    found.add(new Found(entry, match));
                }
            }
        }
        return found;
    }

    private boolean laterWordsFit(Entry entry, Set<String> textWords, boolean textHasNumbers, byte[] fits) {
        for (int id : entry.laterWordIds()) {
            if (fits[id] == 0) {
                fits[id] = laterWordMatchers.get(id).mayAcceptSomeWordOf(textWords, textHasNumbers) ? (byte) 1 : (byte) 2;
            }
            if (fits[id] == 2) {
                return false;
            }
        }
        return true;
    }

    private static void addDistinct(List<Entry> candidates, List<Entry> more) {
        if (more == null) {
            return;
        }
        for (Entry entry : more) {
            // a phrase can be filed under a word and a word beginning that both fit; try it once
            if (!entry.filedMoreThanOnce() || !containsSame(candidates, entry)) {
                candidates.add(entry);
            }
        }
    }

    private static boolean containsSame(List<Entry> candidates, Entry entry) {
        for (Entry candidate : candidates) {
            if (candidate == entry) {
                return true;
            }
        }
        return false;
    }
}
