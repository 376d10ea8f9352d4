package org.rollbridge.hub.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollbridge.hub.testing.CtfFixture.upn;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.code.Coded;
import org.rollbridge.core.code.EnrolStatus;
import org.rollbridge.core.code.NcYear;
import org.rollbridge.core.code.Sex;
import org.rollbridge.core.pupil.Address;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.pupil.RecordedDate;
import org.rollbridge.core.signing.RequestSignature;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.SharingSettings;
import org.rollbridge.hub.alerts.JobRunStore;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.ingest.UploadStore;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RegisteredPerson;
import org.rollbridge.hub.testing.RunningHub;

/**
 * The nightly share on 1 October, when every default agreement falls due: the DfE feed goes to an HTTPS recipient
 * (a real HTTP server on this machine) signed as schools sign their uploads, and is acknowledged by its 2xx; the
 * others go to the delivery folder and are acknowledged later by the LA. A second run delivers nothing twice; a file
 * the recipient refused is sent by the next run, once; a resend of the day sends every file again.
 */
@HubTest
class SharingDeliveryIT {

    static final String SCHOOL = "9265201";
    static final LocalDate FIRST_OF_OCTOBER = LocalDate.of(2025, 10, 1);
    static final String YEAR5 = upn(SCHOOL, 1);
    static final String YEAR9 = upn(SCHOOL, 2);
    static final String YEAR11 = upn(SCHOOL, 3);
    static final String SECRET = "the-dfe-recipients-shared-secret-0123456789";

    static RunningHub hub;
    static HttpServer recipient;
    static final List<Received> received = new CopyOnWriteArrayList<>();
    /** Paths the recipient refuses once, with a 503, before taking them. */
    static final Set<String> refuseOnce = ConcurrentHashMap.newKeySet();

    /** A request the recipient took, and whether its signature and digest held. */
    record Received(String path, String idempotencyKey, String body, boolean signed) {
    }

    @BeforeAll
    static void aSchoolAndARecipient() throws Exception {
        hub.school(SCHOOL).completed("ctf-delivery", CtfFixture.full(SCHOOL)
                .add(pupil(YEAR5, "Fen", "Five", "5", LocalDate.of(2015, 6, 1)))
                .add(pupil(YEAR9, "Gil", "Nine", "9", LocalDate.of(2011, 6, 1)))
                .add(pupil(YEAR11, "Hal", "Eleven", "11", LocalDate.of(2009, 12, 1))));
        AttendanceCsv marks = new AttendanceCsv();
        for (String upn : List.of(YEAR5, YEAR9, YEAR11)) {
            marks.mark(SCHOOL, upn, FIRST_OF_OCTOBER, "AM", "/").mark(SCHOOL, upn, FIRST_OF_OCTOBER, "PM", "\\");
        }
        hub.school(SCHOOL).completed("att-delivery", marks);
        recipient = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        recipient.createContext("/dfe", SharingDeliveryIT::receive);
        recipient.start();
    }

    @AfterAll
    static void stopRecipient() {
        recipient.stop(0);
    }

    @BeforeEach
    void nothingDeliveredYet() {
        hub.db().sql("delete from share_deliveries").update();
        hub.db().sql("delete from share_optouts").update();
        hub.db().sql("delete from school_share_optouts").update();
        received.clear();
        refuseOnce.clear();
    }

    static Pupil pupil(String upn, String forename, String surname, String year, LocalDate dob) {
        RegisteredPerson.withUpn(upn).named(forename, surname).born(dob).in(hub);
        return Pupil.builder().upn(upn).forename(forename).surname(surname).dob(RecordedDate.of(dob))
                .sex(Coded.of(Sex.class, "M")).ncYear(Coded.of(NcYear.class, year))
                .enrolStatus(Coded.of(EnrolStatus.class, "C")).admissionDate(LocalDate.of(2021, 9, 1))
                .firstLanguage("POL").address(Address.lines(List.of("2 Low Road", "Norwich"), "NR2 2BB")).build();
    }

    /** The recipient checks each request as the hub checks a school's: the signature over it, the body's digest. */
    static void receive(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getRawPath();
        var h = exchange.getRequestHeaders();
        String auth = h.getFirst("Authorization");
        String digest = h.getFirst(RequestSignature.CONTENT_SHA256_HEADER);
        String canonical = RequestSignature.canonical(exchange.getRequestMethod(), path,
                exchange.getRequestURI().getRawQuery(), Long.parseLong(h.getFirst(RequestSignature.TIMESTAMP_HEADER)),
                h.getFirst(RequestSignature.NONCE_HEADER), digest, new RequestSignature.SignedHeaders(
                        h.getFirst("Content-Encoding"), h.getFirst("Content-Type"), h.getFirst("Idempotency-Key")));
        String prefix = RequestSignature.SCHEME + " Credential=la-" + hub.bean(HubProperties.class).la()
                + ", Signature=";
        boolean signed = auth != null && auth.startsWith(prefix)
                && RequestSignature.verify(RequestSignature.signingKey(SECRET), canonical,
                auth.substring(prefix.length()))
                && RequestSignature.sha256Hex(body).equals(digest);
        if (refuseOnce.remove(path)) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        received.add(new Received(path, h.getFirst("Idempotency-Key"), new String(body, StandardCharsets.UTF_8),
                signed));
        exchange.sendResponseHeaders(signed ? 201 : 401, -1);
        exchange.close();
    }

    /** The default agreements, the DfE feed delivered to the recipient on this machine. */
    static Agreements withDfeOverHttps() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Agreements.class.getResourceAsStream(Agreements.DEFAULT)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        p.setProperty("dfe-daily.delivery", "http://127.0.0.1:" + recipient.getAddress().getPort() + "/dfe");
        return Agreements.parse(p, "test agreements");
    }

    record Night(NightlyShare nightly, ShareRun share, Path folder) {
    }

    /** The hub's own sharing parts, under agreements whose DfE feed goes to the recipient. */
    static Night night() throws IOException {
        Path folder = RunningHub.tempDir();
        SharingSettings settings = new SharingSettings(null, "-", folder, SECRET);
        HubProperties properties = hub.bean(HubProperties.class);
        Agreements agreements = withDfeOverHttps();
        ShareRun share = new ShareRun(agreements, hub.bean(ShareQuery.class), hub.bean(DeliveryStore.class),
                hub.bean(AuditLog.class), properties, Clock.systemUTC(), hub.bean(UploadStore.class),
                new HttpsDelivery(settings, properties, Clock.systemUTC()));
        return new Night(new NightlyShare(share, agreements, settings, hub.bean(JobRunStore.class)), share, folder);
    }

    static List<Map<String, Object>> log() {
        return hub.db().sql("""
                select agreement, file, resend, acknowledged_at is not null as acknowledged from share_deliveries
                 order by id""").query().listOfRows();
    }

    @Test
    void theNightDeliversEveryAgreementDueSignedOverHttpsOrIntoTheFolderAndASecondRunDeliversNothing()
            throws Exception {
        Night night = night();

        Map<String, ShareReport> first = night.nightly().run(FIRST_OF_OCTOBER);

        assertThat(first).containsOnlyKeys("dfe-daily", "youth-support", "post-16", "sure-start");
        assertThat(first.get("dfe-daily").files()).as("%s", first).hasSize(2);
        String dir = "/dfe/dfe-daily/2025-10-01/" + SCHOOL + "/";
        assertThat(received).extracting(Received::path).containsExactlyInAnyOrder(dir + "pupils.csv",
                dir + "sessions.csv");
        assertThat(received).allMatch(Received::signed);
        assertThat(received).extracting(Received::idempotencyKey).allMatch(k -> k.startsWith(
                hub.bean(HubProperties.class).la() + "/dfe-daily/2025-10-01/"));
        assertThat(received.stream().filter(r -> r.path().endsWith("pupils.csv")).findFirst().orElseThrow().body())
                .contains(YEAR5, YEAR9, YEAR11);
        assertThat(night.folder().resolve("dfe-daily")).doesNotExist();
        Path youth = night.folder().resolve("youth-support/2025-10-01/youth-support.csv");
        assertThat(Files.readString(youth)).contains(YEAR9, YEAR11).doesNotContain(YEAR5);
        assertThat(night.folder().resolve("post-16/2025-10-01/post-16.csv")).isRegularFile();
        assertThat(night.folder().resolve("sure-start/2025-10-01/sure-start.csv")).isRegularFile();
        assertThat(log()).hasSize(5).allMatch(r -> r.get("acknowledged").equals(
                r.get("agreement").equals("dfe-daily")));

        Files.delete(youth); // picked up
        Map<String, ShareReport> again = night.nightly().run(FIRST_OF_OCTOBER);

        assertThat(received).hasSize(2);
        assertThat(youth).doesNotExist();
        assertThat(again.values()).flatMap(ShareReport::files).allMatch(ShareReport.File::alreadyDelivered);
        assertThat(log()).hasSize(5);
        assertThat(hub.db().sql("select status from job_runs where name = ? order by id desc limit 2")
                .param(NightlyShare.NAME).query(String.class).list()).containsOnly("succeeded");
    }

    @Test
    void aFileTheRecipientRefusedIsSentByTheNextRunAndOnlyIt() throws Exception {
        Night night = night();
        String sessions = "/dfe/dfe-daily/2025-10-01/" + SCHOOL + "/sessions.csv";
        refuseOnce.add(sessions);

        ShareReport first = night.share().share("dfe-daily", FIRST_OF_OCTOBER, night.folder(), "test", false);

        assertThat(first.failures()).isEqualTo(1);
        assertThat(first.files()).filteredOn(f -> f.failure() != null).singleElement()
                .satisfies(f -> assertThat(f.failure()).contains("503"));
        assertThat(log()).extracting(r -> r.get("file")).containsExactly("dfe-daily/2025-10-01/" + SCHOOL
                + "/pupils.csv");

        ShareReport retry = night.share().share("dfe-daily", FIRST_OF_OCTOBER, night.folder(), "test", false);

        assertThat(retry.failures()).isZero();
        assertThat(received).extracting(Received::path).containsExactly(
                "/dfe/dfe-daily/2025-10-01/" + SCHOOL + "/pupils.csv", sessions);
        assertThat(log()).hasSize(2).allMatch(r -> r.get("acknowledged").equals(true));
    }

    @Test
    void theLaResendsADayAndRecordsAFolderRecipientsAcknowledgement() throws Exception {
        Night night = night();
        night.nightly().run(FIRST_OF_OCTOBER);
        received.clear();

        ShareReport resent = night.share().share("dfe-daily", FIRST_OF_OCTOBER, night.folder(), "officer", true);
        int acknowledged = night.share().acknowledge("post-16", FIRST_OF_OCTOBER, "officer");

        assertThat(resent.files()).hasSize(2).noneMatch(ShareReport.File::alreadyDelivered);
        assertThat(received).hasSize(2).allMatch(Received::signed)
                .allMatch(r -> r.idempotencyKey().endsWith("/resend-1"));
        assertThat(log()).filteredOn(r -> r.get("resend").equals(true)).hasSize(2);
        assertThat(acknowledged).isEqualTo(1);
        assertThat(log()).filteredOn(r -> r.get("agreement").equals("post-16")).singleElement()
                .satisfies(r -> assertThat(r.get("acknowledged")).isEqualTo(true));
        assertThat(log()).filteredOn(r -> r.get("agreement").equals("sure-start")).singleElement()
                .satisfies(r -> assertThat(r.get("acknowledged")).isEqualTo(false));
        assertThat(hub.db().sql("select count(*) from audit_events where action = 'SHARING_ACKNOWLEDGED'"
                + " and subject = 'post-16'").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void agreementsAreDueDailyOnEachTermsFirstDayOrOnceAYear() throws Exception {
        Agreements agreements = withDfeOverHttps();
        assertThat(agreements.all()).filteredOn(a -> a.dueOn(LocalDate.of(2025, 10, 2))).extracting(Agreement::name)
                .containsExactly("dfe-daily");
        assertThat(agreements.all()).filteredOn(a -> a.dueOn(LocalDate.of(2026, 2, 1))).extracting(Agreement::name)
                .containsExactly("dfe-daily", "youth-support", "sure-start");
    }
}
