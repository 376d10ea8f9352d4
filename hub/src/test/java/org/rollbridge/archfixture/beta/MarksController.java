package org.rollbridge.archfixture.beta;

import org.springframework.http.HttpStatus;

/** A controller may speak HTTP. */
public class MarksController {

    public HttpStatus ok() {
        return HttpStatus.OK;
    }
}
