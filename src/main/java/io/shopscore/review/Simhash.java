package io.shopscore.review;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A 64-bit simhash of a text's word triples: texts that say nearly the same thing (a word swapped,
 * punctuation changed, a name added) get fingerprints a few bits apart, unlike an exact hash.
 * Split into four 16-bit bands, two fingerprints within 3 bits of each other always share one
 * band, which is what makes near-duplicates findable with an index instead of a scan.
 */
final class Simhash {

    /** Texts shorter than this many words are too common to mean anything ("Fast delivery, great shop!"). */
    static final int MIN_WORDS = 8;
    /** At most this many differing bits count as the same text. */
    static final int NEAR = 3;

    private Simhash() {
    }

    /** The fingerprint, or null for a text too short to fingerprint. */
    static Long of(String text) {
        List<String> words = words(text);
        if (words.size() < MIN_WORDS) {
            return null;
        }
        int[] weights = new int[64];
        for (int i = 0; i + 2 < words.size(); i++) {
            long hash = fnv1a64(words.get(i) + ' ' + words.get(i + 1) + ' ' + words.get(i + 2));
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((hash >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    static int band(long fingerprint, int band) {
        return (int) ((fingerprint >>> (16 * band)) & 0xFFFF);
    }

    static boolean near(long a, long b) {
        return Long.bitCount(a ^ b) <= NEAR;
    }

    /** Lower-case letters and digits of each word, accents folded, so that spelling noise does not count. */
    private static List<String> words(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static long fnv1a64(String value) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            hash ^= value.charAt(i);
            hash *= 0x100000001b3L;
        }
        // FNV spreads its low bits poorly for short inputs; a final mix makes every bit count
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        return hash;
    }
}
