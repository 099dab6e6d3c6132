"""A mail backend that delivers to the locmem outbox until it "crashes" on the Nth message.

The crash is a RuntimeError, not an SMTP error: nothing in the digest run catches it, so
the run stops there as a killed process would.
"""

from __future__ import annotations

from django.core.mail.backends.locmem import EmailBackend as LocmemBackend

CRASH_AT = {"n": 0}  # crash on this message of the run (1-based); 0: never


class EmailBackend(LocmemBackend):
    sent_in_run = 0

    def send_messages(self, messages):
        for message in messages:
            type(self).sent_in_run += 1
            if type(self).sent_in_run == CRASH_AT["n"]:
                raise RuntimeError("the process died while sending")
            super().send_messages([message])
        return len(messages)
