#!/usr/bin/env bash
# Restore drill for the PostgreSQL backups of docs/clinic.md ("Backups", PostgreSQL), run on a scratch cluster of
# Debian's PostgreSQL 15 (its own data directory and port; the test cluster is not touched):
#   1. pg_dump -Fc of a live Footing database, pg_restore into a new database, footing migrate and clinic list on it;
#   2. point-in-time recovery: WAL archived by archive_command, a pg_basebackup, a write, the time noted, a
#      "mistaken" write; the cluster is rebuilt from the base backup and the archive up to the noted time, and only
#      the write before that time is there.
# Each step's result is checked; it prints "drill passed" or fails naming the step. Needs root (it runs PostgreSQL
# as the postgres user) and about a minute. Usage: bash scripts/pg-backup-drill.sh [PORT] (default 5499).
set -euo pipefail
port=${1:-5499}
bin=/usr/lib/postgresql/15/bin
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/footing-pg-drill-XXXXXX)
chown postgres "$work"
as_pg() { runuser -u postgres -- "$@"; }
footing() { (cd "$here" && node bin/footing.js "$@"); }
fail() { echo "drill FAILED: $*" >&2; exit 1; }
stop() { as_pg "$bin/pg_ctl" -D "$1" -m fast stop >/dev/null 2>&1 || true; }
trap 'stop "$work/data"; stop "$work/restored"; rm -rf "$work"' EXIT

# A scratch cluster that archives every WAL segment, as docs/clinic.md sets it up.
as_pg "$bin/initdb" -D "$work/data" -A trust -U postgres >/dev/null
as_pg mkdir "$work/wal-archive"
cat >> "$work/data/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $work/wal-archive/%f && cp %p $work/wal-archive/%f'
archive_timeout = 300
CONF
as_pg "$bin/pg_ctl" -D "$work/data" -l "$work/data.log" -w start >/dev/null
psql_() { "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -XAtq "$@"; }
psql_ -c 'CREATE DATABASE footing'
export DATABASE_URL="postgres://postgres@127.0.0.1:$port/footing"
footing migrate >/dev/null
footing clinic create 'Clinic A (before the base backup)' >/dev/null

# 1. Dump and restore.
"$bin/pg_dump" -Fc -f "$work/footing.dump" "$DATABASE_URL"
psql_ -c 'CREATE DATABASE footing_restored'
"$bin/pg_restore" --no-owner --exit-on-error -d "postgres://postgres@127.0.0.1:$port/footing_restored" "$work/footing.dump"
DATABASE_URL="postgres://postgres@127.0.0.1:$port/footing_restored" footing migrate >/dev/null || fail 'footing migrate on the restored dump'
restored=$(DATABASE_URL="postgres://postgres@127.0.0.1:$port/footing_restored" footing clinic list)
grep -q 'Clinic A' <<<"$restored" || fail "the restored dump lacks Clinic A: $restored"
echo "dump: pg_dump -Fc, pg_restore into a new database, footing migrate and clinic list: Clinic A is there"

# 2. PITR: base backup, a write, the moment to go back to, a mistaken write.
as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$port" -U postgres -D "$work/base" -Ft -z -X stream -c fast
footing clinic create 'Clinic B (after the base backup)' >/dev/null
sleep 1.1
target=$(psql_ -c "SELECT now()")
sleep 1.1
footing clinic create 'Clinic C (the mistake)' >/dev/null
# Closes the segment holding C, so that it is archived too; waits until the archiver has it.
closed=$(psql_ -c 'SELECT pg_walfile_name(pg_switch_wal())')
for _ in $(seq 1 60); do
  [ -f "$work/wal-archive/$closed" ] && break
  sleep 1
done
[ -f "$work/wal-archive/$closed" ] || fail "WAL segment $closed was not archived"
stop "$work/data"

# Restore onto an empty data directory: base.tar.gz, pg_wal.tar.gz into pg_wal/, restore_command, target time.
as_pg mkdir -m 700 "$work/restored"
as_pg tar -xzf "$work/base/base.tar.gz" -C "$work/restored"
as_pg tar -xzf "$work/base/pg_wal.tar.gz" -C "$work/restored/pg_wal"
cat >> "$work/restored/postgresql.conf" <<CONF
restore_command = 'cp $work/wal-archive/%f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
archive_mode = off
CONF
as_pg touch "$work/restored/recovery.signal"
as_pg "$bin/pg_ctl" -D "$work/restored" -l "$work/restored.log" -w -t 120 start >/dev/null
for _ in $(seq 1 60); do [ "$(psql_ -c 'SELECT pg_is_in_recovery()')" = f ] && break; sleep 1; done
[ "$(psql_ -c 'SELECT pg_is_in_recovery()')" = f ] || fail 'the restored cluster did not finish recovery'
footing migrate >/dev/null || fail 'footing migrate on the recovered database'
clinics=$(footing clinic list)
grep -q 'Clinic A' <<<"$clinics" || fail "PITR lost Clinic A: $clinics"
grep -q 'Clinic B' <<<"$clinics" || fail "PITR lost Clinic B, written before the target time: $clinics"
! grep -q 'Clinic C' <<<"$clinics" || fail "PITR kept Clinic C, written after the target time: $clinics"
echo "PITR: base backup + archived WAL replayed to $target: Clinics A and B are there, C (after it) is not"
echo 'drill passed'
