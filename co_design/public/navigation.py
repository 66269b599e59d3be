from django.core.cache import cache
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from co_design.public.languages import children_in_every_language


def footer_pages(request, site, home):
    """[{title, url, pk}]: the live, public information page of each footer role (accessibility
    statement, privacy notice, legal notice, contact) in the active language. Kept in the cache
    under the generation that publishing, unpublishing, moving, deleting and view restrictions
    bump (co_design.publishing.signals), so that the footer costs no query on most pages."""
    from co_design.graphql_api import response_cache
    from co_design.public.pages import InformationPage

    language = get_language() or home.locale.language_code
    key = f"footer:{response_cache.current_generation()}:{site.pk}:{language}"
    pages = cache.get(key)
    if pages is None:
        locale = Locale.objects.filter(language_code=language).first() or home.locale
        by_kind = InformationPage.for_footer(locale)
        pages = [
            {"pk": page.pk, "title": page.title, "url": page.get_url(request)}
            for page in (by_kind[kind] for kind in InformationPage.Kind.values if kind in by_kind)
        ]
        cache.set(key, pages, timeout=3600)
    return pages


def site_navigation(request):
    """The live sections of the site under its home page in the active language, for the main
    navigation, and the information pages the footer links to in that language."""
    site = Site.find_for_request(request)
    if site is None:
        return {"site_navigation": [], "home_url": "/", "footer_pages": []}
    home = site.root_page.localized
    # The same menu in every language: sections not yet translated appear in the source
    # language, at their address in this language (co_design/public/languages.py).
    menu = Page.objects.live().in_menu().specific(defer=True)
    return {
        "site_navigation": SimpleLazyObject(
            lambda: children_in_every_language(home, menu, request)
        ),
        "home_url": home.get_url(request) or "/",
        "footer_pages": footer_pages(request, site, home),
    }
