"""Who may do what, in one place.

Every check returns a Verdict: allowed or not, and a translated reason a person can read. The
consultation room, the workflow tasks and the admin wrapper all ask here; Wagtail's own page
permissions (edit, publish) are granted to match by co_design.setup_review.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .roles import ROLE_GROUPS


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reason: str = ""

    def __bool__(self):
        return self.allowed


ALLOWED = Verdict(True)


def roles_of(user):
    """The platform roles of a user, read from their groups (cached on the user object)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if not hasattr(user, "_eccipa_roles"):
        names = set(user.groups.values_list("name", flat=True))
        roles = {role for role, group in ROLE_GROUPS.items() if group in names}
        if user.is_superuser:
            roles.add("admin")
        user._eccipa_roles = frozenset(roles)
    return user._eccipa_roles


def territory_of(user):
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    return profile.territory if profile else None


def page_territory(page):
    return getattr(page.specific_deferred, "territory", None)


def same_territory(user, page):
    territory = page_territory(page)
    return territory is not None and territory == territory_of(user)


def latest_consultation(page):
    """The page's latest consultation (only the latest can be open), looked up once per page
    object: one room render asks several rules."""
    if not hasattr(page, "_eccipa_consultation"):
        from .models import Consultation

        page._eccipa_consultation = (
            Consultation.objects.for_page(page).select_related("task_state").first()
        )
    return page._eccipa_consultation


def open_consultation(page, now=None):
    consultation = latest_consultation(page)
    if consultation is not None and consultation.is_open(now):
        return consultation
    return None


def can(user, action, page, now=None):
    """May `user` do `action` on `page` (at time `now`)?"""
    if action not in RULES:
        raise ValueError(f"Unknown action {action!r}")
    if action == "publish" and publishes_only_through_review(page):
        return Verdict(False, only_through_review(page))  # for everybody, superusers included
    roles = roles_of(user)
    if not roles:
        return Verdict(False, _("Please sign in to take part."))
    if action in WHILE_OPEN and open_consultation(page, now) is None:
        return _not_open(page)
    if "admin" in roles and action != "sign_off":
        return ALLOWED
    return RULES[action](user, roles, page, now or timezone.now())


# Writing in the room, for everyone (administrators included): only while the consultation is
# open. Once it ends, the room is the record of what was said on the text consulted.
WHILE_OPEN = {"comment", "reply", "flag"}


# What people do to one comment's thread, and the page rule each needs first.
THREAD_ACTIONS = {"reply": "reply", "agree": "comment", "flag": "flag"}


def can_on_thread(user, action, record, now=None):
    """May `user` reply to, agree with (`agree`) or report (`flag`) the comment `record` (a
    StakeholderComment) or a reply in its thread? The page's rule first; then a comment hidden
    by a moderator closes its thread to everyone."""
    verdict = can(user, THREAD_ACTIONS[action], record.comment.page, now=now)
    if verdict and record.is_hidden:
        return Verdict(
            False,
            _(
                "A moderator hid this comment: it takes no more replies, agreements or "
                "reports. Nothing was changed."
            ),
        )
    return verdict


def publishes_only_through_review(page):
    """Whether `page` (a page or a page class) goes live only through the last step of its
    review workflow: its class declares it (co_design.models.pages.PublishedThroughReview).
    The step publishes through the workflow's finish action, never through "publish"."""
    model = page if isinstance(page, type) else (page.specific_class or type(page))
    return bool(getattr(model, "publishes_only_through_review", False))


def only_through_review(page):
    model = page if isinstance(page, type) else (page.specific_class or type(page))
    return _(
        "A %(kind)s goes live only through its review: the last step of its workflow publishes "
        "the reviewed revision. Nothing was published or changed."
    ) % {"kind": model._meta.verbose_name}


def can_invite(user, territory=None):
    """May `user` invite stakeholders of `territory` (of any territory, when None)? Editors for
    their own territory (their Profile's), moderators and administrators for every one."""
    roles = roles_of(user)
    if roles & {"admin", "moderator"}:
        return ALLOWED
    if "editor" not in roles:
        return Verdict(False, _("Only editors, moderators and administrators invite stakeholders."))
    own = territory_of(user)
    if own is None:
        return Verdict(
            False,
            _(
                "Your profile names no territory, so you cannot invite stakeholders yet. "
                "Ask an administrator to set it."
            ),
        )
    if territory is None or territory.pk == own.pk:
        return ALLOWED
    return Verdict(
        False, _("You may only invite stakeholders of %(territory)s.") % {"territory": own}
    )


def invitable_territories(user):
    from .models import Territory

    if roles_of(user) & {"admin", "moderator"}:
        return Territory.objects.all()
    own = territory_of(user) if can_invite(user) else None
    return Territory.objects.filter(pk=own.pk) if own else Territory.objects.none()


def _territory_editor(user, roles, page):
    if "editor" in roles and same_territory(user, page):
        return ALLOWED
    territory = page_territory(page)
    if territory is None:
        return Verdict(False, _("Only moderators edit network-wide pages such as this one."))
    return Verdict(
        False, _("Only editors of %(territory)s can do this.") % {"territory": territory}
    )


def _not_open(page):
    """Why nobody writes in the room of `page` now: its consultation closed, or never opened."""
    latest = latest_consultation(page)
    if latest is not None:
        return Verdict(
            False,
            _("The consultation closed on %(date)s; it no longer accepts comments.")
            % {"date": date_format(timezone.localtime(latest.ended_at), "DATE_FORMAT")},
        )
    return Verdict(False, _("This draft is not open for consultation."))


def _consultation_participant(user, roles, page, now, while_open=True):
    """Stakeholders of the page's territory, or of a group invited to its consultation; to
    write, only while it is open."""
    consultation = open_consultation(page, now)
    if consultation is None and not while_open:
        consultation = latest_consultation(page)
    if consultation is None:
        return _not_open(page)
    invited = consultation.invited_group_ids()
    if ("stakeholder" in roles and same_territory(user, page)) or user.groups.filter(
        pk__in=invited
    ).exists():
        return ALLOWED
    return Verdict(
        False,
        _("This consultation is open to stakeholders of %(territory)s.")
        % {"territory": page_territory(page)},
    )


def _can_view_draft(user, roles, page, now):
    if {"moderator", "partner_lead"} & roles:
        return ALLOWED
    if "editor" in roles:
        return _territory_editor(user, roles, page)
    return _consultation_participant(user, roles, page, now, while_open=False)


def readable_consultations(user, consultations):
    """Of `consultations` (for each page, the one the room shows: its open consultation, else
    its latest), those whose draft `user` may read. The same verdicts as
    can(user, "view_draft", page), in a number of queries that does not grow with the number of
    consultations; tests hold the two to agreement."""
    from .models import ConsultationTask

    roles = roles_of(user)
    if not roles:
        return []
    if roles & {"admin", "moderator", "partner_lead"}:
        return list(consultations)
    territories = page_territory_ids([consultation.page for consultation in consultations])
    own_territory = territory_of(user)
    own_territory_id = own_territory.pk if own_territory else None

    def same_territory_as_user(consultation):
        territory_id = territories[consultation.page_id]
        return territory_id is not None and territory_id == own_territory_id

    if "editor" in roles:
        return [c for c in consultations if same_territory_as_user(c)]
    tasks_inviting_user = set(
        ConsultationTask.extra_groups.through.objects.filter(
            consultationtask_id__in={c.task_state.task_id for c in consultations},
            group_id__in=user.groups.values("pk"),
        ).values_list("consultationtask_id", flat=True)
    )
    return [
        c
        for c in consultations
        if ("stakeholder" in roles and same_territory_as_user(c))
        or c.task_state.task_id in tasks_inviting_user
    ]


def page_territory_ids(pages):
    """{page id: territory id or None}, one small query per page type rather than per page."""
    from wagtail.models import Page

    pages_by_model = {}
    for page in pages:
        pages_by_model.setdefault(page.specific_class or Page, []).append(page.pk)
    territory_ids = {page.pk: None for page in pages}
    for model, ids in pages_by_model.items():
        if any(field.name == "territory" for field in model._meta.concrete_fields):
            territory_ids.update(model.objects.filter(pk__in=ids).values_list("pk", "territory_id"))
    return territory_ids


def _can_comment(user, roles, page, now):
    return _consultation_participant(user, roles, page, now)


def _can_reply(user, roles, page, now):
    if "moderator" in roles or ("editor" in roles and same_territory(user, page)):
        return ALLOWED
    return _consultation_participant(user, roles, page, now)


def _can_flag(user, roles, page, now):
    """Report a comment or reply to the moderators: whoever reads the draft (while it is open)."""
    return _can_view_draft(user, roles, page, now)


def _can_see_hidden(user, roles, page, now):
    """Read what a moderator hid (and the replies of a hidden comment)."""
    return _can_resolve(user, roles, page, now)


def _can_resolve(user, roles, page, now):
    if "moderator" in roles:
        return ALLOWED
    return _territory_editor(user, roles, page)


def _can_decide(user, roles, page, now):
    return _territory_editor(user, roles, page)


def _can_edit(user, roles, page, now):
    if "moderator" in roles:
        return ALLOWED
    return _territory_editor(user, roles, page)


def _can_submit(user, roles, page, now):
    return _territory_editor(user, roles, page)


def _can_close_consultation(user, roles, page, now):
    return _territory_editor(user, roles, page)


def _moderator(roles):
    if "moderator" in roles:
        return ALLOWED
    return Verdict(False, _("Only moderators approve, reject and publish."))


def _can_approve(user, roles, page, now):
    return _moderator(roles)


def _can_reject(user, roles, page, now):
    return _moderator(roles)


def _can_publish(user, roles, page, now):
    return _moderator(roles)


def _can_moderate(user, roles, page, now):
    if "moderator" in roles:
        return ALLOWED
    return Verdict(False, _("Only moderators hide comments and handle flags."))


def _can_sign_off(user, roles, page, now):
    if "partner_lead" in roles:
        return ALLOWED
    return Verdict(False, _("Only partner leads sign off the Manifesto."))


def running_sign_off(page):
    """The task state of the partner sign-off `page` is in now, or None."""
    from .models import PartnerSignOffTask

    task_state = page.current_workflow_task_state
    if task_state is None or not isinstance(task_state.task.specific, PartnerSignOffTask):
        return None
    return task_state


def is_signatory(user, page):
    """Whether `user` is asked to sign the revision of `page` under partner sign-off now."""
    task_state = running_sign_off(page)
    return task_state is not None and (
        task_state.task.specific.signatories.user_set.filter(pk=user.pk).exists()
    )


def _can_compare_revisions(user, roles, page, now):
    """Read what changed between revisions (Wagtail's compare view): whoever edits the page,
    and the partner leads asked to sign it, who read it without editing."""
    if "partner_lead" in roles and is_signatory(user, page):
        return ALLOWED
    return _can_edit(user, roles, page, now)


def _can_cancel_workflow(user, roles, page, now):
    """Stop a running review (Wagtail's *Cancel workflow*, *Restart workflow*): moderators and
    administrators, and whoever submitted the page, as in Wagtail. Not the reviewers as such:
    a partner lead signs or requests changes."""
    if "moderator" in roles:
        return ALLOWED
    workflow_state = page.current_workflow_state
    if workflow_state is not None and workflow_state.requested_by_id == user.pk:
        return ALLOWED
    return Verdict(
        False,
        _("Only moderators and the person who submitted the page can cancel its review."),
    )


RULES = {
    "view_draft": _can_view_draft,
    "comment": _can_comment,
    "reply": _can_reply,
    "flag": _can_flag,
    "see_hidden": _can_see_hidden,
    "resolve": _can_resolve,
    "decide": _can_decide,
    "edit": _can_edit,
    "submit": _can_submit,
    "close_consultation": _can_close_consultation,
    "approve": _can_approve,
    "reject": _can_reject,
    "publish": _can_publish,
    "moderate": _can_moderate,
    "sign_off": _can_sign_off,
    "compare_revisions": _can_compare_revisions,
    "cancel_workflow": _can_cancel_workflow,
}


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
    from .models import StakeholderComment

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
            comment_id__in=set(comment_ids.values()), show_name=True
        ).values_list("comment_id", "comment__user_id")
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
