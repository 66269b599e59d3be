from django.urls import path

from co_design.consultation import outcome, views

urlpatterns = [
    path("<id:page_id>/", views.room, name="consultation_room"),
    path("<id:page_id>/comments/", views.post_comment, name="consultation_comment"),
    path(
        "<id:page_id>/comments/<id:comment_id>/replies/",
        views.post_reply,
        name="consultation_reply",
    ),
    path("<id:page_id>/comments/<id:comment_id>/agree/", views.agree, name="consultation_agree"),
    path("<id:page_id>/comments/<id:comment_id>/flag/", views.flag, name="consultation_flag"),
    path(
        "<id:page_id>/comments/<id:comment_id>/replies/<id:reply_id>/flag/",
        views.flag_reply,
        name="consultation_flag_reply",
    ),
    path(
        "<id:page_id>/comments/<id:comment_id>/edit/",
        views.edit_comment,
        name="consultation_edit_comment",
    ),
    path(
        "<id:page_id>/comments/<id:comment_id>/withdraw/",
        views.withdraw_comment,
        name="consultation_withdraw_comment",
    ),
    path("<id:page_id>/outcome/", outcome.outcome, name="consultation_outcome"),
]
