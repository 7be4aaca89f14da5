"""Editors translate pages with wagtail-localize: submit a page and its subtree for translation,
translate its strings in the translation editor, publish, and see the translation go out of
date when the source changes."""

from wagtail.models import Locale

import polib
import pytest
from wagtail_localize.models import Translation, TranslationSource

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
