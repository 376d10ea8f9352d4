package org.rollbridge.core.ctf;

import org.rollbridge.core.text.FileSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.rollbridge.core.ctf.CtfReadException.Problem;
import org.rollbridge.core.text.StrictDecoder;

/**
 * Reads a Common Transfer File as a stream: the header and then each pupil go to a {@link CtfVisitor} as soon as
 * they are read, so memory stays flat whatever the size of the file.
 *
 * <p>Tolerant: elements in any order and at the level older versions put them, unknown elements skipped at any
 * depth, {@code Sex} or {@code Gender}, BS7666 or free-line addresses, CTF versions 16 to 25, UTF-8 or UTF-16
 * (see {@link CtfInput}), whitespace before the declaration. Values are kept as sent (see {@link PupilElements}).
 *
 * <p>Safe: the JDK's StAX parser with DTDs and external entities switched off, and any document type declaration
 * refused as soon as the parser reports it, before anything in it is expanded; a value longer than
 * {@link #MAX_TEXT} characters, or a pupil of more than {@link #MAX_PUPIL_ELEMENTS} elements, stops the read. A
 * file that ends too soon always fails: it never yields a shorter list. See docs/adr/0001-streaming-ctf-reader.md.
 */
public final class CtfReader {

    /** Longest single value read (characters); a CTF's longest is a year's marks string, under 1,000. */
    public static final int MAX_TEXT = 64 * 1024;
    /** Most elements in one pupil; a pupil with many years and contacts has a few hundred. */
    public static final int MAX_PUPIL_ELEMENTS = 100_000;
    static final int MAX_DEPTH = 64;

    private CtfReader() {
    }

    public static CtfHeader read(Path file, CtfVisitor visitor) throws CtfReadException {
        return read(FileSource.of(file), String.valueOf(file.getFileName()), visitor);
    }

    /** Reads a file opened from {@code source}; {@code name} names it in error messages. */
    public static CtfHeader read(FileSource source, String name, CtfVisitor visitor) throws CtfReadException {
        InputStream in;
        try {
            in = source.open();
        } catch (NoSuchFileException e) {
            throw new CtfReadException(Problem.IO, name + ": there is no such file. Check the path and try again.",
                    -1, -1, 0, null, e);
        } catch (IOException e) {
            throw new CtfReadException(Problem.IO, name + ": the file could not be opened (" + e.getMessage()
                    + "). Check it exists and can be read, then try again.", -1, -1, 0, null, e);
        }
        try (in) {
            return read(in, name, visitor);
        } catch (IOException e) {
            throw new CtfReadException(Problem.IO, name + ": the file could not be closed (" + e.getMessage() + ").",
                    -1, -1, 0, null, e);
        }
    }

    /** Reads from {@code in}, which the caller closes; {@code sourceName} names the file in error messages. */
    public static CtfHeader read(InputStream in, String sourceName, CtfVisitor visitor) throws CtfReadException {
        InputGuard input;
        try {
            input = CtfInput.open(in);
        } catch (CtfInput.EncodingProblem e) {
            throw new CtfReadException(Problem.ENCODING, sourceName + ": " + e.getMessage()
                    + ". Ask the school to export the file again as UTF-8.", 1, 1, 0, null, e);
        } catch (IOException e) {
            throw ioProblem(sourceName, e, -1, -1, 0, null);
        }
        Run run = new Run(sourceName, input, visitor);
        return run.read();
    }

    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory(); // the JDK parser, whatever else is on the class path
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false); // text arrives in bounded chunks
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setProperty("jdk.xml.maxElementDepth", MAX_DEPTH);
        return f;
    }

    /** One read of one file: the parser, where it is, and which pupil it is in. */
    private static final class Run implements Cursor {
        private final String source;
        private final InputGuard input;
        private final CtfVisitor visitor;
        private XMLStreamReader xml;
        private final StringBuilder text = new StringBuilder(256);
        private int pupilIndex;
        private String pupilUpn;
        private boolean inPupil;
        private int pupilElements;

        Run(String source, InputGuard input, CtfVisitor visitor) {
            this.source = source;
            this.input = input;
            this.visitor = visitor;
        }

        CtfHeader read() throws CtfReadException {
            try {
                int first = input.skipLeadingWhitespace();
                if (first != '<') {
                    throw fail(Problem.NOT_A_CTF, first < 0 ? "the file is empty" : "the file is not XML",
                            "Check this is the Common Transfer File the school's MIS exported.", 1, 1);
                }
                xml = factory().createXMLStreamReader(input);
                toRoot();
                if (!"CTfile".equals(xml.getLocalName())) {
                    throw fail(Problem.NOT_A_CTF, "the XML's top element is <" + xml.getLocalName()
                            + ">, not <CTfile>", "Check this is the Common Transfer File the school's MIS exported.");
                }
                CtfHeader header = null;
                while (nextChild()) {
                    switch (xml.getLocalName()) {
                        case "Header" -> {
                            header = readHeader();
                            visitor.header(header);
                        }
                        case "CTFpupilData" -> readPupils();
                        default -> skip();
                    }
                }
                while (xml.hasNext()) {
                    xml.next(); // trailing comments; the parser checks nothing else follows
                }
                if (header == null) {
                    throw fail(Problem.HEADER_MISSING, "the file has no <Header>, so who sent it is unknown",
                            "Ask the school to export a complete CTF from its MIS.", -1, -1);
                }
                return header;
            } catch (XMLStreamException e) {
                throw translate(e);
            } catch (IOException e) {
                throw translate(new XMLStreamException(e));
            } finally {
                if (xml != null) {
                    try {
                        xml.close();
                    } catch (XMLStreamException ignored) {
                        // closing the parser releases nothing the caller relies on
                    }
                }
            }
        }

        private void toRoot() throws XMLStreamException, CtfReadException {
            while (true) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return;
                }
                if (event == XMLStreamConstants.DTD) {
                    throw dtd();
                }
                if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw fail(Problem.NOT_A_CTF, "the file holds no XML element",
                            "Check this is the Common Transfer File the school's MIS exported.");
                }
            }
        }

        private CtfReadException dtd() {
            return fail(Problem.DTD_FORBIDDEN, "the file contains a document type declaration (<!DOCTYPE>), "
                    + "which a CTF never has and which Rollbridge refuses for safety", "Ask the school to export "
                    + "the file again from its MIS; if it came from elsewhere, treat it as suspicious.");
        }

        private void readPupils() throws XMLStreamException, CtfReadException {
            while (nextChild()) {
                if (!"Pupil".equals(xml.getLocalName())) {
                    skip();
                    continue;
                }
                pupilIndex++;
                Location at = xml.getLocation();
                PupilPosition where = new PupilPosition(pupilIndex, at.getLineNumber(), at.getColumnNumber());
                inPupil = true;
                pupilUpn = null;
                pupilElements = 0;
                var pupil = new PupilElements(this).readPupil();
                inPupil = false;
                visitor.pupil(pupil, where);
            }
        }

        private CtfHeader readHeader() throws XMLStreamException, CtfReadException {
            String[] h = new String[12];
            readHeaderInto(h, false);
            return new CtfHeader(h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9], h[10], h[11]);
        }

        private void readHeaderInto(String[] h, boolean dest) throws XMLStreamException, CtfReadException {
            while (nextChild()) {
                switch (xml.getLocalName()) {
                    case "DocumentName" -> h[0] = value();
                    case "CTFversion" -> h[1] = value();
                    case "DateTime" -> h[2] = value();
                    case "DocumentQualifier" -> h[3] = value();
                    case "SupplierID" -> h[4] = value();
                    case "SourceSchool" -> readHeaderInto(h, false);
                    case "DestSchool" -> readHeaderInto(h, true);
                    case "LEA" -> h[dest ? 10 : 5] = value();
                    case "Estab" -> h[dest ? 11 : 6] = value();
                    case "URN" -> h[7] = dest ? skipValue() : value();
                    case "SchoolName" -> h[8] = dest ? skipValue() : value();
                    case "AcademicYear" -> h[9] = value();
                    default -> skip();
                }
            }
        }

        private String skipValue() throws XMLStreamException, CtfReadException {
            skip();
            return null;
        }

        // --- the cursor the element readers use --------------------------------------------------------------

        @Override
        public String name() {
            return xml.getLocalName();
        }

        @Override
        public void upnRead(String upn) {
            pupilUpn = upn;
        }

        /**
         * Moves to the next child element of the current element; false when the current element ends.
         * Text, comments and processing instructions between elements are passed over.
         */
        @Override
        public boolean nextChild() throws XMLStreamException, CtfReadException {
            while (true) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (inPupil && ++pupilElements > MAX_PUPIL_ELEMENTS) {
                            throw fail(Problem.TOO_LARGE, "this pupil has more than " + MAX_PUPIL_ELEMENTS
                                    + " elements, far more than any real pupil record",
                                    "Ask the school to export the file again; it may be damaged.");
                        }
                        return true;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        return false;
                    }
                    case XMLStreamConstants.END_DOCUMENT -> throw truncated(null);
                    case XMLStreamConstants.DTD -> throw dtd();
                    default -> {
                        // whitespace, comments, processing instructions
                    }
                }
            }
        }

        /** Skips the current element and everything in it. */
        @Override
        public void skip() throws XMLStreamException, CtfReadException {
            while (nextChild()) {
                skip();
            }
        }

        /** The current element's text, stripped; null when empty. Child elements inside it are skipped. */
        @Override
        public String value() throws XMLStreamException, CtfReadException {
            String t = rawText().strip();
            return t.isEmpty() ? null : t;
        }

        /** The current element's text exactly as sent (line breaks at its ends removed), capped at MAX_TEXT. */
        @Override
        public String rawText() throws XMLStreamException, CtfReadException {
            String element = xml.getLocalName();
            text.setLength(0);
            while (true) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        int length = xml.getTextLength();
                        if (text.length() + length > MAX_TEXT) {
                            throw fail(Problem.TOO_LARGE, "the value of <" + element
                                    + "> is longer than " + MAX_TEXT + " characters, far longer than any CTF value",
                                    "Ask the school to export the file again; it may be damaged.");
                        }
                        text.append(xml.getTextCharacters(), xml.getTextStart(), length);
                    }
                    case XMLStreamConstants.START_ELEMENT -> skip();
                    case XMLStreamConstants.END_ELEMENT -> {
                        return trimLineBreaks(text);
                    }
                    case XMLStreamConstants.END_DOCUMENT -> throw truncated(null);
                    default -> {
                        // comments and processing instructions inside a value
                    }
                }
            }
        }

        private static String trimLineBreaks(StringBuilder s) {
            int from = 0;
            int to = s.length();
            while (from < to && (s.charAt(from) == '\n' || s.charAt(from) == '\r' || s.charAt(from) == '\t')) {
                from++;
            }
            while (to > from && (s.charAt(to - 1) == '\n' || s.charAt(to - 1) == '\r' || s.charAt(to - 1) == '\t')) {
                to--;
            }
            return s.substring(from, to);
        }

        // --- errors ------------------------------------------------------------------------------------------

        private CtfReadException fail(Problem kind, String what, String todo) {
            Location at = xml == null ? null : xml.getLocation();
            int line = at == null ? input.line() : at.getLineNumber();
            int column = at == null ? input.column() : at.getColumnNumber();
            return fail(kind, what, todo, line, column);
        }

        private CtfReadException fail(Problem kind, String what, String todo, int line, int column) {
            return fail(kind, what, todo, line, column, null);
        }

        private CtfReadException fail(Problem kind, String what, String todo, int line, int column, Throwable cause) {
            int index = inPupil ? pupilIndex : 0;
            StringBuilder m = new StringBuilder(source).append(": ");
            if (line > 0) {
                m.append("line ").append(line).append(", column ").append(column);
                m.append(index > 0 ? ", " : ": ");
            }
            if (index > 0) {
                m.append("in pupil ").append(index).append(" of the file: ");
            }
            m.append(what).append(". ").append(todo);
            return new CtfReadException(kind, m.toString(), line, column, index, inPupil ? pupilUpn : null, cause);
        }

        private CtfReadException truncated(Throwable cause) {
            return fail(Problem.MALFORMED, "the file ends too soon, " + (inPupil ? "in the middle of a pupil"
                            : "before the end of the CTF") + ", so it is incomplete (cut off in transfer or when saved)",
                    "Ask the school to send the whole file again; no pupil from this file has been accepted.",
                    input.line(), input.column(), cause);
        }

        private CtfReadException translate(XMLStreamException e) {
            IOException failure = input.failure();
            if (failure instanceof InputGuard.RunTooLong) {
                return fail(Problem.TOO_LARGE, "the file has more than " + InputGuard.MAX_RUN
                        + " characters in a row without markup, far more than any CTF value",
                        "Ask the school to export the file again; it may be damaged.", input.line(), input.column(),
                        failure);
            }
            if (failure instanceof CharacterCodingException) {
                String where = failure instanceof StrictDecoder.InvalidBytes bad
                        ? " (from byte " + bad.byteOffset() + " of the file)" : "";
                return fail(Problem.ENCODING, "the file has bytes that are not valid text in its encoding" + where,
                        "Ask the school to export the file again as UTF-8 (the CTF default).",
                        input.line(), input.column(), failure);
            }
            if (failure != null) {
                return ioProblem(source, failure, input.line(), input.column(), inPupil ? pupilIndex : 0,
                        inPupil ? pupilUpn : null);
            }
            if (input.ended()) {
                return truncated(e);
            }
            Location at = e.getLocation();
            int line = at == null ? input.line() : at.getLineNumber();
            int column = at == null ? input.column() : at.getColumnNumber();
            String detail = parserMessage(e);
            if (detail.contains("JAXP00010")) { // a JDK parser limit (element depth, entity sizes)
                return fail(Problem.TOO_LARGE, "the file goes beyond a safety limit (" + detail + ")",
                        "Ask the school to export the file again; it may be damaged or hostile.", line, column, e);
            }
            return fail(Problem.MALFORMED, "the file is not well-formed XML (" + detail + ")",
                    "Ask the school to export the file again from its MIS; do not edit it by hand.", line, column, e);
        }

        private static String parserMessage(XMLStreamException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            int i = m.indexOf("Message: ");
            String detail = (i >= 0 ? m.substring(i + 9) : m).strip();
            return detail.endsWith(".") ? detail.substring(0, detail.length() - 1) : detail;
        }
    }

    private static CtfReadException ioProblem(String source, IOException e, int line, int column, int pupil,
                                              String upn) {
        return new CtfReadException(Problem.IO, source + ": the file could not be read (" + e.getMessage()
                + "). Check the disk or connection and try again; no pupil from this file has been accepted.",
                line, column, pupil, upn, e);
    }

    /** Element readers for a pupil use the cursor of the run they belong to. */
    interface Cursor {
        boolean nextChild() throws XMLStreamException, CtfReadException;

        String name();

        void skip() throws XMLStreamException, CtfReadException;

        String value() throws XMLStreamException, CtfReadException;

        String rawText() throws XMLStreamException, CtfReadException;

        void upnRead(String upn);
    }
}
