from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from co_design.access import audit_log
from co_design.accounts import sign_in as accounts
from co_design.consultation.my_consultations import my_consultations
from co_design.graphql_api.view import PublicGraphQLView
from co_design.invitations.views import accept_invitation
from co_design.public.search import search
from co_design.replication.views import toolkit_package
from co_design.review.admin_views import edit_page, revisions_compare, workflow_action

urlpatterns = [
    # Ahead of Wagtail's admin URLs: the same views, one writer at a time per page
    # (co_design/review/locks.py), and workflow refusals explained.
    path("admin/pages/<id:page_id>/edit/", edit_page, name="eccipa_edit_page"),
    path(
        "admin/pages/workflow/action/<id:page_id>/<slug:action_name>/<id:task_state_id>/",
        workflow_action,
        name="eccipa_workflow_action",
    ),
    # Ahead of Wagtail's admin URLs: the comparison of revisions, also for the partner leads
    # asked to sign the page (co_design/review/admin_views.py).
    re_path(
        r"^admin/pages/(?P<pk>[0-9]{1,18})/revisions/compare/(?P<revision_id_a>live|earliest|\d+)"
        r"\.\.\.(?P<revision_id_b>live|latest|\d+)/$",
        revisions_compare,
    ),
    # Ahead of Wagtail's admin URLs: the Site history and page histories as the rules allow
    # (co_design/access/audit_log.py).
    path("admin/reports/site-history/", audit_log.site_history),
    path("admin/reports/site-history/results/", audit_log.site_history_results),
    path("admin/pages/<int:page_id>/history/", audit_log.page_history),
    path("admin/pages/<int:page_id>/history/results/", audit_log.page_history_results),
    # Ahead of Wagtail's admin URLs: its password reset, with the limits of the site's.
    path("admin/password_reset/", accounts.AdminPasswordResetView.as_view()),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("graphql/", PublicGraphQLView.as_view(), name="graphql"),
    path("toolkit-package.zip", toolkit_package, name="toolkit_package"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The public site once per language, /en/ /de/ /it/ /es/; / redirects to the visitor's language.
# Wagtail serves every other path from the page tree of that language: keep it last.
urlpatterns += i18n_patterns(
    path("search/", search, name="search"),
    path("accounts/", include(accounts)),
    path("invitations/<str:token>/", accept_invitation, name="accept_invitation"),
    path("consultations/", my_consultations, name="my_consultations"),
    path("consultations/", include("co_design.consultation.urls")),
    path("consultations/", include("co_design.printing.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
