"""Links to pages in rich text go where Wagtail's own handler sends them (the live translation in
the reader's language, else the page itself), in a number of queries that does not grow with the
links; a link to a page that is not live keeps its text without an address, as in the API."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale
from wagtail.rich_text import expand_db_html
from wagtail.rich_text.pages import PageLinkHandler

from co_design.page_links import PageLinks

from .support.factories import TerritoryFactory, TrainingModulePageFactory, publish
from .support.site_tree import multilingual_site, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def modules():
    """Modules of the Toolkit: one translated into German, one whose German translation is still
    a draft, one in English only."""
    tree = multilingual_site(("de",))
    territory = TerritoryFactory()

    def module(slug):
        return publish(
            TrainingModulePageFactory(parent=tree.toolkit, slug=slug, territory=territory)
        )

    translated, drafted, english = module("translated"), module("drafted"), module("english")
    translate(translated, "de", title="Übersetzt")
    drafted.copy_for_translation(Locale.objects.get(language_code="de"))
    return {"translated": translated, "drafted": drafted, "english": english, "tree": tree}


def text_linking(*pages):
    return "".join(f'<p><a linktype="page" id="{page.pk}">{page.slug}</a></p>' for page in pages)


def test_a_german_reader_is_sent_to_live_german_translations_only(modules):
    text = text_linking(modules["translated"], modules["drafted"], modules["english"])
    with translation.override("de"):
        html = expand_db_html(text)
    assert '<a href="/de/toolkit/translated/">translated</a>' in html
    assert '<a href="/en/toolkit/drafted/">drafted</a>' in html
    assert '<a href="/en/toolkit/english/">english</a>' in html


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_link_is_the_one_wagtail_would_make(modules, language):
    pages = [modules["translated"], modules["drafted"], modules["english"], modules["tree"].toolkit]
    attributes = [{"id": str(page.pk)} for page in pages] + [{"id": "999999"}]
    with translation.override(language):
        ours = PageLinks.expand_db_attributes_many(attributes)
        wagtails = PageLinkHandler.expand_db_attributes_many(attributes)
    assert ours == wagtails
    assert ours[-1] == "<a>"  # a page since deleted


def test_a_page_taken_offline_loses_its_link_but_not_its_text(client, modules):
    english = modules["english"]
    english.unpublish()
    with translation.override("de"):
        html = expand_db_html(text_linking(english, modules["translated"]))
    assert "<p><a>english</a></p>" in html
    assert '<a href="/de/toolkit/translated/">translated</a>' in html
    # Wagtail would still link it, to an address that answers 404.
    assert PageLinkHandler.expand_db_attributes_many([{"id": str(english.pk)}]) == [
        '<a href="/en/toolkit/english/">'
    ]
    assert client.get(english.url).status_code == 404


def test_links_cost_the_same_queries_however_many(modules):
    one = text_linking(modules["translated"])
    three = text_linking(modules["translated"], modules["drafted"], modules["english"])
    counts = []
    with translation.override("de"):
        expand_db_html(one)  # the site's root paths are cached from here on
        for text in (one, three):
            with CaptureQueriesContext(connection) as captured:
                expand_db_html(text)
            counts.append(len(captured))
    assert counts[0] == counts[1]
