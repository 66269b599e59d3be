from django.urls import path

from . import views

urlpatterns = [
    path("<int:page_id>/", views.room, name="consultation_room"),
    path("<int:page_id>/comments/", views.post_comment, name="consultation_comment"),
    path(
        "<int:page_id>/comments/<int:comment_id>/replies/",
        views.post_reply,
        name="consultation_reply",
    ),
    path("<int:page_id>/comments/<int:comment_id>/agree/", views.agree, name="consultation_agree"),
    path("<int:page_id>/comments/<int:comment_id>/flag/", views.flag, name="consultation_flag"),
    path(
        "<int:page_id>/comments/<int:comment_id>/replies/<int:reply_id>/flag/",
        views.flag_reply,
        name="consultation_flag_reply",
    ),
    path("<int:page_id>/outcome/", views.outcome, name="consultation_outcome"),
]
