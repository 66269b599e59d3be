"""My consultations: the drafts a signed-in person may read in a consultation room, open ones
first with their closing dates, then the past ones they can still read."""

from django.contrib.auth.decorators import login_required
from django.db.models.fields.json import KeyTextTransform
from django.template.response import TemplateResponse
from django.utils import timezone, translation

from co_design.access.consultations import page_territory_ids, readable_consultations
from co_design.consultation.languages import show_in_language
from co_design.review.models import Consultation
from co_design.territories import Territory
from co_design.view_objects import ViewObject


def consultations_per_page(now):
    """For each page ever put to consultation, the consultation its room shows: the open one,
    else the latest (as rules.can decides with)."""
    consultations = (
        Consultation.objects.select_related("task_state", "page")
        # The title of the revision under consultation, without loading the whole revision.
        .annotate(draft_title=KeyTextTransform("title", "revision__content"))
        .order_by("-opened_at")
    )
    chosen = {}
    for consultation in consultations:
        shown = ViewObject(consultation, open_now=consultation.is_open(now))
        current = chosen.get(consultation.page_id)
        if current is None or (shown.open_now and not current.open_now):
            chosen[consultation.page_id] = shown
    return list(chosen.values())


def days_left(consultation, now):
    return (timezone.localtime(consultation.closes_at).date() - timezone.localtime(now).date()).days


def commenting_ended_at(consultation):
    """When commenting stopped: closed early, the workflow moved on, or the closing date."""
    return consultation.ended_at


@login_required
def my_consultations(request):
    now = timezone.now()
    readable = readable_consultations(request.user, consultations_per_page(now))
    territory_ids = page_territory_ids([consultation.page for consultation in readable])
    territories = Territory.objects.in_bulk({pk for pk in territory_ids.values() if pk})
    for consultation in readable:
        consultation.territory = territories.get(territory_ids[consultation.page_id])
        consultation.title = consultation.draft_title or consultation.page.title
        consultation.days_left = days_left(consultation, now)
        consultation.ended = commenting_ended_at(consultation)
    show_in_language(readable, translation.get_language())
    open_now = sorted((c for c in readable if c.open_now), key=lambda c: c.closes_at)
    past = sorted((c for c in readable if not c.open_now), key=lambda c: c.ended, reverse=True)
    return TemplateResponse(
        request,
        "consultation/my_consultations.html",
        {
            "open_consultations": open_now,
            "past_consultations": past,
            "preferred_language": getattr(getattr(request.user, "profile", None), "language", ""),
        },
    )
