package org.rollbridge.hub.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

class AggregateTableTest {

    final AggregateTable table = new AggregateTable("schools", "By school", List.of("School", "Pupils", "Absence %"),
            List.of(List.of("=HYPERLINK(\"http://x\")", "c", "-"), List.of("9262001", "12", "-1.5")));

    @Test
    void aCsvCellASpreadsheetWouldTakeForAFormulaIsNeutralised() {
        String csv = new String(table.csv(), StandardCharsets.UTF_8);

        assertThat(csv).isEqualTo("School,Pupils,Absence %\r\n\"'=HYPERLINK(\"\"http://x\"\")\",c,-\r\n"
                + "9262001,12,-1.5\r\n");
    }

    @Test
    void anXlsxHoldsNumbersAsNumbersAndEverythingElseAsTextNeverAFormula() throws Exception {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(table.xlsx("LA overview")))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("By school");
            Row hostile = sheet.getRow(5);
            assertThat(hostile.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(hostile.getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
            assertThat(hostile.getCell(1).getStringCellValue()).isEqualTo("c");
            Row school = sheet.getRow(6);
            assertThat(school.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(school.getCell(1).getNumericCellValue()).isEqualTo(12.0);
            assertThat(school.getCell(2).getNumericCellValue()).isEqualTo(-1.5);
        }
    }
}
