package org.equalityledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.equalityledger.api.common.Role;
import org.equalityledger.service.store.LedgerStoreProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

class DemoAccountsTest {

    static LedgerStoreProperties store(String uri) {
        return new LedgerStoreProperties(uri, null, Path.of("data"), null, null);
    }

    final SecurityConfiguration configuration = new SecurityConfiguration();

    @Test
    void embedded_mode_has_one_demo_account_per_role() {
        UserDetailsService users = configuration.ledgerUsers(new LedgerSecurityProperties(null, null, null), store(""));

        UserDetails leader = users.loadUserByUsername("leader-gac");
        assertThat(LedgerAuthorities.roles(leader.getAuthorities())).containsExactly(Role.LEADER);
        assertThat(LedgerAuthorities.initiatives(leader.getAuthorities())).containsExactly("gac");
        for (String name : new String[] {"secretariat", "ally-demo", "auditor", "leader-ac-gbv"}) {
            assertThat(users.loadUserByUsername(name).getPassword()).startsWith("{bcrypt}");
        }
    }

    @Test
    void with_a_real_mongodb_there_is_no_demo_account() {
        UserDetailsService users = configuration.ledgerUsers(new LedgerSecurityProperties(null, null, null),
                store("mongodb://db.example:27017"));

        assertThatThrownBy(() -> users.loadUserByUsername("secretariat")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void demo_accounts_can_be_switched_off_in_embedded_mode() {
        UserDetailsService users = configuration.ledgerUsers(new LedgerSecurityProperties(false, null, null), store(""));

        assertThatThrownBy(() -> users.loadUserByUsername("ally-demo")).isInstanceOf(UsernameNotFoundException.class);
    }
}
