from django.core.management.base import BaseCommand, CommandError

from apps.alerts.digests import run


class Command(BaseCommand):
    help = (
        "Compose and send the email digests that are due (daily or weekly). Safe to run as "
        "often as you like and to stop at any point: nothing is sent twice, nothing is lost."
    )

    def handle(self, *args, **options):
        result = run()
        self.stdout.write(
            f"Digests composed: {result.composed}, sent: {result.sent}, "
            f"not sent (will retry): {result.failed}"
        )
        if result.failed:
            raise CommandError(f"{result.failed} digest(s) could not be sent; they stay queued.")
