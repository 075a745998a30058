package io.shopscore.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.xml.sax.SAXException;

/** The XSDs of Google's feeds in src/test/resources/feeds, and validation of a document against one. */
public final class FeedSchemas {

    public static final String MERCHANT_REVIEWS = "/feeds/merchant_reviews.xsd";
    public static final String PRODUCT_REVIEWS = "/feeds/product_reviews.xsd";

    private FeedSchemas() {
    }

    public static Schema load(String resource) {
        try (InputStream xsd = FeedSchemas.class.getResourceAsStream(resource)) {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new StreamSource(xsd, resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException(resource + " is no valid XML Schema: " + e.getMessage(), e);
        }
    }

    /** Validates the document, failing with the validator's message (line and column). */
    public static void validate(String resource, byte[] document) {
        try {
            load(resource).newValidator().validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (SAXException e) {
            throw new AssertionError("Not valid against " + resource + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
