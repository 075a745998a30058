package io.shopscore.web;

import java.util.Arrays;
import java.util.Base64;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.shopscore.keys.Digests;

/**
 * A response body computed once and served many times, with a strong ETag derived from its bytes:
 * whatever changes the body (a review, a renamed shop, a new public URL) changes the tag, so caches
 * can never keep a stale copy past their max-age.
 */
public record Representation(byte[] body, String mediaType, String etag) {

    public static Representation of(byte[] body, String mediaType) {
        byte[] digest = Arrays.copyOf(Digests.sha256(body), 16);
        return new Representation(body, mediaType, '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + '"');
    }

    /**
     * Answers a GET: 304 without a body when {@code If-None-Match} names this version (weak
     * comparison, as RFC 9110 prescribes for If-None-Match), otherwise 200 with the body.
     */
    public Response respond(String ifNoneMatch, String cacheControl) {
        Response.ResponseBuilder response = isMatchedBy(ifNoneMatch)
                ? Response.notModified()
                : Response.ok(body, mediaType);
        return response
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .build();
    }

    public boolean isMatchedBy(String ifNoneMatch) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
