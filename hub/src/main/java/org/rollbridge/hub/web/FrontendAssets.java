package org.rollbridge.hub.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves GOV.UK Frontend's stylesheet, script, fonts and images from its npm package (as the WebJar on the classpath),
 * at the paths the stylesheet expects (/assets/...).
 */
@Configuration
public class FrontendAssets implements WebMvcConfigurer {

    static final String ROOT = "classpath:/META-INF/resources/webjars/govuk-frontend/" + version() + "/dist/govuk/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations(ROOT + "assets/");
        registry.addResourceHandler("/stylesheets/**").addResourceLocations(ROOT, "classpath:/static/stylesheets/");
        registry.addResourceHandler("/javascripts/**").addResourceLocations(ROOT, "classpath:/static/javascripts/");
    }

    static String version() {
        try (InputStream in = FrontendAssets.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("GOV.UK Frontend is missing from the classpath: rebuild the hub");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("Could not read GOV.UK Frontend's version", e);
        }
    }
}
