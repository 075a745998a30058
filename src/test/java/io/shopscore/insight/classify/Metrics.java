package io.shopscore.insight.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision, recall and F1 per label, and their macro average, for multi-label evaluation. Each
 * label is scored as its own yes/no question over all examples.
 *
 * <p>Edge cases follow the usual convention: a ratio with nothing to divide by is 0, except that a
 * label with nothing to find and nothing found scores 1 everywhere (it was handled perfectly).
 */
final class Metrics {

    /** True positives, false positives and false negatives of one label. */
    record Counts(int truePositives, int falsePositives, int falseNegatives) {

        Counts add(boolean expected, boolean predicted) {
            return new Counts(
                    truePositives + (expected && predicted ? 1 : 0),
                    falsePositives + (!expected && predicted ? 1 : 0),
                    falseNegatives + (expected && !predicted ? 1 : 0));
        }

        /** How many examples carry the label. */
        int support() {
            return truePositives + falseNegatives;
        }

        private boolean nothingToFindAndNothingFound() {
            return truePositives + falsePositives + falseNegatives == 0;
        }

        double precision() {
            if (nothingToFindAndNothingFound()) {
                return 1.0;
            }
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? 0.0 : (double) truePositives / predicted;
        }

        double recall() {
            if (nothingToFindAndNothingFound()) {
                return 1.0;
            }
            int actual = truePositives + falseNegatives;
            return actual == 0 ? 0.0 : (double) truePositives / actual;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }
    }

    private final Map<String, Counts> counts = new LinkedHashMap<>();

    /** Labels appear in reports in the order given here. */
    Metrics(List<String> labels) {
        for (String label : labels) {
            counts.put(label, new Counts(0, 0, 0));
        }
    }

    void record(String label, boolean expected, boolean predicted) {
        Counts current = counts.get(label);
        if (current == null) {
            throw new IllegalArgumentException("unknown label " + label);
        }
        counts.put(label, current.add(expected, predicted));
    }

    Counts counts(String label) {
        return counts.get(label);
    }

    /** The unweighted mean of the F1 of every label. */
    double macroF1() {
        return counts.values().stream().mapToDouble(Counts::f1).average().orElse(0.0);
    }

    /** A Markdown table: one row per label, then the macro-F1. */
    String markdownTable() {
        StringBuilder table = new StringBuilder();
        table.append("| label | support | TP | FP | FN | precision | recall | F1 |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        counts.forEach((label, c) -> table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.3f | %.3f | %.3f |%n",
                label, c.support(), c.truePositives(), c.falsePositives(), c.falseNegatives(), c.precision(), c.recall(), c.f1())));
        table.append(String.format(Locale.ROOT, "| **macro-F1** (%d labels) | | | | | | | **%.3f** |%n", counts.size(), macroF1()));
        return table.toString();
    }
}
