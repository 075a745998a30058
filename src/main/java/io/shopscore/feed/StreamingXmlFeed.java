package io.shopscore.feed;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.ws.rs.core.StreamingOutput;

/**
 * An XML feed written while it is read: items come from the database a page at a time and each
 * page is written and flushed to the client before the next is read, so an instance holds one page
 * in memory whatever the size of the feed. A feed names its pages, its head, each item and its
 * tail; this class owns the loop, the encoding and the text rules ({@link XmlText}).
 *
 * @param <T> one item of the feed, as read in a page (a record, never an entity: pages are read in
 *            transactions of their own, which end before the page is written)
 */
public abstract class StreamingXmlFeed<T> implements StreamingOutput {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final int pageSize;

    protected StreamingXmlFeed(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("A page holds at least one item");
        }
        this.pageSize = pageSize;
    }

    /**
     * The page of at most {@code size} items that follows {@code last}, the last item of the
     * previous page (null for the first page). A page smaller than {@code size} is the last one.
     */
    protected abstract List<T> page(T last, int size);

    /** Writes the elements before the first item: the root element and whatever precedes the items. */
    protected abstract void head(XMLStreamWriter xml) throws XMLStreamException;

    protected abstract void item(XMLStreamWriter xml, T item) throws XMLStreamException;

    /** Closes what {@link #head} opened (the document's end closes whatever is left open). */
    protected abstract void tail(XMLStreamWriter xml) throws XMLStreamException;

    @Override
    public final void write(OutputStream output) throws IOException {
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(output, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            head(xml);
            T last = null;
            while (true) {
                List<T> items = page(last, pageSize);
                for (T item : items) {
                    item(xml, item);
                }
                xml.flush();
                if (items.size() < pageSize) {
                    break;
                }
                last = items.get(items.size() - 1);
            }
            tail(xml);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("The feed could not be written", e);
        }
    }

    /** An element holding text, cleaned of what XML cannot carry; nothing at all for null. */
    protected static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        if (text == null) {
            return;
        }
        xml.writeStartElement(name);
        xml.writeCharacters(XmlText.clean(text));
        xml.writeEndElement();
    }
}
