package org.rollbridge.agent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;

/**
 * Writes that survive a crash or power cut at any moment: the new content goes to a temporary file in the same
 * folder, is synced, then renamed over the old one in one step, and the folder is synced. A reader sees the old
 * file or the new one, never half of one.
 */
public final class DurableFiles {

    private DurableFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, false);
    }

    /** As {@link #write(Path, byte[])}, readable and writable by the owner only (for the credential). */
    public static void writePrivate(Path target, byte[] content) throws IOException {
        write(target, content, true);
    }

    private static void write(Path target, byte[] content, boolean ownerOnly) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                if (ownerOnly) {
                    ownerOnly(temp);
                }
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    /** Renames in one step; the target is replaced if present. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The file system of " + to.getParent() + " cannot rename files in one step; "
                    + "put the agent's home on a local disk", e);
        }
    }

    /** Makes a rename or delete in the folder durable; not possible (nor needed) on Windows. */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself.
        }
    }

    /** rw------- on POSIX file systems; on Windows an ACL granting the owner alone full control. */
    public static void ownerOnly(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString(Files.isDirectory(file) ? "rwx------" : "rw-------"));
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl == null) {
            throw new IOException("Cannot restrict " + file + " to its owner on this file system; "
                    + "put the agent's home on a local NTFS or POSIX disk");
        }
        UserPrincipal owner = acl.getOwner();
        acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
    }
}
