package org.rollbridge.hub.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/** Reading a page's tables as a person sees them, to compare them with what the hub gives out. */
public final class PageTables {

    private static final Pattern TABLE = Pattern.compile("<table[^>]*>(.*?)</table>", Pattern.DOTALL);
    private static final Pattern CAPTION = Pattern.compile("<caption[^>]*>(.*?)</caption>", Pattern.DOTALL);
    private static final Pattern BODY_ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<t([dh])([^>]*)>(.*?)</t[dh]>", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private PageTables() {
    }

    /** A table row of a page, its whitespace collapsed. */
    public static String row(String page, String id) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as("row " + id).isNotNegative();
        return page.substring(at, page.indexOf("</tr>", at)).replaceAll("\\s+", " ");
    }

    /** The numbers of a row's cells, in order. */
    public static List<String> cells(String page, String id) {
        return Pattern.compile(">([^<>]+)</t[dh]>").matcher(row(page, id).replaceAll("<a [^>]*>([^<]*)</a>", "$1"))
                .results()
                .map(m -> m.group(1).strip()).toList();
    }

    /**
     * The body rows of each table of a page, by caption, each cell's text as shown (tags dropped, entities read,
     * whitespace collapsed); a row spanning the table ("None yet.") is a message, not a row.
     */
    public static Map<String, List<List<String>>> byCaption(String page) {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        Matcher table = TABLE.matcher(page);
        while (table.find()) {
            String html = table.group(1);
            Matcher caption = CAPTION.matcher(html);
            String name = caption.find() ? text(caption.group(1)) : "";
            int body = html.indexOf("<tbody");
            List<List<String>> rows = new ArrayList<>();
            Matcher row = BODY_ROW.matcher(body < 0 ? "" : html.substring(body));
            while (row.find()) {
                if (row.group(1).contains("colspan")) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                CELL.matcher(row.group(1)).results().forEach(c -> cells.add(text(c.group(3))));
                rows.add(cells);
            }
            tables.put(name, rows);
        }
        return tables;
    }

    /** A figure as a number where it is one (so 20.0 on a page and 20 in a spreadsheet agree), else the text. */
    public static String figure(String cell) {
        return NUMBER.matcher(cell).matches() ? new BigDecimal(cell).stripTrailingZeros().toPlainString() : cell;
    }

    public static List<List<String>> figures(List<List<String>> rows) {
        return rows.stream().map(r -> r.stream().map(PageTables::figure).toList()).toList();
    }

    private static String text(String html) {
        return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ").strip();
    }
}
