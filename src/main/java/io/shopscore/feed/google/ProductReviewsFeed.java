package io.shopscore.feed.google;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BiFunction;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.shopscore.feed.StreamingXmlFeed;
import io.shopscore.feed.XmlText;

/**
 * Google's product reviews feed, schema version 2.4, for one shop: each customer's grade of a
 * product, with words, as one {@code <review>} of that one product, written while it is read
 * (docs/api.md, "Google feeds"). The feed has no namespace: Google's XSD has none.
 */
public class ProductReviewsFeed extends StreamingXmlFeed<ProductReviewsFeed.Item> {

    static final String SCHEMA_LOCATION = "http://www.google.com/shopping/reviews/schema/product/2.4/product_reviews.xsd";
    static final String AGGREGATOR = "Shopscore";
    /** Google's name for a reviewer who gave none; {@code is_anonymous} says that it is not a name. */
    static final String ANONYMOUS = "Anonymous";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /**
     * One product grade as the feed shows it. {@code reviewerName}, {@code gtin}, {@code mpn} and
     * {@code brand} may be null; {@code productUrl} is the shop's product page, or the product's
     * page on Shopscore when the shop named none (Google requires one).
     */
    public record Item(long id, long reviewId, Instant createdAt, String reviewerName, String content, int grade, String reviewUrl,
            String sku, String productName, String productUrl, String gtin, String mpn, String brand) {
    }

    private final String publisher;
    private final BiFunction<Item, Integer, List<Item>> pages;

    /**
     * @param publisher the shop's name
     * @param pages     reads the page of grades after the given one (null: the first page), of at
     *                  most the given size, oldest review first
     */
    public ProductReviewsFeed(String publisher, int pageSize, BiFunction<Item, Integer, List<Item>> pages) {
        super(pageSize);
        this.publisher = publisher;
        this.pages = pages;
    }

    @Override
    protected List<Item> page(Item last, int size) {
        return pages.apply(last, size);
    }

    @Override
    protected void head(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("feed");
        xml.writeNamespace("xsi", XSI);
        xml.writeAttribute(XSI, "noNamespaceSchemaLocation", SCHEMA_LOCATION);
        element(xml, "version", "2.4");
        xml.writeStartElement("aggregator");
        element(xml, "name", AGGREGATOR);
        xml.writeEndElement();
        xml.writeStartElement("publisher");
        element(xml, "name", publisher);
        xml.writeEndElement();
        xml.writeStartElement("reviews");
    }

    @Override
    protected void item(XMLStreamWriter xml, Item review) throws XMLStreamException {
        xml.writeStartElement("review");
        element(xml, "review_id", Long.toString(review.id()));
        xml.writeStartElement("reviewer");
        xml.writeStartElement("name");
        String name = blankToNull(review.reviewerName());
        if (name == null) {
            xml.writeAttribute("is_anonymous", "true");
            xml.writeCharacters(ANONYMOUS);
        } else {
            xml.writeCharacters(XmlText.clean(name));
        }
        xml.writeEndElement();
        xml.writeEndElement();
        element(xml, "review_timestamp", review.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
        element(xml, "content", review.content());
        xml.writeStartElement("review_url");
        // the product page lists every review of the product, so the URL is a group's
        xml.writeAttribute("type", "group");
        xml.writeCharacters(XmlText.clean(review.reviewUrl()));
        xml.writeEndElement();
        xml.writeStartElement("ratings");
        xml.writeStartElement("overall");
        xml.writeAttribute("min", "1");
        xml.writeAttribute("max", "10");
        xml.writeCharacters(Integer.toString(review.grade()));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("products");
        xml.writeStartElement("product");
        xml.writeStartElement("product_ids");
        identifier(xml, "gtins", "gtin", review.gtin());
        identifier(xml, "mpns", "mpn", review.mpn());
        identifier(xml, "skus", "sku", review.sku());
        identifier(xml, "brands", "brand", review.brand());
        xml.writeEndElement();
        element(xml, "product_name", blankToNull(review.productName()));
        element(xml, "product_url", review.productUrl());
        xml.writeEndElement();
        xml.writeEndElement();
        element(xml, "collection_method", "post_fulfillment");
        xml.writeEndElement();
    }

    @Override
    protected void tail(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** {@code <gtins><gtin>...</gtin></gtins>}, or nothing when the product has no such identifier. */
    private static void identifier(XMLStreamWriter xml, String list, String name, String value) throws XMLStreamException {
        if (blankToNull(value) == null) {
            return;
        }
        xml.writeStartElement(list);
        element(xml, name, value);
        xml.writeEndElement();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
