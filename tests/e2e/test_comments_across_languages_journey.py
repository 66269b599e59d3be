"""An Italian stakeholder comments on the Italian text of the Valdoria strategy, in Chromium,
against a live server with the demo content; the editor finds the comment on the English source:
in its comment sidebar, on the right section, and on the decisions screen, marked as Italian; the
English room shows it as *Written in Italian*, one click from a machine translation into English
(the live site uses wagtail-localize's test translator, which reverses the words), which she can
hide again.

Each screen is shot at 1280 and 390 px and checked by axe-core (tests/e2e/artifacts/)."""

import json
import os

import pytest

from .support import ARTIFACTS, Person

ITALIAN = """
import json
from co_design.models import StrategyDraftPage
source = StrategyDraftPage.objects.get(slug="valdoria-local-strategy", locale__language_code="en")
italian = source.get_translation(source.locale.__class__.objects.get(language_code="it"))
print(json.dumps({"italian": italian.pk, "italian_title": italian.title}))
"""
TEXT = "Serve un orario di apertura anche il sabato per chi lavora."
REVERSED = "lavora. chi per sabato il anche apertura di orario un Serve"


@pytest.fixture(scope="module")
def machine_translator():
    """The live site of this journey translates comments (cms/settings/test.py reads it)."""
    os.environ["MACHINE_TRANSLATOR_IN_TESTS"] = "dummy"
    yield
    os.environ.pop("MACHINE_TRANSLATOR_IN_TESTS", None)


@pytest.fixture(scope="module")
def site(machine_translator, site):
    return site


def test_an_italian_comment_on_the_italian_text_reaches_the_editor_on_the_source(
    site, browser, in_site
):
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shots = []
    source = site["valdoria"]
    italian = json.loads(in_site(ITALIAN).strip().splitlines()[-1])

    # 1. Marco reads the Italian translation's room, in Italian, and comments on a section.
    marco = Person(browser, site, "stakeholder-school-it", shots)
    page = marco.page
    marco.sign_in(f"/it/accounts/login/?next=/it/consultations/{italian['italian']}/")
    assert page.url.endswith(f"/it/consultations/{italian['italian']}/"), page.url
    expect(page.locator("html")).to_have_attribute("lang", "it")
    expect(page.locator("h1")).to_have_text(italian["italian_title"])
    expect(page.locator(".notice--open")).to_be_visible()  # the source's consultation is open
    first = page.locator("section.room-section[data-section]").nth(0)
    first.get_by_role("button", name="Commenta questa sezione").click()
    first.locator("form.comment-form textarea[name=text]").fill(TEXT)
    first.locator("form.comment-form button[type=submit]").click()
    page.wait_for_load_state()
    assert f"/it/consultations/{italian['italian']}/" in page.url, page.url
    mine = page.locator("li.comment", has_text=TEXT)
    expect(mine).to_be_focused()
    expect(mine.locator(".comment__text")).to_have_attribute("lang", "it")
    expect(mine.locator(".tag--language")).to_have_count(0)  # Italian, as the room
    marco.screens("xlang-room-it")
    section_id = first.get_attribute("data-section")
    marco.close()

    # 2. Elena, the editor, finds it on the English source.
    elena = Person(browser, site, "editor-it", shots)
    page = elena.page
    elena.sign_in()
    page.goto(f"/en/consultations/{source}/")
    english = page.locator(f"#section-{section_id} li.comment", has_text=TEXT)
    expect(english.locator(".comment__text")).to_have_attribute("lang", "it")
    expect(english.locator(".tag--language")).to_have_text("Written in Italian")
    elena.screens("xlang-room-en")

    # She asks for a machine translation: it shows below the original, which stays as written.
    english.get_by_role("link", name="Show a machine translation into English").click()
    page.wait_for_load_state()
    english = page.locator(f"#section-{section_id} li.comment", has_text=TEXT)
    expect(english).to_be_in_viewport()
    expect(english.locator(".comment__text")).to_have_text(TEXT)
    translation = english.locator(".comment__translation")
    expect(translation).to_contain_text("Machine translation; the original is above.")
    expect(translation).to_contain_text(REVERSED)
    elena.screens("xlang-room-en-machine-translation")
    translation.get_by_role("link", name="Hide the translation").click()
    page.wait_for_load_state()
    expect(page.locator(".comment__translation")).to_have_count(0)
    expect(
        page.locator(f"#section-{section_id} li.comment", has_text=TEXT).get_by_role(
            "link", name="Show a machine translation into English"
        )
    ).to_be_visible()

    page.goto(f"/admin/pages/{source}/edit/")
    page.locator("button[data-side-panel-toggle=comments]").click()
    in_sidebar = page.get_by_text(TEXT)
    expect(in_sidebar).to_be_visible()
    in_sidebar.scroll_into_view_if_needed()
    elena.shot("xlang-editor-sidebar")

    page.goto(f"/admin/consultations/{source}/comments/")
    decision = page.locator("section.eccipa-decision", has_text=TEXT)
    expect(decision.locator(".eccipa-text")).to_have_attribute("lang", "it")
    expect(decision.locator("p.help").first).to_contain_text("Written in Italian")
    elena.screens("xlang-decisions")
    elena.close()
