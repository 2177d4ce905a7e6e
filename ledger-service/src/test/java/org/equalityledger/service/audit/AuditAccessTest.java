package org.equalityledger.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.equalityledger.service.support.LedgerServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Only auditors and the secretariat reach the audit API, through the real security set-up. */
@LedgerServiceTest
class AuditAccessTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void an_auditor_gets_the_public_key_and_the_export() {
        var key = http.withBasicAuth("auditor", "demo").getForEntity("/api/audit/public-key", String.class);
        var export = http.withBasicAuth("auditor", "demo").getForEntity("/api/audit/export", String.class);

        assertThat(key.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(key.getBody()).contains("BEGIN PUBLIC KEY");
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getBody()).contains("\"kind\":\"publicKey\"");
    }

    @Test
    void anyone_gets_the_public_key_and_the_latest_checkpoint_without_login() throws InterruptedException {
        var key = http.getForEntity("/api/audit/public-key", String.class);
        var auditorsKey = http.withBasicAuth("auditor", "demo").getForEntity("/api/audit/public-key", String.class);
        var sealed = http.withBasicAuth("auditor", "demo").postForEntity("/api/audit/checkpoints", null, String.class);
        // 409 while the scheduled sealer holds the lease: ask again.
        for (int i = 0; i < 50 && sealed.getStatusCode() == HttpStatus.CONFLICT; i++) {
            Thread.sleep(100);
            sealed = http.withBasicAuth("auditor", "demo").postForEntity("/api/audit/checkpoints", null, String.class);
        }
        assertThat(sealed.getStatusCode().is2xxSuccessful()).as(sealed.toString()).isTrue();
        var latest = http.getForEntity("/api/audit/checkpoints/latest", String.class);
        var auditorsLatest = http.withBasicAuth("auditor", "demo").getForEntity("/api/audit/checkpoints/latest", String.class);

        assertThat(key.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(key.getBody()).contains("BEGIN PUBLIC KEY").isEqualTo(auditorsKey.getBody());
        assertThat(latest.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(latest.getBody()).contains("\"signature\"").contains("\"rootHash\"");
        assertThat(auditorsLatest.getBody()).isEqualTo(latest.getBody());
        // The rest of the audit API still needs a login.
        assertThat(http.getForEntity("/api/audit/checkpoints", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/audit/export", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void allies_and_leaders_are_refused_and_anonymous_callers_must_log_in() {
        for (String account : new String[] {"ally-demo", "leader-gac"}) {
            assertThat(http.withBasicAuth(account, "demo").getForEntity("/api/audit/export", String.class)
                    .getStatusCode()).as(account).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth(account, "demo").postForEntity("/api/audit/checkpoints", null, String.class)
                    .getStatusCode()).as(account).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity("/api/audit/verify", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
