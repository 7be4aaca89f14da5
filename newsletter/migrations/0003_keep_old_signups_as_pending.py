"""The signups made before double opt-in: one per address, kept as pending with a note.

They gave consent on the old form but never confirmed their address, so they are not
confirmed subscribers; no email is queued for them (sending every old signup a confirmation
request on deploy would surprise them). Editors can see them in the admin, filtered by status.
Repeated signups of one address (the old form allowed them) are merged into the oldest.
"""

from django.db import migrations

NOTE = "Signed up before double opt-in was introduced; never confirmed."


def keep_old_signups_as_pending(apps, schema_editor):
    Subscription = apps.get_model("newsletter", "Subscription")
    kept = {}
    for signup in Subscription.objects.order_by("created_at", "pk"):
        email = signup.email.strip().lower()
        if email in kept:
            signup.delete()
            continue
        kept[email] = signup
        signup.email = email
        signup.status = "pending"
        signup.note = NOTE
        if signup.consent:
            signup.consent_version = "before-double-opt-in"
            signup.consent_given_at = signup.created_at
        signup.save()


def rename_permissions(apps, schema_editor):
    """Keep any permission given on signups, under the model's new name."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type = ContentType.objects.filter(
        app_label="newsletter", model="subscription"
    ).first()
    if content_type is None:
        return
    for action in ("add", "change", "delete", "view"):
        new_codename = f"{action}_subscription"
        if Permission.objects.filter(content_type=content_type, codename=new_codename).exists():
            continue
        Permission.objects.filter(
            content_type=content_type, codename=f"{action}_signup"
        ).update(codename=new_codename, name=f"Can {action} subscriber")


class Migration(migrations.Migration):

    dependencies = [
        ("newsletter", "0002_signup_to_subscription"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(keep_old_signups_as_pending, migrations.RunPython.noop),
        migrations.RunPython(rename_permissions, migrations.RunPython.noop),
    ]
