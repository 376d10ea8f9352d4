package org.rollbridge.core.ctf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rollbridge.core.ctf.CtfReadException.Problem;
import org.rollbridge.core.pupil.Pupil;

/** Files that are broken or built to hurt: each ends in a clear error, quickly and in bounded memory. */
@Timeout(30)
class HostileCtfTest {

    static final String HEADER = "<Header><CTFversion>25.0</CTFversion><SourceSchool><LEA>926</LEA>"
            + "<Estab>2001</Estab></SourceSchool></Header>";

    final List<Pupil> seen = new ArrayList<>();

    CtfReadException fails(byte[] bytes) {
        return catchThrowableOfType(CtfReadException.class,
                () -> CtfReader.read(new ByteArrayInputStream(bytes), "school.xml", (p, where) -> seen.add(p)));
    }

    CtfReadException fails(String xml) {
        return fails(xml.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sample() throws IOException {
        try (InputStream in = HostileCtfTest.class.getResourceAsStream("/sample-ctf.xml")) {
            return in.readAllBytes();
        }
    }

    @Test
    void aDtdIsRefused() {
        CtfReadException e = fails("<?xml version=\"1.0\"?>\n<!DOCTYPE CTfile [<!ELEMENT CTfile ANY>]>\n<CTfile>"
                + HEADER + "</CTfile>");
        assertThat(e.kind()).isEqualTo(Problem.DTD_FORBIDDEN);
        assertThat(e.getMessage()).startsWith("school.xml: line 2").contains("document type declaration")
                .contains("Ask the school");
    }

    @Test
    void billionLaughsIsRefusedBeforeAnythingExpands() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE CTfile [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        CtfReadException e = fails(dtd + "<CTfile>" + HEADER + "<CTFpupilData><Pupil><Surname>&lol9;</Surname>"
                + "</Pupil></CTFpupilData></CTfile>");
        assertThat(e.kind()).isEqualTo(Problem.DTD_FORBIDDEN);
        assertThat(seen).isEmpty();
    }

    @Test
    void anExternalFileEntityIsNeverRead() {
        CtfReadException e = fails("<?xml version=\"1.0\"?><!DOCTYPE CTfile [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<CTfile>" + HEADER + "<CTFpupilData><Pupil><UPN>B801200005001</UPN><Surname>&xxe;</Surname></Pupil>"
                + "</CTFpupilData></CTfile>");
        assertThat(e.kind()).isEqualTo(Problem.DTD_FORBIDDEN);
        assertThat(seen).isEmpty();
        assertThat(e.getMessage()).doesNotContain("root:");
    }

    @Test
    void noExternalDtdOrEntityIsFetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "<!ENTITY x \"leaked\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            CtfReadException external = fails("<!DOCTYPE CTfile SYSTEM \"" + url + "ctf.dtd\"><CTfile>" + HEADER
                    + "</CTfile>");
            CtfReadException parameter = fails("<!DOCTYPE CTfile [<!ENTITY % p SYSTEM \"" + url + "p.dtd\"> %p;]>"
                    + "<CTfile>" + HEADER + "</CTfile>");
            assertThat(external.kind()).isEqualTo(Problem.DTD_FORBIDDEN);
            assertThat(parameter.kind()).isEqualTo(Problem.DTD_FORBIDDEN);
            assertThat(requests).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUndeclaredEntityIsMalformed() {
        CtfReadException e = fails("<CTfile>" + HEADER + "<CTFpupilData><Pupil><UPN>B801200005001</UPN>"
                + "<Surname>&xxe;</Surname></Pupil></CTFpupilData></CTfile>");
        assertThat(e.kind()).isEqualTo(Problem.MALFORMED);
        assertThat(e.pupilIndex()).isEqualTo(1);
        assertThat(e.pupilUpn()).isEqualTo("B801200005001");
    }

    @Test
    void aFileCutOffInsideAPupilFailsAndSaysWhichPupil() throws Exception {
        String xml = new String(sample(), StandardCharsets.UTF_8);
        String cut = xml.substring(0, xml.indexOf("<Gender>M</Gender>") + "<Gender>M</Gender>".length());
        CtfReadException e = fails(cut);
        assertThat(e.kind()).isEqualTo(Problem.MALFORMED);
        assertThat(e.pupilIndex()).isEqualTo(2);
        assertThat(e.pupilUpn()).isEqualTo("P80120000501B");
        assertThat(e.line()).isEqualTo(104);
        assertThat(e.getMessage()).contains("ends too soon", "in pupil 2").doesNotContain("P80120000501B");
    }

    @Test
    void aFileCutOffInsideATagFails() throws Exception {
        String xml = new String(sample(), StandardCharsets.UTF_8);
        CtfReadException e = fails(xml.substring(0, xml.indexOf("<Surname>Walsh") + 5));
        assertThat(e.kind()).isEqualTo(Problem.MALFORMED);
        assertThat(e.pupilIndex()).isEqualTo(2);
        assertThat(e.getMessage()).contains("ends too soon");
    }

    @Test
    void aFileCutOffBetweenPupilsNeverLooksLikeAShorterRoll() throws Exception {
        String xml = new String(sample(), StandardCharsets.UTF_8);
        CtfReadException e = fails(xml.substring(0, xml.indexOf("</Pupil>") + "</Pupil>".length()));
        assertThat(e.kind()).isEqualTo(Problem.MALFORMED);
        assertThat(e.pupilIndex()).isZero();
        assertThat(e.getMessage()).contains("ends too soon", "no pupil from this file has been accepted");
    }

    @Test
    void mismatchedTagsReportLineColumnAndPupil() throws Exception {
        String xml = new String(sample(), StandardCharsets.UTF_8).replace("<Forename>Amara</Forename>",
                "<Forename>Amara</Surname>");
        CtfReadException e = fails(xml);
        assertThat(e.kind()).isEqualTo(Problem.MALFORMED);
        assertThat(e.line()).isEqualTo(27);
        assertThat(e.column()).isPositive();
        assertThat(e.pupilIndex()).isEqualTo(1);
        assertThat(e.pupilUpn()).isEqualTo("B801200005001");
        assertThat(e.getMessage()).startsWith("school.xml: line 27, column ").contains("in pupil 1", "not well-formed")
                .doesNotContain("B801200005001");
    }

    @Test
    void invalidUtf8BytesAreAnEncodingErrorAtTheirLine() throws Exception {
        byte[] bytes = sample();
        String xml = new String(bytes, StandardCharsets.UTF_8);
        int at = xml.indexOf("Amara") + 2; // ASCII up to here, so the char index is the byte index
        bytes[at] = (byte) 0xE9; // ISO-8859-1 e-acute, invalid in UTF-8 here
        CtfReadException e = fails(bytes);
        assertThat(e.kind()).isEqualTo(Problem.ENCODING);
        assertThat(e.line()).isEqualTo(27);
        assertThat(e.getMessage()).contains("not valid text", "UTF-8");
    }

    @Test
    void utf16BytesDeclaredAsUtf8AreRefused() throws Exception {
        byte[] utf16 = new String(sample(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE);
        CtfReadException e = fails(utf16);
        assertThat(e.kind()).isEqualTo(Problem.ENCODING);
        assertThat(e.getMessage()).contains("UTF-16", "declares encoding \"UTF-8\"");
    }

    @Test
    void eightBitBytesDeclaredAsUtf16AreRefused() throws Exception {
        byte[] bytes = new String(sample(), StandardCharsets.UTF_8).replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                .getBytes(StandardCharsets.UTF_8);
        CtfReadException e = fails(bytes);
        assertThat(e.kind()).isEqualTo(Problem.ENCODING);
        assertThat(e.getMessage()).contains("no byte-order mark");
    }

    @Test
    void textThatIsNotXmlIsNotACtf() {
        CtfReadException e = fails("upn,surname\nB801200005001,Okafor\n");
        assertThat(e.kind()).isEqualTo(Problem.NOT_A_CTF);
        assertThat(e.getMessage()).contains("not XML");
        assertThat(fails("").kind()).isEqualTo(Problem.NOT_A_CTF);
        assertThat(fails(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}).kind())
                .isIn(Problem.NOT_A_CTF, Problem.ENCODING);
    }

    @Test
    void xmlWhoseRootIsNotCtfileIsNotACtf() {
        CtfReadException e = fails("<?xml version=\"1.0\"?><html><body>CTfile</body></html>");
        assertThat(e.kind()).isEqualTo(Problem.NOT_A_CTF);
        assertThat(e.getMessage()).contains("<html>");
    }

    @Test
    void aFileWithoutAHeaderIsRefused() {
        CtfReadException e = fails("<CTfile><CTFpupilData/></CTfile>");
        assertThat(e.kind()).isEqualTo(Problem.HEADER_MISSING);
        assertThat(e.pupilIndex()).isZero();
    }

    @Test
    void deepNestingStopsAtALimit() {
        String open = "<x>".repeat(10_000);
        CtfReadException e = fails("<CTfile>" + HEADER + open + "</x>".repeat(10_000) + "</CTfile>");
        assertThat(e.kind()).isEqualTo(Problem.TOO_LARGE);
    }

    @Test
    void aGigabyteOfWhitespaceInsideAValueFailsFastInBoundedMemory() {
        assertGigabyteOfWhitespaceFailsFast("<Surname>", "</Surname>");
    }

    @Test
    void aGigabyteOfWhitespaceBetweenElementsFailsFastInBoundedMemory() {
        assertGigabyteOfWhitespaceFailsFast("<Surname>Okafor</Surname>", "<Forename>Amara</Forename>");
    }

    private void assertGigabyteOfWhitespaceFailsFast(String before, String after) {
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CTfile>" + HEADER
                + "<CTFpupilData><Pupil><UPN>B801200005001</UPN>" + before;
        String tail = after + "</Pupil></CTFpupilData></CTfile>";
        GigabyteOfWhitespace in = new GigabyteOfWhitespace(head, tail);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long baseline = rt.totalMemory() - rt.freeMemory();

        CtfReadException e = catchThrowableOfType(CtfReadException.class,
                () -> CtfReader.read(in, "huge.xml", (p, where) -> seen.add(p)));

        assertThat(e.kind()).isEqualTo(Problem.TOO_LARGE);
        assertThat(e.pupilIndex()).isEqualTo(1);
        assertThat(e.getMessage()).contains("in pupil 1");
        assertThat(seen).isEmpty();
        // Fails after reading a few megabytes, not the whole gigabyte...
        assertThat(in.delivered).isLessThan(4L << 20);
        // ...and the heap grew by a few megabytes at most while it read them (peak sampled on every read).
        long grown = in.peakUsed - baseline;
        System.out.printf("1 GB whitespace %s: read %,d bytes before failing; heap grew by at most %,d bytes%n",
                before, in.delivered, grown);
        assertThat(grown).isLessThan(32L << 20);
    }

    /** 1 GiB of spaces between a head and a tail, generated on the fly (never on disk or in memory). */
    static final class GigabyteOfWhitespace extends InputStream {
        static final long SIZE = 1L << 30;
        private final byte[] head;
        private final byte[] tail;
        long delivered;
        long peakUsed;

        GigabyteOfWhitespace(String head, String tail) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.tail = tail.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Runtime rt = Runtime.getRuntime();
            peakUsed = Math.max(peakUsed, rt.totalMemory() - rt.freeMemory());
            long total = head.length + SIZE + tail.length;
            if (delivered >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - delivered);
            for (int i = 0; i < n; i++) {
                long p = delivered + i;
                b[off + i] = p < head.length ? head[(int) p]
                        : p < head.length + SIZE ? (byte) ' ' : tail[(int) (p - head.length - SIZE)];
            }
            delivered += n;
            return n;
        }
    }
}
