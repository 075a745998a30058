package io.shopscore.insight.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The command that trains the classifier's {@link TopicModel} from the training set and writes its
 * weights to {@code src/main/resources/insights/topic-model.tsv}, which the service reads at start.
 * Run it from the project directory after changing the training set, the lexicons, the features or
 * {@link ReviewClassifier#VERSION} ({@code docs/insights.md}, "Retraining the model"):
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.shopscore.insight.classify.TopicModelTrainer</pre>
 *
 * <p>It lives with the tests because only the tests and this command may read the labelled reviews;
 * the service ships the weights, never the reviews. Training is deterministic (a fixed shuffle,
 * {@link StrictMath}), so the same inputs always write the same file, which
 * {@code TopicModelWeightsTest} checks against the committed one.
 */
public final class TopicModelTrainer {

    /**
     * The labelled reviews the model learns from. Never an evaluation set: a model scored on the
     * reviews it learnt from looks better than it is.
     */
    static final List<String> TRAINING_SETS = List.of("insights/training.tsv");

    static final Path OUTPUT = Path.of("src/main/resources").resolve(TopicModel.RESOURCE);

    private static final int EPOCHS = 30;
    private static final double LEARNING_RATE = 0.2;
    private static final double L2 = 1e-4;
    private static final long SHUFFLE_SEED = 42;

    /** One labelled review: its tokens in the lexicon's spelling and which labels it has. */
    record Example(Tokens tokens, boolean[] labels) {
    }

    private TopicModelTrainer() {
    }

    public static void main(String[] args) throws IOException {
        Path output = args.length > 0 ? Path.of(args[0]) : OUTPUT;
        if (args.length == 0 && !Files.isDirectory(output.getParent())) {
            throw new IllegalStateException("Run this from the project directory: " + output.getParent() + " is not there");
        }
        long start = System.nanoTime();
        String weights = weightsFile();
        Files.writeString(output, weights, StandardCharsets.UTF_8);
        System.out.printf("Wrote %s: %d features, %,d bytes, in %d ms%n", output, weights.split("\n").length - 6,
                weights.getBytes(StandardCharsets.UTF_8).length, (System.nanoTime() - start) / 1_000_000);
    }

    /** The weights file for the lexicons, training sets and classifier version on the class path. */
    static String weightsFile() {
        Lexicon lexicon = Lexicon.load();
        Map<String, String> trainingSets = trainingSets();
        ReviewClassifier rulesOnly = new ReviewClassifier(lexicon);
        List<Example> examples = new ArrayList<>();
        trainingSets.forEach((name, content) -> examples.addAll(readExamples(name, content, rulesOnly::tokens)));
        TopicModel model = train(examples, lexicon::isNegationWord);
        StringBuilder out = new StringBuilder();
        model.write(new TopicModel.Provenance(ReviewClassifier.VERSION, lexicon.fingerprint(), Fingerprint.of(trainingSets)), out);
        return out.toString();
    }

    /** The SHA-256 of the training sets, as a weights file trained on them records it. */
    static String trainingFingerprint() {
        return Fingerprint.of(trainingSets());
    }

    private static Map<String, String> trainingSets() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String resource : TRAINING_SETS) {
            try (InputStream in = TopicModelTrainer.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Training set " + resource + " is not on the class path");
                }
                files.put(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /**
     * Stochastic gradient descent on the logistic loss with L2 decay, all labels at once. The
     * examples are shuffled with a fixed seed, so the same examples always give the same model.
     */
    static TopicModel train(List<Example> examples, Predicate<String> isNegation) {
        Map<String, Integer> featureIndex = new HashMap<>();
        List<int[]> featuresOf = new ArrayList<>(examples.size());
        for (Example example : examples) {
            Set<String> features = TopicModel.features(example.tokens(), isNegation);
            int[] indices = new int[features.size()];
            int i = 0;
            for (String feature : features) {
                indices[i++] = featureIndex.computeIfAbsent(feature, f -> featureIndex.size());
            }
            featuresOf.add(indices);
        }
        float[][] w = new float[featureIndex.size()][TopicModel.LABELS];
        float[] b = new float[TopicModel.LABELS];
        Integer[] order = new Integer[examples.size()];
        Arrays.setAll(order, i -> i);
        Random shuffle = new Random(SHUFFLE_SEED);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(Arrays.asList(order), shuffle);
            for (int e : order) {
                int[] indices = featuresOf.get(e);
                boolean[] labels = examples.get(e).labels();
                for (int label = 0; label < TopicModel.LABELS; label++) {
                    double z = b[label];
                    for (int f : indices) {
                        z += w[f][label];
                    }
                    double gradient = TopicModel.sigmoid(z) - (labels[label] ? 1 : 0);
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

    /**
     * Reads a labelled review file: tab-separated, a header naming the columns {@code grade},
     * {@code topics} (comma-separated codes or {@code -}), {@code churn} (0 or 1) and {@code text}.
     */
    static List<Example> readExamples(String name, String content, Function<String, Tokens> tokenize) {
        String[] lines = content.split("\r?\n");
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
                throw new IllegalStateException(name + " line " + lineNumber + " has " + fields.length + " fields");
            }
            boolean[] labels = new boolean[TopicModel.LABELS];
            if (!fields[topicsColumn].equals("-")) {
                for (String code : fields[topicsColumn].split(",")) {
                    Topic topic = Topic.fromCode(code.strip()).orElseThrow(
                            () -> new IllegalStateException(name + " line " + lineNumber + ": unknown topic " + code));
                    labels[topic.ordinal()] = true;
                }
            }
            labels[TopicModel.CHURN] = fields[churnColumn].equals("1");
            examples.add(new Example(tokenize.apply(fields[textColumn]), labels));
        }
        return examples;
    }
}
