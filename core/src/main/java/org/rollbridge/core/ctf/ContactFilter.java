package org.rollbridge.core.ctf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.StartDocument;
import javax.xml.stream.events.XMLEvent;
import org.rollbridge.core.pupil.Contact;

/**
 * Copies a CTF leaving out every contact the LA may not hold ({@link Contact#mayBeStored()}: no parental
 * responsibility, or a court order), so that not even the kept copy of an upload has them. Everything else is copied
 * as read, event by event; a dropped contact leaves its line breaks behind, so the lines of what follows, which
 * validation reports quote, stay where they were. A file that cannot be read as UTF-8 XML without a DTD is not
 * copied ({@link Unreadable}); the reader refuses such a file whole.
 */
public final class ContactFilter {

    /** Events one contact may span; a contact longer than this is not a contact but an attack. */
    private static final int MAX_CONTACT_EVENTS = 10_000;

    private ContactFilter() {
    }

    /** The file could not be read as a CTF's XML; nothing was decided about its contacts. */
    public static final class Unreadable extends IOException {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Copies {@code in} to {@code out} without the contacts the LA may not hold; returns how many were dropped. */
    public static int copy(InputStream in, OutputStream out) throws IOException {
        XMLEventFactory events = XMLEventFactory.newDefaultFactory();
        int dropped = 0;
        try {
            XMLEventReader reader = CtfReader.factory().createXMLEventReader(in);
            XMLEventWriter writer = XMLOutputFactory.newDefaultFactory().createXMLEventWriter(out, "UTF-8");
            String parent = null;
            List<String> path = new ArrayList<>();
            while (reader.hasNext()) {
                XMLEvent e = reader.nextEvent();
                if (e.isStartDocument()) {
                    StartDocument start = (StartDocument) e;
                    if (start.encodingSet() && !start.getCharacterEncodingScheme().equalsIgnoreCase("UTF-8")) {
                        throw new Unreadable("the file declares " + start.getCharacterEncodingScheme()
                                + ", not UTF-8", null);
                    }
                    writer.add(events.createStartDocument("UTF-8", start.getVersion()));
                    continue;
                }
                if (e.getEventType() == XMLEvent.DTD) {
                    throw new Unreadable("the file has a DTD", null);
                }
                if (e.isStartElement()) {
                    String name = e.asStartElement().getName().getLocalPart();
                    if (path.isEmpty()) {
                        // The reader drops the prolog's line breaks: the root stays on its line.
                        writer.add(events.createCharacters("\n".repeat(Math.max(0,
                                e.getLocation().getLineNumber() - 1))));
                    }
                    if (name.equals("Contact") && "Contacts".equals(parent)) {
                        List<XMLEvent> contact = contact(e, reader);
                        if (mayBeStored(contact)) {
                            for (XMLEvent c : contact) {
                                writer.add(c);
                            }
                        } else {
                            dropped++;
                            writer.add(events.createCharacters("\n".repeat(lineBreaks(contact))));
                        }
                        continue;
                    }
                    path.add(name);
                    parent = name;
                } else if (e.isEndElement() && !path.isEmpty()) {
                    path.removeLast();
                    parent = path.isEmpty() ? null : path.getLast();
                }
                writer.add(e);
            }
            writer.flush();
            writer.close();
        } catch (XMLStreamException | RuntimeException e) {
            throw new Unreadable("the file is not well-formed XML (" + e.getMessage() + ")", e);
        }
        return dropped;
    }

    /** The contact's events from its start to its end, inclusive. */
    private static List<XMLEvent> contact(XMLEvent start, XMLEventReader reader) throws XMLStreamException {
        List<XMLEvent> events = new ArrayList<>();
        events.add(start);
        int depth = 1;
        while (depth > 0) {
            XMLEvent e = reader.nextEvent();
            if (events.size() >= MAX_CONTACT_EVENTS) {
                throw new XMLStreamException("a Contact with more than " + MAX_CONTACT_EVENTS + " parts");
            }
            events.add(e);
            depth += e.isStartElement() ? 1 : e.isEndElement() ? -1 : 0;
        }
        return events;
    }

    /** Core's rule on the contact's own Responsibility and CourtOrder, read as the CTF reader reads them. */
    private static boolean mayBeStored(List<XMLEvent> contact) {
        return new Contact(null, null, null, null, null, PupilElements.flag(childText(contact, "Responsibility")),
                PupilElements.flag(childText(contact, "CourtOrder")), null, List.of(), null).mayBeStored();
    }

    /** The text of the contact's direct child {@code name}, or null. */
    private static String childText(List<XMLEvent> contact, String name) {
        int depth = 0;
        StringBuilder text = null;
        for (XMLEvent e : contact) {
            if (e.isStartElement()) {
                depth++;
                if (depth == 2 && text == null && e.asStartElement().getName().getLocalPart().equals(name)) {
                    text = new StringBuilder();
                }
            } else if (e.isEndElement()) {
                if (depth == 2 && text != null) {
                    return text.toString();
                }
                depth--;
            } else if (e.isCharacters() && text != null && depth == 2) {
                text.append(e.asCharacters().getData());
            }
        }
        return null;
    }

    private static int lineBreaks(List<XMLEvent> contact) {
        int n = 0;
        for (XMLEvent e : contact) {
            if (e.isCharacters()) {
                n += (int) e.asCharacters().getData().chars().filter(c -> c == '\n').count();
            }
        }
        return n;
    }

}
