package org.rollbridge.hub.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.rollbridge.hub.access.PageAccess;
import org.rollbridge.hub.ops.ApiErrors;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the servlet container handles (an unknown address, access refused, bad input, a failure) in place of
 * Spring's "Whitelabel" page: for people a GOV.UK page in the layout, with sign-out; for the machine API the API's
 * JSON error ({@link ApiErrors}). A failure's own message is never shown: it may say too much.
 */
@Hidden
@Controller
public class ErrorPages implements ErrorController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RequestMapping("/error")
    public ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = status(request);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String message = message(request, status);
        response.setStatus(status.value());
        if (uri != null && PageAccess.machine(uri)) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write(JSON.writeValueAsString(ApiErrors.json(status, message)));
            return null;
        }
        ModelAndView page = new ModelAndView("problem", status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    /** What to tell the reader: the container's message for a 4xx it was given one, else the status's own words. */
    private static String message(HttpServletRequest request, HttpStatus status) {
        Object given = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        if (status.is4xxClientError() && given instanceof String text && !text.isBlank()) {
            return text;
        }
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address. Check it, or start again from the home page.";
            case FORBIDDEN -> "Your role does not give you this page. Ask your LA administrator if you need it.";
            case BAD_REQUEST -> "The address or form had something the hub cannot read. Go back and check it.";
            case UNAUTHORIZED -> "Sign in first.";
            default -> status.is5xxServerError() ? "Something went wrong in the hub. Try again later; if it goes on, "
                    + "tell the LA's service desk the time it happened." : status.getReasonPhrase();
        };
    }
}
