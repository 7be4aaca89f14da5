"""Backups of the site: the database and the media folder in one file, and restoring them.

A backup is one uncompressed tar file, ``ishr-backup-<UTC time>.tar``, holding:

- the database: ``database.sqlite3``, a copy made with SQLite's backup API (consistent while
  the site runs and writes), or ``database.pgdump``, ``pg_dump --format=custom`` (one
  consistent snapshot, compressed by pg_dump);
- ``media/…``: every file of ``MEDIA_ROOT`` (original images, renditions, documents), unless
  media are kept in object storage, which needs its own backup;
- ``manifest.json``, written last: when and from which engine the backup was made, the
  migrations applied, the versions of Python, Django and Wagtail, how many pages, revisions,
  images, renditions, documents and subscribers there were, and the size and SHA-256 of every
  other file in the backup.

One file, because it is copied off the machine and checked as one thing. A tar, because any
machine can list and open it (``tar -xOf backup.tar manifest.json``); not compressed, because
the dump and the pictures already are. The manifest comes last, so a backup cut short has none;
restore checks every file against it before it changes anything.

A backup holds the subscribers' email addresses: it is written readable by its owner only.
"""

import datetime
import hashlib
import io
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import django
from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage
from django.core.management.base import CommandError
from django.db import DatabaseError, transaction
from django.db.backends.postgresql.client import DatabaseClient
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

import wagtail
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from pagecache.keys import SITE
from pagecache.purge import purge_now

FORMAT = "ishr-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
CHUNK = 1024 * 1024


# What the other apps keep that backups count too (name: (label, model)): each adds its own
# with count_in_backups() when it is ready, as the newsletter does with its subscribers.
_APPS_COUNTS = {}


def count_in_backups(name, label, model):
    _APPS_COUNTS[name] = (label, model)


def counted_models():
    """What the manifest counts, and restore checks, by name."""
    image = get_image_model()
    return {
        "pages": Page,
        "revisions": Revision,
        "images": image,
        "renditions": image.get_rendition_model(),
        "documents": get_document_model(),
        **{name: model for name, (_label, model) in _APPS_COUNTS.items()},
    }


def count_labels():
    return {
        "pages": _("pages"),
        "revisions": _("revisions"),
        "images": _("images"),
        "renditions": _("renditions"),
        "documents": _("documents"),
        **{name: str(label) for name, (label, _model) in _APPS_COUNTS.items()},
    }


def describe_counts(counts):
    labels = count_labels()
    return ", ".join(f"{labels.get(name, name)}: {count}" for name, count in counts.items())


def engine_of(connection):
    if connection.vendor not in DATABASE_FILES:
        raise CommandError(
            _("Backups support SQLite and PostgreSQL databases, not %(vendor)s.")
            % {"vendor": connection.vendor}
        )
    return connection.vendor


def contents(cursor, tables):
    """How many rows each counted model's table has, and the migrations applied, read with
    plain SQL through a database cursor (Django's, or sqlite3's on a copy) from a database
    whose tables are ``tables``: a database whose migrations differ from the code's can still
    be counted."""
    found = {}
    for name, model in counted_models().items():
        table = model._meta.db_table
        if table in tables:
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
            found[name] = cursor.fetchone()[0]
        else:
            found[name] = 0
    migrations = []
    if "django_migrations" in tables:
        cursor.execute("SELECT app, name FROM django_migrations")
        migrations = sorted([app, name] for app, name in cursor.fetchall())
    return found, migrations


def counts(connection):
    with connection.cursor() as cursor:
        return contents(cursor, set(connection.introspection.table_names(cursor)))[0]


def media_on_disk():
    """Whether media are files under MEDIA_ROOT (not in object storage)."""
    backend = import_string(settings.STORAGES["default"]["BACKEND"])
    return issubclass(backend, FileSystemStorage)


def require(program):
    if shutil.which(program) is None:
        raise CommandError(
            _(
                "%(program)s was not found: install PostgreSQL's client tools "
                "(apt-get install postgresql-client), as new as the database server."
            )
            % {"program": program}
        )
    return program


def postgres_command(program, connection, parameters):
    """``program`` (pg_dump, pg_restore) with the connection of ``connection``'s settings, as
    Django's ``dbshell`` gives them to psql: host, port and user as options, the password and
    TLS settings in the environment. The database's name comes last, after ``parameters``."""
    require(program)
    args, env = DatabaseClient.settings_to_cmd_args_env(connection.settings_dict, parameters)
    return [program, *args[1:]], {**os.environ, **(env or {})}


def run(command, env):
    result = subprocess.run(
        command, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise CommandError(
            _("%(program)s failed: %(error)s")
            % {"program": command[0], "error": result.stderr.strip() or result.returncode}
        )
    return result


def dump_database(connection, engine, target):
    """Copy the database into the file ``target``; returns its counts and migrations, read
    from the same state of the database as the copy."""
    if engine == "sqlite":
        # SQLite's backup API copies the database as one consistent state, even while the
        # site writes to it; the command runs outside any transaction of its own. The counts
        # are read from the copy.
        connection.ensure_connection()
        with _closing_sqlite(target) as copy:
            connection.connection.backup(copy)
            cursor = copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            return contents(copy.cursor(), {row[0] for row in cursor.fetchall()})
    # pg_dump dumps the snapshot this transaction exports, which the counts read too: what is
    # saved meanwhile is in neither.
    connection.ensure_connection()
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        found = contents(cursor, set(connection.introspection.table_names(cursor)))
        command, env = postgres_command(
            "pg_dump",
            connection,
            ["--format=custom", "--no-password", f"--snapshot={snapshot}", f"--file={target}"],
        )
        run(command, env)
    return found


@contextmanager
def _closing_sqlite(path):
    database = sqlite3.connect(path)
    try:
        yield database
    finally:
        database.close()


def media_paths(media_root):
    """The regular files under ``media_root``, sorted, as (path, name in the backup)."""
    media_root = Path(media_root)
    if not media_root.is_dir():
        return []
    found = []
    for folder, folders, files in os.walk(media_root):
        folders.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                found.append((path, f"{MEDIA}/{path.relative_to(media_root).as_posix()}"))
    return found


class _Hashing:
    """A file being read into the archive, hashed on the way."""

    def __init__(self, file):
        self.file = file
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.digest.update(data)
        return data


def _add_file(archive, path, name):
    """Add ``path`` as ``name``, with neutral ownership and permissions; returns its entry in
    the manifest."""
    with open(path, "rb") as file:
        info = tarfile.TarInfo(name)
        info.size = os.fstat(file.fileno()).st_size
        info.mtime = int(os.fstat(file.fileno()).st_mtime)
        info.mode = 0o644
        hashing = _Hashing(file)
        archive.addfile(info, hashing)
    return {"size": info.size, "sha256": hashing.digest.hexdigest()}


def _new_backup_path(folder):
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"ishr-backup-{stamp}.tar"
    number = 1
    while path.exists():
        number += 1
        path = folder / f"ishr-backup-{stamp}-{number}.tar"
    return path


@contextmanager
def private_files():
    """Files and folders made inside are readable by their owner only."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def write_backup(connection, folder):
    """Back up the database and the media into a new file in ``folder``; returns its path and
    its manifest."""
    engine = engine_of(connection)
    folder = Path(folder)
    media_root = Path(settings.MEDIA_ROOT).resolve()
    if folder.resolve().is_relative_to(media_root):
        # The web server serves the media folder: a backup there could be downloaded.
        raise CommandError(
            _(
                "The backup folder %(folder)s is inside the media folder, which the web server "
                "serves: choose another."
            )
            % {"folder": folder}
        )
    if engine == "postgresql":
        require("pg_dump")
    with private_files(), tempfile.TemporaryDirectory(prefix="ishr-backup-") as scratch:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(
                _("Could not write the backup in %(folder)s: %(error)s")
                % {"folder": folder, "error": error}
            ) from error
        database_file = Path(scratch) / DATABASE_FILES[engine]
        # The database first, then the media: a file uploaded meanwhile is in the media and
        # harmless; a row never points to a file the backup lacks.
        found, migrations = dump_database(connection, engine, database_file)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "engine": engine,
            "versions": {
                "python": platform.python_version(),
                "django": django.__version__,
                "wagtail": wagtail.__version__,
            },
            "migrations": migrations,
            "counts": found,
            "database": None,
            "media": {"included": media_on_disk(), "files": {}},
        }
        target = _new_backup_path(folder)
        partial = target.with_name(target.name + ".part")
        try:
            descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with (
                os.fdopen(descriptor, "wb") as file,
                tarfile.open(fileobj=file, mode="w", format=tarfile.PAX_FORMAT) as archive,
            ):
                name = DATABASE_FILES[engine]
                manifest["database"] = {"name": name, **_add_file(archive, database_file, name)}
                if manifest["media"]["included"]:
                    for path, name in media_paths(settings.MEDIA_ROOT):
                        try:
                            entry = _add_file(archive, path, name)
                        except FileNotFoundError:
                            # Deleted since it was listed (an editor removed an image): the
                            # backup holds the folder as it is a moment later.
                            continue
                        manifest["media"]["files"][name] = entry
                data = json.dumps(manifest, indent=1).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mode, info.mtime = len(data), 0o644, int(time.time())
                archive.addfile(info, io.BytesIO(data))
                file.flush()
                os.fsync(file.fileno())
            partial.replace(target)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise CommandError(
                _("Could not write the backup in %(folder)s: %(error)s")
                % {"folder": folder, "error": error}
            ) from error
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return target, manifest


@dataclass
class Backup:
    """A backup file checked against its manifest, with its database copied out to
    ``database`` (a file in a scratch folder)."""

    path: Path
    manifest: dict
    database: Path
    media: list  # the members under media/, each with its name in the media folder

    @property
    def engine(self):
        return self.manifest["engine"]


def _refuse(message, path, **values):
    raise CommandError(message % {"path": path, **values})


def _safe_media_name(name):
    """The path in the media folder of a member named ``media/…``, or None when the name could
    lead outside it."""
    parts = PurePosixPath(name).parts
    if len(parts) < 2 or parts[0] != MEDIA or any(p in ("", ".", "..") for p in parts[1:]):
        return None
    return PurePosixPath(*parts[1:]).as_posix()


def open_backup(path, scratch):
    """Read the backup at ``path`` and check every file in it against its manifest, copying the
    database out into the folder ``scratch``; anything amiss is refused with a CommandError
    before the caller changes anything."""
    path = Path(path)
    if not path.is_file():
        _refuse(_("There is no backup file at %(path)s."), path)
    if not tarfile.is_tarfile(path):
        _refuse(_("%(path)s is not a backup made by manage.py backup."), path)
    try:
        with tarfile.open(path, mode="r:") as archive:
            members = archive.getmembers()
            by_name = {}
            for member in members:
                if member.name in by_name or not member.isfile():
                    _refuse(
                        _("%(path)s holds something a backup does not: %(name)s."),
                        path,
                        name=member.name,
                    )
                by_name[member.name] = member
            if MANIFEST not in by_name:
                _refuse(
                    _("%(path)s is incomplete: it has no manifest (was the backup cut short?)."),
                    path,
                )
            manifest = _read_manifest(archive, by_name[MANIFEST], path)
            expected = {manifest["database"]["name"]: manifest["database"]}
            expected.update(manifest["media"]["files"])
            for name in by_name.keys() - expected.keys() - {MANIFEST}:
                _refuse(
                    _("%(path)s holds something its manifest does not list: %(name)s."),
                    path,
                    name=name,
                )
            for name in expected.keys() - by_name.keys():
                _refuse(_("%(path)s is incomplete: %(name)s is missing."), path, name=name)
            database_name = manifest["database"]["name"]
            database = Path(scratch) / database_name
            media = []
            for name, entry in expected.items():
                member = by_name[name]
                if name == database_name:
                    with open(database, "wb") as copy:
                        digest = _read_member(archive, member, copy)
                else:
                    media_name = _safe_media_name(name)
                    if media_name is None:
                        _refuse(
                            _("%(path)s holds a file outside the media folder: %(name)s."),
                            path,
                            name=name,
                        )
                    media.append((member, media_name))
                    digest = _read_member(archive, member)
                if member.size != entry["size"] or digest != entry["sha256"]:
                    _refuse(
                        _("%(path)s is damaged: %(name)s is not what was backed up."),
                        path,
                        name=name,
                    )
    except (tarfile.TarError, EOFError) as error:
        _refuse(_("%(path)s is damaged or incomplete: %(error)s."), path, error=error)
    except OSError as error:
        _refuse(_("Could not read %(path)s: %(error)s."), path, error=error)
    return Backup(path=path, manifest=manifest, database=database, media=media)


def _read_member(archive, member, copy=None):
    """The SHA-256 of a member's content, written to the file ``copy`` on the way if given."""
    digest = hashlib.sha256()
    source = archive.extractfile(member)
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        if copy:
            copy.write(chunk)
    return digest.hexdigest()


def _read_manifest(archive, member, path):
    try:
        manifest = json.load(archive.extractfile(member))
    except ValueError:
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        _refuse(_("%(path)s is not a backup made by manage.py backup."), path)
    version = manifest.get("format_version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        _refuse(
            _("%(path)s was made by a newer version of the site: restore it with that one."),
            path,
        )
    if not _well_formed(manifest):
        _refuse(_("%(path)s is damaged: its manifest is not complete."), path)
    return manifest


def _well_formed(manifest):
    def is_entry(entry):
        return isinstance(entry, dict) and {"size", "sha256"} <= entry.keys()

    database = manifest.get("database")
    media = manifest.get("media")
    return (
        manifest.get("engine") in DATABASE_FILES
        and isinstance(manifest.get("counts"), dict)
        and isinstance(manifest.get("migrations"), list)
        and is_entry(database)
        and database.get("name") in DATABASE_FILES.values()
        and isinstance(media, dict)
        and isinstance(media.get("files"), dict)
        and all(is_entry(entry) for entry in media["files"].values())
    )


def check_target(connection, backup, replace):
    """Refuse to restore ``backup`` here: into a database of the other engine, or, without
    ``replace``, into a database that holds tables or a media folder that holds files."""
    engine = engine_of(connection)
    if backup.engine != engine:
        raise CommandError(
            _(
                "This backup is of a %(backup)s database; this site uses %(site)s. Restore it "
                "into a %(backup)s database (set DATABASE_URL). Nothing was changed."
            )
            % {"backup": ENGINE_NAMES[backup.engine], "site": ENGINE_NAMES[engine]}
        )
    if engine == "postgresql":
        # Before anything changes: pg_restore is there and can read the dump.
        run([require("pg_restore"), "--list", str(backup.database)], os.environ)
    if replace:
        return
    problems = []
    if connection.introspection.table_names():
        problems.append(
            _(
                "The database already holds tables. Restore into an empty database, or give "
                "--replace to replace everything in it."
            )
        )
    media_root = Path(settings.MEDIA_ROOT)
    if backup.manifest["media"]["included"] and media_root.is_dir() and any(media_root.iterdir()):
        problems.append(
            _(
                "The media folder %(folder)s is not empty. Restore into an empty folder, or "
                "give --replace to replace what it holds."
            )
            % {"folder": media_root}
        )
    if problems:
        raise CommandError(" ".join([*problems, _("Nothing was changed.")]))


def restore_database(connection, backup, replace):
    if backup.engine == "sqlite":
        try:
            connection.ensure_connection()
            with _closing_sqlite(backup.database) as source:
                # Replaces the whole database file's content, whatever it held.
                source.backup(connection.connection)
        except sqlite3.Error as error:
            raise CommandError(
                _("Could not write the database: %(error)s.") % {"error": error}
            ) from error
        finally:
            connection.close()
        return
    if replace:
        # Tables the backup does not have (from later migrations) would keep pointing at the
        # ones pg_restore replaces: drop every table first. pg_restore --clean then replaces
        # the rest (the search configurations, the unaccent extension) in one transaction.
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            tables = [
                connection.ops.quote_name(table.name)
                for table in connection.introspection.get_table_list(cursor)
                if table.type == "t"
            ]
            if tables:
                cursor.execute(f"DROP TABLE IF EXISTS {', '.join(tables)} CASCADE")
    command, env = postgres_command(
        "pg_restore",
        connection,
        [
            "--no-owner",
            "--no-privileges",
            "--no-comments",
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--exit-on-error",
            "--no-password",
            "--dbname",
        ],
    )
    connection.close()
    run([*command, str(backup.database)], env)


def restore_media(backup, replace):
    if not backup.manifest["media"]["included"]:
        return
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    if replace:
        # What is inside the folder, not the folder itself: it may be a mounted volume.
        for entry in media_root.iterdir():
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
    with tarfile.open(backup.path, mode="r:") as archive:
        for member, name in backup.media:
            # The "data" filter refuses anything that would land outside the folder, and sets
            # ordinary permissions and the restoring user as owner.
            archive.extract(member.replace(name=name, deep=False), media_root, filter="data")


def migrations_report(connection, backup):
    """Notes on how the restored migrations and the code's differ."""
    notes = []
    executor = MigrationExecutor(connection)
    known = set(executor.loader.graph.nodes)
    from_backup = {tuple(migration) for migration in backup.manifest["migrations"]}
    replaced = {
        key for squashed in executor.loader.replacements.values() for key in squashed.replaces
    }
    unknown = sorted(from_backup - known - replaced)
    if unknown:
        notes.append(
            _(
                "The backup has migrations this code does not know (%(migrations)s): it was "
                "made by a newer version of the site."
            )
            % {"migrations": ", ".join(f"{app}.{name}" for app, name in unknown[:5])}
        )
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        notes.append(_("The code has migrations the backup does not: run manage.py migrate."))
    return notes


def forget_cached_pages():
    """The caches hold pages and routes of the database that was replaced: clear them, and
    have the caches in front purge everything. Returns a note when that failed."""
    try:
        for alias in settings.CACHES:
            caches[alias].clear()
        purge_now({SITE})
    except Exception as error:  # a cache server that is down must not fail the restore
        return _(
            "Could not clear the caches (%(error)s): clear them, or the site may show what it "
            "showed before the restore."
        ) % {"error": error}
    return None


def restore(connection, path, *, replace, report):
    """Restore the backup at ``path`` into ``connection``'s database and the media folder,
    checking it first; ``report(text)`` prints. Returns the counts found after restoring."""
    with tempfile.TemporaryDirectory(prefix="ishr-restore-") as scratch:
        backup = open_backup(path, scratch)
        manifest = backup.manifest
        report(
            _("Backup of %(created)s from %(engine)s: %(counts)s.")
            % {
                "created": manifest["created_at"],
                "engine": ENGINE_NAMES[manifest["engine"]],
                "counts": describe_counts(manifest["counts"]),
            }
        )
        check_target(connection, backup, replace)
        try:
            restore_database(connection, backup, replace)
        except CommandError as error:
            if replace and backup.engine == "postgresql":
                raise CommandError(
                    _(
                        "%(error)s The database's tables were dropped: restore again with "
                        "--replace once the cause is fixed."
                    )
                    % {"error": error}
                ) from error
            raise
        restore_media(backup, replace)
    found = counts(connection)
    differences = [
        _("%(name)s: %(expected)s in the backup, %(found)s restored")
        % {"name": count_labels()[name], "expected": expected, "found": found.get(name)}
        for name, expected in manifest["counts"].items()
        if found.get(name) != expected
    ]
    if differences:
        raise CommandError(
            _("The restored database does not hold what the backup lists: %(differences)s.")
            % {"differences": "; ".join(differences)}
        )
    try:
        notes = migrations_report(connection, backup)
    except DatabaseError:
        notes = []
    if not manifest["media"]["included"]:
        notes.append(
            _(
                "This backup has no media (they were in object storage): the media folder is "
                "left as it is."
            )
        )
    if note := forget_cached_pages():
        notes.append(note)
    for note in notes:
        report(note)
    return found
