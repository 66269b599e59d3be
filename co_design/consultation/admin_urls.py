"""The room's screens inside the Wagtail admin (registered by wagtail_hooks.py)."""

from django.urls import path

from co_design.consultation import decisions, moderation

urlpatterns = [
    path(
        "consultations/<id:page_id>/comments/",
        decisions.comments_index,
        name="eccipa_consultation_comments",
    ),
    path(
        "consultations/<id:page_id>/comments.<str:file_format>",
        decisions.export,
        name="eccipa_consultation_export",
    ),
    path(
        "consultations/comments/<id:comment_id>/decision/",
        decisions.decide,
        name="eccipa_consultation_decide",
    ),
    path("consultations/flags/", moderation.flags_index, name="eccipa_flagged_comments"),
    path(
        "consultations/comments/<id:comment_id>/<str:action>/",
        moderation.moderate,
        name="eccipa_moderate_comment",
    ),
    path(
        "consultations/replies/<id:reply_id>/<str:action>/",
        moderation.moderate_reply,
        name="eccipa_moderate_reply",
    ),
]
