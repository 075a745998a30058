package io.shopscore.insight.classify;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * A text cut into normalised words, with the sentence and the clause each word belongs to.
 * Sentences end at . ! ? ; and line breaks; clauses also end at commas, colons, brackets and
 * dashes, and (once the lexicon is known) before contrast words such as "maar" and "but". A phrase
 * and a negation never reach across a clause.
 */
final class Tokens {

    private final String[] words;
    private final int[] sentences;
    private final int[] clauses;
    private Set<String> distinctWords;

    Tokens(String[] words, int[] sentences, int[] clauses) {
        this.words = words;
        this.sentences = sentences;
        this.clauses = clauses;
    }

    private Tokens(String[] words, int[] sentences, int[] clauses, Set<String> distinctWords) {
        this(words, sentences, clauses);
        this.distinctWords = distinctWords;
    }

    /** The set of words in the text; computed once, as every lexicon pass asks for it. */
    Set<String> distinctWords() {
        if (distinctWords == null) {
            distinctWords = new HashSet<>(Arrays.asList(words));
        }
        return distinctWords;
    }

    boolean hasNumbers() {
        for (int i = 0; i < words.length; i++) {
            if (isNumber(i)) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return words.length;
    }

    String word(int index) {
        return words[index];
    }

    int sentence(int index) {
        return sentences[index];
    }

    int clause(int index) {
        return clauses[index];
    }

    /** Whether the word is the last one of its sentence. */
    boolean endsSentence(int index) {
        return index == words.length - 1 || sentences[index + 1] != sentences[index];
    }

    /** Whether the word is the last one of its clause (and so also when it ends its sentence). */
    boolean endsClause(int index) {
        return index == words.length - 1 || clauses[index + 1] != clauses[index];
    }

    /** Whether the word contains a digit, such as "3", "6,95" or "2x". */
    boolean isNumber(int index) {
        String word = words[index];
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The words from start (inclusive) to end (exclusive), joined by spaces. */
    String text(int start, int end) {
        return String.join(" ", Arrays.copyOfRange(words, Math.max(0, start), Math.min(end, words.length)));
    }

    /** The same text with every word replaced by the canonical spelling the lexicon knows. */
    Tokens withWords(String[] replacement) {
        return new Tokens(replacement, sentences, clauses);
    }

    /** The same text with a new clause starting at every position the predicate accepts ("maar", "but"). */
    Tokens withClauseStartingAt(IntPredicate clauseStart) {
        int[] renumbered = new int[words.length];
        int clause = 0;
        for (int i = 0; i < words.length; i++) {
            if (i > 0 && (clauses[i] != clauses[i - 1] || clauseStart.test(i))) {
                clause++;
            }
            renumbered[i] = clause;
        }
        return new Tokens(words, sentences, renumbered, distinctWords());
    }

    String[] words() {
        return words.clone();
    }
}
