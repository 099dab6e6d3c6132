#!/bin/sh
# Apply migrations on start, then run the given command (gunicorn by default).
set -e
if [ "${MIGRATE_ON_START:-true}" = "true" ]; then
    python manage.py migrate --noinput
fi
exec "$@"
