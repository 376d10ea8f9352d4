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
        page.addObject("heading", heading(status.value()));
        page.addObject("message", message);
        return page;
    }

    /** The error page's heading and title, as the GOV.UK Design System words them where it has a pattern. */
    static String heading(int status) {
        return switch (status) {
            case 400 -> "There is a problem with the address or form";
            case 403 -> "You cannot see this page";
            case 404 -> "Page not found";
            case 405 -> "This page cannot be opened from an address";
            case 429 -> "Too many attempts to sign in";
            default -> status >= 500 ? "Sorry, there is a problem with the service" : "There is a problem";
        };
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    /** What to tell the reader: the container's message for a 4xx it was given one, else the status's own words. */
    private static String message(HttpServletRequest request, HttpStatus status) {
        Object given = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        // Spring's words for a wrong method name the method and help nobody reading a page.
        if (status.is4xxClientError() && status != HttpStatus.METHOD_NOT_ALLOWED && given instanceof String text
                && !text.isBlank()) {
            return text;
        }
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address. Check it, or start again from the home page.";
            case FORBIDDEN -> "Your role does not give you this page. Ask your LA administrator if you need it.";
            case BAD_REQUEST -> "The address or form had something the hub cannot read. Go back and check it.";
            case UNAUTHORIZED -> "Sign in first.";
            case METHOD_NOT_ALLOWED -> "This address is for a form's button, not for opening on its own. Go back to "
                    + "the page the form is on and use the form there.";
            default -> status.is5xxServerError() ? "Something went wrong in the hub. Try again later; if it goes on, "
                    + "tell the LA's service desk the time it happened." : status.getReasonPhrase();
        };
    }
}
