"""Wagtail's history views (Site history, a page's history): which entries a person sees, and
whose names they see in them."""

from django.db.models import Q
from django.utils.translation import gettext as _

from co_design.access.lookups import (
    roles_of,
    territory_of,
)
from co_design.access.roles import ROLE_GROUPS

# Wagtail's history views (Site history, a page's history): which entries a person sees, and
# whose names they see in them.

STAFF_ROLES = frozenset({"editor", "moderator", "partner_lead"})


def visible_log_entries(user, entries):
    """Of `entries` (a queryset of Wagtail log entries, values() querysets included), those
    `user` may see. Page entries follow can(user, "view_draft", page) for a whole queryset:
    moderators, partner leads and administrators see every page's, editors their territory's
    pages' only (network-wide pages are the moderators'), anyone else none. Other log entries
    (snippets) keep Wagtail's per-model permissions."""
    from wagtail.models import PageLogEntry

    if not issubclass(entries.model, PageLogEntry):
        return entries
    roles = roles_of(user)
    if roles & {"admin", "moderator", "partner_lead"}:
        return entries
    own = territory_of(user) if "editor" in roles else None
    if own is None:
        return entries.none()
    return entries.filter(page_id__in=territory_page_ids(own))


def territory_page_ids(territory):
    """The ids of every page of `territory` (of each page type that has a territory), as one
    subquery to filter with."""
    from wagtail.models import Page, get_page_models

    condition = Q(pk__in=[])
    for model in get_page_models():
        if any(field.name == "territory" for field in model._meta.concrete_fields):
            condition |= Q(pk__in=model.objects.filter(territory=territory).values("pk"))
    return Page.objects.filter(condition).values("pk")


def staff_user_ids(user_ids):
    """Of `user_ids`, the accounts of partner staff (editors, moderators, partner leads,
    administrators), whose names the history views show: they act in their role. Read from the
    groups, active or not."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    staff_groups = [ROLE_GROUPS[role] for role in STAFF_ROLES]
    return set(
        User._default_manager.filter(pk__in=user_ids)
        .filter(Q(is_superuser=True) | Q(groups__name__in=staff_groups))
        .values_list("pk", flat=True)
    )


COMMENT_ACTIONS_OF_THE_AUTHOR = {
    "wagtail.comments.create",
    "wagtail.comments.edit",
    "wagtail.comments.resolve",
    "wagtail.comments.delete",
}


def nameable_log_entries(entries):
    """Of `entries` (log entry objects), the ids of those whose author may be named: partner
    staff always; a stakeholder only on an entry about their own comment for which they agreed
    to be named ("Show my name", StakeholderComment.show_name), as the public page about how
    comments were used names them. Replies carry no such consent. One query per kind of fact,
    whatever the number of entries."""
    from co_design.consultation.models import StakeholderComment

    entries = [entry for entry in entries if entry.user_id]
    staff = staff_user_ids({entry.user_id for entry in entries})
    comment_ids = {}
    for entry in entries:
        if entry.user_id not in staff and entry.action in COMMENT_ACTIONS_OF_THE_AUTHOR:
            comment_id = ((entry.data or {}).get("comment") or {}).get("id")
            if isinstance(comment_id, int):
                comment_ids[entry.pk] = comment_id
    consented = set(
        StakeholderComment.objects.filter(
            wagtail_comment_id__in=set(comment_ids.values()), show_name=True
        ).values_list("wagtail_comment_id", "wagtail_comment__user_id")
    )
    return {
        entry.pk
        for entry in entries
        if entry.user_id in staff or (comment_ids.get(entry.pk), entry.user_id) in consented
    }


def anonymous_author(profile):
    """How the history names a stakeholder who did not agree to be named (given their Profile,
    or None): as the room does, by the kind of organisation."""
    if profile is not None and profile.organisation_type:
        return _("Stakeholder (%(organisation_type)s)") % {
            "organisation_type": profile.get_organisation_type_display()
        }
    return _("Stakeholder")
