"""The translation catalogs in locale/ are complete and compiled: every interface string has a
French and a Spanish translation that no one has left fuzzy, and every translation in a ``.po``
file is in the ``.mo`` file Django reads (``make messages`` compiles them)."""

from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def translations(entries):
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr or dict(entry.msgstr_plural)
        for entry in entries
    }


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_translation_of_the_catalog_is_compiled(language):
    catalog = LOCALE / language / "LC_MESSAGES"
    po = polib.pofile(catalog / "django.po")
    mo = polib.mofile(catalog / "django.mo")

    expected = translations(po.translated_entries())
    compiled = translations(entry for entry in mo if entry.msgid)

    assert expected, "nothing translated yet"
    missing = {key: text for key, text in expected.items() if compiled.get(key) != text}
    assert not missing, f"run make messages: {len(missing)} translations are not compiled"


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_interface_string_is_translated_and_none_is_fuzzy(language):
    po = polib.pofile(LOCALE / language / "LC_MESSAGES" / "django.po")

    assert po.metadata["Language"] == language
    assert not po.metadata_is_fuzzy, "the header is marked fuzzy: msgfmt would ignore it"
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:3]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy (check and translate them), e.g. {fuzzy[:3]}"
    for entry in po.translated_entries():
        if entry.msgid_plural:
            assert all(entry.msgstr_plural.values()), entry.msgid
