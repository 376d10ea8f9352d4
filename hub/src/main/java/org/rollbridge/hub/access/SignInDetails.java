package org.rollbridge.hub.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The sign-in form's one-time code, carried beside the user name and password. */
public class SignInDetails extends WebAuthenticationDetails {

    private final String code;

    public SignInDetails(HttpServletRequest request) {
        super(request);
        this.code = request.getParameter("code");
    }

    public String code() {
        return code;
    }
}
