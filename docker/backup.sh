#!/bin/sh
# Dump the PostgreSQL database every BACKUP_INTERVAL seconds into /backups, keeping the
# BACKUP_KEEP newest dumps (pg_dump custom format; restore with pg_restore, or prove a
# dump with `manage.py restore_drill --dump FILE`).
set -eu
interval="${BACKUP_INTERVAL:-86400}"
keep="${BACKUP_KEEP:-7}"
mkdir -p /backups
while true; do
    stamp="$(date -u +%Y%m%dT%H%M%SZ)"
    if pg_dump -Fc --no-owner -f "/backups/peacetracker-$stamp.dump.part" "$PGDATABASE"; then
        mv "/backups/peacetracker-$stamp.dump.part" "/backups/peacetracker-$stamp.dump"
        echo "backup: /backups/peacetracker-$stamp.dump"
        # Keep the newest $keep dumps (names sort by time).
        ls -1 /backups/peacetracker-*.dump | sort -r | tail -n "+$((keep + 1))" | xargs -r rm -f
    else
        rm -f "/backups/peacetracker-$stamp.dump.part"
        echo "backup: pg_dump failed" >&2
    fi
    sleep "$interval"
done
