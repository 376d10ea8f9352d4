package org.rollbridge.hub.access;

import java.util.Map;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import org.rollbridge.hub.SignInSettings;
import org.rollbridge.hub.audit.AuditAction;
import org.rollbridge.hub.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two filter chains. Machines (school agents, the LA's operations) call /api/** with bearer credentials that
 * {@link CredentialFilter} checks: no session, no CSRF token. People use pages: a session after signing in with
 * a local account (password and authenticator code) or the LA's OpenID Connect provider, CSRF tokens on every
 * form, strict security headers, and each path allowed only to the roles {@link PageAccess} lists.
 */
@Configuration
@PropertySource("classpath:access.properties")
public class SignInSecurity {

    /** No inline scripts or styles anywhere; pages work without JavaScript. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * Argon2id (OWASP's first choice) for new hashes; the {id} prefix keeps older bcrypt hashes readable, and a
     * successful sign-in rehashes them (LocalSignIn), so no one has to reset a password.
     */
    @Bean
    public PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    /**
     * Replaces Boot's generated default user: there is no account but those in the users table, which
     * {@link LocalSignIn} checks.
     */
    @Bean
    public UserDetailsService noDefaultUser() {
        return username -> {
            throw new UsernameNotFoundException("Accounts are checked by the sign-in form");
        };
    }

    // The filter chains exist only in a web hub: imports and benchmarks run the same beans without a server.
    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    public SecurityFilterChain machineChain(HttpSecurity http) throws Exception {
        http.securityMatcher(PageAccess.MACHINE.toArray(String[]::new))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .headers(h -> h.frameOptions(f -> f.deny()));
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    public SecurityFilterChain pageChain(HttpSecurity http, Users users, PasswordEncoder encoder, AuditLog audit,
                                         Clock clock, SignInSettings signIn,
                                         ObjectProvider<ClientRegistrationRepository> oidc,
                                         ObjectProvider<FederatedSignIn> federated) throws Exception {
        http.authorizeHttpRequests(a -> {
            a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
            for (PageAccess.Rule rule : PageAccess.RULES) {
                switch (rule.audience()) {
                    case ANYONE -> a.requestMatchers(rule.pattern()).permitAll();
                    case SIGNED_IN -> a.requestMatchers(rule.pattern()).authenticated();
                    case CAPABILITY -> a.requestMatchers(rule.pattern()).hasAnyAuthority(rule.authorities());
                }
            }
            a.anyRequest().denyAll();
        });
        SimpleUrlAuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/sign-in?error");
        http.authenticationProvider(new LocalSignIn(users, encoder, audit, clock, signIn.clientFailures()))
                .formLogin(f -> f.loginPage("/sign-in").loginProcessingUrl("/sign-in")
                        .usernameParameter("username").passwordParameter("password")
                        .authenticationDetailsSource(SignInDetails::new)
                        .defaultSuccessUrl("/", true)
                        // Too many failures from the client's address: 429 and the error page, not the form again.
                        .failureHandler((request, response, failure) -> {
                            if (failure instanceof LocalSignIn.Throttled throttled) {
                                response.setHeader("Retry-After", Long.toString(Math.max(1,
                                        Duration.between(clock.instant(), throttled.until()).toSeconds())));
                                response.sendError(429, LocalSignIn.THROTTLED);
                            } else {
                                wrong.onAuthenticationFailure(request, response, failure);
                            }
                        }).permitAll())
                .logout(l -> l.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null) {
                                audit.record(SignedIn.user(authentication), AuditAction.SIGN_OUT, null, null, null);
                            }
                        }))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .addFilterAfter(new EndedSessions(users), SecurityContextHolderFilter.class)
                // An address no rule lists is denied, and to a signed-in user it is simply not found.
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> response.sendError(
                        PageAccess.ruleFor(request.getRequestURI()).isPresent() ? 403 : 404)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .httpStrictTransportSecurity(t -> t.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        ClientRegistrationRepository registrations = oidc.getIfAvailable();
        if (registrations != null) {
            http.oauth2Login(o -> o.loginPage("/sign-in").clientRegistrationRepository(registrations)
                    .userInfoEndpoint(u -> u.oidcUserService(federated.getObject()))
                    .defaultSuccessUrl("/", true).failureUrl("/sign-in?error"));
        }
        return http.build();
    }
}
