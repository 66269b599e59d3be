"""A Manifesto translated with wagtail-localize is signed in Wagtail's page editor: a partner
lead asked to sign it while its sign-off runs gets the editor with *Sign off* and the sign-off
panel; the moderator still opens wagtail-localize's translation editor."""

import pytest
from wagtail.models import Locale

from co_design.models import ManifestoPage
from co_design.review.setup import setup_review
from co_design.translations import catalogue

from ..support.network import manifesto_in_sign_off
from ..support.review_helpers import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def german_in_sign_off():
    network = manifesto_in_sign_off()
    german_locale = Locale.objects.get(language_code="de")
    home = network.home
    home.copy_for_translation(german_locale).save_revision().publish()
    translation = catalogue.translation_of(network.manifesto, german_locale)
    catalogue.fill(translation, {"The ECCIPA Manifesto (2023 edition)": "Das ECCIPA-Manifest"})
    translation.save_target(publish=False)
    setup_review()
    german = ManifestoPage.objects.get(locale=german_locale)
    german.get_workflow().start(german, network.people["moderator"])
    return german


def edit_page(username, page):
    response = client_for(username).get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_lead_signs_the_translation_in_wagtails_editor(german_in_sign_off):
    html = edit_page("lead-de", german_in_sign_off)
    assert "Sign off" in html
    assert "0 of 3 partner leads signed" in html
    assert "js-translation-editor" not in html  # not wagtail-localize's editor


def test_the_moderator_translates_in_the_translation_editor(german_in_sign_off):
    html = edit_page("moderator", german_in_sign_off)
    assert "js-translation-editor" in html
