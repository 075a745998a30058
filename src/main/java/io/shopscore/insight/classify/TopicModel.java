package io.shopscore.insight.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The statistical layer of the classifier: one logistic regression per label (the eight topics
 * and churn) over the words of a review, trained from the labelled reviews that ship with the
 * classifier. It catches complaints worded in ways no lexicon line foresaw ("de stoel wiebelt
 * en de poten staan scheef"), where the lexicons know every phrase they were given and nothing
 * else.
 *
 * <p>It is trained when the classifier is first created, from {@link #TRAINING_SETS}: a few
 * hundred milliseconds, deterministic (a fixed shuffle), nothing downloaded. A review's features
 * are its words in the lexicon's spelling, the pairs of neighbouring words in a clause, the first
 * {@value #STEM_LENGTH} letters of long words (Dutch compounds and inflections: "bezorging",
 * "bezorgd"), and any of these marked as negated when a negation word stands at most
 * {@value #NEGATION_SCOPE} words before it in the same clause ("niet kapot").
 */
final class TopicModel {

    /** Labelled reviews the model learns from: the development split and the written examples. */
    static final List<String> TRAINING_SETS = List.of("/insights/evaluation-dev.tsv", "/insights/examples-written.tsv");

    /** The eight topics, in {@link Topic} order, then churn. */
    static final int LABELS = Topic.values().length + 1;
    static final int CHURN = LABELS - 1;

    static final int NEGATION_SCOPE = 3;
    static final int STEM_LENGTH = 5;

    private static final int EPOCHS = 30;
    private static final double LEARNING_RATE = 0.2;
    private static final double L2 = 1e-4;
    private static final long SHUFFLE_SEED = 42;

    /** One labelled review: its tokens in the lexicon's spelling and which labels it has. */
    record Example(Tokens tokens, boolean[] labels) {
    }

    private final Map<String, float[]> weights;
    private final float[] bias;
    private final Predicate<String> isNegation;

    private TopicModel(Map<String, float[]> weights, float[] bias, Predicate<String> isNegation) {
        this.weights = weights;
        this.bias = bias;
        this.isNegation = isNegation;
    }

    /** Reads the training sets from the class path, tokenised as the classifier tokenises reviews, and trains. */
    static TopicModel trainOnShippedExamples(Function<String, Tokens> tokenize, Predicate<String> isNegation) {
        List<Example> examples = new ArrayList<>();
        for (String resource : TRAINING_SETS) {
            examples.addAll(readExamples(resource, tokenize));
        }
        return train(examples, isNegation);
    }

    /**
     * Stochastic gradient descent on the logistic loss with L2 decay, all labels at once. The
     * examples are shuffled with a fixed seed, so the same examples always give the same model.
     */
    static TopicModel train(List<Example> examples, Predicate<String> isNegation) {
        Map<String, Integer> featureIndex = new HashMap<>();
        List<int[]> featuresOf = new ArrayList<>(examples.size());
        for (Example example : examples) {
            Set<String> features = features(example.tokens(), isNegation);
            int[] indices = new int[features.size()];
            int i = 0;
            for (String feature : features) {
                indices[i++] = featureIndex.computeIfAbsent(feature, f -> featureIndex.size());
            }
            featuresOf.add(indices);
        }
        float[][] w = new float[featureIndex.size()][LABELS];
        float[] b = new float[LABELS];
        Integer[] order = new Integer[examples.size()];
        Arrays.setAll(order, i -> i);
        Random shuffle = new Random(SHUFFLE_SEED);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(Arrays.asList(order), shuffle);
            for (int e : order) {
                int[] indices = featuresOf.get(e);
                boolean[] labels = examples.get(e).labels();
                for (int label = 0; label < LABELS; label++) {
                    double z = b[label];
                    for (int f : indices) {
                        z += w[f][label];
                    }
                    double gradient = sigmoid(z) - (labels[label] ? 1 : 0);
                    b[label] -= (float) (LEARNING_RATE * gradient);
                    for (int f : indices) {
                        w[f][label] = (float) (w[f][label] * (1 - LEARNING_RATE * L2) - LEARNING_RATE * gradient);
                    }
                }
            }
        }
        Map<String, float[]> weights = new HashMap<>(featureIndex.size() * 2);
        featureIndex.forEach((feature, index) -> weights.put(feature, w[index]));
        return new TopicModel(weights, b, isNegation);
    }

    /** The probability of each label, in {@link Topic} order, then churn. */
    double[] probabilities(Tokens tokens) {
        double[] z = new double[LABELS];
        for (int label = 0; label < LABELS; label++) {
            z[label] = bias[label];
        }
        for (String feature : features(tokens, isNegation)) {
            float[] w = weights.get(feature);
            if (w != null) {
                for (int label = 0; label < LABELS; label++) {
                    z[label] += w[label];
                }
            }
        }
        for (int label = 0; label < LABELS; label++) {
            z[label] = sigmoid(z[label]);
        }
        return z;
    }

    /** The features that pushed a label up most in this review, strongest first: for explanations. */
    List<String> strongestFeatures(Tokens tokens, int label, int limit) {
        return features(tokens, isNegation).stream()
                .filter(feature -> weights.containsKey(feature) && weights.get(feature)[label] > 0)
                .sorted(Comparator.comparingDouble((String feature) -> weights.get(feature)[label]).reversed())
                .limit(limit)
                .toList();
    }

    static Set<String> features(Tokens tokens, Predicate<String> isNegation) {
        Set<String> features = new LinkedHashSet<>(tokens.size() * 4);
        int negatedUntil = -1;
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.word(i);
            boolean clauseStart = i == 0 || tokens.clause(i) != tokens.clause(i - 1);
            if (clauseStart) {
                negatedUntil = -1;
            }
            boolean negated = i <= negatedUntil;
            features.add(negated ? "!" + word : word);
            if (word.length() > STEM_LENGTH + 1) {
                features.add((negated ? "!" : "") + word.substring(0, STEM_LENGTH) + "*");
            }
            if (!clauseStart) {
                features.add((negated ? "!" : "") + tokens.word(i - 1) + "_" + word);
            }
            if (isNegation.test(word)) {
                negatedUntil = i + NEGATION_SCOPE;
            }
        }
        return features;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));
    }

    /**
     * Reads a labelled review file: tab-separated, a header naming the columns {@code grade},
     * {@code topics} (comma-separated codes or {@code -}), {@code churn} (0 or 1) and {@code text}.
     */
    static List<Example> readExamples(String resource, Function<String, Tokens> tokenize) {
        try (InputStream in = TopicModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Training set " + resource + " is not on the class path");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            List<String> header = List.of(lines[0].split("\t"));
            int topicsColumn = header.indexOf("topics");
            int churnColumn = header.indexOf("churn");
            int textColumn = header.indexOf("text");
            List<Example> examples = new ArrayList<>(lines.length);
            for (int n = 1; n < lines.length; n++) {
                if (lines[n].isBlank()) {
                    continue;
                }
                int lineNumber = n + 1;
                String[] fields = lines[n].split("\t");
                if (fields.length != header.size()) {
                    throw new IllegalStateException(resource + " line " + lineNumber + " has " + fields.length + " fields");
                }
                boolean[] labels = new boolean[LABELS];
                if (!fields[topicsColumn].equals("-")) {
                    for (String code : fields[topicsColumn].split(",")) {
                        Topic topic = Topic.fromCode(code.strip()).orElseThrow(
                                () -> new IllegalStateException(resource + " line " + lineNumber + ": unknown topic " + code));
                        labels[topic.ordinal()] = true;
                    }
                }
                labels[CHURN] = fields[churnColumn].equals("1");
                examples.add(new Example(tokenize.apply(fields[textColumn]), labels));
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
