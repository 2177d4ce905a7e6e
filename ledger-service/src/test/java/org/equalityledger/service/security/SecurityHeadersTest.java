package org.equalityledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Every answer, page, API answer or refusal, carries the Content-Security-Policy and the other safety headers. */
@LedgerServiceTest
class SecurityHeadersTest {

    @Autowired
    TestRestTemplate http;

    private static void assertSafe(ResponseEntity<String> answer, String policy) {
        HttpHeaders headers = answer.getHeaders();
        assertThat(headers.getFirst("Content-Security-Policy")).isEqualTo(policy);
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Cache-Control")).contains("no-store");
    }

    @Test
    void the_dashboard_page_and_its_script_carry_the_page_policy_an_api_answer_the_api_policy() {
        ResponseEntity<String> page = http.getForEntity("/", String.class);
        ResponseEntity<String> script = http.getForEntity("/site/charts.js", String.class);
        ResponseEntity<String> answer = http.getForEntity("/api/dashboards/global", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<script src=\"/site/charts.js\" defer>").doesNotContain("<script>").doesNotContain("style=");
        assertSafe(page, SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertSafe(script, SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertSafe(answer, SecurityConfiguration.API_CONTENT_SECURITY_POLICY);
        assertThat(SecurityConfiguration.CONTENT_SECURITY_POLICY).contains("default-src 'self'", "script-src 'self';",
                "object-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe");
    }

    @Test
    void refusals_and_errors_carry_the_policy() {
        Map<ResponseEntity<String>, HttpStatus> refusals = Map.of(
                http.getForEntity("/api/audit/checkpoints", String.class), HttpStatus.UNAUTHORIZED,
                http.withBasicAuth("auditor", "demo").getForEntity("/api/commitments/commitment-none/history",
                        String.class), HttpStatus.NOT_FOUND,
                http.withBasicAuth("ally-demo", "demo").getForEntity("/api/audit/checkpoints", String.class),
                HttpStatus.FORBIDDEN,
                http.getForEntity("/api/dashboards/global?asOf=yesterday", String.class), HttpStatus.BAD_REQUEST);

        refusals.forEach((answer, status) -> {
            assertThat(answer.getStatusCode()).isEqualTo(status);
            assertSafe(answer, SecurityConfiguration.API_CONTENT_SECURITY_POLICY);
        });
        ResponseEntity<String> outsideTheApi = http.withBasicAuth("ally-demo", "demo")
                .getForEntity("/actuator/metrics", String.class);
        assertThat(outsideTheApi.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(outsideTheApi.getHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(http.getForEntity("/v3/api-docs", String.class).getHeaders().getFirst("Content-Security-Policy"))
                .isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
    }

    @Test
    void swagger_ui_has_its_inline_styles_and_data_images_and_still_no_inline_script() {
        ResponseEntity<String> page = http.getForEntity("/swagger-ui/index.html", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertSafe(page, SecurityConfiguration.SWAGGER_UI_CONTENT_SECURITY_POLICY);
        // Its scripts are files, so script-src 'self' lets them run.
        assertThat(page.getBody()).contains("<script src=\"./swagger-ui-bundle.js\"")
                .doesNotContainPattern("<script>|<script [^>]*>[^<\\s]");
        assertThat(SecurityConfiguration.SWAGGER_UI_CONTENT_SECURITY_POLICY).contains("script-src 'self';",
                "style-src 'self' 'unsafe-inline'", "img-src 'self' data:");
        assertSafe(http.getForEntity("/swagger-ui/swagger-initializer.js", String.class),
                SecurityConfiguration.SWAGGER_UI_CONTENT_SECURITY_POLICY);
    }
}
