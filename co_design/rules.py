"""Who may do what, in one place.

Every check returns a Verdict: allowed or not, and a translated reason a person can read. The
consultation room, the workflow tasks and the admin wrapper all ask here; Wagtail's own page
permissions (edit, publish) are granted to match by co_design.setup_review.
"""

from dataclasses import dataclass

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
    if "admin" in roles and action != "sign_off":
        return ALLOWED
    return RULES[action](user, roles, page, now or timezone.now())


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


def _consultation_participant(user, roles, page, now, while_open=True):
    """Stakeholders of the page's territory, or of a group invited to its consultation; to
    write, only while it is open."""
    consultation = open_consultation(page, now)
    if consultation is None and not while_open:
        consultation = latest_consultation(page)
    if consultation is None:
        latest = latest_consultation(page)
        if latest is not None:
            return Verdict(
                False,
                _("The consultation closed on %(date)s; it no longer accepts comments.")
                % {"date": date_format(timezone.localtime(latest.ended_at), "DATE_FORMAT")},
            )
        return Verdict(False, _("This draft is not open for consultation."))
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


RULES = {
    "view_draft": _can_view_draft,
    "comment": _can_comment,
    "reply": _can_reply,
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
}
