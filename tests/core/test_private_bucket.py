"""Media in a private S3 bucket (``AWS_STORAGE_BUCKET_NAME``): the addresses pages give are
signed and expire, and the bucket answers only those. The round trip runs against moto's S3
server in a subprocess, on a free port of this machine: nothing leaves it."""

import datetime
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

from wagtail.images import get_image_model

import boto3
import pytest

from tests.conftest import make_image
from tests.ishr_site.test_settings import BUCKET_ENV, DAY, base_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_bucket(monkeypatch, settings):
    """The storage the settings make of ``BUCKET_ENV`` (and what is given here)."""

    def configure(**env):
        base = base_settings(monkeypatch, **BUCKET_ENV, **env)
        settings.STORAGES = base.STORAGES
        return base

    return configure


def query_of(url):
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def test_a_renditions_address_is_signed_for_as_long_as_the_settings_say(private_bucket):
    base = private_bucket(AWS_QUERYSTRING_EXPIRE=str(4 * DAY))
    rendition = get_image_model().get_rendition_model()(
        file="images/abcdefgh.webp", width=80, height=45
    )

    url = rendition.url  # boto3 signs without asking anyone

    parts = urlsplit(url)
    query = query_of(url)
    assert parts.path.endswith("/images/abcdefgh.webp")
    assert query["X-Amz-Algorithm"] == "AWS4-HMAC-SHA256"
    assert query["X-Amz-Credential"].startswith(BUCKET_ENV["AWS_ACCESS_KEY_ID"] + "/")
    assert query["X-Amz-Signature"]
    assert query["X-Amz-Expires"] == str(4 * DAY)
    signed_at = datetime.datetime.strptime(query["X-Amz-Date"], "%Y%m%dT%H%M%SZ").replace(
        tzinfo=datetime.UTC
    )
    assert abs(signed_at - datetime.datetime.now(datetime.UTC)) < datetime.timedelta(minutes=1)
    # The Content Security Policy lets pages show it.
    assert origin(url) in base.SECURE_CSP["img-src"]


# --- A round trip through an S3 server ------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3 server, started for these tests and stopped after them."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("moto's S3 server did not start") from None
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def test_the_bucket_answers_a_pages_signed_image_address_and_refuses_a_plain_one(
    s3_server, private_bucket
):
    base = private_bucket(AWS_S3_ENDPOINT_URL=s3_server)
    boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name=BUCKET_ENV["AWS_S3_REGION_NAME"],
        aws_access_key_id=BUCKET_ENV["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=BUCKET_ENV["AWS_SECRET_ACCESS_KEY"],
    ).create_bucket(
        Bucket=BUCKET_ENV["AWS_STORAGE_BUCKET_NAME"],
        CreateBucketConfiguration={"LocationConstraint": BUCKET_ENV["AWS_S3_REGION_NAME"]},
    )

    image = make_image("In the bucket")  # stored in the bucket, under a random name
    rendition = image.get_rendition("fill-80x45|format-webp")

    assert rendition.url.startswith(f"{s3_server}/ishr-media/images/")
    status, body = status_of(rendition.url)
    assert status == 200
    assert body[8:12] == b"WEBP"
    unsigned = rendition.url.split("?")[0]
    assert status_of(unsigned)[0] == 403
    assert status_of(image.file.url.split("?")[0])[0] == 403  # nor the original
    assert origin(rendition.url) in base.SECURE_CSP["img-src"]  # pages may show it
