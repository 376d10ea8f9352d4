package org.rollbridge.hub.sharing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rollbridge.core.attendance.Session;
import org.rollbridge.core.ctf.CtfHeader;
import org.rollbridge.core.ctf.CtfReadException;
import org.rollbridge.core.ctf.CtfReader;
import org.rollbridge.core.ctf.CtfVisitor;
import org.rollbridge.core.pupil.FirstLanguage;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.core.ctf.PupilPosition;
import org.rollbridge.core.signing.RequestSignature;
import org.rollbridge.hub.HubProperties;
import org.rollbridge.hub.ingest.UploadStore;
import org.rollbridge.hub.attendance.YearMarks;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.rollbridge.hub.sharing.ShareQuery.OptOut;
import org.rollbridge.hub.sharing.ShareQuery.SharedPupil;
import org.springframework.stereotype.Component;

/**
 * Builds an agreement's extract for a day into the delivery folder (docs/sharing.md) and logs each file delivered.
 * Only the agreement's items, for its cohort, less opt-outs in force, are ever written; a file of the same day
 * delivered already is neither written nor logged again.
 */
@Component
public class ShareRun {

    static final String DFE = "dfe-daily";
    static final List<String> DFE_PUPILS = List.of("urn", "la_code", "upn", "forename", "surname", "gender",
            "ethnicity", "looked_after", "previously_looked_after", "sen_support", "ehc_plan", "fsm", "nc_year");
    static final List<String> DFE_SESSIONS = List.of("urn", "upn", "date", "session", "code");

    private final Agreements agreements;
    private final UploadStore uploads;
    private final ShareQuery query;
    private final DeliveryStore deliveries;
    private final AuditLog audit;
    private final HubProperties settings;
    private final java.time.Clock clock;
    private final HttpsDelivery https;

    ShareRun(Agreements agreements, ShareQuery query, DeliveryStore deliveries, AuditLog audit,
             HubProperties settings, java.time.Clock clock, UploadStore uploads, HttpsDelivery https) {
        this.https = https;
        this.uploads = uploads;
        this.agreements = agreements;
        this.query = query;
        this.deliveries = deliveries;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Builds and delivers {@code agreementName}'s extract as of {@code day}; a file delivered already is not sent. */
    public ShareReport share(String agreementName, LocalDate day, Path out, String actor) {
        return share(agreementName, day, out, actor, false);
    }

    /**
     * Builds {@code agreementName}'s extract as of {@code day} and delivers it: into {@code out} for a folder
     * delivery, to the recipient for an HTTPS one. Each file is logged once delivered; a file of the day delivered
     * already is sent again only when {@code resend} (the LA's resend of a day), and logged as a resend.
     */
    public ShareReport share(String agreementName, LocalDate day, Path out, String actor, boolean resend) {
        Agreement agreement = agreements.named(agreementName);
        List<String> notes = new ArrayList<>();
        Map<String, Csv> files = agreement.name().equals(DFE) ? dfeDaily(agreement, day, notes)
                : Map.of(agreement.name() + "/" + day + "/" + agreement.name() + ".csv", flat(agreement, day));
        List<ShareReport.File> written = new ArrayList<>();
        for (Map.Entry<String, Csv> f : files.entrySet()) {
            String path = f.getKey();
            String hash = RequestSignature.sha256Hex(f.getValue().content());
            int rows = f.getValue().rows();
            boolean already = query.delivered(agreement.name(), day, path);
            if (already && !resend) {
                written.add(new ShareReport.File(path, rows, hash, true, false, null));
                continue;
            }
            boolean acknowledged = agreement.deliversOverHttps();
            try {
                if (acknowledged) {
                    https.deliver(agreement.delivery(), path, f.getValue().content(), hash, settings.la() + "/"
                            + path + (already ? "/resend-" + (deliveries.resends(agreement.name(), day, path) + 1)
                            : ""));
                } else {
                    write(out.resolve(path), f.getValue().content());
                }
            } catch (HttpsDelivery.Failed e) {
                written.add(new ShareReport.File(path, rows, hash, false, false, e.getMessage()));
                audit.record(actor, null, AuditAction.SHARING_DELIVERY, agreement.name(), "not delivered " + path,
                        e.getMessage(), "failed");
                continue;
            }
            deliveries.log(agreement.name(), day, path, hash, rows, acknowledged, already);
            audit.record(actor, null, AuditAction.SHARING_DELIVERY, agreement.name(), (already ? "resent "
                    : "delivered ") + path, rows + " rows, sha256 " + hash, "ok");
            written.add(new ShareReport.File(path, rows, hash, false, acknowledged, null));
        }
        return new ShareReport(agreement.name(), day, written, notes);
    }

    /** Records the recipient's acknowledgement of a day's folder delivery; how many files it covered. */
    public int acknowledge(String agreementName, LocalDate day, String actor) {
        Agreement agreement = agreements.named(agreementName);
        int files = deliveries.acknowledge(agreement.name(), day);
        if (files > 0) {
            audit.record(actor, null, AuditAction.SHARING_ACKNOWLEDGED, agreement.name(), "acknowledged " + day,
                    files + " files", "ok");
        }
        return files;
    }

    /** Per school: pupils.csv and sessions.csv, or nothing for a school opted out. */
    private Map<String, Csv> dfeDaily(Agreement agreement, LocalDate day, List<String> notes) {
        Map<String, List<SharedPupil>> bySchool = new LinkedHashMap<>();
        Map<String, OptOut> optOuts = query.optOuts(agreement.name(), day);
        for (SharedPupil p : query.onRoll(day)) {
            if (agreement.inCohort(p.ncYear(), p.dob(), day) && !optedOut(optOuts.get(p.upn()))) {
                bySchool.computeIfAbsent(p.laestab(), k -> new ArrayList<>()).add(p);
            }
        }
        Map<String, Csv> files = new LinkedHashMap<>();
        for (Map.Entry<String, List<SharedPupil>> school : bySchool.entrySet()) {
            String laestab = school.getKey();
            if (query.schoolOptedOut(laestab, agreement.name(), day)) {
                notes.add("school " + laestab + " has opted out: no file");
                continue;
            }
            String urn = urn(laestab, notes);
            List<List<String>> pupils = new ArrayList<>();
            Map<Long, String> upns = new HashMap<>();
            for (SharedPupil p : school.getValue()) {
                upns.put(p.personId(), p.upn());
                Map<SharedItem, String> v = values(p, urn);
                pupils.add(DFE_PUPILS.stream().map(c -> v.get(SharedItem.named(c).orElseThrow())).toList());
            }
            String dir = DFE + "/" + day + "/" + urn + "/";
            files.put(dir + "pupils.csv", csv(DFE_PUPILS, pupils));
            files.put(dir + "sessions.csv", csv(DFE_SESSIONS, sessions(laestab, urn, day, upns)));
        }
        return files;
    }

    /** Every mark of the day, then every earlier mark changed within the last 7 days, as stored now. */
    private List<List<String>> sessions(String laestab, String urn, LocalDate day, Map<Long, String> upns) {
        List<List<String>> rows = new ArrayList<>();
        Map<Integer, Map<Long, String>> years = new HashMap<>();
        for (Map.Entry<Long, String> pupil : upns.entrySet()) {
            for (Session s : Session.values()) {
                mark(laestab, years, pupil.getKey(), day, s).ifPresent(code ->
                        rows.add(List.of(urn, pupil.getValue(), day.toString(), s.name(), code)));
            }
        }
        rows.sort(java.util.Comparator.comparing((List<String> r) -> r.get(1)).thenComparing(r -> r.get(3)));
        for (ShareQuery.ChangedSession c : query.changedWithinAWeek(laestab, day)) {
            String upn = upns.get(c.personId());
            Session s = Session.valueOf(c.session());
            if (upn != null) {
                mark(laestab, years, c.personId(), c.day(), s).ifPresent(code ->
                        rows.add(List.of(urn, upn, c.day().toString(), s.name(), code)));
            }
        }
        return rows;
    }

    private Optional<String> mark(String laestab, Map<Integer, Map<Long, String>> years, long person, LocalDate day,
                                  Session session) {
        String marks = years.computeIfAbsent(YearMarks.academicYear(day), y -> query.marks(laestab, y)).get(person);
        int at = YearMarks.position(day, session);
        return marks == null || at >= marks.length() ? Optional.empty() : YearMarks.code(marks.charAt(at));
    }

    /** One file for the LA: the agreement's items, in its order, for its cohort. */
    private Csv flat(Agreement agreement, LocalDate day) {
        List<String> header = agreement.items().stream().filter(i -> i != SharedItem.SESSIONS)
                .map(SharedItem::column).toList();
        Map<String, OptOut> optOuts = query.optOuts(agreement.name(), day);
        Map<String, String> urns = new HashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (SharedPupil p : query.onRoll(day)) {
            OptOut o = optOuts.get(p.upn());
            if (!agreement.inCohort(p.ncYear(), p.dob(), day) || optedOut(o)) {
                continue;
            }
            boolean restricted = restricted(o, p.dob(), day);
            Map<SharedItem, String> v = values(p, header.contains("urn")
                    ? urns.computeIfAbsent(p.laestab(), s -> urn(s, new ArrayList<>())) : null);
            rows.add(header.stream().map(c -> SharedItem.named(c).orElseThrow())
                    .map(i -> restricted && !SharedItem.NAME_ADDRESS_DOB.contains(i) ? null : v.get(i)).toList());
        }
        return csv(header, rows);
    }

    private static boolean optedOut(OptOut o) {
        return o != null && o.restriction().equals("none");
    }

    /**
     * A name-address-dob restriction narrows the items; a parent's lapses on the pupil's 16th birthday, when the
     * right passes to the pupil, without anyone acting.
     */
    static boolean restricted(OptOut o, LocalDate dob, LocalDate day) {
        if (o == null || !o.restriction().equals("name-address-dob")) {
            return false;
        }
        return !o.requestedBy().equals("parent") || dob == null || dob.plusYears(16).isAfter(day);
    }

    private Map<SharedItem, String> values(SharedPupil p, String urn) {
        Map<SharedItem, String> v = new HashMap<>();
        v.put(SharedItem.URN, urn);
        v.put(SharedItem.LA_CODE, settings.la());
        v.put(SharedItem.UPN, p.upn());
        v.put(SharedItem.FORENAME, p.forename());
        v.put(SharedItem.SURNAME, p.surname());
        v.put(SharedItem.DOB, p.dob() == null ? null : p.dob().toString());
        v.put(SharedItem.GENDER, p.sex());
        v.put(SharedItem.ETHNICITY, p.ethnicity());
        v.put(SharedItem.LOOKED_AFTER, flag(p.lookedAfter()));
        v.put(SharedItem.PREVIOUSLY_LOOKED_AFTER, null); // the CTF does not carry it (docs/sharing.md)
        v.put(SharedItem.SEN_SUPPORT, flag("K".equals(p.senProvision())));
        v.put(SharedItem.EHC_PLAN, flag("E".equals(p.senProvision())));
        v.put(SharedItem.FSM, flag(p.fsm()));
        v.put(SharedItem.NC_YEAR, p.ncYear());
        v.put(SharedItem.ADDRESS, p.address());
        v.put(SharedItem.POSTCODE, p.postcode());
        v.put(SharedItem.SCHOOL, p.laestab());
        v.put(SharedItem.FIRST_LANGUAGE, p.firstLanguage());
        v.put(SharedItem.EAL, flag(FirstLanguage.eal(p.firstLanguage())));
        v.put(SharedItem.EXCLUSIONS, Integer.toString(p.exclusions()));
        v.put(SharedItem.EYFS, null); // EYFS outcomes are not read from the CTF yet (docs/sharing.md)
        return v;
    }

    private static String flag(Boolean b) {
        return b == null ? "" : b ? "Y" : "N";
    }

    /** The URN the school's latest CTF names as its source; its LAESTAB when no CTF names one. */
    private String urn(String laestab, List<String> notes) {
        Optional<String> urn = query.latestCtf(laestab).flatMap(this::sourceUrn);
        if (urn.isEmpty()) {
            notes.add("school " + laestab + ": no URN in its CTF, its LAESTAB is used");
        }
        return urn.orElse(laestab);
    }

    /** The URN in the header of a stored CTF (kept encrypted: read through the upload store). */
    private Optional<String> sourceUrn(String storedPath) {
        Path file = Path.of(storedPath);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        final class HeaderRead extends RuntimeException {
            final transient CtfHeader header;

            HeaderRead(CtfHeader header) {
                super(null, null, false, false);
                this.header = header;
            }
        }
        try {
            CtfHeader h = CtfReader.read(uploads.source(file), file.getFileName().toString(), new CtfVisitor() {
                @Override
                public void header(CtfHeader header) {
                    throw new HeaderRead(header); // the header is all that is needed
                }

                @Override
                public void pupil(Pupil pupil, PupilPosition where) {
                }
            });
            return Optional.ofNullable(h).map(CtfHeader::sourceUrn).filter(u -> !u.isBlank()).map(String::strip);
        } catch (HeaderRead read) {
            return Optional.ofNullable(read.header.sourceUrn()).filter(u -> !u.isBlank()).map(String::strip);
        } catch (CtfReadException e) {
            return Optional.empty();
        }
    }

    /** A CSV file's bytes and its number of records. */
    private record Csv(byte[] content, int rows) {
    }

    private static Csv csv(List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).setNullString("").get())) {
            for (List<String> row : rows) {
                // An absent value is written bare (a null), never as "" even first on its line.
                printer.printRecord(row.stream().map(v -> v == null || v.isEmpty() ? null : v).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Csv(bytes.toByteArray(), rows.size());
    }

    private static void write(Path target, byte[] content) {
        try {
            Files.createDirectories(target.getParent());
            Path part = target.resolveSibling(target.getFileName() + ".part");
            Files.write(part, content);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("The extract could not be written to " + target, e);
        }
    }

}
