package org.equalityledger.service.security;

import java.util.ArrayList;
import java.util.List;

import org.equalityledger.service.store.LedgerStoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/**
 * Every command needs a login; public reads (OpenAPI, health, Prometheus) are open. Logins: the demo
 * accounts (HTTP Basic, embedded mode only unless configured) and, with {@code LEDGER_OIDC_ISSUER_URI},
 * bearer tokens of that OIDC issuer. Missing or bad credentials answer 401, refusals 403, both as
 * problem documents. Stateless: no session, no CSRF token (no cookie ever authenticates a request).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(LedgerSecurityProperties.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain ledgerSecurity(HttpSecurity http, LedgerSecurityProperties properties, ObjectMapper json)
            throws Exception {
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
        http.csrf(AbstractHttpConfigurer::disable)
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
                        .requestMatchers("/api/audit/**").hasAnyRole("AUDITOR", "SECRETARIAT")
                        .requestMatchers(HttpMethod.GET, "/api/commitments/*/history").authenticated()
                        // Public reads: dashboards, commitments, makers and who reported (DESIGN.md).
                        .requestMatchers(HttpMethod.GET, "/api/dashboards/**", "/api/commitments", "/api/commitments/*",
                                "/api/commitment-makers/*", "/api/reporting-cycles/**").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
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

    /** A path the firewall refuses (e.g. {@code //}, encoded slashes): a 400 problem document. */
    @Bean
    RequestRejectedHandler problemOnRejectedRequest(ObjectMapper json) {
        return (request, response, e) -> ProblemResponses.write(json, request, response, HttpStatus.BAD_REQUEST,
                "the request's path or headers are not acceptable");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The demo accounts, or no account at all (never Spring Boot's generated one). */
    @Bean
    UserDetailsService ledgerUsers(LedgerSecurityProperties properties, LedgerStoreProperties store) {
        boolean demo = properties.demoAccounts() != null ? properties.demoAccounts() : store.embedded();
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
