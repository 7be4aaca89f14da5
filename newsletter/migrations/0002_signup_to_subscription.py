"""Signups become subscriptions with double opt-in: a status and its dates, the topics chosen,
the consent given and the outbox of emails owed. The old rows are kept as they were in the
next migration; the address becomes unique in the one after."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("newsletter", "0001_initial"),
        ("topics", "0002_social_image"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.RenameModel("Signup", "Subscription"),
        migrations.AlterModelOptions(
            name="subscription",
            options={
                "ordering": ["-created_at", "-pk"],
                "verbose_name": "subscriber",
                "verbose_name_plural": "subscribers",
            },
        ),
        migrations.AddField(
            model_name="subscription",
            name="status",
            field=models.CharField(
                choices=[
                    ("pending", "Pending confirmation"),
                    ("confirmed", "Confirmed"),
                    ("unsubscribed", "Unsubscribed"),
                ],
                db_index=True,
                default="pending",
                max_length=12,
                verbose_name="status",
            ),
        ),
        migrations.AddField(
            model_name="subscription",
            name="topics",
            field=models.ManyToManyField(
                blank=True, related_name="+", to="topics.topicpage", verbose_name="topics"
            ),
        ),
        migrations.AddField(
            model_name="subscription",
            name="language",
            field=models.CharField(blank=True, max_length=10, verbose_name="language"),
        ),
        migrations.AddField(
            model_name="subscription",
            name="consent_version",
            field=models.CharField(
                blank=True,
                help_text="Which wording of the consent text the person agreed to.",
                max_length=32,
                verbose_name="consent text version",
            ),
        ),
        migrations.AddField(
            model_name="subscription",
            name="consent_given_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="consent given at"),
        ),
        migrations.AddField(
            model_name="subscription",
            name="confirmed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="confirmed at"),
        ),
        migrations.AddField(
            model_name="subscription",
            name="unsubscribed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="unsubscribed at"),
        ),
        migrations.AddField(
            model_name="subscription",
            name="confirmation_sent_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="confirmation email last sent at"
            ),
        ),
        migrations.AddField(
            model_name="subscription",
            name="email_due",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "None"),
                    ("confirmation", "Confirmation request"),
                    ("welcome", "Welcome"),
                ],
                default="",
                max_length=12,
                verbose_name="email to send",
            ),
        ),
        migrations.AddField(
            model_name="subscription",
            name="email_due_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="next sending attempt"),
        ),
        migrations.AddField(
            model_name="subscription",
            name="email_attempts",
            field=models.PositiveSmallIntegerField(
                default=0, verbose_name="failed sending attempts"
            ),
        ),
        migrations.AddField(
            model_name="subscription",
            name="note",
            field=models.CharField(blank=True, max_length=255, verbose_name="note"),
        ),
    ]
