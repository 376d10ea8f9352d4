package org.rollbridge.hub.web;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.rollbridge.hub.attendance.AttendanceFiguresQuery;

/**
 * The weekly absence trend drawn as an SVG bar chart on the server, so it needs no script. The numbers are also
 * in the table beside it; the chart has a title and a description for screen readers and does not rely on colour
 * (one series; the national rate is a labelled dashed line).
 */
public record TrendChart(int width, int height, List<Bar> bars, List<Tick> ticks, Line national, String description) {

    public record Bar(double x, double y, double width, double height, String label, String tooltip) {
    }

    public record Tick(double y, String label) {
    }

    public record Line(double y, String label) {
    }

    private static final int LEFT = 44;
    private static final int TOP = 10;
    private static final int BOTTOM = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM");

    public static TrendChart of(List<AttendanceFiguresQuery.Week> weeks, BigDecimal nationalRate) {
        int width = 640;
        int height = 260;
        double plotWidth = width - LEFT - 10;
        double plotHeight = height - TOP - BOTTOM;
        double max = 10;
        for (AttendanceFiguresQuery.Week w : weeks) {
            if (w.absence() != null) {
                max = Math.max(max, w.absence().doubleValue());
            }
        }
        if (nationalRate != null) {
            max = Math.max(max, nationalRate.doubleValue());
        }
        max = Math.ceil(max / 5) * 5;
        List<Tick> ticks = new ArrayList<>();
        for (int t = 0; t <= max; t += 5) {
            ticks.add(new Tick(TOP + plotHeight - t / max * plotHeight, t + "%"));
        }
        List<Bar> bars = new ArrayList<>();
        double slot = weeks.isEmpty() ? plotWidth : plotWidth / weeks.size();
        for (int i = 0; i < weeks.size(); i++) {
            AttendanceFiguresQuery.Week w = weeks.get(i);
            double rate = w.absence() == null ? 0 : w.absence().doubleValue();
            double h = rate / max * plotHeight;
            boolean label = weeks.size() <= 12 || i % Math.ceil(weeks.size() / 8.0) == 0;
            bars.add(new Bar(LEFT + i * slot + slot * 0.1, TOP + plotHeight - h, slot * 0.8, h,
                    label ? w.start().format(DAY) : null, "Week beginning " + w.start().format(DAY) + ": "
                    + (w.absence() == null ? "no sessions" : w.absence() + "% absence")));
        }
        Line line = nationalRate == null ? null
                : new Line(TOP + plotHeight - nationalRate.doubleValue() / max * plotHeight,
                        "England " + nationalRate + "%");
        String description = weeks.isEmpty() ? "No school weeks with marks yet."
                : "Absence rate for each of " + weeks.size() + " school weeks from " + weeks.get(0).start().format(DAY)
                + " to " + weeks.get(weeks.size() - 1).end().format(DAY) + ", ranging from " + min(weeks) + "% to "
                + maxRate(weeks) + "%" + (nationalRate == null ? "" : "; England's rate for the year is "
                + nationalRate + "%") + ". The same figures are in the table.";
        return new TrendChart(width, height, bars, ticks, line, description);
    }

    public int axisX() {
        return LEFT;
    }

    public int axisBottom() {
        return height - BOTTOM;
    }

    private static BigDecimal min(List<AttendanceFiguresQuery.Week> weeks) {
        return weeks.stream().map(AttendanceFiguresQuery.Week::absence).filter(r -> r != null)
                .min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    private static BigDecimal maxRate(List<AttendanceFiguresQuery.Week> weeks) {
        return weeks.stream().map(AttendanceFiguresQuery.Week::absence).filter(r -> r != null)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }
}
