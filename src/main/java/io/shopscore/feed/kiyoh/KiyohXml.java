package io.shopscore.feed.kiyoh;

import java.io.ByteArrayOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.shopscore.feed.XmlText;

/**
 * KiYoh's feed.xml: root {@code <ReviewFeedDto>}, and each list nested twice, the outer element
 * holding one inner element of the same name per entry ({@code <reviews><reviews>...},
 * {@code <reviewContent><reviewContent>...}), which is how KiYoh serialises its lists and how its
 * PHP clients walk them ({@code $xml->reviews->reviews}). An answer holds at most the configured
 * maximum of reviews, so it is built in memory (and given a strong ETag) like the JSON.
 */
final class KiyohXml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private KiyohXml() {
    }

    static byte[] of(KiyohLocation location) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("ReviewFeedDto");
            element(xml, "locationId", location.locationId());
            element(xml, "locationName", location.locationName());
            element(xml, "averageRating", location.averageRating().toPlainString());
            element(xml, "numberReviews", Long.toString(location.numberReviews()));
            element(xml, "percentageRecommendation", Integer.toString(location.percentageRecommendation()));
            element(xml, "last12MonthAverageRating", location.last12MonthAverageRating().toPlainString());
            element(xml, "last12MonthNumberReviews", Long.toString(location.last12MonthNumberReviews()));
            element(xml, "last12MonthPercentageRecommendation", Integer.toString(location.last12MonthPercentageRecommendation()));
            element(xml, "viewReviewUrl", location.viewReviewUrl());
            element(xml, "createReviewUrl", location.createReviewUrl());
            xml.writeStartElement("reviews");
            for (KiyohReview review : location.reviews()) {
                review(xml, review);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The KiYoh feed could not be written", e);
        }
        return bytes.toByteArray();
    }

    private static void review(XMLStreamWriter xml, KiyohReview review) throws XMLStreamException {
        xml.writeStartElement("reviews");
        element(xml, "reviewId", review.reviewId());
        element(xml, "reviewAuthor", review.reviewAuthor());
        element(xml, "city", review.city());
        element(xml, "rating", Integer.toString(review.rating()));
        xml.writeStartElement("reviewContent");
        for (KiyohQuestion question : review.reviewContent()) {
            xml.writeStartElement("reviewContent");
            element(xml, "questionGroup", question.questionGroup());
            element(xml, "questionType", question.questionType());
            element(xml, "rating", question.rating());
            element(xml, "order", Integer.toString(question.order()));
            element(xml, "questionTranslation", question.questionTranslation());
            xml.writeEndElement();
        }
        xml.writeEndElement();
        element(xml, "reviewComments", review.reviewComments());
        element(xml, "dateSince", review.dateSince());
        element(xml, "updatedSince", review.updatedSince());
        element(xml, "reviewLanguage", review.reviewLanguage());
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        if (text == null) {
            return;
        }
        xml.writeStartElement(name);
        xml.writeCharacters(XmlText.clean(text));
        xml.writeEndElement();
    }
}
