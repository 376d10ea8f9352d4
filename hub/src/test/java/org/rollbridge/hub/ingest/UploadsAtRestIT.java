package org.rollbridge.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rollbridge.hub.testing.CtfFixture.contact;
import static org.rollbridge.hub.testing.CtfFixture.upn;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rollbridge.core.ctf.CtfReader;
import org.rollbridge.core.ctf.CtfVisitor;
import org.rollbridge.core.ctf.PupilPosition;
import org.rollbridge.core.pupil.Contact;
import org.rollbridge.core.pupil.Pupil;
import org.rollbridge.hub.UploadSettings;
import org.rollbridge.hub.testing.AttendanceCsv;
import org.rollbridge.hub.testing.CtfFixture;
import org.rollbridge.hub.testing.HubTest;
import org.rollbridge.hub.testing.RunningHub;
import org.rollbridge.hub.testing.School;

/**
 * What the upload store keeps is minimal and unreadable without the key: no contact the LA may not hold, encrypted,
 * the hub's user's alone, and gone once its keeping period after the merge is over.
 */
@HubTest
class UploadsAtRestIT {

    static RunningHub hub;

    private static Path stored(String batchId) {
        return Path.of(hub.db().sql("select stored_path from batches where client_batch_id = ?").param(batchId)
                .query(String.class).single());
    }

    private static List<Contact> contactsIn(Path file) throws Exception {
        List<Contact> contacts = new ArrayList<>();
        CtfReader.read(hub.bean(UploadStore.class).source(file), file.getFileName().toString(), new CtfVisitor() {
            @Override
            public void pupil(Pupil pupil, PupilPosition where) {
                contacts.addAll(pupil.contacts());
            }
        });
        return contacts;
    }

    private static School schoolWithContacts(String laestab, String batchId) throws Exception {
        School school = hub.school(laestab);
        school.completed(batchId, CtfFixture.partial(laestab).add(CtfFixture.pupil(upn(laestab, 1), "Pat", "Pupil",
                List.of(contact("Keptparent", true, false), contact("Nonparent", false, false),
                        contact("Courtordered", true, true), contact("Unstated", null, null)))));
        return school;
    }

    @Test
    void noStoredUploadHoldsAContactTheLaMayNotHold() throws Exception {
        schoolWithContacts("9265201", "contacts-1");
        Path kept = stored("contacts-1");
        assertThat(contactsIn(kept)).extracting(Contact::surname).containsExactly("Keptparent");

        List<Path> ctfs = hub.db().sql("select stored_path from batches where kind = 'ctf' and upload_erased_at is null")
                .query(String.class).list().stream().map(Path::of).toList();
        assertThat(ctfs).isNotEmpty();
        for (Path ctf : ctfs) {
            try {
                assertThat(contactsIn(ctf)).as(ctf.toString()).allMatch(Contact::mayBeStored);
            } catch (org.rollbridge.core.ctf.CtfReadException unreadable) {
                // Kept as it came, since nothing could be read of it: its batch is refused whole.
                assertThat(hub.db().sql("select status from batches where stored_path = ?").param(ctf.toString())
                        .query(String.class).single()).as(ctf.toString()).isEqualTo("refused");
            }
        }
    }

    @Test
    void aStoredUploadIsUnreadableWithoutTheKeyAndTheHubsUsersAlone() throws Exception {
        schoolWithContacts("9265202", "secret-1");
        Path kept = stored("secret-1");
        byte[] bytes = Files.readAllBytes(kept);

        assertThat(Files.getPosixFilePermissions(kept)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("Keptparent", "Pupil", "CTfile",
                upn("9265202", 1));
        UploadStore otherKey = new UploadStore(new UploadSettings(kept.getParent(), 1 << 20,
                "other:" + java.util.Base64.getEncoder().encodeToString(new byte[32]), null, 30, 200, 1L << 31, 120));
        assertThatThrownBy(() -> otherKey.open(kept).readAllBytes()).isInstanceOf(UploadCipher.Unreadable.class)
                .hasMessageContaining("not in the hub's key ring");
        UploadStore sameIdWrongKey = new UploadStore(new UploadSettings(kept.getParent(), 1 << 20,
                "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]), null, 30, 200, 1L << 31, 120));
        assertThatThrownBy(() -> sameIdWrongKey.open(kept).readAllBytes())
                .isInstanceOf(UploadCipher.Unreadable.class).hasMessageContaining("could not be decrypted");
        try (InputStream in = hub.bean(UploadStore.class).open(kept)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("Keptparent");
        }
    }

    @Test
    void aMergedBatchsUploadIsDeletedAfterItsKeepingPeriodAndItsReportStays() throws Exception {
        School school = hub.school("9265203");
        school.completed("old-1", new AttendanceCsv().mark(school.laestab(), upn(school.laestab(), 1),
                java.time.LocalDate.of(2025, 9, 8), "AM", "/"));
        school.completed("new-1", new AttendanceCsv().mark(school.laestab(), upn(school.laestab(), 1),
                java.time.LocalDate.of(2025, 9, 9), "AM", "/"));
        Path old = stored("old-1");
        Path recent = stored("new-1");
        hub.db().sql("update batches set completed_at = now() - interval '31 days' where client_batch_id = 'old-1'")
                .update();

        hub.bean(UploadExpiry.class).run();

        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        UUID id = hub.db().sql("select id from batches where client_batch_id = 'old-1'").query(UUID.class).single();
        assertThat(hub.db().sql("select upload_erased_at is not null and content_sha256 is not null and report is not null "
                + "from batches where id = ?").param(id).query(Boolean.class).single()).isTrue();
        assertThat(hub.bean(UploadExpiry.class).run()).isZero();
    }
    /** A store of its own, with a small size limit, so that what it files can be looked at file by file. */
    private static UploadStore storeOfItsOwn(long maxBytes) throws Exception {
        return new UploadStore(new UploadSettings(Files.createTempDirectory("uploads-at-rest"), maxBytes,
                "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]), null, 30, 200, 1L << 31, 120));
    }

    private static byte[] ctfWithContacts(String laestab) throws Exception {
        return CtfFixture.partial(laestab).add(CtfFixture.pupil(upn(laestab, 1), "Pat", "Pupil",
                List.of(contact("Keptparent", true, false), contact("Nonparent", false, false)))).bytes();
    }

    private static String sha256(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(UploadStore.sha256().digest(bytes));
    }

    private static List<Path> incoming(Path anyReceived) throws Exception {
        try (var files = Files.list(anyReceived.getParent())) {
            return files.toList();
        }
    }

    @Test
    void aCtfIsFilteredAsItArrivesAndItsHashIsOfTheFileAsReceived() throws Exception {
        UploadStore store = storeOfItsOwn(1 << 20);
        byte[] sent = ctfWithContacts("9265204");

        UploadStore.Received received = store.receive(new java.io.ByteArrayInputStream(sent), BatchKind.CTF);

        assertThat(received.sha256()).isEqualTo(sha256(sent));
        assertThat(received.size()).isEqualTo(sent.length);
        try (InputStream in = store.open(received.file())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("Keptparent")
                    .doesNotContain("Nonparent");
        }
        assertThat(incoming(received.file())).containsExactly(received.file());
    }

    @Test
    void aCtfThatIsNotReadableXmlIsKeptExactlyAsReceived() throws Exception {
        UploadStore store = storeOfItsOwn(1 << 20);
        byte[] full = ctfWithContacts("9265205");
        byte[] cutOff = java.util.Arrays.copyOf(full, full.length / 2);
        byte[] hostile = "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><CTfile>&e;</CTfile>"
                .getBytes(StandardCharsets.UTF_8);

        for (byte[] sent : List.of(cutOff, hostile)) {
            UploadStore.Received received = store.receive(new java.io.ByteArrayInputStream(sent), BatchKind.CTF);
            try (InputStream in = store.open(received.file())) {
                assertThat(in.readAllBytes()).isEqualTo(sent);
            }
            assertThat(received.sha256()).isEqualTo(sha256(sent));
            assertThat(incoming(received.file())).containsExactly(received.file());
            store.discard(received);
        }
    }

    @Test
    void anUploadCutOffOrTooLargeIsRefusedAsTheUploadsFaultNotKeptAsAnUnreadableFile() throws Exception {
        byte[] sent = ctfWithContacts("9265206");
        UploadStore store = storeOfItsOwn(sent.length - 1);
        Path dir = Files.createTempDirectory("uploads-at-rest");
        UploadStore roomy = new UploadStore(new UploadSettings(dir, 1 << 20,
                "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]), null, 30, 200, 1L << 31, 120));
        InputStream brokenOff = new java.io.SequenceInputStream(
                new java.io.ByteArrayInputStream(sent, 0, sent.length / 2), new InputStream() {
                    @Override
                    public int read() throws java.io.IOException {
                        throw new java.io.IOException("the connection was reset");
                    }
                });

        assertThatThrownBy(() -> store.receive(new java.io.ByteArrayInputStream(sent), BatchKind.CTF))
                .isInstanceOf(UploadStore.TooLarge.class);
        assertThatThrownBy(() -> roomy.receive(brokenOff, BatchKind.CTF))
                .isExactlyInstanceOf(java.io.IOException.class).hasMessage("the connection was reset");
        try (var left = Files.walk(dir)) {
            assertThat(left.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("upload.keys")))
                    .isEmpty();
        }
    }
}
