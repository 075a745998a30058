package io.shopscore.insight.classify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which single words one position of a phrase accepts: listed words ("pakket/pakje"), word
 * beginnings ("bezorg*" accepts "bezorger", "bezorging", ...), and any number ("&lt;number&gt;").
 */
final class WordMatcher {

    private final Set<String> words;
    private final List<String> prefixes;
    private final boolean anyNumber;

    private WordMatcher(Set<String> words, List<String> prefixes, boolean anyNumber) {
        this.words = Set.copyOf(words);
        this.prefixes = List.copyOf(prefixes);
        this.anyNumber = anyNumber;
    }

    /** Whether some word of the text could be accepted, judged from the set of its words alone. */
    boolean mayAcceptSomeWordOf(Set<String> textWords, boolean textHasNumbers) {
        if (!prefixes.isEmpty() || (anyNumber && textHasNumbers)) {
            return true;
        }
        if (words.size() < textWords.size()) {
            for (String word : words) {
                if (textWords.contains(word)) {
                    return true;
                }
            }
            return false;
        }
        for (String word : textWords) {
            if (words.contains(word)) {
                return true;
            }
        }
        return false;
    }

    boolean accepts(Tokens tokens, int index) {
        String word = tokens.word(index);
        if (words.contains(word) || (anyNumber && tokens.isNumber(index))) {
            return true;
        }
        for (String prefix : prefixes) {
            if (word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any word of the sentence of the given word is accepted. */
    boolean acceptsAnyInSentence(Tokens tokens, int index) {
        int sentence = tokens.sentence(index);
        int first = index;
        while (first > 0 && tokens.sentence(first - 1) == sentence) {
            first--;
        }
        for (int i = first; i < tokens.size() && tokens.sentence(i) == sentence; i++) {
            if (accepts(tokens, i)) {
                return true;
            }
        }
        return false;
    }

    Set<String> words() {
        return words;
    }

    List<String> prefixes() {
        return prefixes;
    }

    boolean acceptsAnyNumber() {
        return anyNumber;
    }

    boolean isEmpty() {
        return words.isEmpty() && prefixes.isEmpty() && !anyNumber;
    }

    /** Collects the alternatives of one position while a lexicon line is read. */
    static final class Builder {
        private final Set<String> words = new HashSet<>();
        private final List<String> prefixes = new ArrayList<>();
        private boolean anyNumber;

        Builder word(String word) {
            words.add(word);
            return this;
        }

        Builder prefix(String prefix) {
            if (!prefixes.contains(prefix)) {
                prefixes.add(prefix);
            }
            return this;
        }

        Builder anyNumber() {
            anyNumber = true;
            return this;
        }

        Builder all(WordMatcher other) {
            words.addAll(other.words);
            other.prefixes.forEach(this::prefix);
            anyNumber |= other.anyNumber;
            return this;
        }

        WordMatcher build() {
            return new WordMatcher(words, prefixes, anyNumber);
        }
    }
}
