"""Demo accounts for local development: a superuser, an editor and a moderator."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from editorial.setup import EDITORS, MODERATORS

# (username, password, group or None for the superuser)
DEMO_ACCOUNTS = [
    ("admin", "ishr-demo-admin", None),
    ("editor", "ishr-demo-editor", EDITORS),
    ("moderator", "ishr-demo-moderator", MODERATORS),
]


class Command(BaseCommand):
    help = (
        "Create (or reset) the demo superuser, editor and moderator for local development and "
        "print their logins."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo accounts are for local development only (DEBUG is off).")
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(self.style.SUCCESS(f"Demo accounts: log in at {base}/admin/ as"))
        for username, password, group_name in DEMO_ACCOUNTS:
            user, _ = get_user_model().objects.get_or_create(
                username=username,
                defaults={
                    "email": f"{username}@example.org",
                    "first_name": "Demo",
                    "last_name": username.capitalize(),
                },
            )
            user.is_active = True
            user.is_staff = user.is_superuser = group_name is None
            user.set_password(password)
            user.save()
            if group_name:
                user.groups.set([Group.objects.get(name=group_name)])
            role = group_name or "superuser"
            self.stdout.write(f"  {username!r} with password {password!r} ({role})")
