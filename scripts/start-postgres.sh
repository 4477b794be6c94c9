#!/usr/bin/env bash
# Starts Debian's PostgreSQL 15 for local tests and CI: loopback connections trusted (test machine only).
set -euo pipefail
conf=/etc/postgresql/15/main/pg_hba.conf
if ! grep -q '^host all all 127.0.0.1/32 trust' "$conf"; then
  sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+$/\1trust/' "$conf"
  sed -i -E 's/^(host\s+replication\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+$/\1trust/' "$conf"
  printf 'host all all 127.0.0.1/32 trust\n' >> "$conf"
fi
pg_ctlcluster 15 main start 2>/dev/null || pg_ctlcluster 15 main reload
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && exit 0; sleep 1; done
echo "PostgreSQL did not start" >&2; exit 1
