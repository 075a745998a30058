package io.shopscore.session;

import java.net.URI;
import java.util.Locale;

/**
 * Whether a form post comes from this service's own pages: its Origin (or, without one, its
 * Referer) must be the configured public URL's origin, or the origin the request was addressed to
 * (a browser sets both headers itself; a page on another site cannot make them name this one).
 */
public final class RequestOrigin {

    private RequestOrigin() {
    }

    public static boolean sameSite(String origin, String referer, String publicUrl, String requestScheme, String host) {
        String claimed = origin != null ? origin : referer;
        if (claimed == null || claimed.isBlank() || "null".equals(claimed.strip())) {
            return false;
        }
        String from = originOf(claimed);
        return from != null && (from.equals(originOf(publicUrl)) || host != null && from.equals(originOf(requestScheme + "://" + host)));
    }

    private static String originOf(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
