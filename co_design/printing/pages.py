"""The printable page types answer `<page url>pdf/` with their printed guide.

Wagtail's RoutablePageMixin adds the route: it answers only while the page is live (a draft or
an unpublished page falls through to the page tree, which has no `pdf` child: 404), runs the
page's view restrictions and `before_serve_page` hooks as for the page itself, and previews keep
showing the page. Rendering uses the page row as served, which holds the live revision's text
(drafts live only in revisions), never `get_latest_revision_as_object()`.
"""

from django.utils.decorators import method_decorator
from django.views.decorators.http import require_safe
from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class PrintablePage(RoutablePageMixin):
    # The view that prints a page, registered by co_design.printing.views when the URLconf loads
    # it: the page types stay free of the printing machinery, which itself reads the page types.
    guide_view = None

    @path("pdf/", name="pdf")
    @method_decorator(require_safe)
    def pdf_view(self, request):
        return PrintablePage.guide_view(request, self)

    def pdf_url(self, request=None):
        url = self.get_url(request)
        return url + self.reverse_subpage("pdf") if url else None
