package io.shopscore.insight.classify;

import java.util.List;

/**
 * One phrase of a lexicon line, such as {@code pakket/pakje ... nooit aangekomen}: a sequence of
 * word positions ({@link WordMatcher}), optionally with gaps ({@code ...}, up to
 * {@value #GAP_WORDS} other words; {@code ..}, up to {@value #SHORT_GAP_WORDS}) and an
 * end-of-clause mark ({@code <end>}). A phrase stays within
 * one clause, so "de levering was snel, de kwaliteit slecht" never reads as "levering ... slecht".
 * Matching backtracks only over gaps, each at most {@value #GAP_WORDS} words long, so a match
 * attempt costs a small constant.
 */
final class PhrasePattern {

    /** How many words a {@code ...} in a phrase may stand for. */
    static final int GAP_WORDS = 5;

    /** How many words a {@code ..} may stand for: room for "gewoon" in "werkt gewoon niet". */
    static final int SHORT_GAP_WORDS = 2;

    sealed interface Step permits Word, Gap, End {
    }

    /** One word accepted by the matcher. */
    record Word(WordMatcher matcher) implements Step {
    }

    /** Zero to {@code maxWords} words of anything in the same clause. */
    record Gap(int maxWords) implements Step {
    }

    /** The previous word ends its clause or sentence. */
    record End() implements Step {
    }

    private final List<Step> steps;
    private final String source;

    PhrasePattern(List<Step> steps, String source) {
        if (steps.isEmpty() || !(steps.get(0) instanceof Word)) {
            throw new IllegalArgumentException("a phrase must start with a word: " + source);
        }
        if (steps.get(steps.size() - 1) instanceof Gap) {
            throw new IllegalArgumentException("a phrase cannot end with ...: " + source);
        }
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i) instanceof Gap && steps.get(i - 1) instanceof Gap) {
                throw new IllegalArgumentException("two ... in a row: " + source);
            }
        }
        this.steps = List.copyOf(steps);
        this.source = source;
    }

    /** The matcher of the first word, by which the index finds candidate phrases. */
    WordMatcher firstWord() {
        return ((Word) steps.get(0)).matcher();
    }

    /** The matchers of all words after the first: each must accept some word of the text for a match. */
    List<WordMatcher> laterWords() {
        return steps.stream().skip(1).filter(Word.class::isInstance).map(step -> ((Word) step).matcher()).toList();
    }

    String source() {
        return source;
    }

    /**
     * The shortest match starting at the given word, or null. The match records which positions
     * were the phrase's own words, so the words that fell into a gap can be told apart (a "niet" in
     * a gap negates the phrase; a "niet" written in the phrase does not).
     */
    Match matchAt(Tokens tokens, int start) {
        int[] ownWords = new int[steps.size()];
        int end = match(tokens, 0, start, tokens.clause(start), ownWords);
        if (end < 0) {
            return null;
        }
        int count = 0;
        for (Step step : steps) {
            if (step instanceof Word) {
                count++;
            }
        }
        int[] positions = new int[count];
        int next = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Word) {
                positions[next++] = ownWords[i];
            }
        }
        return new Match(start, end, positions);
    }

    private int match(Tokens tokens, int step, int position, int clause, int[] ownWords) {
        if (step == steps.size()) {
            return position;
        }
        Step current = steps.get(step);
        if (current instanceof Word word) {
            if (position < tokens.size() && tokens.clause(position) == clause && word.matcher().accepts(tokens, position)) {
                ownWords[step] = position;
                return match(tokens, step + 1, position + 1, clause, ownWords);
            }
            return -1;
        }
        if (current instanceof End) {
            return tokens.endsClause(position - 1) ? match(tokens, step + 1, position, clause, ownWords) : -1;
        }
        int maxWords = ((Gap) current).maxWords();
        for (int skipped = 0; skipped <= maxWords; skipped++) {
            int next = position + skipped;
            if (skipped > 0 && (next - 1 >= tokens.size() || tokens.clause(next - 1) != clause)) {
                break;
            }
            int end = match(tokens, step + 1, next, clause, ownWords);
            if (end >= 0) {
                return end;
            }
        }
        return -1;
    }

    /**
     * Where a phrase matched.
     *
     * @param start     the first word
     * @param end       one past the last word
     * @param ownWords  the positions matched by the phrase's own words (the rest fell in gaps)
     */
    record Match(int start, int end, int[] ownWords) {

        boolean isOwnWord(int position) {
            for (int own : ownWords) {
                if (own == position) {
                    return true;
                }
            }
            return false;
        }
    }
}
