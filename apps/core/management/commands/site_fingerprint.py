"""Print, as JSON, what the site serves that a restore must reproduce: every public
comparison of each process's published drafts (page, CSV and JSON export, as bytes, with
the per-response nonce and CSRF token taken out) and the whole change history."""

from __future__ import annotations

import hashlib
import json
import re

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import Client, override_settings

from apps.drafts.models import Draft, PeaceProcess
from apps.history.models import Change

_PLAIN_STATIC = "django.contrib.staticfiles.storage.StaticFilesStorage"
_PER_RESPONSE = re.compile(rb'(nonce|value|content)="[A-Za-z0-9+/=_-]{20,}"')


_MAIN = re.compile(rb"<main\b.*</main>", re.S)


def _digest(body: bytes) -> str:
    main = _MAIN.search(body)  # a page's content; exports whole
    return hashlib.sha256(_PER_RESPONSE.sub(b"", main.group(0) if main else body)).hexdigest()


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        # Static file names (hashed or not) come from the code, not the database: plain
        # names need no collectstatic run.
        plain = {**settings.STORAGES, "staticfiles": {"BACKEND": _PLAIN_STATIC}}
        with override_settings(STORAGES=plain):
            self._handle()

    def _handle(self):
        client = Client(SERVER_NAME="127.0.0.1")
        served = {}
        for process in PeaceProcess.objects.order_by("slug"):
            slugs = list(
                Draft.objects.published()
                .filter(process=process)
                .order_by("presented_on", "pk")
                .values_list("slug", flat=True)
            )
            specs = ["...".join(slugs[i : i + 2]) for i in range(len(slugs) - 1)]
            if len(slugs) > 2:
                specs.append("...".join(slugs[:6]))
            for spec in specs:
                for url in (f"/compare/{spec}/", f"/compare/{spec}/export.csv"):
                    response = client.get(url, follow=True)
                    served[url] = [response.status_code, _digest(response.content)]
                response = client.get(f"/compare/{spec}/export.json", follow=True)
                served[f"/compare/{spec}/export.json"] = [
                    response.status_code,
                    _digest(response.content),
                ]
        history = [
            [c.pk, c.content_type.natural_key(), c.object_id, c.action, c.user_name, c.at]
            + [c.fields, c.snapshot]
            for c in Change.objects.select_related("content_type").order_by("pk")
        ]
        history_digest = hashlib.sha256(
            json.dumps(history, sort_keys=True, default=str).encode()
        ).hexdigest()
        self.stdout.write(json.dumps({"served": served, "history": [len(history), history_digest]}))
