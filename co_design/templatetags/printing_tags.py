"""The Download PDF link of the printable pages, hidden where WeasyPrint cannot run."""

from django import template
from django.urls import reverse

from ..printing import engine

register = template.Library()


@register.inclusion_tag("printing/download_link.html", takes_context=True)
def pdf_link(context, page, outcome=False):
    url = None
    if engine.available() and page is not None and page.live:
        if outcome:
            url = reverse("consultation_outcome_pdf", args=[page.pk])
        else:
            url = page.pdf_url(context.get("request"))
    return {"url": url}
