# PeaceTracker web image: gunicorn serving Django, whitenoise serving hashed static files.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/app/.venv \
    UV_PYTHON_DOWNLOADS=never \
    PATH=/app/.venv/bin:$PATH

WORKDIR /app
RUN pip install --no-cache-dir "uv==0.13.9"
# Tesseract reads photographed and scanned pages (apps/imports/files.py).
RUN apt-get update && apt-get install -y --no-install-recommends tesseract-ocr \
    && rm -rf /var/lib/apt/lists/*

# Dependencies first, so code changes do not reinstall them.
COPY pyproject.toml uv.lock .python-version ./
RUN uv sync --locked --no-dev --no-install-project

COPY manage.py ./
COPY peacetracker ./peacetracker
COPY apps ./apps
COPY templates ./templates
COPY static ./static
COPY docker/entrypoint.sh /entrypoint.sh

# collectstatic needs settings but no database or real secret.
RUN DEBUG=false SECRET_KEY=collectstatic-only-not-a-real-secret-0123456789abcdefghijklmnop \
    ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput

RUN useradd --system --uid 10001 peacetracker \
    && mkdir -p /app/media && chown peacetracker /app/media
USER peacetracker

EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz/').status != 200)"
ENTRYPOINT ["/entrypoint.sh"]
CMD ["gunicorn", "peacetracker.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--worker-class", "gthread", "--threads", "2", "--timeout", "30", "--max-requests", "1000", "--max-requests-jitter", "100", "--access-logfile", "-"]
