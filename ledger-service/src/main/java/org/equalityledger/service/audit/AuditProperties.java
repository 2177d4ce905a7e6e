package org.equalityledger.service.audit;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The audit's settings, under {@code ledger.audit}.
 *
 * @param checkpointInterval how often the sealer looks for new events and signs a checkpoint over them;
 *                           zero or negative turns the schedule off (checkpoints are then made on demand only)
 * @param signingKeyPath     the folder of the Ed25519 checkpoint key ({@code checkpoint-signing-key.pem} and
 *                           {@code checkpoint-signing-key.pub.pem}); required with a real MongoDB, by default
 *                           {@code <data-dir>/keys} on the embedded store, created there on first start
 * @param sealerLease        how long a sealing instance holds the lease without renewing it
 */
@ConfigurationProperties(prefix = "ledger.audit")
public record AuditProperties(Duration checkpointInterval, Path signingKeyPath, Duration sealerLease) {

    public AuditProperties {
        checkpointInterval = checkpointInterval == null ? Duration.ofMinutes(1) : checkpointInterval;
        sealerLease = sealerLease == null ? Duration.ofMinutes(2) : sealerLease;
        signingKeyPath = signingKeyPath == null || signingKeyPath.toString().isBlank() ? null : signingKeyPath;
    }
}
