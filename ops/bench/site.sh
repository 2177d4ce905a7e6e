#!/usr/bin/env bash
# The public site's speed benchmark: builds from this checkout with one reactor run, starts the service
# on the embedded server with the demo data at the scale given (default 1) loaded through the command
# side, waits until every projection has caught up, then prints for each page type (home, an
# initiative, a commitment, its maker, the 2023 reporting cycle, the commitments list; each now and as
# of an instant) the server time of the first request and p50/p95/p99 over 100 more on loopback (targets: p95 under 100 ms
# now, under 300 ms as of an instant), the bytes a first visit of / transfers compressed (the page and
# every style sheet, script, source map and map data it references; target under 500 KB), and the
# load average; then the workspace pages signed in as their roles (p50/p95/p99, target p95 under 100 ms).
# A page not built on this branch answers 404 and is printed as missing.
# Usage: ops/bench/site.sh [scale]   HEAP (default 2g) sets -Xmx.
set -euo pipefail
cd "$(dirname "$0")/../.."
# One reactor run: the classpath then names the modules' own classes, never a copy of them in ~/.m2.
./mvnw -q -B -pl ledger-service -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="ledger-service/target/test-classes:ledger-service/target/classes:$(cat ledger-service/target/bench.classpath)"
exec java -Xmx"${HEAP:-2g}" -cp "$cp" org.equalityledger.service.site.SiteBenchmark "${1:-1}"
