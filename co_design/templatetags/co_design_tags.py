from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag
def findings_of(finding_ids, findings_by_id):
    """The NeedsFinding objects a section names, from the page's one-query lookup."""
    findings_by_id = findings_by_id or {}
    return [findings_by_id[pk] for pk in finding_ids if pk in findings_by_id]


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the same page in that language where it exists (a Wagtail page's
    translation, or the same view under the other prefix), otherwise that language's home page."""
    request = context.get("request")
    if request is None:
        return []
    current = translation.get_language()
    page = context.get("page")
    resolved = getattr(request, "resolver_match", None)
    same_page = {}
    if resolved is not None and resolved.url_name not in (None, "wagtail_serve"):
        # A view of ours (the consultation room shows a page too): the same view.
        for code, _name in settings.LANGUAGES:
            translated = translate_url(request.path, code)
            if translated != request.path or code == current:
                same_page[code] = translated
    elif isinstance(page, Page):
        same_page = _live_translations(page)
    homes = None
    links = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            label = translation.gettext(name)
            url = same_page.get(code)
            if isinstance(url, Page):
                url = url.get_url(request)
            if not url:
                if homes is None:
                    site = Site.find_for_request(request)
                    homes = _live_translations(site.root_page) if site else {}
                home = homes.get(code)
                url = home.get_url(request) if home else f"/{code}/"
        links.append({"code": code, "name": label, "url": url, "current": code == current})
    return links


def _live_translations(page):
    """The live versions of a page by language code, itself included: one query."""
    return {
        translated.locale.language_code: translated
        for translated in page.get_translations(inclusive=True).live().select_related("locale")
    }


@register.simple_tag
def field_widget(bound_field, *id_parts, value=None):
    """The field's widget as its form defines it (maxlength, rows, required), with the id made of
    `id_parts` ("flag", 12 → "flag-12"): one unbound form serves every comment on the page, and
    each needs its own id."""
    html_id = "-".join(str(part) for part in id_parts)
    widget = bound_field.field.widget
    return widget.render(
        bound_field.html_name,
        bound_field.value() if value is None else value,
        attrs=bound_field.build_widget_attrs({"id": html_id}, widget),
        renderer=bound_field.form.renderer,
    )
