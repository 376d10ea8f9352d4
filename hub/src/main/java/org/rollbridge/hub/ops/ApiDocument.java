package org.rollbridge.hub.ops;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's description, served at /v3/api-docs(.yaml) and checked in as docs/openapi.yaml. */
@Configuration
public class ApiDocument {

    @Bean
    OpenAPI rollbridgeApi() {
        return new OpenAPI()
                .info(new Info().title("Rollbridge hub API").version("v1").description("""
                        Schools upload their nightly feeds (CTF XML, attendance CSV, exclusions CSV) as batches; \
                        the LA reads each batch's status and validation report and reviews held records. \
                        Upload: POST the file as the body (application/xml for a CTF, text/csv with \
                        ?kind=attendance or ?kind=exclusions), optionally gzip with Content-Encoding: gzip, with \
                        the sender's own batch id in Idempotency-Key. Every endpoint needs a bearer credential: \
                        a school's token or an LA administrator's personal token (the shared administrator \
                        token only makes those and reads the operations endpoints)."""))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
