package org.rollbridge.core.ctf;

/**
 * Where a pupil is in its file: its position among the file's pupils (from 1), and the line and column at the end
 * of its {@code <Pupil>} start tag (where the XML parser stands when it has read the tag).
 */
public record PupilPosition(int index, int line, int column) {
}
