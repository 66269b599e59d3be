"""The demo in German, Italian and Spanish: every English page translated through wagtail-localize,
its segments filled from the catalogues translations/<de|it|es>.po as a partner's translator would
upload them. A translation is published like its source; idempotent, an existing translation is
left as it is."""

import re
from pathlib import Path

from wagtail.models import Locale, Page

from co_design.access import rules
from co_design.public.pages import InformationPage, TakePartPage
from co_design.translations import catalogue

from .data import public_pages

CATALOGUES = Path(__file__).parent / "data" / "translations"


def link_addresses(html):
    """Every e-mail address of the text as a mailto link."""
    return re.sub(r"([\w.-]+@eccipa\.example\.org)", r'<a href="mailto:\1">\1</a>', html)


def catalogue_for(language):
    """The demo's catalogue of `language`, with the public pages' own slugs in that language
    (every other page keeps its English slug: the API finds a page by slug in every locale)."""
    path = CATALOGUES / f"{language}.po"
    texts = catalogue.load(path) if path.exists() else {}
    for english, slugs in public_pages.SLUGS.items():
        if language in slugs:
            texts[english] = slugs[language]
    return texts


class LanguagesMixin:
    def build_translations(self):
        """Every English page of the site, parents first, in every other language."""
        pages = (
            Page.objects.descendant_of(self.home, inclusive=True)
            .filter(locale_id=self.home.locale_id)
            .order_by("path")
            .specific()
        )
        locales = list(Locale.objects.exclude(pk=self.home.locale_id))
        catalogues = {locale.pk: catalogue_for(locale.language_code) for locale in locales}
        for page in pages:
            for locale in locales:
                existing = page.get_translation_or_none(locale)
                if existing is None or existing.alias_of_id is not None:
                    self.translate(page, locale, catalogues[locale.pk])

    def translate(self, page, locale, texts):
        """A translation is published like its source: the Manifesto, strategies and the
        Toolkit only through their review (each translation has its own), the rest at once."""
        translation = catalogue.translation_of(page, locale)
        catalogue.fill(translation, texts, user=self.admin)
        # As a draft: wagtail-localize would publish only once the seed's transaction commits.
        translation.save_target(user=self.admin, publish=False)
        translated = translation.get_target_instance().specific
        self.created += 1
        if rules.publishes_only_through_review(page):
            self.awaiting_review.append(translated)
        else:
            translated.get_latest_revision().publish(user=self.admin)
        return translated

    def build_public_pages(self):
        """*Take part* and the information pages of the footer, in English (build_translations
        translates them)."""
        take_part = public_pages.TAKE_PART
        self.add(
            self.home,
            TakePartPage,
            take_part["slug"],
            title=take_part["title"],
            show_in_menus=True,
            introduction=take_part["introduction"],
            how_to_take_part=take_part["how_to_take_part"],
            invitation_email=public_pages.INVITATION_EMAIL,
        )
        for role, title, slug, body in public_pages.INFORMATION:
            self.add(
                self.home,
                InformationPage,
                slug,
                title=title,
                body=link_addresses(body),
                footer_role=role,
            )
