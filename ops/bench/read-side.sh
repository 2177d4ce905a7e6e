#!/usr/bin/env bash
# Read-side benchmark: loads the demo data through the command side at each scale (default 1), then
# prints a full rebuild's events/s next to a raw sequential read of the event collection (target
# ratio 0.5), the heap a rebuild uses, dashboard read p50/p99 with 100 concurrent readers (target p99
# under 20 ms), and p50/p95/p99 over HTTP of what a page asks for, as of random instants and now: the
# global dashboard, one initiative's, the list of the initiatives' dashboards (targets p99 under
# 200 ms at 1×) and a commitment (target p99 under 50 ms), each with the load average beside it.
# Runs on the embedded server, or on the MongoDB in LEDGER_MONGODB_URI when that is set.
# Arguments: the scales, e.g. `ops/bench/read-side.sh 0.1 1 10`. HEAP (default 2g) sets -Xmx.
# LEDGER_BENCH_DATA_DIR=<folder> keeps the loaded ledger there, or reuses the one already there (its
# projections are then rebuilt, not caught up; LEDGER_BENCH_REBUILDS=dashboards rebuilds only that one, none none). Each projection is rebuilt twice at 1x or below (the
# first run of a process also pays for compiling its code), once beyond; beyond 1x the projections are
# not caught up after the load either, only rebuilt. LEDGER_BENCH_FSYNC=off runs the embedded server
# without fsync: for a large load whose durability does not matter, e.g. the heap of a 100x rebuild:
#   LEDGER_BENCH_FSYNC=off LEDGER_BENCH_DATA_DIR=/tmp/ledger-100x HEAP=4g ops/bench/read-side.sh 100
# "process CPU" counts every thread, the embedded server's too.
set -euo pipefail
cd "$(dirname "$0")/../.."
# One reactor run: the classpath then names the modules' own classes (embedded-store among them), never
# a copy of them in ~/.m2.
./mvnw -q -B -pl ledger-service -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="ledger-service/target/test-classes:ledger-service/target/classes:$(cat ledger-service/target/bench.classpath)"
exec java -Xmx"${HEAP:-2g}" -cp "$cp" org.equalityledger.service.query.ReadSideBenchmark "$@"
