package io.shopscore.widget;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/** How the widget is served: from the same build as widget/, cached, gzipped, within its size budget. */
@QuarkusTest
class WidgetScriptTest {

    static final int BUDGET_GZIPPED = 4096;

    private static final RestAssuredConfig RAW = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void scriptIsServedGzippedWithinItsBudget() throws IOException {
        byte[] source = Files.readAllBytes(Path.of("widget", "shopscore.js"));
        Response response = given().config(RAW).header("Accept-Encoding", "gzip, deflate, br").get("/widget/shopscore.js");
        response.then().statusCode(200)
                .contentType(containsString("text/javascript"))
                .header("Content-Encoding", "gzip")
                .header("Vary", "Accept-Encoding")
                .header("Cache-Control", WidgetResource.SCRIPT_CACHE)
                .header("Access-Control-Allow-Origin", "*");
        byte[] served = response.asByteArray();
        System.out.printf("widget/shopscore.js: %d bytes raw, %d bytes gzipped as served (budget %d)%n",
                source.length, served.length, BUDGET_GZIPPED);
        assertTrue(served.length <= BUDGET_GZIPPED, "the widget is " + served.length + " bytes gzipped, over its budget of " + BUDGET_GZIPPED);
        try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(served))) {
            assertEquals(new String(source), new String(unzipped.readAllBytes()), "served from the same build as widget/");
        }
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
