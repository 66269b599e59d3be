"""The demo in German, Italian and Spanish: translations of the activity pages and the public
pages around the process. A translation is published like its source; idempotent, an existing
translation is left as it is."""

import re

from wagtail.models import Locale

from co_design.access import rules
from co_design.public.pages import InformationPage, TakePartPage

from .data import public_pages, translations
from .pages import publish, save_draft, translate


def link_addresses(html):
    """Every e-mail address of the text as a mailto link."""
    return re.sub(r"([\w.-]+@eccipa\.example\.org)", r'<a href="mailto:\1">\1</a>', html)


def note(language, text):
    """The text, preceded by the note that it is a demo translation."""
    return f"<p><em>{translations.DEMO_NOTE[language]}</em> {text}</p>"


class LanguagesMixin:
    def build_translations(self):
        """The home page, the Toolkit index, one strategy and the Manifesto in de, it and es."""
        by_slug = {strategy.slug: strategy for strategy in self.strategies}
        strategy = by_slug.get("valdoria-local-strategy", self.strategies[0])
        index = strategy.get_parent().specific
        for locale in Locale.objects.exclude(pk=self.home.locale_id):
            code = locale.language_code
            if code not in translations.DEMO_NOTE:
                continue
            steps = [
                (self.home, translations.HOME[code], "introduction"),
                (self.toolkit, translations.TOOLKIT[code], "introduction"),
                (index, translations.STRATEGY_INDEX[code], "introduction"),
                (self.manifesto, translations.MANIFESTO[code], "introduction"),
            ]
            for page, (title, text), field in steps:
                self.translate(page, locale, title=title, **{field: note(code, text)})
            title, summary, vision = translations.STRATEGY[code]
            self.translate(
                strategy,
                locale,
                title=f"{title}: {strategy.territory.name}",
                summary=f"{translations.DEMO_NOTE[code]} {summary}",
                vision=note(code, vision),
            )

    def translate(self, page, locale, **fields):
        """A translation is published like its source: the Manifesto, strategies and the
        Toolkit only through their review (each translation has its own), the rest at once."""
        through_review = rules.publishes_only_through_review(page)
        translated, created = translate(
            page, locale, save_draft if through_review else publish, self.admin, **fields
        )
        if created:
            self.created += 1
            if through_review:
                self.awaiting_review.append(translated)
        return translated

    def build_public_pages(self):
        """*Take part* and the information pages of the footer, in every language."""
        english = public_pages.TAKE_PART["en"]
        take_part = self.add(
            self.home,
            TakePartPage,
            english["slug"],
            title=english["title"],
            show_in_menus=True,
            introduction=english["introduction"],
            how_to_take_part=english["how_to_take_part"],
            invitation_email=public_pages.INVITATION_EMAIL,
        )
        self.translate_public_page(take_part, public_pages.TAKE_PART)
        for role, texts in public_pages.INFORMATION:
            texts = {code: (t, s, link_addresses(b)) for code, (t, s, b) in texts.items()}
            title, slug, body = texts["en"]
            page = self.add(
                self.home, InformationPage, slug, title=title, body=body, footer_role=role
            )
            self.translate_public_page(
                page,
                {
                    code: {"title": title, "slug": slug, "body": body}
                    for code, (title, slug, body) in texts.items()
                },
            )

    def translate_public_page(self, page, texts):
        for locale in Locale.objects.exclude(pk=self.home.locale_id):
            fields = texts.get(locale.language_code)
            if fields and page.get_translation_or_none(locale) is None:
                self.translate(page, locale, **fields)
