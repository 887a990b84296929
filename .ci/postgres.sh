#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages (when missing), starts it on 127.0.0.1, creates the
# `lanyard` role and the `lanyard_test` database, and prints the line that points the store tests at it:
#   eval "$(.ci/postgres.sh)"   # sets LANYARD_TEST_POSTGRES_URL
# Progress goes to stderr; stdout carries only the export line. Safe to run more than once.
set -euo pipefail

ROLE=lanyard
PASSWORD=lanyard
DATABASE=lanyard_test

log() { echo "postgres.sh: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql"
  as_root apt-get update -qq >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
cluster() { pg_lsclusters -h | awk -v v="$VERSION" -v f="$1" '$1 == v && $2 == "main" { print $f }'; }

if [ -z "$(cluster 2)" ]; then
  log "creating cluster $VERSION/main"
  as_root pg_createcluster "$VERSION" main >&2
fi
if [ "$(cluster 4)" != online ]; then
  log "starting cluster $VERSION/main"
  as_root pg_ctlcluster "$VERSION" main start >&2
fi
PORT=$(cluster 3)

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$PORT" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$PORT" || { log "PostgreSQL does not answer on 127.0.0.1:$PORT"; exit 1; }

psql_admin() { as_postgres psql -v ON_ERROR_STOP=1 -q -p "$PORT" "$@" >&2; }
psql_admin -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD';
  END IF;
END \$\$;"
if ! as_postgres psql -p "$PORT" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'" | grep -q 1; then
  psql_admin -c "CREATE DATABASE $DATABASE OWNER $ROLE"
fi

URL="postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DATABASE"
PGPASSWORD=$PASSWORD psql -q -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$DATABASE" -c 'SELECT 1' >/dev/null
log "ready at 127.0.0.1:$PORT"
echo "export LANYARD_TEST_POSTGRES_URL=$URL"
