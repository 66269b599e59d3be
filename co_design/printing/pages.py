"""The printable page types answer `<page url>pdf/` with their printed guide.

Wagtail's RoutablePageMixin adds the route: it answers only while the page is live (a draft or
an unpublished page falls through to the page tree, which has no `pdf` child: 404), runs the
page's view restrictions and `before_serve_page` hooks as for the page itself, and previews keep
showing the page. Rendering uses the page row as served, which holds the live revision's text
(drafts live only in revisions), never `get_latest_revision_as_object()`.
"""

from django.core.exceptions import ValidationError
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

PDF_ROUTE = "pdf"


class PrintablePage(RoutablePageMixin):
    # The view that prints a page, registered by co_design.printing.views when the URLconf loads
    # it: the page types stay free of the printing machinery, which itself reads the page types.
    guide_view = None

    @path(f"{PDF_ROUTE}/", name="pdf")
    @method_decorator(require_safe)
    def pdf_view(self, request):
        return PrintablePage.guide_view(request, self)

    def pdf_url(self, request=None):
        url = self.get_url(request)
        return url + self.reverse_subpage("pdf") if url else None


def slug_refusal(slug, parent):
    """Why a child of `parent` may not take `slug`, or None: a printable parent answers
    `<its address>pdf/` with its printed guide, so a child page at that address is never reached."""
    if parent is None or slug != PDF_ROUTE or not isinstance(parent.specific, PrintablePage):
        return None
    return _(
        "The address “%(slug)s” below “%(parent)s” is its printed guide (PDF): please choose "
        "another slug."
    ) % {"slug": slug, "parent": parent.title}


class ChildOfPrintablePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        refusal = slug_refusal(cleaned_data.get("slug"), self.parent_page)
        if refusal:
            self.add_error("slug", refusal)
        return cleaned_data


class UnderAPrintablePage:
    """For the page types whose parent is printable (a Toolkit's modules): their slug may not be
    `pdf`, in the admin's form and wherever else a page is saved (a copy, an imported package)."""

    base_form_class = ChildOfPrintablePageForm

    def clean(self):
        super().clean()
        if self.slug != PDF_ROUTE:  # the common case, without reading the parent
            return
        refusal = slug_refusal(self.slug, self.get_parent())
        if refusal:
            raise ValidationError({"slug": refusal})
