#!/bin/sh
# Apply migrations on start, then run the given command (gunicorn by default).
set -e
# gunicorn believes X-Forwarded-Proto only from the proxies Django trusts: none unless
# TRUSTED_PROXIES names them (never "*": a client reaching the port directly could claim HTTPS).
export FORWARDED_ALLOW_IPS="${TRUSTED_PROXIES:-}"
if [ "${MIGRATE_ON_START:-true}" = "true" ]; then
    python manage.py migrate --noinput
fi
exec "$@"
