package org.rollbridge.hub.ingest;

import org.rollbridge.core.text.FileSource;
import java.time.Clock;
import java.time.LocalDate;
import org.rollbridge.core.validation.RecordScreen;
import org.rollbridge.core.validation.RuleSettings;
import org.rollbridge.hub.HubProperties;
import org.springframework.stereotype.Component;

/**
 * The validation rule catalogue as the LA configured it (ROLLBRIDGE_RULES_FILE, the same file
 * {@code rollbridge validate --rules} reads), applied to each batch as it is staged: a batch gets exactly the
 * findings the school's own check would give, plus the check that the file is the sending school's.
 */
@Component
public class BatchValidation {

    private final RuleSettings rules;
    private final Clock clock;

    private final UploadStore uploads;

    public BatchValidation(HubProperties settings, Clock clock, UploadStore uploads) {
        this.uploads = uploads;
        this.rules = settings.rulesFile() == null ? RuleSettings.defaults() : RuleSettings.load(settings.rulesFile());
        this.clock = clock;
    }

    public RuleSettings rules() {
        return rules;
    }

    /** Validation for one batch: its file must come from the batch's school. */
    public RecordScreen screen(Batch batch) {
        return new RecordScreen(rules, LocalDate.now(clock), batch.laestab());
    }

    /** The batch's stored file, decrypted as core's readers read it. */
    public FileSource stored(Batch batch) {
        return uploads.source(batch.storedPath());
    }

    /** How reports name a batch's file: the sender's own batch id, which the school knows. */
    public static String displayPath(Batch batch) {
        return batch.clientBatchId();
    }
}
