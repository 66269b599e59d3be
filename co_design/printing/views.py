"""Serving the PDFs: built from the live page in its own language, kept per live revision."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Page

from . import cache, documents, engine, records


def pdf_response(request, page, kind, build):
    """The PDF of `page` (live and public: the caller checked), from the cache when it holds
    one for the live revision; `build()` assembles the Document otherwise."""
    if not engine.available():
        raise Http404(_("PDF downloads are not available on this server."))
    language = page.locale.language_code
    generation = cache.current_generation()
    pdf = cache.get_pdf(kind, page, language, generation)
    if pdf is None:
        with translation.override(language):
            document = build()
            html = render_to_string(
                "printing/document.html",
                {"document": document, "partners": records.partners()},
                request=request,
            )
        pdf = engine.write_pdf(html, base_url=request.build_absolute_uri("/"))
        cache.store_pdf(kind, page, language, generation, pdf)
    response = HttpResponse(pdf, content_type="application/pdf")
    suffix = "-outcome" if kind == "outcome" else ""
    filename = f"eccipa-{page.slug}{suffix}-{language}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Language"] = language
    return response


def guide(request, page):
    """`<page url>pdf/`, routed by PrintablePage."""
    return pdf_response(request, page, "guide", lambda: documents.guide_for(page))


@require_safe
def outcome(request, page_id):
    """The printed *How your input was used* page: as public as the page itself."""
    from ..room.views import outcome_context

    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    context = outcome_context(page)
    return pdf_response(request, page, "outcome", lambda: documents.outcome(page, context))
