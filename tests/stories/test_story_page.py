"""The story page: the defender, their quote, the story and its topics."""

import pytest

from tests.conftest import make_image

pytestmark = pytest.mark.django_db


def test_story_page_shows_the_defender_quote_body_and_topics(client, tree, tagging):
    story = tree.add_story(
        "Standing with migrant workers",
        [tree.migrants],
        defender_name="Amina Diallo",
        country=tagging.mauritania,
        quote="We need a collective narrative built on rights.",
        portrait=make_image("Amina portrait", credit="© Photo: ISHR demo"),
        body=[("paragraph", "<p>Amina organises migrant workers.</p>")],
    )

    html = client.get(story.url).content.decode()

    assert "Amina Diallo" in html
    assert "Mauritania" in html
    assert "We need a collective narrative built on rights." in html
    assert "Amina organises migrant workers." in html
    assert f'<a href="{tree.migrants.url}">Migrant and refugee rights</a>' in html
    assert "© Photo: ISHR demo" in html
