from django.urls import path

from . import views

urlpatterns = [
    path("<id:page_id>/outcome/pdf/", views.outcome, name="consultation_outcome_pdf"),
]
