package org.equalityledger.service.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.equalityledger.service.store.LedgerStoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every command needs a login; public reads (OpenAPI, health status, Prometheus, the ledger's public key and
 * latest checkpoint) are open. Repeated failed logins are held back ({@link LoginThrottle}); every answer
 * carries a Content-Security-Policy besides Spring Security's default headers. Logins: the demo
 * accounts (HTTP Basic, embedded mode only unless configured) and, with {@code LEDGER_OIDC_ISSUER_URI},
 * bearer tokens of that OIDC issuer. Missing or bad credentials answer 401, refusals 403, both as
 * problem documents. The API is stateless: no session, no CSRF token (no cookie ever authenticates an API
 * request). The pages sign in with a form and keep a session, with CSRF tokens on their forms.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({LedgerSecurityProperties.class, LoginThrottleProperties.class})
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String CSP = "Content-Security-Policy";

    /** The API's answers are data: they load and embed nothing, and are never framed. */
    public static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /**
     * Every other answer's policy: scripts, styles, images and fetches from the ledger itself only, no
     * plugins, no framing. The dashboard (static files) needs nothing more.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** Swagger UI's pages also apply inline styles (its logo, its layout) and draw icons from data: URIs. */
    static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
            .replace("img-src 'self'", "img-src 'self' data:");

    /** The API, the actuator and the API's documentation: stateless, every request carries its login. */
    @Bean
    @Order(1)
    SecurityFilterChain ledgerSecurity(HttpSecurity http, LedgerSecurityProperties properties, ObjectMapper json,
                                       LoginThrottle throttle) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            List<String> challenges = new ArrayList<>(List.of("Basic realm=\"equality-ledger\""));
            if (properties.oidc()) {
                challenges.add("Bearer");
            }
            challenges.forEach(c -> response.addHeader("WWW-Authenticate", c));
            ProblemResponses.write(json, request, response, HttpStatus.UNAUTHORIZED,
                    "a login is needed: HTTP Basic with a demo account"
                            + (properties.oidc() ? ", or a bearer token of the OIDC issuer" : ""));
        };
        AccessDeniedHandler denied = (request, response, e) -> ProblemResponses.write(json, request, response,
                HttpStatus.FORBIDDEN, "your roles do not allow this");
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        RequestMatcher swaggerUi = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"),
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"));
        http.securityMatcher(new OrRequestMatcher(api, swaggerUi,
                        PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs"),
                        PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**")))
                .csrf(AbstractHttpConfigurer::disable)
                // Spring Security's defaults stay: nosniff, frame denial, no-store.
                .headers(h -> h
                        .addHeaderWriter((request, response) -> {
                            if (!response.containsHeader(CSP)) {
                                response.setHeader(CSP, api.matches(request) ? API_CONTENT_SECURITY_POLICY
                                        : swaggerUi.matches(request) ? SWAGGER_UI_CONTENT_SECURITY_POLICY
                                        : CONTENT_SECURITY_POLICY);
                            }
                        }))
                // Before either login is checked (bearer tokens first, then HTTP Basic).
                .addFilterBefore(new LoginThrottleFilter(throttle, json), BearerTokenAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole("SECRETARIAT", "AUDITOR")
                        // What the public compares its copies with, as transparency logs publish it.
                        .requestMatchers(HttpMethod.GET, "/api/audit/public-key", "/api/audit/checkpoints/latest")
                        .permitAll()
                        .requestMatchers("/api/audit/**").hasAnyRole("AUDITOR", "SECRETARIAT")
                        .requestMatchers(HttpMethod.GET, "/api/commitments/*/history").authenticated()
                        // Public reads: dashboards, commitments, makers, who reported (DESIGN.md) and the rates money counts at.
                        .requestMatchers(HttpMethod.GET, "/api/dashboards/**", "/api/commitments", "/api/commitments/*",
                                "/api/commitment-makers", "/api/commitment-makers/*", "/api/reporting-cycles/**",
                                "/api/initiatives", "/api/initiatives/**", "/api/usd-rates").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName("equality-ledger").authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
        if (properties.oidc()) {
            String issuer = properties.oidcIssuerUri();
            // Resolved on first use, so the service starts while the issuer is still coming up.
            JwtDecoder decoder = new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(issuer));
            http.oauth2ResourceServer(o -> o
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(denied)
                    .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(new JwtActorConverter())));
            log.info("Logins: bearer tokens of the OIDC issuer {}", issuer);
        }
        return http.build();
    }

    /**
     * The site and the workspaces: a session after signing in (the form with the demo accounts, or through the
     * OIDC issuer where there is one), CSRF tokens on every form, and the workspaces only for someone signed in. The public pages need no login;
     * they run here so that their header knows who is signed in.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, LedgerSecurityProperties properties, LoginThrottle throttle)
            throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler toWhereTheyWere = new SavedRequestAwareAuthenticationSuccessHandler();
        toWhereTheyWere.setDefaultTargetUrl("/workspace");
        // Back to the page asked for as it was asked: with Spring Security's "?continue" marker, the page would
        // refuse the parameter it does not take (KnownParameters).
        HttpSessionRequestCache pageAskedFor = new HttpSessionRequestCache();
        pageAskedFor.setMatchingRequestParameterName(null);
        toWhereTheyWere.setRequestCache(pageAskedFor);
        http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)))
                .requestCache(c -> c.requestCache(pageAskedFor))
                .addFilterBefore(new FormLoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .formLogin(f -> f.loginPage("/login").permitAll()
                        .successHandler((request, response, auth) -> {
                            throttle.succeeded(auth.getName());
                            toWhereTheyWere.onAuthenticationSuccess(request, response, auth);
                        })
                        .failureHandler((request, response, e) -> {
                            throttle.failed("password", request.getParameter("username"), request.getRemoteAddr());
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/"))
                // A role's workspace refused: the page saying so, in the reader's language.
                .exceptionHandling(e -> e.accessDeniedPage("/workspace/denied"))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/workspace/ally", "/workspace/ally/**").hasRole("ALLY")
                        .requestMatchers("/workspace/leader", "/workspace/leader/**").hasRole("LEADER")
                        .requestMatchers("/workspace/secretariat", "/workspace/secretariat/**").hasRole("SECRETARIAT")
                        .requestMatchers("/workspace/auditor", "/workspace/auditor/**").hasAnyRole("AUDITOR", "SECRETARIAT")
                        .requestMatchers("/workspace", "/workspace/**").authenticated()
                        .anyRequest().permitAll());
        if (properties.oidc()) {
            signInThroughTheIssuer(http, properties, toWhereTheyWere);
        }
        return http.build();
    }

    /**
     * "Sign in with the issuer" beside the form: the authorization code flow, always with a proof key (PKCE, for a
     * confidential client too), the user's roles and what it acts for read from its ID token and user info as the
     * API reads a bearer token's; signing out ends the issuer's session too. The issuer is asked for its endpoints
     * on the first sign-in only; while it cannot be reached, or when it refuses, the sign-in page says so and the
     * form still works.
     */
    private static void signInThroughTheIssuer(HttpSecurity http, LedgerSecurityProperties properties,
                                               SavedRequestAwareAuthenticationSuccessHandler toWhereTheyWere)
            throws Exception {
        IssuerClientRegistration issuer = new IssuerClientRegistration(properties);
        DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(issuer,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.oauth2Login(o -> o.loginPage("/login")
                .clientRegistrationRepository(issuer)
                // The issuer's tokens live as long as the session, not in a map that outlives it.
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .authorizationEndpoint(a -> a.authorizationRequestResolver(requests))
                .userInfoEndpoint(u -> u.oidcUserService(new OidcActorService()))
                .successHandler(toWhereTheyWere)
                .failureHandler((request, response, e) -> {
                    log.info("A sign-in through the OIDC issuer failed: {}", e.getMessage());
                    response.sendRedirect(request.getContextPath() + "/login?oidc=failed");
                })
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        // No authorization request could be made: the issuer is unreachable (else a 500 page).
                        filter.setAuthenticationFailureHandler((request, response, e) ->
                                response.sendRedirect(request.getContextPath() + "/login?oidc=unavailable"));
                        return filter;
                    }
                }));
        // Signing out of the ledger also ends the session at the issuer (which then sends the reader back to the
        // overview), else "Sign in with" would sign the same person in again without asking.
        OidcClientInitiatedLogoutSuccessHandler signOutThere = new OidcClientInitiatedLogoutSuccessHandler(issuer);
        signOutThere.setPostLogoutRedirectUri("{baseUrl}/");
        signOutThere.setDefaultTargetUrl("/");
        http.logout(l -> l.logoutSuccessHandler(signOutThere));
        log.info("Pages: sign-in through the OIDC issuer {} as client {} ({})", properties.oidcIssuerUri(),
                properties.oidcClientId(), properties.oidcClientSecret() == null ? "public" : "confidential");
    }

    /** A path the firewall refuses (e.g. {@code //}, encoded slashes): a 400 problem document. */
    @Bean
    RequestRejectedHandler problemOnRejectedRequest(ObjectMapper json) {
        return (request, response, e) -> ProblemResponses.write(json, request, response, HttpStatus.BAD_REQUEST,
                "the request's path or headers are not acceptable");
    }

    @Bean
    LoginThrottle loginThrottle(LoginThrottleProperties limits, MeterRegistry meters) {
        return new LoginThrottle(limits, Clock.systemUTC(), meters);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The demo accounts, or no account at all (never Spring Boot's generated one). */
    @Bean
    UserDetailsService ledgerUsers(LedgerSecurityProperties properties, LedgerStoreProperties store) {
        boolean demo = DemoAccounts.enabled(properties, store);
        List<UserDetails> users = new ArrayList<>();
        if (demo) {
            // A low work factor: these are demo passwords, and every request checks one.
            BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
            String hash = encoder.encode(properties.demoPassword());
            for (DemoAccounts.Account account : DemoAccounts.ACCOUNTS) {
                users.add(User.withUsername(account.username())
                        .password("{bcrypt}" + hash)
                        .authorities(LedgerAuthorities.of(account.roles(), account.ledInitiatives(), List.of()))
                        .build());
            }
            log.info("Logins: demo accounts {} (HTTP Basic)",
                    DemoAccounts.ACCOUNTS.stream().map(DemoAccounts.Account::username).toList());
        } else {
            log.info("Logins: no demo accounts (they exist only in embedded mode)");
        }
        // Not the manager itself: as a UserDetailsPasswordService it would have every password re-hashed
        // at Spring's default work factor on first login, making each later request pay for it.
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
        return manager::loadUserByUsername;
    }

    @Bean
    SelfRegisteredMakers selfRegisteredMakers(MongoDatabase ledgerDatabase) {
        return new SelfRegisteredMakers(ledgerDatabase);
    }

    @Bean
    CurrentActor currentActor(SelfRegisteredMakers selfRegisteredMakers) {
        return new CurrentActor(selfRegisteredMakers);
    }
}
