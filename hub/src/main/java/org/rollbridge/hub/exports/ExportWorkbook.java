package org.rollbridge.hub.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.regex.Pattern;
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
 * The XLSX files the hub gives out: one sheet, some lines saying what it is, a header and the rows. Pupil-level
 * and planning exports are encrypted with a password (agile encryption, AES-256, SHA-512) as the agreement asks,
 * and every cell is a text cell in the text format, so a value beginning {@code =}, {@code +}, {@code -} or
 * {@code @} is never read as a formula. An aggregate table is not encrypted, and its plain numbers are numbers so
 * that an analyst can add them up; everything else in it is text too.
 */
final class ExportWorkbook {

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");

    private ExportWorkbook() {
    }

    static byte[] encrypted(List<List<String>> preamble, List<String> header, List<List<String>> rows,
                            String password) {
        try (XSSFWorkbook workbook = workbook(preamble, header, rows, false)) {
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

    static byte[] plain(List<List<String>> preamble, List<String> header, List<List<String>> rows) {
        try (XSSFWorkbook workbook = workbook(preamble, header, rows, true)) {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            workbook.write(file);
            return file.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XSSFWorkbook workbook(List<List<String>> preamble, List<String> header, List<List<String>> rows,
                                         boolean numbers) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Export");
        CellStyle text = workbook.createCellStyle();
        text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        int at = 0;
        for (List<String> line : preamble) {
            write(sheet.createRow(at++), line, text, false);
        }
        at++;
        write(sheet.createRow(at++), header, text, false);
        for (List<String> row : rows) {
            write(sheet.createRow(at++), row, text, numbers);
        }
        return workbook;
    }

    private static void write(Row row, List<String> cells, CellStyle text, boolean numbers) {
        for (int i = 0; i < cells.size(); i++) {
            var cell = row.createCell(i);
            String value = cells.get(i) == null ? "" : cells.get(i);
            if (numbers && NUMBER.matcher(value).matches()) {
                cell.setCellValue(Double.parseDouble(value));
            } else {
                cell.setCellStyle(text);
                cell.setCellValue(value);
            }
        }
    }
}
