package org.rollbridge.hub.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.util.List;
import org.apache.poi.poifs.crypt.CipherAlgorithm;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.crypt.HashAlgorithm;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A pupil-level export as the agreement allows it: an XLSX encrypted with a password (agile encryption, AES-256,
 * SHA-512), its first lines saying who exported it, when, for what and under which agreement. Every cell is a text
 * cell in the text format, so a value beginning {@code =}, {@code +}, {@code -} or {@code @} is never read as a
 * formula.
 */
final class PupilWorkbook {

    private PupilWorkbook() {
    }

    static byte[] encrypted(List<List<String>> preamble, List<String> header, List<List<String>> rows,
                            String password) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Export");
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            int at = 0;
            for (List<String> line : preamble) {
                write(sheet.createRow(at++), line, text);
            }
            at++;
            write(sheet.createRow(at++), header, text);
            for (List<String> row : rows) {
                write(sheet.createRow(at++), row, text);
            }
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile, CipherAlgorithm.aes256,
                    HashAlgorithm.sha512, -1, -1, null);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                try (OutputStream data = encryptor.getDataStream(fs)) {
                    workbook.write(data);
                }
                fs.writeFilesystem(file);
            }
            return file.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the export could not be encrypted", e);
        }
    }

    private static void write(Row row, List<String> cells, CellStyle text) {
        for (int i = 0; i < cells.size(); i++) {
            var cell = row.createCell(i);
            cell.setCellStyle(text);
            cell.setCellValue(cells.get(i) == null ? "" : cells.get(i));
        }
    }
}
