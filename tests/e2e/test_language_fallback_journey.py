"""A visitor of the German, Italian and Spanish sites meets no dead end: from the menu to a Toolkit
module not yet translated, shown in English under their language with a notice and a link to the
English page, and the language switcher keeps the page. axe-core finds nothing on each screen."""

import re

from .support import ARTIFACTS, Person

NOTICE = {
    "de": "Diese Seite ist noch nicht auf Deutsch verfügbar; sie wird auf Englisch angezeigt.",
    "it": "Questa pagina non è ancora disponibile in italiano; è mostrata in inglese.",
    "es": "Esta página aún no está disponible en español; se muestra en inglés.",
}
NOT_TRANSLATED = {
    "de": "Noch nicht übersetzt",
    "it": "Non ancora tradotta",
    "es": "Aún no traducida",
}


# The demo has every page in every language: the Needs Review section and one module are taken
# back to English only, as pages written after the last translation round would be.
NOT_YET_TRANSLATED = """
from wagtail.models import Locale, Page
from co_design.models import NeedsReviewIndexPage, TrainingModulePage
english = Locale.objects.get(language_code="en")
for page in (
    NeedsReviewIndexPage.objects.get(locale=english),
    TrainingModulePage.objects.get(locale=english, slug="working-with-interpreters"),
):
    for translation in page.get_translations():
        translation.delete()
"""


def test_visitors_of_every_language_reach_untranslated_pages_in_their_interface(
    site, browser, in_site
):
    from playwright.sync_api import expect

    in_site(NOT_YET_TRANSLATED)

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    visitor = Person(browser, site, "visitor", [])
    page = visitor.page
    for language in ("de", "it", "es"):
        # The same sections in the menu as in English, among them Needs Review.
        page.goto(f"/{language}/")
        page.locator(f'.main-nav a[href="/{language}/needs-review/"]').click()
        expect(page).to_have_url(re.compile(rf"/{language}/needs-review/$"))
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("main")).to_have_attribute("lang", "en")
        expect(page.locator(".language-notice")).to_contain_text(NOTICE[language])
        visitor.screens(f"fallback-needs-review-{language}")

        # The Toolkit lists every module; one not yet translated opens in English, marked.
        page.goto(f"/{language}/toolkit/")
        card = page.locator("main li.card").filter(has_text=NOT_TRANSLATED[language]).first
        expect(card).to_be_visible()
        visitor.screens(f"fallback-toolkit-{language}")
        card.get_by_role("link").first.click()
        expect(page).to_have_url(re.compile(rf"/{language}/toolkit/[\w-]+/$"))
        module_path = re.sub(r"^https?://[^/]+", "", page.url)
        expect(page.locator(".language-notice")).to_contain_text(NOTICE[language])
        visitor.screens(f"fallback-module-{language}")

        # The switcher keeps the page; the notice leads to the English page.
        english = module_path.replace(f"/{language}/", "/en/", 1)
        expect(page.locator('.language-nav a[hreflang="en"]')).to_have_attribute("href", english)
        page.locator(".language-notice a").click()
        expect(page).to_have_url(re.compile(re.escape(english) + "$"))
        expect(page.locator(".language-notice")).to_have_count(0)
