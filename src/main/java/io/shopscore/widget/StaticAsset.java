package io.shopscore.widget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.shopscore.web.Representation;

/**
 * A file from the build, held in memory as is and gzipped once, so that every request is a copy of
 * bytes. The two encodings are two representations, so each gets its own strong ETag.
 */
final class StaticAsset {

    private final Representation plain;
    private final Representation gzipped;

    private StaticAsset(Representation plain, Representation gzipped) {
        this.plain = plain;
        this.gzipped = gzipped;
    }

    static StaticAsset load(String classpathName, String mediaType) {
        return of(read(classpathName), mediaType);
    }

    static StaticAsset of(byte[] bytes, String mediaType) {
        try {
            Representation plain = Representation.of(bytes, mediaType);
            String gzipTag = plain.etag().substring(0, plain.etag().length() - 1) + "-gzip\"";
            return new StaticAsset(plain, new Representation(gzip(bytes), mediaType, gzipTag));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(String classpathName) {
        try (InputStream in = StaticAsset.class.getClassLoader().getResourceAsStream(classpathName)) {
            if (in == null) {
                throw new IllegalStateException(classpathName + " is not on the classpath; the build copies widget/ there");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int gzippedSize() {
        return gzipped.body().length;
    }

    Response respond(String acceptEncoding, String ifNoneMatch, String cacheControl) {
        boolean gzip = acceptsGzip(acceptEncoding);
        Representation chosen = gzip ? gzipped : plain;
        Response response = chosen.respond(ifNoneMatch, cacheControl);
        Response.ResponseBuilder builder = Response.fromResponse(response).header(HttpHeaders.VARY, "Accept-Encoding");
        if (gzip && response.getStatus() == 200) {
            builder.header("Content-Encoding", "gzip");
        }
        return builder.build();
    }

    /** Whether Accept-Encoding allows gzip: named (or "*") without q=0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.toLowerCase().split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim();
            if (name.equals("gzip") || name.equals("*")) {
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].replace(" ", "");
                    if (parameter.equals("q=0") || parameter.matches("q=0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
