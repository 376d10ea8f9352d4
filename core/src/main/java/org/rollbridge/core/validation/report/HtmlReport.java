package org.rollbridge.core.validation.report;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.rollbridge.core.validation.FileReport;
import org.rollbridge.core.validation.Finding;
import org.rollbridge.core.validation.Outcome;
import org.rollbridge.core.validation.Rule;
import org.rollbridge.core.validation.Severity;
import org.rollbridge.core.validation.ValidationReport;

/**
 * The report a school receives: one self-contained page in the look of the GOV.UK Design System (inline styles
 * modelled on GOV.UK Frontend's typography, panels, tags and tables; no external requests), readable on a phone.
 * It says whether each file was accepted, held back in part or refused, then lists findings by rule and pupil,
 * naming each pupil as the school knows them. Every value from a file is HTML-escaped.
 */
public final class HtmlReport implements ReportRenderer {

    static final String STYLE = """
            *{box-sizing:border-box}
            body{margin:0;font-family:arial,sans-serif;color:#0b0c0c;background:#fff;font-size:16px;line-height:1.25;
              -webkit-font-smoothing:antialiased}
            @media(min-width:641px){body{font-size:19px;line-height:1.32}}
            .govuk-header{background:#0b0c0c;border-bottom:10px solid #1d70b8;color:#fff;padding:10px 0}
            .govuk-header__logotype{font-weight:700;font-size:24px;line-height:1;letter-spacing:.02em}
            .govuk-width-container{max-width:960px;margin:0 15px}
            @media(min-width:641px){.govuk-width-container{margin:0 30px}}
            @media(min-width:1020px){.govuk-width-container{margin:0 auto}}
            .govuk-main-wrapper{padding:20px 0 40px}
            .govuk-heading-xl{font-size:32px;font-weight:700;line-height:1.09;margin:0 0 30px}
            .govuk-heading-l{font-size:24px;font-weight:700;margin:40px 0 20px}
            .govuk-heading-m{font-size:18px;font-weight:700;margin:30px 0 15px}
            @media(min-width:641px){.govuk-heading-xl{font-size:48px;margin-bottom:50px}
              .govuk-heading-l{font-size:36px}.govuk-heading-m{font-size:24px}}
            .govuk-body{margin:0 0 15px}
            .govuk-caption{color:#505a5f;display:block;margin-bottom:5px}
            .govuk-panel{padding:25px;margin-bottom:15px;text-align:center;color:#fff}
            .govuk-panel__title{font-size:32px;font-weight:700;margin:0 0 15px}
            .govuk-panel--accepted{background:#00703c}.govuk-panel--held{background:#b58840;color:#0b0c0c}
            .govuk-panel--refused{background:#d4351c}
            .govuk-tag{display:inline-block;padding:2px 8px 3px;font-weight:400;font-size:16px;line-height:1.25;
              white-space:nowrap}
            .govuk-tag--red{color:#2a0b06;background:#f4cdc6}.govuk-tag--yellow{color:#594d00;background:#fff7bf}
            .govuk-tag--green{color:#005a30;background:#cce2d8}
            .govuk-summary-list{margin:0 0 20px;width:100%}
            .govuk-summary-list__row{border-bottom:1px solid #b1b4b6;display:flex;flex-wrap:wrap;padding:10px 0}
            .govuk-summary-list__key{font-weight:700;width:40%}.govuk-summary-list__value{width:60%}
            .govuk-inset-text{padding:15px;margin:15px 0;border-left:10px solid #b1b4b6}
            .govuk-table{width:100%;border-collapse:collapse;border-spacing:0;margin-bottom:30px}
            .govuk-table__header,.govuk-table__cell{padding:10px 20px 10px 0;border-bottom:1px solid #b1b4b6;
              text-align:left;vertical-align:top;overflow-wrap:anywhere}
            .govuk-table__header{font-weight:700}
            code{font-family:monospace;background:#f3f2f1;padding:0 3px}
            .rollbridge-table-scroll{overflow-x:auto;max-width:100%}
            .rollbridge-table-scroll:focus{outline:3px solid #fd0;outline-offset:0}
            @media(max-width:640px){
              .govuk-table thead{display:none}
              .govuk-table tr{display:block;border-bottom:3px solid #b1b4b6;margin-bottom:15px}
              .govuk-table__cell{display:block;border:0;padding:4px 0}
              .govuk-table__cell::before{content:attr(data-label) ": ";font-weight:700}
              .govuk-summary-list__key,.govuk-summary-list__value{width:100%}}
            """;

    @Override
    public void write(ValidationReport report, OutputStream out) {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.println("<!DOCTYPE html>");
        w.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.println("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        w.println("<title>Data check report</title><style>" + STYLE + "</style></head><body>");
        w.println("<header class=\"govuk-header\"><div class=\"govuk-width-container\">"
                + "<span class=\"govuk-header__logotype\">Rollbridge</span></div></header>");
        w.println("<div class=\"govuk-width-container\"><main class=\"govuk-main-wrapper\" id=\"main-content\">");
        w.println("<h1 class=\"govuk-heading-xl\"><span class=\"govuk-caption\">Your school's data</span>"
                + "Data check report</h1>");
        panel(w, report);
        for (FileReport file : report.files()) {
            file(w, file);
        }
        w.println("</main></div></body></html>");
        w.flush();
    }

    private static void panel(PrintWriter w, ValidationReport report) {
        Outcome o = report.outcome();
        String modifier = switch (o) {
            case ACCEPTED -> "accepted";
            case HELD_BACK_IN_PART -> "held";
            case REFUSED -> "refused";
        };
        w.println("<div class=\"govuk-panel govuk-panel--" + modifier + "\"><h2 class=\"govuk-panel__title\">"
                + o.title() + "</h2><div>" + switch (o) {
                    case ACCEPTED -> "Every record was accepted.";
                    case HELD_BACK_IN_PART -> report.recordsWithErrors() + " of " + report.records()
                            + " records are held back until you correct them. The rest were accepted.";
                    case REFUSED -> "At least one file was refused. Correct the problems below and send it again.";
                } + "</div></div>");
        w.println("<p class=\"govuk-body\">" + report.errors() + " error(s) to correct and " + report.warnings()
                + " warning(s) to check, in " + report.files().size() + " file(s).</p>");
    }

    private static void file(PrintWriter w, FileReport file) {
        w.println("<h2 class=\"govuk-heading-l\">" + esc(fileName(file.path())) + "</h2>");
        w.println("<dl class=\"govuk-summary-list\">");
        row(w, "Result", tag(file.outcome()));
        row(w, "Kind of file", esc(file.kind() == null ? "not recognised" : switch (file.kind()) {
            case CTF -> "Common Transfer File (pupils)";
            case ATTENDANCE -> "Attendance";
            case EXCLUSIONS -> "Exclusions";
        }));
        if (file.school() != null) {
            row(w, "School", esc(file.school().label()));
        }
        row(w, "Records", String.valueOf(file.records()));
        row(w, "Records held back", String.valueOf(file.recordsWithErrors()));
        row(w, "Errors and warnings", file.errors() + " error(s), " + file.warnings() + " warning(s)");
        w.println("</dl>");
        for (Map.Entry<Rule, List<Finding>> group : SchoolView.byRuleThenPupil(file).entrySet()) {
            rule(w, group.getKey(), group.getValue());
        }
    }

    private static void rule(PrintWriter w, Rule rule, List<Finding> findings) {
        Severity severity = findings.get(0).severity();
        w.println("<h3 class=\"govuk-heading-m\">" + tag(severity) + " " + esc(rule.explanation())
                + " <code>" + rule.id() + "</code></h3>");
        w.println("<div class=\"govuk-inset-text\"><strong>How to fix it in your MIS:</strong> "
                + esc(rule.fix()) + "</div>");
        // A table wider than the window scrolls in its own region, which the keyboard can reach and a screen
        // reader names, rather than widening the page; on a phone the rows stack instead (the style's media query).
        w.println("<div class=\"rollbridge-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Pupils: "
                + esc(rule.explanation()) + "\">");
        w.println("<table class=\"govuk-table\"><thead><tr>"
                + "<th class=\"govuk-table__header\" scope=\"col\">Pupil</th>"
                + "<th class=\"govuk-table__header\" scope=\"col\">Field</th>"
                + "<th class=\"govuk-table__header\" scope=\"col\">Value found</th>"
                + "<th class=\"govuk-table__header\" scope=\"col\">What we found</th>"
                + "<th class=\"govuk-table__header\" scope=\"col\">What to do</th></tr></thead><tbody>");
        for (Finding f : findings) {
            String place = SchoolView.place(f.record());
            w.println("<tr><td class=\"govuk-table__cell\" data-label=\"Pupil\">" + esc(SchoolView.pupil(f.record()))
                    + (place.isEmpty() ? "" : "<br><span class=\"govuk-caption\">" + esc(place) + "</span>")
                    + "</td><td class=\"govuk-table__cell\" data-label=\"Field\">" + esc(f.field())
                    + "</td><td class=\"govuk-table__cell\" data-label=\"Value found\">"
                    + (f.value() == null ? "<em>none</em>" : "<code>" + esc(f.value()) + "</code>")
                    + "</td><td class=\"govuk-table__cell\" data-label=\"What we found\">" + esc(f.message())
                    + "</td><td class=\"govuk-table__cell\" data-label=\"What to do\">" + esc(f.fix())
                    + "</td></tr>");
        }
        w.println("</tbody></table></div>");
    }

    private static void row(PrintWriter w, String key, String valueHtml) {
        w.println("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">" + key
                + "</dt><dd class=\"govuk-summary-list__value\">" + valueHtml + "</dd></div>");
    }

    private static String tag(Outcome o) {
        String colour = switch (o) {
            case ACCEPTED -> "green";
            case HELD_BACK_IN_PART -> "yellow";
            case REFUSED -> "red";
        };
        return "<strong class=\"govuk-tag govuk-tag--" + colour + "\">" + o.title() + "</strong>";
    }

    private static String tag(Severity s) {
        return s == Severity.ERROR ? "<strong class=\"govuk-tag govuk-tag--red\">Error</strong>"
                : "<strong class=\"govuk-tag govuk-tag--yellow\">Warning</strong>";
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
