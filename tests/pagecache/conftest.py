from django.test import Client

import pytest


@pytest.fixture
def page_cache(settings):
    """The app's page cache on (the test settings turn it off)."""
    settings.PAGE_CACHE_ENABLED = True


def keys_of(response):
    return set(response["xkey"].split())


class Visitor:
    """An anonymous visitor, who tells whether each address came from the cache."""

    def __init__(self):
        self.client = Client()

    def visit(self, *paths):
        for path in paths:
            response = self.client.get(path)
            assert response.status_code in (200, 404), (path, response.status_code)

    def cached(self, path):
        """Whether ``path`` is answered from the page cache now (a miss stores it again)."""
        return self.client.get(path).get("X-Cache") == "hit"


@pytest.fixture
def visitor(page_cache):
    return Visitor()
