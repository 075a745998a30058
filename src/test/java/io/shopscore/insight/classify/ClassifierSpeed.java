package io.shopscore.insight.classify;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Measures how long the classifier takes, for {@code src/bench/classifier-speed.sh}: a benchmark,
 * not a test, because a timing on a shared machine says little when it fails.
 *
 * <p>The time to create the first classifier (read the lexicons and the model's weights), in wall-clock
 * and in CPU time of the whole process (JIT and GC threads included; it says more than the wall
 * clock on a busy machine), then two figures:
 * the time for one 5,000-character review (the longest a customer may write), and
 * the throughput over the evaluation reviews, which are of ordinary length. Each is the best of
 * several rounds after a warm-up, since other work on the machine only ever adds time.
 */
public final class ClassifierSpeed {

    private static final int ROUNDS = 7;

    public static void main(String[] args) throws IOException {
        // the service has set up logging long before it creates the classifier, so that is not part of the figure
        Logger.getLogger(ClassifierSpeed.class).debug("measuring the classifier");
        OperatingSystemMXBean process = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long loadingCpu = process.getProcessCpuTime();
        long loading = System.nanoTime();
        ReviewClassifier classifier = new ReviewClassifier(); // the first one reads the lexicons and the model's weights
        double loadingMillis = (System.nanoTime() - loading) / 1e6;
        double loadingCpuMillis = (process.getProcessCpuTime() - loadingCpu) / 1e6;
        List<String> reviews = evaluationTexts();
        String longReview = longReview(reviews);

        double longMillis = bestMillisPerCall(() -> classifier.classify("Titel", longReview, 2), 300);
        double ordinaryMillis = bestMillisPerCall(() -> {
            for (String review : reviews) {
                classifier.classify(null, review, 3);
            }
        }, 20) / reviews.size();

        System.out.printf("classifier %s: created in %.0f ms, %.0f ms of process CPU (lexicons and weights read; once per process, cold JVM)%n",
                ReviewClassifier.VERSION, loadingMillis, loadingCpuMillis);
        System.out.printf("5,000-character review: %.3f ms (target < 1 ms)%n", longMillis);
        System.out.printf("ordinary reviews (%d, mean %d characters): %.4f ms each, %,.0f per second on one thread%n",
                reviews.size(), reviews.stream().mapToInt(String::length).sum() / reviews.size(),
                ordinaryMillis, 1000 / ordinaryMillis);
    }

    private static double bestMillisPerCall(Runnable call, int callsPerRound) {
        for (int i = 0; i < callsPerRound * 10; i++) {
            call.run(); // warm up the JIT
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < callsPerRound; i++) {
                call.run();
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e6 / callsPerRound);
        }
        return best;
    }

    /** The texts of the development split: real-looking reviews of ordinary length. */
    private static List<String> evaluationTexts() throws IOException {
        return ClassifierEvaluationTest.read(ClassifierEvaluationTest.DEV).stream().map(ClassifierEvaluationTest.Example::text).toList();
    }

    /** Complaints, praise and negations one after another, up to the 5,000 characters a review may have. */
    private static String longReview(List<String> reviews) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 5_000; i = (i + 1) % reviews.size()) {
            text.append(reviews.get(i)).append(' ');
        }
        return text.substring(0, 5_000);
    }
}
