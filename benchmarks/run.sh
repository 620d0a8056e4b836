#!/usr/bin/env bash
# Builds the benchmark programs and migrate's command line, then runs the benchmarks:
#   benchmarks/run.sh            the full run (about half an hour on 2 cores)
#   benchmarks/run.sh --quick    a smoke check: small N, two runs each
# Options: --scenarios apply,nothing-pending,boot,race   --repetitions N   --sizes N,...   --skip program,...   --without-index
# The PostgreSQL server comes from MIGRATE_TEST_JDBC_URL, _USER and _PASSWORD (as for the tests);
# the user must be allowed to create databases. Needs psql and GNU time (/usr/bin/time).
# Extra Maven arguments (e.g. -o) go in BENCHMARKS_MAVEN_ARGS. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
modules=migrate-cli
for module in harness floor-jdbc api-migrate api-flyway api-liquibase boot-app boot-app-actuator \
		boot-migrate boot-migrate-actuator boot-starter-floor boot-flyway boot-liquibase; do
	modules="$modules,benchmarks/$module"
done
# shellcheck disable=SC2086
mvn -B -q ${BENCHMARKS_MAVEN_ARGS:-} package -Dmaven.test.skip=true -pl "$modules" -am
harness=benchmarks/harness/target
exec java -cp "$(ls $harness/migrate-benchmarks-harness-*.jar):$(cat $harness/classpath.txt)" \
	-Dbenchmarks.project="$PWD" dev.migrate.benchmarks.Benchmarks "$@"
