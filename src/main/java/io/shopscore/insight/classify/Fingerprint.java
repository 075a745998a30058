package io.shopscore.insight.classify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of a set of text files, by name and content: what the weights file records about
 * the lexicons and training sets it was made from. Carriage returns are left out, so a checkout
 * that turns line ends into CRLF still matches.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(Map<String, String> files) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        new TreeMap<>(files).forEach((name, content) -> {
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(content.replace("\r", "").getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
        });
        return HexFormat.of().formatHex(sha256.digest());
    }
}
