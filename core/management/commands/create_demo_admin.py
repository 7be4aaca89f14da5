from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "ishr-demo-admin"


class Command(BaseCommand):
    help = "Create (or reset) the demo superuser for local development and print its login."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo admin is for local development only (DEBUG is off).")
        user, created = get_user_model().objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={"email": "admin@example.org", "first_name": "Demo", "last_name": "Admin"},
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo admin {'created' if created else 'ready'}: log in at {base}/admin/ "
                f"as {DEMO_USERNAME!r} with password {DEMO_PASSWORD!r}"
            )
        )
