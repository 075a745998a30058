package io.shopscore.insight.classify;

/**
 * One step of a decision, for people who want to know why a review got its tags: which lexicon
 * line matched which words, and whether that match counted.
 *
 * @param label   a topic code, or "churn"
 * @param counts  whether this match counted towards the label
 * @param reason  why it counted or not, such as "complaint", "praise under negation", "negated complaint"
 * @param words   the normalised words of the review that matched
 * @param rule    the lexicon file and line, and the line as written
 */
record Evidence(String label, boolean counts, String reason, String words, String rule) {

    @Override
    public String toString() {
        return (counts ? "+ " : "- ") + label + ": " + reason + " \"" + words + "\" (" + rule + ")";
    }
}
