"""The signups made before double opt-in survive the migration: one pending subscription per
address, with a note, and no email queued for them."""

import datetime

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

import pytest

from newsletter.models import Subscription

BEFORE = [("newsletter", "0001_initial")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_old_signups_become_pending_subscriptions_one_per_address_with_a_note():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE)
    Signup = executor.loader.project_state(BEFORE).apps.get_model("newsletter", "Signup")
    first = timezone.now() - datetime.timedelta(days=30)
    for days, email, consent in [
        (0, "Defender@Example.org", True),
        (5, " defender@example.org", True),
        (1, "other@example.org", False),
    ]:
        signup = Signup.objects.create(email=email, consent=consent)
        Signup.objects.filter(pk=signup.pk).update(
            created_at=first + datetime.timedelta(days=days)
        )

    executor = MigrationExecutor(connection)
    executor.migrate(latest)

    subscriptions = {s.email: s for s in Subscription.objects.all()}
    assert set(subscriptions) == {"defender@example.org", "other@example.org"}
    kept = subscriptions["defender@example.org"]
    assert kept.created_at == first, "the oldest signup of an address is kept"
    assert kept.status == Subscription.Status.PENDING
    assert "before double opt-in" in kept.note
    assert kept.consent_version == "before-double-opt-in"
    assert kept.consent_given_at == first
    assert subscriptions["other@example.org"].consent_given_at is None
    assert not Subscription.objects.exclude(email_due="").exists(), "no email is queued"
