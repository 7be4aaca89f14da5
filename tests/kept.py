"""What a test run keeps for the next run, and its pytest-xdist workers share: the migrated SQLite
database (``tests/migrated_sqlite.py``) and the demo site's snapshot (``tests/demo_site.py``).

Everything is kept in one folder of the system's temporary folder, readable and writable by
this user only (what is kept there is loaded as trusted), under names that carry a fingerprint
of what decides their content: a change makes a new copy, and the older copies of the same
thing are removed then. ``locked(name)`` lets one worker build a copy while the others wait
for it instead of building their own.
"""

import fcntl
import hashlib
import inspect
import os
import pickle
import shutil
import sqlite3
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.db.migrations.loader import MigrationLoader
from django.db.models.signals import post_migrate

ROOT = Path(__file__).resolve().parents[1]

# What does not decide what the site's code writes to the database: tools and their caches
# (the folders whose names begin with a dot), front-end assets, documentation, the development
# server's files, and the tests (except the modules that build kept snapshots, listed below).
SKIPPED_FOLDERS = {
    "node_modules",
    "__pycache__",
    "docs",
    "static",
    "media",
    "staticfiles",
    "tests",
}
SOURCE_SUFFIXES = {".py", ".html", ".txt", ".json", ".po", ".mo", ".toml", ".lock"}
TEST_MODULES = ("tests/kept.py", "tests/snapshots.py", "tests/demo_site.py", "tests/kept_media.py")


def migrations_fingerprint():
    """A digest of what decides the migrated database: Django's and SQLite's versions, every
    migration module, and the modules of the ``post_migrate`` handlers (by module name, so that
    copies of the project in other folders share it)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    modules = {migration.__module__ for migration in loader.disk_migrations.values()}
    # Receivers connected for one app (``sender=app_config``) are found only by that sender.
    for sender in [None, *apps.get_app_configs()]:
        receivers = post_migrate._live_receivers(sender=sender)[0]
        modules.update(receiver.__module__ for receiver in receivers)
    digest = hashlib.sha256(f"{django.__version__} {sqlite3.sqlite_version}".encode())
    for name in sorted(modules):
        digest.update(name.encode())
        digest.update(Path(inspect.getsourcefile(sys.modules[name])).read_bytes())
    return digest.hexdigest()[:20]


def folder():
    """The folder, made private on first use; refused if someone else could write to it."""
    path = Path(tempfile.gettempdir()) / f"ishr-tests-{os.getuid()}"
    path.mkdir(mode=0o700, exist_ok=True)
    info = path.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise RuntimeError(f"{path} is not a folder only this user can open: remove it")
    return path


def source_files():
    """The project's files that make up the site's code, its migrations and its content."""
    files = []
    for directory, folders, names in os.walk(ROOT):
        folders[:] = sorted(
            name for name in folders if name not in SKIPPED_FOLDERS and not name.startswith(".")
        )
        files.extend(
            Path(directory) / name for name in names if Path(name).suffix in SOURCE_SUFFIXES
        )
    files.extend(ROOT / module for module in TEST_MODULES)
    return sorted(files)


def digest(*parts, files=()):
    """A short digest of ``parts`` (strings) and of the names (in the project) and contents of
    ``files``: copies of the project in other folders share what they keep."""
    sha = hashlib.sha256("\0".join(parts).encode())
    for path in files:
        sha.update(str(Path(path).relative_to(ROOT)).encode())
        sha.update(Path(path).read_bytes())
    return sha.hexdigest()[:20]


def replace_older(kept, stem):
    """Remove the copies named ``<stem>-*`` other than ``kept``."""
    for path in folder().glob(f"{stem}-*"):
        if path != kept and not path.name.endswith(".lock"):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


def link(source, target):
    """Put the kept file ``source`` at ``target``, unless a file is there already: a hard link
    (the kept copy stays whatever a test does to the file), or a copy on another file system."""
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def load(path):
    """What ``write`` kept at ``path``, or None."""
    try:
        return pickle.loads(path.read_bytes())
    except FileNotFoundError:
        return None


def write(path, value):
    """Keep ``value`` at ``path``, all at once (readers see the old copy or the new one)."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_bytes(pickle.dumps(value))
    partial.replace(path)


# A kept folder: ``state.pickle``, and copies of media files under ``media/``.
STATE = "state.pickle"


def keep_folder(path, state, media_files):
    """Replace the folder ``path`` by one holding ``state`` and copies of ``media_files`` (their
    names in the media folder), written aside and then put in place."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    for name in media_files:
        target = partial / "media" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(settings.MEDIA_ROOT) / name, target)
    write(partial / STATE, state)
    shutil.rmtree(path, ignore_errors=True)
    partial.rename(path)


def put_back(path, name):
    """Put the kept folder ``path``'s copy of the media file ``name`` in the media folder."""
    link(path / "media" / name, Path(settings.MEDIA_ROOT) / name)


@contextmanager
def locked(name):
    """Hold the folder's lock called ``name`` (other processes asking for it wait)."""
    with open(folder() / f"{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
