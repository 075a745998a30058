package io.shopscore.insight.classify;

import java.util.List;

/**
 * One line of a lexicon file: one phrase, or several joined by {@code +} that must all occur
 * somewhere in the review. A part that names a phrase list ({@code {slecht}}) stands for each of
 * its phrases, so one part may have many alternative phrases.
 *
 * @param kind   what a match of the line means, from the section the line is in
 * @param topic  the topic of a complaint line; null for the other kinds
 * @param parts  per {@code +}-joined part, its alternative phrases; every part must match for the line to count
 * @param unless   words that cancel a match when they occur in the same sentence (may be empty)
 * @param onlyWith words of which one must occur in the same sentence for a match to count (empty: no such condition)
 * @param origin file name and line number, to point a reader at the line that decided
 * @param text   the line as written
 */
record Rule(Kind kind, Topic topic, List<List<PhrasePattern>> parts, WordMatcher unless, WordMatcher onlyWith, String origin,
        String text) {

    enum Kind {
        /** {@code [delivery]}: the phrase is a complaint about the topic unless it is negated. */
        COMPLAINT,
        /** {@code [delivery when negated]}: praise or a neutral fact that is a complaint when negated. */
        COMPLAINT_WHEN_NEGATED,
        /** {@code [churn]}: the customer will not buy here again. */
        CHURN,
        /** {@code [not churn]}: looks like churn but is not ("nooit meer iets van gehoord"). */
        NOT_CHURN,
        /** {@code [not a negation]}: phrases whose negation word negates nothing ("nog nooit zo snel"). */
        NOT_A_NEGATION,
        /** {@code [not a scope breaker]}: phrases whose contrast word is no contrast ("komt maar niet"). */
        NOT_A_SCOPE_BREAKER,
        /** {@code [not a real complaint]}: fears, doubts, other shops; complaints after them do not count. */
        NOT_A_REAL_COMPLAINT,
        /** {@code [conditional]}: "als dit nog eens gebeurt"; churn after it is only a threat. */
        CONDITIONAL,
        /** {@code [sarcasm]}: praise near these markers is meant the other way round. */
        SARCASM,
        /** {@code [delivery topic words]}: words that name the topic, for the weak evidence of low-graded reviews. */
        TOPIC_WORD,
        /** {@code [complaint signals]}: words of discontent ("helaas", "slecht"), for the weak evidence. */
        COMPLAINT_SIGNAL,
        /** {@code [praise signals]}: words of contentment ("prima", "snel"), which block the weak evidence. */
        PRAISE_SIGNAL
    }

    /** A line is identified by where it is written; comparing its phrase lists would be slow and pointless. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Rule rule && rule.origin.equals(origin);
    }

    @Override
    public int hashCode() {
        return origin.hashCode();
    }

    @Override
    public String toString() {
        return origin + " " + text;
    }
}
