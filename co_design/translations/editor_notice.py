"""The notice a translator sees on opening a translation whose source changed since it was
last synced."""

from django.contrib import messages
from django.utils import formats
from django.utils.translation import gettext as _

from .freshness import freshness_of, source_changed_at


def warn_when_out_of_date(request, page):
    """before_edit_page: adds the notice to the editor (wagtail-localize's translation editor or
    Wagtail's own); returns nothing, so the editor opens as usual."""
    if request.method != "GET":
        return None
    freshness = freshness_of(page)
    if freshness is None or freshness.up_to_date:
        return None
    source = freshness.source_page
    messages.warning(
        request,
        _(
            "This translation is out of date: “%(source)s” changed on %(date)s, "
            "after this translation was last synced. Open the source page, choose “Sync "
            "translated pages”, then translate what is new."
        )
        % {
            "source": source.title,
            "date": formats.date_format(source_changed_at(source), "DATETIME_FORMAT"),
        },
    )
    return None
