package io.shopscore.feed.google;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BiFunction;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.shopscore.feed.StreamingXmlFeed;

/**
 * Google's merchant reviews feed, schema version 5.0, for one shop: the shop as the one
 * {@code <merchant>} and its public reviews as {@code <review>} elements, written while they are
 * read (docs/api.md, "Google feeds").
 */
public class MerchantReviewsFeed extends StreamingXmlFeed<MerchantReviewsFeed.Item> {

    static final String NAMESPACE = "http://schemas.google.com/merchant_reviews/5.0";
    static final String SCHEMA_LOCATION = NAMESPACE + " http://www.gstatic.com/productsearch/static/reviews/5.0/merchant_reviews.xsd";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /** The shop, as the feed's merchant. */
    public record Merchant(long id, String name, String url, String ratingUrl, Instant createdAt, String countryCode) {
    }

    /** One review as the feed shows it; {@code reviewerName} and {@code title} may be null. */
    public record Item(long id, String reviewerName, Instant createdAt, Instant lastUpdate, String title, String content,
            int grade, String collectionMethod) {
    }

    private final Merchant merchant;
    private final BiFunction<Item, Integer, List<Item>> pages;

    /**
     * @param pages reads the page of reviews after the given one (null: the first page), of at most
     *              the given size, oldest first
     */
    public MerchantReviewsFeed(Merchant merchant, int pageSize, BiFunction<Item, Integer, List<Item>> pages) {
        super(pageSize);
        this.merchant = merchant;
        this.pages = pages;
    }

    @Override
    protected List<Item> page(Item last, int size) {
        return pages.apply(last, size);
    }

    @Override
    protected void head(XMLStreamWriter xml) throws XMLStreamException {
        xml.setDefaultNamespace(NAMESPACE);
        xml.writeStartElement(NAMESPACE, "feed");
        xml.writeDefaultNamespace(NAMESPACE);
        xml.writeNamespace("xsi", XSI);
        xml.writeAttribute(XSI, "schemaLocation", SCHEMA_LOCATION);
        xml.writeStartElement("merchants");
        xml.writeStartElement("merchant");
        xml.writeAttribute("id", Long.toString(merchant.id()));
        element(xml, "name", merchant.name());
        element(xml, "merchant_url", merchant.url());
        element(xml, "rating_url", merchant.ratingUrl());
        element(xml, "create_timestamp", timestamp(merchant.createdAt()));
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeStartElement("reviews");
    }

    @Override
    protected void item(XMLStreamWriter xml, Item review) throws XMLStreamException {
        xml.writeStartElement("review");
        xml.writeAttribute("id", Long.toString(review.id()));
        xml.writeAttribute("mid", Long.toString(merchant.id()));
        element(xml, "reviewer_name", blankToNull(review.reviewerName()));
        element(xml, "create_timestamp", timestamp(review.createdAt()));
        element(xml, "last_update_timestamp", timestamp(review.lastUpdate()));
        element(xml, "country_code", merchant.countryCode());
        element(xml, "title", blankToNull(review.title()));
        element(xml, "content", review.content() == null ? "" : review.content());
        xml.writeStartElement("ratings");
        xml.writeStartElement("overall");
        xml.writeAttribute("min", "1");
        xml.writeAttribute("max", "10");
        xml.writeCharacters(Integer.toString(review.grade()));
        xml.writeEndElement();
        xml.writeEndElement();
        element(xml, "collection_method", review.collectionMethod());
        xml.writeEndElement();
    }

    @Override
    protected void tail(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndElement();
    }

    /** ISO 8601 in UTC with a Z, to the second, as Google's examples write them. */
    private static String timestamp(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
