"""``manage.py backup`` and ``manage.py restore``: a backup restored into an empty database and an
empty media folder holds the same pages, revisions, images, documents and subscribers; restore
refuses a damaged backup, a database or media folder that is not empty, and a backup of the other
database engine, before changing anything.

The restore runs as ``manage.py restore`` in a process of its own against a new database (a new
SQLite file, or a new PostgreSQL database when the suite runs on PostgreSQL), as a person
restoring the site would run it."""

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from contextlib import closing
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connections

import wagtail
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Revision

import psycopg
import pytest

from core import backups
from newsletter.models import Subscription
from tests.conftest import make_image

ROOT = Path(__file__).resolve().parents[2]  # the repository


def run_manage(*args, database_url, media_root):
    """``manage.py`` in a process of its own, with the development settings (which read the
    database and the media folder from the environment, as production's do)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ishr_site.settings.dev",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


class EmptyDatabase:
    """A new database with no tables, of the engine the suite runs on: a new SQLite file, or a
    PostgreSQL database created for the test and dropped after it."""

    def __init__(self, tmp_path):
        self.source = connections["default"].settings_dict
        self.vendor = connections["default"].vendor
        if self.vendor == "sqlite":
            self.path = tmp_path / "restored.sqlite3"
            self.url = f"sqlite:///{self.path}"
        else:
            self.name = f"{self.source['NAME']}_restored"
            self.url = self.postgres_url(self.name)
            self.administer(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            self.administer(f'CREATE DATABASE "{self.name}"')

    def postgres_url(self, name):
        s = self.source
        return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{name}"

    def administer(self, sql):
        with psycopg.connect(self.postgres_url("postgres"), autocommit=True) as admin:
            admin.execute(sql)

    def connect(self):
        if self.vendor == "sqlite":
            return closing(sqlite3.connect(self.path))
        return psycopg.connect(self.url)

    def drop(self):
        if self.vendor != "sqlite":
            self.administer(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture
def empty_database(tmp_path):
    database = EmptyDatabase(tmp_path)
    yield database
    database.drop()


def table_names(connection):
    cursor = connection.cursor()
    if isinstance(connection, sqlite3.Connection):
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    else:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return {row[0] for row in cursor.fetchall()}


def site_state(cursor):
    """What the test compares between the site backed up and the site restored, read with plain
    SQL through any database cursor: each page (id, title, live, unpublished changes, latest
    revision), each revision, image, rendition, document and subscriber."""
    image = get_image_model()
    queries = {
        # SQLite answers 0 and 1 where PostgreSQL answers false and true: ask for numbers.
        "pages": "SELECT id, title, CASE WHEN live THEN 1 ELSE 0 END, "
        "CASE WHEN has_unpublished_changes THEN 1 ELSE 0 END, latest_revision_id, url_path "
        f"FROM {Page._meta.db_table}",
        "revisions": f"SELECT id, object_id, object_str FROM {Revision._meta.db_table}",
        "images": f"SELECT id, title, file, width, height FROM {image._meta.db_table}",
        "renditions": "SELECT id, image_id, filter_spec, file "
        f"FROM {image.get_rendition_model()._meta.db_table}",
        "documents": f"SELECT id, title, file FROM {get_document_model()._meta.db_table}",
        "subscribers": f"SELECT id, email, status, language FROM {Subscription._meta.db_table}",
        "restrictions": "SELECT id, page_id, restriction_type "
        f"FROM {PageViewRestriction._meta.db_table}",
    }
    state = {}
    for name, sql in queries.items():
        cursor.execute(f"{sql} ORDER BY id")
        state[name] = [tuple(row) for row in cursor.fetchall()]
    return state


def media_files(folder):
    """Every file in a media folder, by its path in the folder, with a hash of its bytes."""
    folder = Path(folder)
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*")
        if path.is_file()
    }


def read_manifest(backup):
    with tarfile.open(backup) as archive:
        return json.load(archive.extractfile("manifest.json"))


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def content(media_root, tree):
    """Pages with several revisions (a published update with a newer draft, an update never
    published, a private one), an image with a rendition, a document and subscribers,
    committed."""
    published = tree.add_update("Council adopts resolution", [tree.migrants])
    published.save_revision().publish()
    published.title = "Council adopts resolution on defenders"
    published.save_revision()  # a draft over the published page
    tree.add_update("Statement in preparation", [tree.women], live=False)
    tree.restrict(tree.add_update("Internal briefing", [tree.women]))
    image = make_image("Geneva session")
    image.get_rendition("fill-80x80")
    get_document_model().objects.create(
        title="Annual report", file=ContentFile(b"%PDF-1.4 annual report", name="report.pdf")
    )
    for email, status in [
        ("amina@example.org", Subscription.Status.CONFIRMED),
        ("jorge@example.org", Subscription.Status.PENDING),
    ]:
        subscription = Subscription.objects.create(email=email, status=status, language="es")
        subscription.topics.set([tree.migrants])
    return tree


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restored_into_an_empty_database_and_media_folder_is_the_same_site(
    content, media_root, empty_database, tmp_path
):
    out = io.StringIO()
    call_command("backup", "--output-dir", str(tmp_path / "backups"), stdout=out)
    (backup,) = (tmp_path / "backups").iterdir()
    assert str(backup) in out.getvalue()
    assert backup.stat().st_mode & 0o777 == 0o600  # it holds subscribers' addresses
    manifest = read_manifest(backup)
    assert manifest["engine"] == connections["default"].vendor
    assert manifest["counts"]["subscribers"] == 2
    assert manifest["counts"]["documents"] == 1
    assert ["wagtailcore", "0001_initial"] in manifest["migrations"]
    assert manifest["versions"]["wagtail"] == wagtail.__version__

    with connections["default"].cursor() as cursor:
        backed_up = site_state(cursor)
    assert {"Council adopts resolution on defenders", "Statement in preparation"} <= {
        revision[2] for revision in backed_up["revisions"]
    }
    drafts = [page for page in backed_up["pages"] if page[1] == "Statement in preparation"]
    assert drafts and not drafts[0][2]  # the draft is there, and not live
    restored_media = tmp_path / "restored-media"

    restored = run_manage(
        "restore", str(backup), database_url=empty_database.url, media_root=restored_media
    )

    assert restored.returncode == 0, restored.stderr
    engine = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[manifest["engine"]]
    assert f"Backup of {manifest['created_at']} from {engine}" in restored.stdout
    assert (
        f"Restored: pages: {Page.objects.count()}, revisions: {Revision.objects.count()}, "
        "images: 1, renditions: 1, documents: 1, subscribers: 2." in restored.stdout
    )
    with empty_database.connect() as connection:
        assert site_state(connection.cursor()) == backed_up
    files = media_files(restored_media)
    assert files == media_files(media_root)
    image = get_image_model().objects.get()
    for name in (
        image.file.name,
        image.renditions.get().file.name,
        get_document_model().objects.get().file.name,
    ):
        assert name in files

    # Restoring again over what is now there is refused, and changes nothing...
    (restored_media / "stray.txt").write_text("not from the backup")
    with empty_database.connect() as connection:
        connection.cursor().execute(f"DELETE FROM {Subscription.topics.through._meta.db_table}")
        connection.cursor().execute(f"DELETE FROM {Subscription._meta.db_table}")
        connection.commit()
    again = run_manage(
        "restore", str(backup), database_url=empty_database.url, media_root=restored_media
    )
    assert again.returncode == 1
    assert "--replace" in again.stderr and "Traceback" not in again.stderr
    assert (restored_media / "stray.txt").exists()

    # ...unless --replace says to replace it.
    replaced = run_manage(
        "restore",
        str(backup),
        "--replace",
        database_url=empty_database.url,
        media_root=restored_media,
    )
    assert replaced.returncode == 0, replaced.stderr
    with empty_database.connect() as connection:
        assert site_state(connection.cursor()) == backed_up
    assert media_files(restored_media) == media_files(media_root)


@pytest.fixture(scope="module")
def backup_of_the_test_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """One backup of the migrated test database, for the tests of what restore refuses."""
    folder = tmp_path_factory.mktemp("backups")
    with django_db_blocker.unblock():
        call_command("backup", "--output-dir", str(folder), stdout=io.StringIO())
    (backup,) = folder.iterdir()
    return backup


def damaged_copies(backup, folder):
    """The backup cut short, with one byte of its database changed, and not a backup at all."""
    data = backup.read_bytes()
    with tarfile.open(backup) as archive:
        database = next(m for m in archive.getmembers() if m.name.startswith("database."))
    flipped = bytearray(data)
    flipped[database.offset_data + database.size // 2] ^= 0xFF
    copies = {
        "cut short": data[: len(data) // 2],
        "changed": bytes(flipped),
        "not a backup": b"id,email\n1,amina@example.org\n",
    }
    for name, content in copies.items():
        (folder / f"{name}.tar").write_bytes(content)
    return {name: folder / f"{name}.tar" for name in copies}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "damage, message",
    [
        ("cut short", "incomplete"),
        ("changed", "damaged"),
        ("not a backup", "not a backup"),
    ],
)
def test_restore_refuses_a_damaged_backup_before_changing_anything(
    backup_of_the_test_database, tmp_path, damage, message
):
    damaged = damaged_copies(backup_of_the_test_database, tmp_path)[damage]
    pages = Page.objects.count()

    with pytest.raises(CommandError, match=message):
        call_command("restore", str(damaged), "--replace", stdout=io.StringIO())

    assert Page.objects.count() == pages


@pytest.mark.django_db
def test_restore_refuses_a_database_that_holds_tables_and_a_media_folder_that_is_not_empty(
    backup_of_the_test_database, media_root
):
    (media_root / "original_images").mkdir()
    (media_root / "original_images" / "kept.jpg").write_bytes(b"a picture")

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(backup_of_the_test_database), stdout=io.StringIO())

    assert "The database already holds tables" in str(refused.value)
    assert f"The media folder {media_root} is not empty" in str(refused.value)
    assert "--replace" in str(refused.value)
    assert (media_root / "original_images" / "kept.jpg").read_bytes() == b"a picture"


def rewritten(backup, copy, change_manifest, extra=None):
    """A copy of ``backup`` whose manifest ``change_manifest(manifest)`` changed, with the file
    ``extra`` (name, bytes) added before the manifest and listed in it as a media file."""
    with tarfile.open(backup) as source, tarfile.open(copy, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(data)
                if extra:
                    name, content = extra
                    info = tarfile.TarInfo(name)
                    info.size = len(content)
                    target.addfile(info, io.BytesIO(content))
                    manifest["media"]["files"][name] = {
                        "size": len(content),
                        "sha256": hashlib.sha256(content).hexdigest(),
                    }
                change_manifest(manifest)
                data = json.dumps(manifest).encode()
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    return copy


@pytest.mark.django_db
def test_restore_refuses_a_backup_of_the_other_database_engine(
    backup_of_the_test_database, tmp_path, media_root
):
    other, name = {"sqlite": ("postgresql", "PostgreSQL"), "postgresql": ("sqlite", "SQLite")}[
        connections["default"].vendor
    ]
    copy = rewritten(
        backup_of_the_test_database,
        tmp_path / "other-engine.tar",
        lambda manifest: manifest.update(engine=other),
    )

    with pytest.raises(CommandError, match=f"This backup is of a {name} database"):
        call_command("restore", str(copy), "--replace", stdout=io.StringIO())


@pytest.mark.django_db
def test_restore_refuses_a_backup_with_a_file_outside_the_media_folder(
    backup_of_the_test_database, tmp_path, media_root
):
    copy = rewritten(
        backup_of_the_test_database,
        tmp_path / "escaping.tar",
        lambda manifest: None,
        extra=("media/../outside.txt", b"written outside the media folder"),
    )

    with pytest.raises(CommandError, match=r"outside the media folder: media/\.\./outside\.txt"):
        call_command("restore", str(copy), "--replace", stdout=io.StringIO())

    assert not (media_root.parent / "outside.txt").exists()


@pytest.mark.django_db
def test_restore_refuses_a_backup_whose_manifest_lists_a_missing_file(
    backup_of_the_test_database, tmp_path
):
    missing = {"size": 1, "sha256": hashlib.sha256(b"x").hexdigest()}
    copy = rewritten(
        backup_of_the_test_database,
        tmp_path / "missing.tar",
        lambda manifest: manifest["media"]["files"].update({"media/documents/a.pdf": missing}),
    )

    with pytest.raises(CommandError, match="incomplete: media/documents/a.pdf is missing"):
        call_command("restore", str(copy), "--replace", stdout=io.StringIO())


@pytest.mark.django_db
@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_media_file_deleted_while_the_backup_runs_is_left_out(media_root, tmp_path):
    """An editor may delete an image between the listing of the media folder and the copy of
    its file: the backup goes on without it, and restores."""
    (media_root / "kept.txt").write_text("kept")
    (media_root / "deleted.txt").write_text("deleted")
    listed = backups.media_paths(media_root)
    (media_root / "deleted.txt").unlink()

    with mock.patch.object(backups, "media_paths", return_value=listed):
        call_command("backup", "--output-dir", str(tmp_path / "backups"), stdout=io.StringIO())

    backup = next((tmp_path / "backups").glob("*.tar"))
    with tarfile.open(backup) as archive:
        names = archive.getnames()
        manifest = json.load(archive.extractfile("manifest.json"))
    assert "media/kept.txt" in names and "media/deleted.txt" not in names
    assert set(manifest["media"]["files"]) == {"media/kept.txt"}


def test_backup_refuses_to_write_into_the_media_folder_which_the_web_server_serves(media_root):
    with pytest.raises(CommandError, match="inside the media folder"):
        call_command("backup", "--output-dir", str(media_root / "backups"), stdout=io.StringIO())

    assert not (media_root / "backups").exists()


@pytest.mark.django_db
@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="pg_dump is needed on PostgreSQL only",
)
def test_backup_without_pg_dump_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH without PostgreSQL's client tools

    with pytest.raises(CommandError, match=r"apt-get install postgresql-client"):
        call_command("backup", "--output-dir", str(tmp_path / "backups"), stdout=io.StringIO())

    assert not (tmp_path / "backups").exists()
