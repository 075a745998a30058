package io.shopscore.connector;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopscore.config.ShopscoreConfig;
import io.shopscore.keys.ServiceKeys;

/**
 * Keeps the platforms' signing secrets encrypted at rest. They cannot be hashed like API keys:
 * checking a platform's signature needs the secret itself. AES-256-GCM under the operator's key
 * ({@code shopscore.connectors.secret-key}), else under a key the service keeps in its database.
 * Each sealed value names its key ({@code c1:} or {@code d1:}), so setting a key later keeps the
 * secrets sealed before readable, and is bound to its shop and platform, so that it cannot be
 * copied to another shop's row.
 */
@ApplicationScoped
class ConnectorSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CONFIGURED = "c1";
    private static final String DATABASE = "d1";

    private final Optional<SecretKey> configured;
    private final ServiceKeys serviceKeys;

    ConnectorSecrets(ShopscoreConfig config, ServiceKeys serviceKeys) {
        this.serviceKeys = serviceKeys;
        this.configured = config.connectors().secretKey().filter(key -> !key.isBlank()).map(ConnectorSecrets::aesKey);
    }

    private static SecretKey aesKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("shopscore.connectors.secret-key must be base64 (openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new IllegalStateException("shopscore.connectors.secret-key must be 32 bytes in base64 (openssl rand -base64 32)");
        }
        return new SecretKeySpec(key, "AES");
    }

    String seal(String secret, long shopId, Platform platform) {
        String keyName = configured.isPresent() ? CONFIGURED : DATABASE;
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, key(keyName), iv, shopId, platform, secret.getBytes(StandardCharsets.UTF_8));
        byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        return keyName + ":" + Base64.getEncoder().encodeToString(out);
    }

    String open(String sealed, long shopId, Platform platform) {
        int colon = sealed.indexOf(':');
        byte[] in = Base64.getDecoder().decode(sealed.substring(colon + 1));
        byte[] iv = Arrays.copyOfRange(in, 0, IV_BYTES);
        byte[] body = Arrays.copyOfRange(in, IV_BYTES, in.length);
        return new String(run(Cipher.DECRYPT_MODE, key(sealed.substring(0, colon)), iv, shopId, platform, body), StandardCharsets.UTF_8);
    }

    private SecretKey key(String name) {
        return switch (name) {
            case CONFIGURED -> configured.orElseThrow(() -> new IllegalStateException(
                    "A connector secret was sealed with shopscore.connectors.secret-key, which is no longer configured"));
            case DATABASE -> new SecretKeySpec(
                    Base64.getUrlDecoder().decode(serviceKeys.urlSafe(ServiceKeys.Purpose.CONNECTOR_SECRET, "aes-256-gcm")), "AES");
            default -> throw new IllegalStateException("Unknown connector secret key " + name);
        };
    }

    private static byte[] run(int mode, SecretKey key, byte[] iv, long shopId, Platform platform, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD((shopId + ":" + platform.json()).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A connector secret could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened"), e);
        }
    }
}
