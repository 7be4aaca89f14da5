"""Every public page type of the demo site is valid HTML, as the Nu Html Checker (vnu.jar, the
W3C's validator) reads it.

The checker comes from npm (``npm ci`` installs ``vnu-jar`` into ``node_modules/``) and runs on
Java 11 or newer. Without either the test is skipped, unless ``REQUIRE_VNU=1`` (as in CI),
where a missing checker is an error. ``make check-html`` installs it and runs this test alone.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

from django.test import Client
from django.utils.text import slugify

import pytest

from tests.demo_site import DEMO_PAGES

pytestmark = pytest.mark.html

VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"

# The checker runs once, for a few seconds: Java's quick compiler alone starts it in half the
# processor time, and then needs a larger stack than the checker's 512 KB minimum.
JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-Xss16m"]


@pytest.fixture
def vnu():
    """The command that runs the checker, or a skip (a failure with REQUIRE_VNU=1)."""
    java = shutil.which("java")
    missing = []
    if not java:
        missing.append("Java is not installed (apt install default-jre-headless)")
    if not VNU_JAR.is_file():
        missing.append(f"{VNU_JAR} is missing (npm ci)")
    if missing:
        message = "; ".join(missing)
        if os.environ.get("REQUIRE_VNU") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return [java, *JAVA_OPTIONS, "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


def check(vnu, files):
    """The checker's errors for ``files``: (file name, line, message, extract)."""
    result = subprocess.run(
        [*vnu, *map(str, files)], capture_output=True, text=True, timeout=600, check=False
    )
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu.jar did not answer in JSON (exit {result.returncode}):\n{result.stderr}")
    return [
        (
            Path(message.get("url", "?")).name,
            message.get("lastLine", "?"),
            message["message"],
            " ".join(message.get("extract", "").split()),
        )
        for message in messages
        if message["type"] in ("error", "non-document-error")
    ]


def test_every_page_type_is_valid_html(vnu, demo_site, tmp_path):
    client = Client()
    files = {}
    for name, address, status in DEMO_PAGES:
        response = client.get(address)
        assert response.status_code == status, f"{address} answered {response.status_code}"
        path = tmp_path / f"{slugify(name)}.html"
        path.write_bytes(response.content)
        files[path.name] = address

    errors = check(vnu, [tmp_path / file for file in files])

    assert not errors, "\n".join(
        f"{files.get(file, file)} ({file}) line {line}: {message}\n    {extract}"
        for file, line, message, extract in errors
    )
