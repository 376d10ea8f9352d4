package org.rollbridge.hub.schools;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Refuses new batches from a school that has paused sending (423, reason school_paused), before the body is read. */
@Configuration
public class PausedSchoolGuard implements HandlerInterceptor, WebMvcConfigurer {

    private static final Pattern UPLOAD = Pattern.compile("/api/v1/schools/([^/]+)/batches");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SchoolPauses pauses;

    public PausedSchoolGuard(SchoolPauses pauses) {
        this.pauses = pauses;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/schools/*/batches");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Matcher m = UPLOAD.matcher(request.getRequestURI());
        if (!"POST".equals(request.getMethod()) || !m.matches() || !pauses.paused(m.group(1))) {
            return true;
        }
        response.setStatus(423);
        response.setContentType("application/json");
        response.getWriter().write(JSON.writeValueAsString(Map.of("status", 423, "error", "Locked",
                "reason", "school_paused", "message", "School " + m.group(1) + " has paused sending; run "
                        + "'rollbridge agent resume' at the school to send again")));
        return false;
    }
}
