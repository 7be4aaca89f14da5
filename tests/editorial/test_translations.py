"""Editors translate pages with wagtail-localize: submit a page and its subtree for translation,
translate its strings in the translation editor, publish, and see the translation go out of
date when the source changes."""

import json
import re

from django.contrib.auth.models import Group

from wagtail.models import Locale
from wagtail.users.models import UserProfile

import polib
import pytest
from wagtail_localize.models import Translation, TranslationSource

from editorial.setup import EDITORS, MODERATORS, WORKFLOW_NAME

pytestmark = pytest.mark.django_db


def translate_strings(translation, translations):
    """Give ``translation`` the texts of ``translations`` (source text → translated text), as
    the translation editor or an uploaded PO file would."""
    po = translation.export_po()
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    translation.import_po(polib.pofile(str(po)))


def test_a_page_is_submitted_translated_published_and_later_out_of_date(
    admin_client, tree, django_capture_on_commit_callbacks
):
    french = Locale.objects.get(language_code="fr")

    response = admin_client.post(
        f"/admin/localize/submit/page/{tree.home.pk}/",
        {"locales": [french.pk], "include_subtree": "on"},
    )

    assert response.status_code == 302
    home = tree.home.get_translation(french)
    topics = tree.topic_index.get_translation(french)
    assert not home.live, "a translation stays a draft until it is published"
    editor = admin_client.get(f"/admin/pages/{home.pk}/edit/")
    assert editor.status_code == 200
    assert "Translation of International Service for Human Rights into French" in (
        editor.content.decode()
    ), "the page opens in wagtail-localize's translation editor"

    translation = Translation.objects.get(
        source__object_id=tree.home.translation_key, target_locale=french
    )
    translate_strings(
        translation,
        {tree.home.title: "Service international pour les droits humains", "Hello.": "Bonjour."},
    )
    # wagtail-localize publishes once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    translate_strings(
        Translation.objects.get(source__object_id=topics.translation_key, target_locale=french),
        {"Our priorities": "Nos priorités", "topics": "nos-priorites"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(
            source__object_id=topics.translation_key, target_locale=french
        ).save_target(publish=True)

    page = admin_client.get("/fr/")
    assert page.status_code == 200
    assert "Bonjour." in page.content.decode()
    assert '<html lang="fr">' in page.content.decode()
    assert admin_client.get("/fr/nos-priorites/").status_code == 200

    # The English home changes: the source is updated, the French text keeps its translation
    # of what did not change, and the new text waits for a translator.
    tree.home.intro = "Hello, again."
    tree.home.save_revision().publish()
    source = TranslationSource.objects.get(object_id=tree.home.translation_key)
    update = admin_client.get(f"/admin/localize/update/{source.pk}/")
    assert update.status_code == 200
    source.update_from_db()
    translation.refresh_from_db()
    progress = translation.get_progress()
    assert progress[1] < progress[0], "the new text is not translated yet"


def test_an_update_type_is_translated_as_a_snippet_and_keeps_its_slug(admin_client, tree):
    french = Locale.objects.get(language_code="fr")

    response = admin_client.post(
        f"/admin/localize/submit/snippet/updates/updatetype/{tree.statement.pk}/",
        {"locales": [french.pk]},
    )

    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=tree.statement.translation_key, target_locale=french
    )
    translate_strings(translation, {"Statement": "Déclaration"})
    translation.save_target()
    in_french = tree.statement.get_translation(french)
    assert (in_french.name, in_french.slug) == ("Déclaration", "statement")
    listing = admin_client.get("/admin/snippets/updates/updatetype/?locale=fr")
    assert "Déclaration" in listing.content.decode()


def test_a_translation_goes_through_the_same_moderation_workflow(
    tree, django_user_model, django_capture_on_commit_callbacks
):
    editor = django_user_model.objects.create_user("edith", "edith@example.org", "pw")
    editor.groups.add(Group.objects.get(name=EDITORS))
    moderator = django_user_model.objects.create_user("moritz", "moritz@example.org", "pw")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    tree.translate(tree.home, "fr", title="Accueil")
    tree.translate(tree.topic_index, "fr", title="Nos priorités", slug="nos-priorites")
    draft = tree.translate(tree.migrants, "fr", live=False, title="Droits des migrants")

    workflow = draft.get_workflow()
    assert workflow.name == WORKFLOW_NAME
    assert not draft.permissions_for_user(editor).can_publish()
    assert draft.permissions_for_user(editor).can_edit()

    state = workflow.start(draft, editor)
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(draft, moderator)
    assert not task_state.task.specific.user_can_access_editor(draft, editor) or not (
        task_state.task.specific.get_actions(draft, editor)
    )
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(task_state, moderator, "approve")
    draft.refresh_from_db()
    assert draft.live and draft.url == "/fr/nos-priorites/migrant-and-refugee-rights/"


@pytest.mark.parametrize(
    ("language", "dashboard", "subscribers"),
    [("fr", "Tableau de bord", "Abonnés"), ("es", "Panel de control", "Personas suscritas")],
)
def test_an_editor_who_chooses_french_or_spanish_gets_the_admin_in_it(
    client, tree, django_user_model, language, dashboard, subscribers
):
    editor = django_user_model.objects.create_superuser("ana", "ana@example.org", "pw")
    client.force_login(editor)
    preferences = client.get("/admin/account/").content.decode()
    offered = re.search(
        r'<select name="locale-preferred_language"[^>]*>(.*?)</select>', preferences, re.S
    )
    assert set(re.findall(r'<option value="(\w+)"', offered.group(1))) == {"en", "fr", "es"}

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    html = client.get("/admin/").content.decode()

    assert f'<html lang="{language}"' in html
    assert f"<title>{dashboard} - " in html  # then the organisation's short name
    # The project's own menu items too, in the menu's JSON.
    assert f'"label": {json.dumps(subscribers)}' in html
