package org.equalityledger.service.audit;

import java.security.KeyPair;

/** The ledger's checkpoint signing key pair, as a bean of its own type. */
public record AuditKeys(KeyPair pair) {
}
