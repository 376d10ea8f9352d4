package org.rollbridge.hub.web;

import jakarta.servlet.http.HttpServletResponse;
import org.rollbridge.hub.Refusal;
import org.rollbridge.hub.ops.ApiErrors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/** Errors on pages as GOV.UK error pages, not JSON; a refusal gets the status the API gives it. */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageErrors {

    @ExceptionHandler(ResponseStatusException.class)
    public String status(ResponseStatusException e, HttpServletResponse response, Model model) {
        return problem(e.getStatusCode().value(), e.getReason(), response, model);
    }

    @ExceptionHandler(Refusal.class)
    public String refused(Refusal e, HttpServletResponse response, Model model) {
        return problem(ApiErrors.status(e).value(), e.getMessage(), response, model);
    }

    /** Bad input in the address (a word where a number goes, a missing parameter): a 400 page saying which. */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    public String badInput(Exception e, HttpServletResponse response, Model model) {
        return problem(400, ApiErrors.badInputMessage(e), response, model);
    }

    static String problem(int status, String message, HttpServletResponse response, Model model) {
        response.setStatus(status);
        // An exception handler's model has none of the advice's attributes: the layout's sign-out needs this one.
        model.addAttribute("signedIn", new PageModel().signedIn(
                SecurityContextHolder.getContext().getAuthentication()));
        model.addAttribute("status", status);
        model.addAttribute("heading", ErrorPages.heading(status));
        model.addAttribute("message", message);
        return "problem";
    }
}
