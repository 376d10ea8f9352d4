package org.rollbridge.core.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a file's bytes come from when they are not simply a path's: the hub keeps uploads encrypted, and its
 * readers open them through the upload store. Each {@link #open} gives a new stream, which the caller closes.
 */
@FunctionalInterface
public interface FileSource {

    InputStream open() throws IOException;

    static FileSource of(Path file) {
        return () -> Files.newInputStream(file);
    }
}
