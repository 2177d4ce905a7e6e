#!/usr/bin/env bash
# Audit benchmark: verify throughput (events/s, MB/s) next to raw SHA-256 over the same canonical bytes
# (each the best of three passes at 1x: a first pass also pays for compiling),
# and the time to answer an inclusion proof, at 1x and 100x of the demo scale (25,000 events).
# Arguments: the scales (default: 1 100). Runs on the embedded server, or on the MongoDB in
# LEDGER_MONGODB_URI when that is set.
set -euo pipefail
cd "$(dirname "$0")/../.."
# One reactor run: the classpath then names the modules' own classes (embedded-store among them), never
# a copy of them in ~/.m2.
./mvnw -q -B -pl ledger-service -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="ledger-service/target/test-classes:ledger-service/target/classes:$(cat ledger-service/target/bench.classpath)"
exec java -Xmx1g -cp "$cp" org.equalityledger.service.audit.AuditBenchmark "$@"
