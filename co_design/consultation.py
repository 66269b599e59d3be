"""The consultation room: stakeholders read the revision under consultation, section by section."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.models import Page

from . import rules
from .models import Consultation


def consultation_room(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    verdict = rules.can(request.user, "view_draft", page)
    consultation = Consultation.objects.for_page(page).select_related("revision").first()
    if not verdict or consultation is None:
        raise PermissionDenied(verdict.reason)
    draft = consultation.revision.as_object()
    comment = rules.can(request.user, "comment", page)
    return TemplateResponse(
        request,
        "co_design/consultation_room.html",
        {
            "page": page,
            "draft": draft,
            "consultation": consultation,
            "is_open": consultation.is_open(),
            "comment_verdict": comment,
            "now": timezone.now(),
        },
    )
