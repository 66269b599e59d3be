"""Serving the PDFs: built from the live page in its own language, kept per live revision."""

from urllib.parse import urljoin

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Page

from . import cache, documents, engine, records
from .pages import PrintablePage


def pdf_response(request, page, kind, build):
    """The PDF of `page` (live, and the visitor may read it: the caller checked), from the cache
    when it holds one for the live revision; `build()` assembles the Document otherwise."""
    if not engine.available():
        raise Http404(_("PDF downloads are not available on this server."))
    language = page.locale.language_code
    # Links in the document point at the site's public address, whoever asked first.
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/"
    generation = cache.current_generation()
    pdf = cache.get_pdf(kind, page, language, generation)
    if pdf is None:
        with translation.override(language):
            document = build()
            html = render_to_string(
                "printing/document.html",
                {
                    "document": document,
                    "partners": records.partners(),
                    # The page this prints: its address without `pdf/`.
                    "source_url": urljoin(base_url, request.path.removesuffix("pdf/")),
                },
                request=request,
            )
        pdf = engine.write_pdf(html, base_url=base_url)
        cache.store_pdf(kind, page, language, generation, pdf)
    response = HttpResponse(pdf, content_type="application/pdf")
    suffix = "-outcome" if kind == "outcome" else ""
    filename = f"eccipa-{page.slug}{suffix}-{language}.pdf"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Content-Language"] = language
    return response


def guide(request, page):
    """`<page url>pdf/`, routed by PrintablePage."""
    return pdf_response(request, page, "guide", lambda: documents.guide_for(page))


PrintablePage.guide_view = staticmethod(guide)


@require_safe
def outcome(request, page_id):
    """The printed *How your input was used* page: as public as the page itself."""
    from co_design.consultation.outcome import outcome_context

    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    context = outcome_context(page)
    return pdf_response(request, page, "outcome", lambda: documents.outcome(page, context))
