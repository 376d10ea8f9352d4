package org.rollbridge.hub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A GOV.UK date input sends a date as three fields ({@code on-day}, {@code on-month}, {@code on-year}); the pages
 * read one date as year-month-day ({@code on=2025-10-17}), as their links and downloads give it. This joins the
 * three into the one before a page reads the request, so a typed date and a linked one are read alike: numbers are
 * zero-padded, a date left wholly blank stays absent, and anything else is passed on as typed for the page to say
 * it is not a date. The machine API is left alone.
 */
@Component
class DateFields extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters = request.getParameterMap();
        Map<String, String[]> joined = null;
        for (String name : parameters.keySet()) {
            if (!name.endsWith("-day")) {
                continue;
            }
            String field = name.substring(0, name.length() - "-day".length());
            String day = part(request, field + "-day");
            String month = part(request, field + "-month");
            String year = part(request, field + "-year");
            if (parameters.containsKey(field) || day.isEmpty() && month.isEmpty() && year.isEmpty()) {
                continue;
            }
            if (joined == null) {
                joined = new LinkedHashMap<>(parameters);
            }
            joined.put(field, new String[] {year + "-" + padded(month) + "-" + padded(day)});
        }
        chain.doFilter(joined == null ? request : new Joined(request, Collections.unmodifiableMap(joined)), response);
    }

    /** A single digit gets a leading zero; anything else stays as typed. */
    static String padded(String part) {
        return part.matches("[0-9]") ? "0" + part : part;
    }

    private static String part(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }

    private static final class Joined extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        Joined(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
