"""What a visitor finds without signing in: *Take part* (open consultations with their closing
date and how to ask for an invitation, finished ones with their outcome page), the outcome link
on a strategy, and the information pages every page's footer links to, in each language."""

import re
from types import SimpleNamespace

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from co_design.models import (
    Consultation,
    InformationPage,
    StakeholderComment,
    StrategyDraftPage,
    TakePartPage,
)

from ..support.module_data import built_once
from ..support.network import strategies_in_review
from ..support.site_tree import make_default, public_pages, translate

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]

LANGUAGES = ["en", "de", "it", "es"]
FOOTER_TITLES = {
    "en": ["Accessibility statement", "Privacy notice", "Legal notice", "Contact"],
    "de": ["Erklärung zur Barrierefreiheit", "Datenschutzerklärung", "Impressum", "Kontakt"],
    "it": [
        "Dichiarazione di accessibilità",
        "Informativa sulla privacy",
        "Note legali",
        "Contatti",
    ],
    "es": ["Declaración de accesibilidad", "Aviso de privacidad", "Aviso legal", "Contacto"],
}


def consultations_and_public_pages():
    """The partners' strategies (Rheinfeld's never consulted on, Valdoria's in consultation,
    Puerto Alba's consultation finished with a decided comment) on a home translated into every
    language, with *Take part* and the footer's information pages."""
    network = strategies_in_review(
        puerto_alba_comments=[("Open the desk on Saturdays.", "adopted", "Saturdays from May.")]
    )
    home = network.home
    make_default(home)
    for language in LANGUAGES[1:]:
        translate(home, language, title=f"{home.title} ({language})")
    public_pages(home)
    return SimpleNamespace(strategy_pks={slug: p.pk for slug, p in network.strategies.items()})


site = built_once(consultations_and_public_pages)


@pytest.fixture
def strategy(site):
    """The English strategy of a territory, by the territory's slug, read afresh."""
    return lambda slug: StrategyDraftPage.objects.get(pk=site.strategy_pks[slug])


def take_part(language="en"):
    return TakePartPage.objects.live().get(locale__language_code=language)


def section(html, heading_id):
    """The HTML of the <section> labelled by `heading_id`."""
    found = re.search(rf'<section aria-labelledby="{heading_id}">(.*?)</section>', html, re.S)
    assert found, heading_id
    return found.group(1)


def footer(html):
    return html[html.index('<footer class="site-footer">') :]


def test_take_part_lists_the_open_consultation_with_its_closing_date_and_invitation(
    client, strategy
):
    valdoria = strategy("valdoria")
    consultation = Consultation.objects.for_page(valdoria).first()
    html = client.get(take_part().url).content.decode()
    open_now = section(html, "open-heading")
    assert f'<h3><a href="{valdoria.url}">Valdoria Local Strategy for Integration</a></h3>' in (
        open_now
    )
    assert "<dd>Valdoria</dd>" in open_now
    closing = date_format(timezone.localtime(consultation.closes_at), "DATE_FORMAT")
    assert f">{closing}</time>" in open_now
    assert "Invited city departments, public bodies, NGOs, migrant associations and role " in (
        open_now
    )
    assert (
        'href="mailto:participation@eccipa.example.org?subject=Invitation%20to%20the%20'
        'consultation%3A%20Valdoria%20Local%20Strategy%20for%20Integration"'
    ) in open_now
    assert f'href="/en/accounts/login/?next=/en/consultations/{valdoria.pk}/"' in open_now
    # Rheinfeld's strategy was never put to consultation: neither open nor finished.
    assert "Rheinfeld" not in open_now + section(html, "finished-heading")


def test_take_part_links_finished_consultations_to_their_outcome_only(client, strategy):
    puerto = strategy("puerto-alba")
    html = client.get(take_part().url).content.decode()
    finished = section(html, "finished-heading")
    assert puerto.title in finished
    assert f'href="/en/consultations/{puerto.pk}/outcome/"' in finished
    assert client.get(f"/en/consultations/{puerto.pk}/outcome/").status_code == 200
    # Every outcome link on the page leads to an outcome page that exists.
    for page_id in re.findall(r"/consultations/(\d+)/outcome/", html):
        assert client.get(f"/en/consultations/{page_id}/outcome/").status_code == 200
    # Only Puerto Alba's consultation has finished: one outcome link.
    assert finished.count("/outcome/") == 1


def test_a_finished_consultation_whose_comments_are_all_hidden_is_not_linked(client, strategy):
    puerto = strategy("puerto-alba")
    StakeholderComment.objects.filter(wagtail_comment__page=puerto).update(hidden_at=timezone.now())
    html = client.get(take_part().url).content.decode()
    assert f"/consultations/{puerto.pk}/outcome/" not in html
    assert "No consultation has finished yet." in html
    assert client.get(f"/en/consultations/{puerto.pk}/outcome/").status_code == 404


def test_take_part_is_a_page_in_every_language_linked_from_home_and_header(client):
    titles = {"en": "Take part", "de": "Mitmachen", "it": "Partecipare", "es": "Participar"}
    for language in LANGUAGES:
        page = take_part(language)
        assert page.title == titles[language]
        home = client.get(f"/{language}/").content.decode()
        header = home[home.index('<header class="site-header">') : home.index("</header>")]
        assert f'<a href="{page.url}">{page.title}</a>' in header
        main = home[home.index("<main") : home.index("</main>")]
        assert f'<a class="button" href="{page.url}">{page.title}</a>' in main
        response = client.get(page.url)
        assert response.status_code == 200
        assert f"<h1>{page.title}</h1>" in response.content.decode()


def test_take_part_speaks_the_visitors_language(client):
    html = client.get(take_part("de").url).content.decode()
    assert "Offene Beteiligungen" in html
    assert "Um eine Einladung bitten" in html
    assert "Abgeschlossene Konsultationen" in html


def test_strategy_links_to_its_outcome_once_its_consultation_ended(client, strategy):
    puerto = strategy("puerto-alba")
    html = client.get(puerto.url).content.decode()
    assert f'<a href="/en/consultations/{puerto.pk}/outcome/">How your input was used</a>' in html
    # Rheinfeld's was never consulted on.
    assert "/outcome/" not in client.get(strategy("rheinfeld").url).content.decode()
    # Valdoria's consultation is still open: its outcome page does not exist yet.
    valdoria = strategy("valdoria")
    assert "/outcome/" not in client.get(valdoria.url).content.decode()
    assert client.get(f"/en/consultations/{valdoria.pk}/outcome/").status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_footer_links_the_information_pages_in_each_language(client, language):
    html = client.get(f"/{language}/").content.decode()
    links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', footer(html))
    assert [title for _url, title in links] == FOOTER_TITLES[language]
    for url, title in links:
        assert url.startswith(f"/{language}/")
        response = client.get(url)
        assert response.status_code == 200
        page_html = response.content.decode()
        assert f"<h1>{title}</h1>" in page_html
        # A real address to write to, on every page, as a link.
        assert re.search(r'<a href="mailto:\w+@eccipa\.example\.org">', page_html)


def test_footer_follows_the_pages_in_the_cms(client):
    privacy = InformationPage.objects.get(locale__language_code="en", footer_role="privacy")
    privacy.unpublish()
    html = footer(client.get("/en/").content.decode())
    assert "Privacy notice" not in html
    assert "Legal notice" in html
    legal = InformationPage.objects.get(locale__language_code="en", footer_role="legal")
    legal.title = "Imprint"
    legal.save_revision().publish()
    assert ">Imprint</a>" in footer(client.get("/en/").content.decode())


def test_information_page_types_take_only_their_place_in_the_tree():
    assert TakePartPage.parent_page_types == ["home.HomePage"]
    assert TakePartPage.subpage_types == []
    assert InformationPage.subpage_types == []
    home = take_part().get_parent().specific
    assert TakePartPage in home.specific_class.allowed_subpage_models()
    assert InformationPage in home.specific_class.allowed_subpage_models()
