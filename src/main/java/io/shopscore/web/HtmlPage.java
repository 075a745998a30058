package io.shopscore.web;

import java.util.Locale;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

/** A server-rendered page as a response: in its language (for the message bundle and Content-Language). */
public final class HtmlPage {

    /** For pages that hold something personal (a review link, a login link): never stored by any cache. */
    public static final String PRIVATE = "no-store";

    private HtmlPage() {
    }

    public static Response of(TemplateInstance template, int status, String language, String cacheControl) {
        return Response.status(status)
                .entity(template.setLocale(Locale.forLanguageTag(language)))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Language", language)
                .header("Cache-Control", cacheControl)
                .build();
    }
}
