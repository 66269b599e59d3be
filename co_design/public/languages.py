"""Every page in every language: where a page has no live translation in the visitor's language,
its source-language version is served at the address of that language (/de/toolkit/<module>/),
under the German interface, marked as shown in English, and listed in the menus and index pages
of that language. Nothing is copied: the fallback happens in Wagtail's own routing
(`ShownInEveryLanguage.route`) and in the page's own address (`get_url_parts`).

Source language: the locale of the site's root page (English, `LANGUAGE_CODE`)."""

from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

# "This page is not yet available in German": each language as a sentence names it.
IN_LANGUAGE = {
    "en": _("in English"),
    "de": _("in German"),
    "it": _("in Italian"),
    "es": _("in Spanish"),
}


def source_locale():
    return Locale.get_default()


def in_language(code):
    return IN_LANGUAGE.get(code, code)


def address_in(url, language):
    """A page's address (/en/toolkit/x/) under another language prefix (/de/toolkit/x/):
    the fallback routing answers it with the same page where no translation exists."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if url and url.startswith(prefix):
            return f"/{language}/{url[len(prefix) :]}"
    return url


class ShownInEveryLanguage:
    """Mixed into every public page type, ahead of Page.

    `shown_at` is set on an instance served or listed in a language other than its own: its
    address in that language. The page then links, and is linked, under that language."""

    shown_at = None

    @property
    def is_shown_in_other_language(self):
        return self.shown_at is not None

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if self.shown_at is None or parts is None or parts[2] is None:
            return parts
        return (parts[0], parts[1], self.shown_at)

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        slug, remaining = path_components[0], path_components[1:]
        if self.shown_at is not None:
            # Already inside the source tree: its children are shown in this language too.
            child = self.get_children().filter(slug=slug).first()
        else:
            try:
                return super().route(request, path_components)
            except Http404:
                child = source_child(self, slug)
                if child is not None and child.locale_id == self.locale_id:
                    # The source's slug of a page translated under another slug.
                    return child.specific.route(request, remaining)
        if child is None:
            raise Http404
        child = child.specific
        child.shown_at = self._path_in_this_language(request) + f"{slug}/"
        return child.route(request, remaining)

    def _path_in_this_language(self, request):
        parts = self.get_url_parts(request)
        path = parts[2] if parts else None
        if not path:
            raise Http404
        return path if path.endswith("/") else f"{path}/"


def source_child(parent, slug):
    """The child `slug` of the source-language version of `parent`, or its live translation in
    the language of `parent` where one exists."""
    source = source_locale()
    if parent.locale_id == source.pk:
        return None
    source_parent = parent.get_translation_or_none(source)
    if source_parent is None:
        return None
    child = source_parent.get_children().filter(slug=slug).first()
    if child is None:
        return None
    translated = Page.objects.filter(
        translation_key=child.translation_key, locale_id=parent.locale_id, live=True
    ).first()
    return translated or child


def children_in_every_language(parent, queryset, request=None):
    """The children of `parent` that `queryset` selects, in the language of `parent`, with the
    source-language child in place (marked by `shown_at`) where it has no live translation; in
    the order of the source."""
    if getattr(parent, "shown_at", None) is not None:
        children = list(queryset.child_of(parent))
        for child in children:
            child.shown_at = f"{parent.shown_at}{child.slug}/"
            child.locale = parent.locale
        return children
    translated = list(queryset.child_of(parent))
    if translation.get_language() == settings.LANGUAGE_CODE:
        return translated  # the source language: nothing to fall back on
    source = source_locale()
    source_parent = (
        None if parent.locale_id == source.pk else parent.get_translation_or_none(source)
    )
    parent_path = parent.get_url_parts(request) if source_parent is not None else None
    parent_path = parent_path[2] if parent_path else None
    if not parent_path:
        return translated
    by_key = {child.translation_key: child for child in translated}
    shown = []
    for child in queryset.child_of(source_parent):
        translation_ = by_key.pop(child.translation_key, None)
        if translation_ is None:
            child.shown_at = f"{parent_path}{child.slug}/"
            child.locale = source
            translation_ = child
        shown.append(translation_)
    return shown + list(by_key.values())


def in_active_language(page, request=None):
    """The page a link to `page` leads to in the active language: its live translation, or else
    its source-language version shown at the address of the active language."""
    if page is None:
        return None
    language = translation.get_language()
    page = page.specific
    if page.locale.language_code == language:
        return page
    locale = Locale.objects.filter(language_code=language).first()
    translated = page.get_translation_or_none(locale) if locale else None
    if translated is not None and translated.live:
        return translated.specific
    source = page if page.locale_id == source_locale().pk else None
    source = source or page.get_translation_or_none(source_locale()) or page
    source = source.specific
    parts = source.get_url_parts(request)
    if parts and parts[2]:
        source.shown_at = address_in(parts[2], language)
    return source
