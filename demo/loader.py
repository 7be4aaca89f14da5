"""The engine that turns `demo.content` into a site: it creates what is missing and brings up to
date what differs, so that loading the demo again changes nothing.

Every object is looked up by its slug or natural key, and a page is only published again when the
content given to it here has changed. The counts of what was created, updated or left unchanged
are what `load_demo_content` reports.
"""

import json
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from io import BytesIO
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.text import slugify

from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.search.index import get_indexed_models
from wagtail.search.signal_handlers import post_save_signal_handler

import polib
from wagtail_localize.models import Translation, TranslationSource

from core.models import CountryOrRegion, SiteSettings
from demo.content.pictures import LICENCE, PICTURES
from demo.content.site import (
    FOOTER_SETTINGS,
    HOME_INTRO,
    HOME_TITLE,
    INDEX_PAGES,
    PRIVACY_NOTICE,
    home_fields,
)
from demo.content.snippets import (
    MECHANISMS,
    PLACES,
    SESSIONS,
    TRANSLATED_SNIPPETS,
    UPDATE_TYPES,
)
from demo.content.stories import story_specs
from demo.content.topics import topic_specs
from demo.content.translations import TEXTS, TRANSLATED_PAGES
from demo.content.updates import update_specs
from demo.drawing import jpeg
from home.models import HomePage, StandardPage
from stories.models import StoryPage
from topics.models import TopicPage
from updates.models import Mechanism, MechanismSession, UpdatePage, UpdateType

LOCAL_HOSTNAMES = {"localhost", "127.0.0.1"}


def local_address():
    """Host and port of WAGTAILADMIN_BASE_URL when it is a local address, else Wagtail's default
    site address (localhost, port 80)."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if address.hostname not in LOCAL_HOSTNAMES:
        return "localhost", 80
    return address.hostname, address.port or (443 if address.scheme == "https" else 80)


@contextmanager
def search_index_updated_once():
    """Update the search index once for each object saved inside, at the end, instead of at
    every save.

    Wagtail saves a new page three times (added to the tree, its first revision, published), and
    the search index updates the page's entry after each save, with the same title and text: a
    third of a load's queries. Inside, the index's save handlers are disconnected and the objects
    saved are noted in the order they were first saved; the index is then updated in that order,
    so that its entries come out as they always did, ids and title norms included (the SQLite
    backend computes a new entry's norm from the entries already there). Deletions still reach
    the index at once. Use it inside the load's transaction: if the load fails, nothing is
    indexed, and the handlers are connected again either way."""
    saved = {}

    def note(sender, instance, raw=False, **kwargs):
        if not raw:
            saved.setdefault((sender, instance.pk), instance)

    paused = [
        model
        for model in get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    for model in paused:
        post_save.connect(note, sender=model, weak=False)
    try:
        yield
    finally:
        for model in paused:
            post_save.disconnect(note, sender=model)
            post_save.connect(post_save_signal_handler, sender=model)
    for instance in saved.values():
        post_save_signal_handler(instance)


@dataclass
class Refs:
    """What the page specifications refer to, filled in as the loader goes along."""

    images: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)
    places: dict = field(default_factory=dict)
    update_types: dict = field(default_factory=dict)
    mechanisms: dict = field(default_factory=dict)
    sessions: dict = field(default_factory=dict)


class DemoLoader:
    """One load of the demo content: ``load()`` creates or updates everything, in one
    transaction, and returns the counts of what it did."""

    def __init__(self):
        self.counts = Counter()
        self.refs = Refs()

    def load(self):
        with transaction.atomic(), search_index_updated_once():
            self.load_images()
            self.load_snippets()
            home = self.load_home_shell()
            self.load_index_pages(home)
            self.load_topics()
            self.load_updates()
            self.load_stories()
            self.save_page(home.get_parent(), HomePage, "home", home_fields(self.refs), page=home)
            self.load_site_settings(home)
            self.load_translations(home)
        return self.counts

    # Images.

    def load_images(self):
        image_model = get_image_model()
        for spec in PICTURES:
            values = {
                "alt_text": spec.alt_text,
                "credit": spec.credit,
                "licence": LICENCE,
                "source_url": "",
            }
            image = image_model.objects.filter(title=spec.title).order_by("pk").first()
            if image is None:
                image = image_model(title=spec.title, **values)
                self._attach_file(image, spec)
                image.save()
                self.counts["images created"] += 1
            else:
                changed = {k: v for k, v in values.items() if getattr(image, k) != v}
                missing = not image.file or not image.file.storage.exists(image.file.name)
                if missing:  # the media folder was emptied: store the picture again
                    image.renditions.all().delete()
                    self._attach_file(image, spec)
                if changed or missing:
                    for name, value in changed.items():
                        setattr(image, name, value)
                    image.save()
                    self.counts["images updated"] += 1
                else:
                    self.counts["images unchanged"] += 1
            self.refs.images[spec.key] = image

    def _attach_file(self, image, spec):
        image.file = ImageFile(BytesIO(jpeg(spec.drawing)), name=f"{slugify(spec.title)}.jpg")
        image._set_image_file_metadata()

    # Snippets.

    def load_snippets(self):
        refs = self.refs
        for slug, name in UPDATE_TYPES:
            refs.update_types[slug] = self.save_snippet(UpdateType, {"slug": slug}, name=name)
        for acronym, name in MECHANISMS:
            refs.mechanisms[acronym] = self.save_snippet(
                Mechanism, {"acronym": acronym}, name=name
            )
        for name, acronym, starts_on, ends_on in SESSIONS:
            refs.sessions[name] = self.save_snippet(
                MechanismSession,
                {"name": name},
                mechanism=refs.mechanisms[acronym],
                starts_on=starts_on,
                ends_on=ends_on,
            )
        for slug, name, kind in PLACES:
            refs.places[slug] = self.save_snippet(
                CountryOrRegion, {"slug": slug}, name=name, kind=kind
            )
        for language, texts in TRANSLATED_SNIPPETS.items():
            locale = Locale.objects.get(language_code=language)
            for slug, name in texts["update_types"].items():
                self.save_translation(refs.update_types[slug], locale, name=name)
            for key, (acronym, name) in texts["mechanisms"].items():
                self.save_translation(refs.mechanisms[key], locale, acronym=acronym, name=name)
            for slug, name in texts["places"].items():
                self.save_translation(refs.places[slug], locale, name=name)

    def save_snippet(self, model, lookup, **values):
        """The snippet found by ``lookup`` (in the default language, for a translatable one)
        with ``values``, created or brought up to date."""
        if hasattr(model, "locale"):
            lookup = {**lookup, "locale": Locale.get_default()}
        obj = model.objects.filter(**lookup).first()
        label = model._meta.verbose_name_plural
        if obj is None:
            obj = model(**lookup, **values)
            obj.full_clean()
            obj.save()
            self.counts[f"{label} created"] += 1
            return obj
        changed = {k: v for k, v in values.items() if getattr(obj, k) != v}
        if changed:
            for name, value in changed.items():
                setattr(obj, name, value)
            obj.full_clean()
            obj.save()
            self.counts[f"{label} updated"] += 1
        else:
            self.counts[f"{label} unchanged"] += 1
        return obj

    def save_translation(self, source, locale, **values):
        """``source``'s translation into ``locale`` with ``values``, created (as Wagtail's
        "Translate" does, with a copy of the source) or brought up to date."""
        target = source.get_translation_or_none(locale)
        if target is None:
            target = source.copy_for_translation(locale)
        label = f"{source._meta.verbose_name_plural} translations"
        changed = {k: v for k, v in values.items() if getattr(target, k) != v}
        if target.pk and not changed:
            self.counts[f"{label} unchanged"] += 1
            return target
        created = target.pk is None
        for name, value in changed.items():
            setattr(target, name, value)
        target.full_clean()
        target.save()
        self.counts[f"{label} {'created' if created else 'updated'}"] += 1
        return target

    # Pages.

    def load_home_shell(self):
        """The home page under the root, in place of Wagtail's welcome page, with the default
        site pointing at it. Its content is saved last, once the pages it links to exist."""
        root = Page.get_first_root_node()
        home = (
            HomePage.objects.child_of(root).filter(slug="home").first()
            or HomePage.objects.child_of(root).order_by("path").first()
        )
        welcome = root.get_children().filter(slug="home")
        if home is not None:
            welcome = welcome.exclude(pk=home.pk)
        welcome = welcome.first()
        if welcome is not None and (welcome.specific_class is not Page or welcome.numchild):
            raise CommandError(
                f"The page “{welcome.title}” already uses the slug “home” under the root and is "
                "not Wagtail's empty welcome page; move or delete it first."
            )
        if home is None:
            # The welcome page still holds the slug until it is deleted below.
            slug = "home-demo" if welcome else "home"
            home = HomePage(title=HOME_TITLE, intro=HOME_INTRO, slug=slug)
            root.add_child(instance=home)

        site = Site.objects.filter(is_default_site=True).first()
        changed = site is None
        if site is None:
            site = Site.objects.filter(hostname="localhost", port=80).first() or Site(
                hostname="localhost", port=80, site_name="ISHR"
            )
            site.is_default_site = True
        if site.root_page_id != home.pk:
            site.root_page = home
            changed = True
        hostname, port = local_address()
        if site.hostname in LOCAL_HOSTNAMES and (site.hostname, site.port) != (hostname, port):
            # Links the admin makes to the site ("View live", share links) use the site's own
            # address: on a local copy, that is where the development server answers.
            site.hostname, site.port = hostname, port
            changed = True
        if changed:
            site.save()
            self.counts["sites updated"] += 1
        if welcome is not None:
            Site.objects.filter(root_page=welcome).update(root_page=home)
            welcome.delete()
            self.counts["welcome pages deleted"] += 1
        return home

    def load_index_pages(self, home):
        for slug, model, title, intro in INDEX_PAGES:
            self.refs.pages[slug] = self.save_page(
                home,
                model,
                slug,
                {"title": title, "intro": intro, "show_in_menus": True},
            )
        self.refs.pages["privacy-notice"] = self.save_page(
            home, StandardPage, "privacy-notice", PRIVACY_NOTICE
        )

    # Translations.

    def load_translations(self, home):
        """The French and Spanish home and sections, translated with wagtail-localize text by
        text as an editor would, and published; left alone when they are up to date."""
        pages = {"home": home, **self.refs.pages}
        for language, texts in TEXTS.items():
            locale = Locale.objects.get(language_code=language)
            for key in TRANSLATED_PAGES:
                self.translate_page(pages[key], locale, texts)

    def translate_page(self, page, locale, texts):
        target = page.get_translation_or_none(locale)
        up_to_date = (
            target is not None
            and target.live
            and not target.has_unpublished_changes
            and target.title == texts[page.title]
            and target.last_published_at >= page.last_published_at
        )
        if up_to_date:
            self.counts["translations unchanged"] += 1
            return
        source, created = TranslationSource.get_or_create_from_instance(page)
        if not created:
            source.update_from_db()
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        po = translation.export_po()
        for entry in po:
            if entry.msgid not in texts:
                raise CommandError(
                    f"No {locale.language_code} translation of “{entry.msgid}” "
                    f"({entry.msgctxt}) in demo/content/translations/"
                )
            entry.msgstr = texts[entry.msgid]
        translation.import_po(polib.pofile(str(po)))
        # Saved as a draft and published here, not when the transaction commits (which is how
        # wagtail-localize publishes), so that the load is complete inside its transaction.
        translation.save_target(publish=False)
        page.get_translation(locale).get_latest_revision().publish()
        self.counts["translations created" if target is None else "translations updated"] += 1

    def load_site_settings(self, home):
        site = Site.objects.get(root_page=home)
        settings = SiteSettings.for_site(site)
        values = {
            "privacy_notice": self.refs.pages["privacy-notice"],
            "default_social_image": self.refs.images["home-hero"],
        }
        # Compared by id: the setting holds a plain Page and the loader a StandardPage, and Django
        # never finds instances of two different models equal.
        changed = {k: v for k, v in values.items() if getattr(settings, f"{k}_id") != v.pk}
        changed |= {k: v for k, v in FOOTER_SETTINGS.items() if getattr(settings, k) != v}
        if changed:
            for name, value in changed.items():
                setattr(settings, name, value)
            settings.save()
            self.counts["site settings updated"] += 1

    def load_topics(self):
        parent = self.refs.pages["topics"]
        for spec in topic_specs(self.refs):
            slug = spec.pop("slug")
            self.refs.pages[slug] = self.save_page(parent, TopicPage, slug, spec)

    def load_updates(self):
        refs = self.refs
        parent = refs.pages["latest-updates"]
        for spec in update_specs(refs):
            session = refs.sessions.get(spec.get("session"))
            mechanism = (
                session.mechanism if session else refs.mechanisms.get(spec.get("mechanism"))
            )
            fields = {
                "title": spec["title"],
                "date": spec["date"],
                "update_type": refs.update_types[spec["type"]],
                "summary": spec["summary"],
                "body": spec["body"],
                "listing_image": refs.images.get(spec.get("image")),
                "mechanism": mechanism,
                "session": session,
            }
            refs.pages[spec["slug"]] = self.save_page(
                parent,
                UpdatePage,
                spec["slug"],
                fields,
                relations={"topics": spec["topics"], "countries": spec["countries"]},
                published=datetime.combine(spec["date"], time(9), tzinfo=UTC),
            )

    def load_stories(self):
        parent = self.refs.pages["defenders-stories"]
        for spec in story_specs(self.refs):
            slug, published, topics = (
                spec.pop("slug"),
                spec.pop("published"),
                spec.pop("topics"),
            )
            self.refs.pages[slug] = self.save_page(
                parent,
                StoryPage,
                slug,
                spec,
                relations={"topics": topics},
                published=published,
            )

    def save_page(self, parent, model, slug, fields, relations=None, published=None, page=None):
        """Create the page, or bring it up to date; publish only when something changed.

        ``fields`` maps field names to values (StreamFields in their raw form, foreign keys as
        objects); ``relations`` maps ParentalManyToManyFields to lists of objects.
        ``published`` is the first publication date given to a page created now."""
        relations = relations or {}
        for name, value in fields.items():
            if isinstance(model._meta.get_field(name), StreamField):
                self._validate_stream(model, name, value)
        if page is None:
            page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            clash = parent.get_children().filter(slug=slug).first()
            if clash is not None:
                raise CommandError(
                    f"“{clash.url_path}” is a {clash.specific_class.__name__}, not a "
                    f"{model.__name__}; move or delete it first."
                )
            page = model(slug=slug, first_published_at=published, **fields)
            for name, objects in relations.items():
                getattr(page, name).set(objects)
            parent.add_child(instance=page)
            # add_child has just validated the page in full, as it is: validating it again for
            # its first revision would only repeat the same queries.
            page.save_revision(clean=False).publish()
            self.counts["pages created"] += 1
            return page
        fields = {"slug": slug, **fields}
        if self._differs(page, fields, relations) or not page.live or not page.live_revision_id:
            for name, value in fields.items():
                setattr(page, name, value)
            for name, objects in relations.items():
                getattr(page, name).set(objects)
            first_time = page.live_revision_id is None
            page.save_revision().publish()
            self.counts["pages created" if first_time else "pages updated"] += 1
        else:
            self.counts["pages unchanged"] += 1
        return page

    def _validate_stream(self, model, name, raw):
        block = model._meta.get_field(name).stream_block
        block.clean(block.to_python(raw))

    def _differs(self, page, fields, relations):
        for name, value in fields.items():
            model_field = page._meta.get_field(name)
            if isinstance(model_field, StreamField):
                if self._stream_data(model_field, getattr(page, name)) != self._stream_data(
                    model_field, value
                ):
                    return True
            elif model_field.many_to_one:
                if getattr(page, model_field.attname) != (value.pk if value else None):
                    return True
            elif getattr(page, name) != value:
                return True
        for name, objects in relations.items():
            current = sorted(getattr(page, name).values_list("pk", flat=True))
            if current != sorted(obj.pk for obj in objects):
                return True
        return False

    def _stream_data(self, model_field, value):
        """A StreamField value as comparable JSON: each block's type and prepared value,
        without the block ids Wagtail generates."""
        stream = model_field.to_python(value)
        data = [
            {"type": child.block_type, "value": child.block.get_prep_value(child.value)}
            for child in stream
        ]
        return json.dumps(data, sort_keys=True, cls=DjangoJSONEncoder)


def totals():
    """How many pages of each kind and images the site has, loaded here or not."""
    return (
        f"{HomePage.objects.count()} home, "
        f"{TopicPage.objects.count()} topics, "
        f"{UpdatePage.objects.count()} updates, "
        f"{StoryPage.objects.count()} stories, "
        f"{get_image_model().objects.count()} images."
    )
