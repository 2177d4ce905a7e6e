package org.equalityledger.service.security;

import java.util.List;
import java.util.Set;

import org.equalityledger.api.common.Role;
import org.equalityledger.service.store.LedgerStoreProperties;

/**
 * The demo accounts of the embedded mode, one per role; every one has the password
 * {@code ledger.security.demo-password} ({@code demo} unless configured). Allies act for the makers
 * they register themselves (see {@link SelfRegisteredMakers}); leaders lead initiatives of the
 * reference set.
 */
public final class DemoAccounts {

    /** One account: its user name, roles and the initiatives it leads. */
    public record Account(String username, Set<Role> roles, Set<String> ledInitiatives, String description) {
    }

    public static final List<Account> ACCOUNTS = List.of(
            new Account("secretariat", Set.of(Role.SECRETARIAT), Set.of(),
                    "the coordinating entity: initiatives, actions, roles, reporting cycles, makers"),
            new Account("leader-gac", Set.of(Role.LEADER), Set.of("gac"),
                    "leadership of the Global Alliance for Care (gac)"),
            new Account("leader-ac-ejr", Set.of(Role.LEADER), Set.of("ac-ejr"),
                    "leadership of the Action Coalition on Economic Justice and Rights (ac-ejr)"),
            new Account("leader-ac-gbv", Set.of(Role.LEADER), Set.of("ac-gbv"),
                    "leadership of the Action Coalition on Gender-Based Violence (ac-gbv)"),
            new Account("ally-demo", Set.of(Role.ALLY), Set.of(),
                    "a committed ally: registers its own maker, pledges, amends, extends, reports"),
            new Account("ally-partner", Set.of(Role.ALLY), Set.of(),
                    "a second ally, for co-makers (and for seeing what another ally may not do)"),
            new Account("auditor", Set.of(Role.AUDITOR), Set.of(),
                    "reads every history, changes nothing"));

    /** Whether the demo accounts may sign in: as configured, else only in embedded mode. */
    public static boolean enabled(LedgerSecurityProperties properties, LedgerStoreProperties store) {
        return properties.demoAccounts() != null ? properties.demoAccounts() : store.embedded();
    }

    private DemoAccounts() {
    }
}
