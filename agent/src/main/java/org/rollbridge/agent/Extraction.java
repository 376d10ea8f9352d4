package org.rollbridge.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rollbridge.core.ctf.CtfHeader;
import org.rollbridge.core.ctf.CtfReadException;
import org.rollbridge.core.ctf.CtfReader;
import org.rollbridge.core.signing.RequestSignature;

/**
 * Turns one export from the drop folder into at most one batch: a CTF whole (the full roll); of an attendance
 * CSV, the marks dated within the resend window that are new or changed since what the hub acknowledged; of an
 * exclusions CSV, the rows new or changed. The batch id is derived from the export and the batch's content, so
 * making the same batch again after a crash gives the same id and the hub treats it as one batch.
 */
public final class Extraction {

    private final String school;
    private final int resendDays;

    public Extraction(String school, int resendDays) {
        this.school = school;
        this.resendDays = resendDays;
    }

    /** What an export yields: the validation summary, and the batch content when there is something to send. */
    public record Result(Feed feed, ValidationSummary summary, String batchId, byte[] content, int batchRecords) {
        public boolean hasBatch() {
            return content != null;
        }
    }

    public Result extract(Path file, Feed feed, Ledgers ledgers, List<OutboxBatch> pending) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        String at = Instant.now().toString();
        String fileSha = RequestSignature.sha256Hex(bytes);
        if (feed == Feed.CTF) {
            return ctf(file, name, at, bytes, fileSha);
        }
        CsvExport export = CsvExport.read(feed, name, bytes, school, at);
        if (!export.summary().usable()) {
            return new Result(feed, export.summary(), null, null, 0);
        }
        RowLedger known = ledgers.known(feed, pending);
        int windowStart = Integer.MIN_VALUE;
        if (feed == Feed.ATTENDANCE) {
            // The window ends at the newest day in the export (the MIS's "today"), not this computer's clock.
            int newest = export.rows().stream().mapToInt(CsvExport.Row::day).max().orElse(0);
            windowStart = newest - resendDays + 1;
        }
        List<CsvExport.Row> delta = new ArrayList<>();
        for (CsvExport.Row r : export.rows()) {
            if (r.day() >= windowStart && !known.known(r.key(), r.value())) {
                delta.add(r);
            }
        }
        if (delta.isEmpty()) {
            return new Result(feed, export.summary(), null, null, 0);
        }
        byte[] content = export.write(delta);
        String id = feed.id() + "-" + fileSha.substring(0, 16) + "-"
                + RequestSignature.sha256Hex(content).substring(0, 16);
        return new Result(feed, export.summary(), id, content, delta.size());
    }

    private Result ctf(Path file, String name, String at, byte[] bytes, String fileSha) {
        int[] pupils = {0};
        try {
            CtfHeader header = CtfReader.read(new java.io.ByteArrayInputStream(bytes), name, (p, where) -> pupils[0]++);
            String source = header == null || header.sourceLea() == null || header.sourceEstab() == null ? null
                    : header.sourceLea().strip() + header.sourceEstab().strip();
            if (source != null && !source.isBlank() && !source.equals(school)) {
                return new Result(Feed.CTF, new ValidationSummary(name, "ctf", at, pupils[0], 0, 0, 0,
                        java.util.Map.of("CTF-SCHOOL", 1), "the CTF's source school is " + source + ", not "
                        + school + "; check the export settings in the MIS"), null, null, 0);
            }
        } catch (CtfReadException e) {
            return new Result(Feed.CTF, new ValidationSummary(name, "ctf", at, pupils[0], 0, 0, 0,
                    java.util.Map.of("CTF-FILE", 1), "the CTF cannot be read (" + e.kind() + " at line " + e.line()
                    + "); export it again from the MIS"), null, null, 0);
        }
        return new Result(Feed.CTF, new ValidationSummary(name, "ctf", at, pupils[0], pupils[0], 0, 0,
                java.util.Map.of(), null), "ctf-" + fileSha.substring(0, 32), bytes, pupils[0]);
    }

}
