"""Wagtail's history views as the ECCIPA rules allow: the Site history report and a page's
history show a person only the entries of pages they may see (history.visible_log_entries), and
name a stakeholder only where they agreed to be named (history.nameable_log_entries); elsewhere
the entry says "Stakeholder (NGO)", as the consultation room does. cms/urls.py routes Wagtail's
addresses here, ahead of the admin's own.
"""

from django.contrib.auth import get_user_model
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.history import PageHistoryFilterSet, PageHistoryView
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.log_actions import registry as log_action_registry

from co_design.access import history
from co_design.accounts.models import Profile


def without_unconsented_names(entries):
    """The entries, each author a stakeholder did not agree to show replaced by a label (also
    in exports); nothing is saved. A fixed number of queries, whatever the number of entries."""
    entries = list(entries)
    nameable = history.nameable_log_entries(entries)
    unnamed = [entry for entry in entries if entry.user_id and entry.pk not in nameable]
    profiles = {
        profile.user_id: profile
        for profile in Profile.objects.filter(user_id__in={entry.user_id for entry in unnamed})
    }
    for entry in unnamed:
        label = history.anonymous_author(profiles.get(entry.user_id))
        # The display name is a cached property: set it, then drop the account itself so that
        # neither its name nor its avatar (a hash of the e-mail address) is shown.
        entry.__dict__["user_display_name"] = label
        entry.user = None
    return entries


def nameable_users(users):
    """Of a queryset of authors (a history's "User" filter), the partner staff only."""
    return users.filter(pk__in=history.staff_user_ids(set(users.values_list("pk", flat=True))))


class SiteHistoryFilterSet(SiteHistoryReportFilterSet):
    def get_users_queryset(self):
        # Wagtail offers every author of any page's history here: only the authors of entries
        # this person may see, and of those only the ones the history names.
        user = self.request.user
        author_ids = set()
        for log_model in log_action_registry.get_log_entry_models():
            entries = history.visible_log_entries(user, log_model.objects.viewable_by_user(user))
            author_ids.update(entries.get_user_ids())
        User = get_user_model()
        authors = User._default_manager.filter(pk__in=author_ids).order_by(User.USERNAME_FIELD)
        return nameable_users(authors)


class SiteHistoryView(LogEntriesView):
    filterset_class = SiteHistoryFilterSet

    def filter_queryset(self, queryset):
        # Called once per kind of log entry before Wagtail joins them into one listing.
        return super().filter_queryset(history.visible_log_entries(self.request.user, queryset))

    def decorate_paginated_queryset(self, queryset):
        return without_unconsented_names(super().decorate_paginated_queryset(queryset))


class PageHistoryFilters(PageHistoryFilterSet):
    def get_users_queryset(self):
        return nameable_users(super().get_users_queryset())


class PageHistory(PageHistoryView):
    filterset_class = PageHistoryFilters

    def get_base_queryset(self):
        return history.visible_log_entries(self.request.user, super().get_base_queryset())

    def get_table(self, object_list):
        return super().get_table(without_unconsented_names(object_list))


# Behind the admin's own checks (signed in, admin access) and in the person's admin language,
# as Wagtail wraps every admin URL.
site_history = require_admin_access(SiteHistoryView.as_view())
site_history_results = require_admin_access(SiteHistoryView.as_view(results_only=True))
page_history = require_admin_access(PageHistory.as_view())
page_history_results = require_admin_access(PageHistory.as_view(results_only=True))
