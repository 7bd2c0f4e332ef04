#!/usr/bin/env bash
# Installs Debian's PostgreSQL when it is missing, starts its cluster and creates the role and database the
# publish tests use (by default role salescomp_test, password salescomp-test-secret, database salescomp_test on
# localhost:5432; the tests read the same SALESCOMP_TEST_PG_* variables). Idempotent; CI runs it as root.
set -euo pipefail

role="${SALESCOMP_TEST_PG_USER:-salescomp_test}"
# a role that may only read: the publish tests grant it SELECT (salescomp.publish.postgres.reader-role)
reader="${SALESCOMP_TEST_PG_READER:-salescomp_test_reader}"
password="${SALESCOMP_TEST_PG_PASSWORD:-salescomp-test-secret}"
database="${SALESCOMP_TEST_PG_DATABASE:-salescomp_test}"
port="${SALESCOMP_TEST_PG_PORT:-5432}"

as_postgres() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

if ! command -v pg_ctlcluster >/dev/null || ! compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; then
  echo "setup-postgres: installing postgresql (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if [[ -z "$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"')" ]]; then
  pg_createcluster "$version" main --port "$port" >/dev/null
fi
cluster_port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')"
if [[ -z "$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 ~ /^online/')" ]]; then
  pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h localhost -p "$cluster_port" && break
  sleep 1
done
pg_isready -h localhost -p "$cluster_port"

psql_admin() {
  as_postgres psql -p "$cluster_port" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}
if [[ "$(psql_admin -c "select count(*) from pg_roles where rolname = '$role'")" == 0 ]]; then
  psql_admin -c "create role \"$role\" login"
fi
if [[ "$(psql_admin -c "select count(*) from pg_roles where rolname = '$reader'")" == 0 ]]; then
  psql_admin -c "create role \"$reader\" nologin"
fi
# the password is set on every run, so a changed SALESCOMP_TEST_PG_PASSWORD takes effect
psql_admin -c "alter role \"$role\" with login password '${password//\'/\'\'}'"
if [[ "$(psql_admin -c "select count(*) from pg_database where datname = '$database'")" == 0 ]]; then
  psql_admin -c "create database \"$database\" owner \"$role\""
fi

if [[ "$cluster_port" != "$port" ]]; then
  echo "setup-postgres: warning: the cluster listens on port $cluster_port, not $port;" \
    "set SALESCOMP_TEST_PG_URL=jdbc:postgresql://localhost:$cluster_port/$database for the tests" >&2
fi
echo "setup-postgres: PostgreSQL $version on localhost:$cluster_port, database $database, role $role"
