"""Wagtail's locales by id and by language code, from a cached map: pages name their locale by
id, and the map changes only when an administrator adds or removes a language."""

from django.conf import settings
from django.core.cache import cache
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.formats import number_format

from wagtail.models import Locale

LOCALES_CACHE_KEY = "ishr:locale-language-codes"


def locale_codes(refresh=False):
    """The language code of each locale, by id: cached, read again when ``refresh``."""
    codes = None if refresh else cache.get(LOCALES_CACHE_KEY)
    if codes is None:
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        cache.set(LOCALES_CACHE_KEY, codes, None)
    return codes


def grouped(number):
    """A count written as the active language writes large numbers: "1,234" in English,
    "1 234" in French and Spanish (Django's formats)."""
    return number_format(number, force_grouping=True)


def language_of(page):
    """The language code of ``page``'s locale."""
    codes = locale_codes()
    if page.locale_id not in codes:
        codes = locale_codes(refresh=True)
    return codes.get(page.locale_id, settings.LANGUAGE_CODE)


def locale_id_of(language):
    """The id of the locale of ``language`` (a code), or None."""
    codes = locale_codes()
    if language not in codes.values():
        codes = locale_codes(refresh=True)
    return next((pk for pk, code in codes.items() if code == language), None)


@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
def forget_locales(**kwargs):
    cache.delete(LOCALES_CACHE_KEY)


def in_default_language():
    """``limit_choices_to`` of a relation that always names the default language's version of a
    translatable snippet (its translations name it in their language)."""
    return {"locale_id": locale_id_of(settings.LANGUAGE_CODE)}


def translated(model, translation_key, locale_id, field, fallback=None):
    """An expression: ``field`` of the version in ``locale_id``'s language of the ``model``
    object whose translation key ``translation_key`` names (an outer reference), else
    ``fallback`` (an expression). Filter lists name snippets in the page's language this way in
    the query that lists them, whatever language the items that use them are in."""
    value = Subquery(
        model.objects.filter(translation_key=OuterRef(translation_key), locale_id=locale_id)
        .order_by()
        .values(field)[:1]
    )
    return value if fallback is None else Coalesce(value, fallback)
