package org.equalityledger.service.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * An OpenID provider for tests (Spring Authorization Server, on {@code localhost} and a port of its own), with one
 * confidential client that must prove its code (PKCE) and users carrying the ledger's claims in their ID token, as
 * the Keycloak realm of {@code docker-compose.yml} gives them. It records the token requests it answers.
 */
final class OidcProvider implements AutoCloseable {

    static final String CLIENT_ID = "ledger-pages";
    static final String CLIENT_SECRET = "pages-secret";
    static final String PASSWORD = "provider-password";

    /** A user of the provider: its ledger claims ({@link LedgerClaims}). */
    record Person(String username, List<String> roles, List<String> initiatives, List<String> makers) {
    }

    /** The parameters and the authorization header of each token request, in order. */
    record TokenRequest(Map<String, String[]> parameters, String authorization) {
    }

    private final int port;
    private ConfigurableApplicationContext context;

    private OidcProvider(int port) {
        this.port = port;
    }

    /** A provider not yet started, with its address already known (so a ledger can be told of it first). */
    static OidcProvider reserve() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new OidcProvider(socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return "http://localhost:" + port;
    }

    /** Starts it (once), its client sending its users back to {@code redirectUri}. */
    synchronized OidcProvider start(String redirectUri, List<Person> people) {
        if (context != null) {
            return this;
        }
        Fixture.redirectUri = redirectUri;
        Fixture.people = people;
        Fixture.tokenRequests.clear();
        context = new SpringApplicationBuilder(Fixture.class)
                .properties("server.port=" + port,
                        // Not the ledger's application.yml: this is another server.
                        "spring.config.name=oidc-provider", "spring.main.banner-mode=off", "spring.jmx.enabled=false")
                .run();
        return this;
    }

    List<TokenRequest> tokenRequests() {
        return List.copyOf(Fixture.tokenRequests);
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }

    /** The provider's beans; no {@code @Configuration}, so that no component scan of the ledger picks it up. */
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, SecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
            OAuth2AuthorizationServerJwtAutoConfiguration.class})
    static class Fixture {

        static volatile String redirectUri;
        static volatile List<Person> people = List.of();
        static final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();

        @Bean
        RegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(redirectUri)
                    .postLogoutRedirectUri(URI.create(redirectUri).resolve("/").toString())
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    // A confidential client that must still prove it asked for the code; no consent screen.
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .build());
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(people.stream()
                    .map(p -> User.withUsername(p.username()).password("{noop}" + PASSWORD).roles("USER").build())
                    .toList());
        }

        /** The ledger's claims in the ID token, as the realm's mappers put them (its subject is an opaque id). */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> ledgerClaims() {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                String username = context.getPrincipal().getName();
                people.stream().filter(p -> p.username().equals(username)).findFirst().ifPresent(p -> context.getClaims()
                        .subject("subject-" + UUID.nameUUIDFromBytes(username.getBytes()))
                        .claim(LedgerClaims.USER_NAME, p.username())
                        .claim(LedgerClaims.ROLES, p.roles())
                        .claim(LedgerClaims.INITIATIVES, p.initiatives())
                        .claim(LedgerClaims.MAKERS, p.makers()));
            };
        }

        /** Before Spring Security's filters, which answer the token request themselves. */
        @Bean
        FilterRegistrationBean<Filter> tokenRequestRecorder() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                HttpServletRequest http = (HttpServletRequest) request;
                if (http.getRequestURI().equals("/oauth2/token")) {
                    tokenRequests.add(new TokenRequest(Map.copyOf(http.getParameterMap()), http.getHeader("Authorization")));
                }
                chain.doFilter(request, response);
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
