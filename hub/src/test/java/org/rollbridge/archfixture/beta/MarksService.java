package org.rollbridge.archfixture.beta;

import org.springframework.http.HttpStatus;

/** A service that speaks HTTP: what the edge rule refuses. */
public class MarksService {

    public HttpStatus missing() {
        return HttpStatus.NOT_FOUND;
    }
}
