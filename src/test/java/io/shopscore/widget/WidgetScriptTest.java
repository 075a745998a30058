package io.shopscore.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/** How the widget is served: from the same build as widget/, minified, cached, gzipped, within its size budget. */
@QuarkusTest
class WidgetScriptTest {

    static final int BUDGET_GZIPPED = 4096;

    private static final RestAssuredConfig RAW = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void scriptIsServedMinifiedAndGzippedWithinItsBudget() throws IOException {
        byte[] source = Files.readAllBytes(Path.of("widget", "shopscore.js"));
        byte[] stylesheetSource = Files.readAllBytes(Path.of("widget", "shopscore.css"));
        Response response = given().config(RAW).header("Accept-Encoding", "gzip, deflate, br").get("/widget/shopscore.js");
        response.then().statusCode(200)
                .contentType(containsString("text/javascript"))
                .header("Content-Encoding", "gzip")
                .header("Vary", "Accept-Encoding")
                .header("Cache-Control", WidgetResource.SCRIPT_CACHE)
                .header("Access-Control-Allow-Origin", "*")
                .header("Set-Cookie", nullValue());
        byte[] served = response.asByteArray();
        String script = gunzip(served);
        System.out.printf("widget/shopscore.js: source %d bytes (%d gzipped) and shopscore.css %d bytes;"
                + " served %d bytes, %d bytes gzipped (budget %d)%n",
                source.length, gzip(source).length, stylesheetSource.length, script.length(), served.length, BUDGET_GZIPPED);
        assertTrue(served.length <= BUDGET_GZIPPED, "the widget is " + served.length + " bytes gzipped as served, over its budget of " + BUDGET_GZIPPED);
        assertTrue(script.contains("adoptedStyleSheets") && script.contains("data-shopscore-api"), "served from the same build as widget/");
        assertFalse(script.contains("/* shopscore.css */"), "the stylesheet is in the script");
        assertTrue(script.length() < source.length, "what browsers download is minified");
    }

    @Test
    void stylesheetIsServedAndIsTheOneInTheScript() throws IOException {
        Response response = given().config(RAW).header("Accept-Encoding", "gzip").get("/widget/shopscore.css");
        response.then().statusCode(200)
                .contentType(containsString("text/css"))
                .header("Content-Encoding", "gzip")
                .header("Cache-Control", WidgetResource.SCRIPT_CACHE)
                .header("Access-Control-Allow-Origin", "*")
                .header("Set-Cookie", nullValue());
        String stylesheet = gunzip(response.asByteArray());
        assertTrue(stylesheet.contains(":host") && stylesheet.contains(".grade-poor{background:#b3261e;fill:#b3261e}"), stylesheet);
        assertFalse(stylesheet.contains("/*") || stylesheet.contains("\n"), "comments and line breaks are left out");
        String script = given().get("/widget/shopscore.js").asString();
        assertTrue(script.contains(new ObjectMapper().writeValueAsString(stylesheet)),
                "the script carries exactly the stylesheet that browsers without constructable stylesheets link");
        String etag = response.header("ETag");
        given().config(RAW).header("Accept-Encoding", "gzip").header("If-None-Match", etag).get("/widget/shopscore.css")
                .then().statusCode(304);
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(unzipped.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void scriptRevalidatesWithItsEtag() {
        String etag = given().config(RAW).header("Accept-Encoding", "identity").get("/widget/shopscore.js")
                .then().statusCode(200).header("Content-Encoding", nullValue()).extract().header("ETag");
        given().config(RAW).header("Accept-Encoding", "identity").header("If-None-Match", etag).get("/widget/shopscore.js")
                .then().statusCode(304);
        given().config(RAW).header("Accept-Encoding", "gzip;q=0, identity").get("/widget/shopscore.js")
                .then().statusCode(200).header("Content-Encoding", nullValue());
        String gzipTag = given().config(RAW).header("Accept-Encoding", "gzip").get("/widget/shopscore.js").header("ETag");
        assertTrue(!gzipTag.equals(etag), "each encoding has its own tag");
        given().config(RAW).header("Accept-Encoding", "gzip").header("If-None-Match", gzipTag).get("/widget/shopscore.js")
                .then().statusCode(304).header("ETag", equalTo(gzipTag));
    }

    @Test
    void demoPageIsServed() {
        given().get("/widget/demo.html").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("data-shopscore=\"demo\""))
                .body(containsString("<script src=\"/widget/shopscore.js\" async></script>"));
    }
}
