from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from co_design.consultation.comment_fragments import rendered_comments
from co_design.public.languages import address_in, in_active_language, in_language, source_locale

register = template.Library()


@register.simple_tag
def findings_of(finding_ids, findings_by_id):
    """The NeedsFinding objects a section names, from the page's one-query lookup."""
    findings_by_id = findings_by_id or {}
    return [findings_by_id[pk] for pk in finding_ids if pk in findings_by_id]


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language to the same page with the same query string: a Wagtail page's live
    translation, or else its source-language version at that language's address (which the
    fallback routing serves, co_design/public/languages.py); a view of ours under the other
    prefix, or the addresses the view gives as `language_addresses`."""
    request = context.get("request")
    if request is None:
        return []
    current = translation.get_language()
    page = context.get("page")
    resolved = getattr(request, "resolver_match", None)
    query = request.META.get("QUERY_STRING", "")
    # A view that knows each language's address gives them (the consultation room).
    same_page = context.get("language_addresses") or {}
    if same_page:
        same_page = dict(same_page)
    elif resolved is not None and resolved.url_name not in (None, "wagtail_serve"):
        # A view of ours (the consultation room shows a page too): the same view.
        for code, _name in settings.LANGUAGES:
            translated = translate_url(request.path, code)
            if translated != request.path or code == current:
                same_page[code] = translated
    elif isinstance(page, Page):
        same_page = _addresses_in_every_language(page, request)
    homes = None
    links = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            label = translation.gettext(name)
            url = same_page.get(code)
            if not url:
                if homes is None:
                    site = Site.find_for_request(request)
                    homes = _live_translations(site.root_page) if site else {}
                home = homes.get(code)
                url = home.get_url(request) if home else f"/{code}/"
            elif query:
                url = f"{url}?{query}"
        links.append({"code": code, "name": label, "url": url, "current": code == current})
    return links


def _addresses_in_every_language(page, request):
    """{language: address} of a page: its live translation, or else its source-language
    version under that language's prefix."""
    translations = _live_translations(page)
    source = translations.get(source_locale().language_code)
    source_url = source.get_url(request) if source else None
    addresses = {}
    for code, _name in settings.LANGUAGES:
        translated = translations.get(code)
        if translated is not None:
            addresses[code] = translated.get_url(request)
        elif source_url:
            addresses[code] = address_in(source_url, code)
    return addresses


@register.simple_tag(takes_context=True)
def in_this_language(context, page):
    """The page a link to `page` leads to in the active language: its translation, or its
    source-language version marked as shown in that language."""
    return in_active_language(page, context.get("request"))


@register.filter(name="in_language")
def in_language_filter(code):
    """ "in German" for "de", as a sentence names the language."""
    return in_language(code)


@register.simple_tag
def language_notice(page):
    """For a page shown in a language other than its own: the sentence that says so, and the
    language it is in."""
    if not getattr(page, "is_shown_in_other_language", False):
        return None
    shown_in = page.locale.language_code
    return {
        "text": translation.gettext(
            "This page is not yet available %(in_interface)s; it is shown %(in_source)s."
        )
        % {
            "in_interface": in_language(translation.get_language()),
            "in_source": in_language(shown_in),
        },
        "link_text": translation.gettext("Go to the page %(in_source)s")
        % {"in_source": in_language(shown_in)},
        "code": shown_in,
        "url": address_in(page.shown_at, shown_in),
    }


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
    if value is None and not bound_field.form.is_bound:
        # The same empty widget for every comment but its id: rendered once per form and field
        # (an unbound form: no text of anyone's in it).
        rendered = bound_field.form.__dict__.setdefault("rendered_widgets", {})
        if bound_field.name not in rendered:
            rendered[bound_field.name] = render_widget(bound_field, WIDGET_ID, None)
        return mark_safe(rendered[bound_field.name].replace(WIDGET_ID, escape(html_id)))  # noqa: S308
    return render_widget(bound_field, html_id, value)


# Letters only, so that rendering leaves it as it is.
WIDGET_ID = "fieldwidgetidplaceholder"


def render_widget(bound_field, html_id, value):
    widget = bound_field.field.widget
    return widget.render(
        bound_field.html_name,
        bound_field.value() if value is None else value,
        attrs=bound_field.build_widget_attrs({"id": html_id}, widget),
        renderer=bound_field.form.renderer,
    )


@register.simple_tag(takes_context=True)
def room_comments(context, shown_comments):
    """The room's comments, each as consultation/comment.html renders it in this context (taken
    from the cache when nothing it shows changed: consultation/comment_fragments.py)."""
    return rendered_comments(context, shown_comments)
