"""Who may do what, in one place.

Every check returns a Verdict: allowed or not, and a translated reason a person can read. The
consultation room, the workflow tasks and the admin wrapper all ask here; Wagtail's own page
permissions (edit, publish) are granted to match by co_design.review.setup.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from co_design.access.lookups import (
    latest_consultation,
    open_consultation,
    page_territory,
    roles_of,
    same_territory,
)
from co_design.access.verdicts import ALLOWED, Verdict


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


def can_on_thread(user, action, stakeholder_comment, now=None):
    """May `user` reply to, agree with (`agree`) or report (`flag`) `stakeholder_comment` or a
    reply in its thread? The page's rule first; then a comment hidden
    by a moderator closes its thread to everyone."""
    verdict = can(user, THREAD_ACTIONS[action], stakeholder_comment.wagtail_comment.page, now=now)
    if verdict and stakeholder_comment.is_hidden:
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
    review workflow: its class declares it (co_design.activities.pages.PublishedThroughReview).
    The step publishes through the workflow's finish action, never through "publish"."""
    model = page if isinstance(page, type) else (page.specific_class or type(page))
    return bool(getattr(model, "publishes_only_through_review", False))


def only_through_review(page):
    model = page if isinstance(page, type) else (page.specific_class or type(page))
    return _(
        "A %(kind)s goes live only through its review: the last step of its workflow publishes "
        "the reviewed revision. Nothing was published or changed."
    ) % {"kind": model._meta.verbose_name}


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
    if takes_part(
        roles,
        of_own_territory=same_territory(user, page),
        invited=lambda: user.groups.filter(pk__in=invited).exists(),
    ):
        return ALLOWED
    return Verdict(
        False,
        _("This consultation is open to stakeholders of %(territory)s.")
        % {"territory": page_territory(page)},
    )


# The view_draft rule's tests on facts, shared with access.consultations.readable_consultations,
# which fetches the facts for a whole list at once.


def reads_every_draft(roles):
    return bool({"admin", "moderator", "partner_lead"} & roles)


def takes_part(roles, of_own_territory, invited):
    """A consultation's participants: stakeholders of the page's territory, and members of a
    group invited to it (`invited`: asked only when needed)."""
    return ("stakeholder" in roles and of_own_territory) or invited()


def _can_view_draft(user, roles, page, now):
    if reads_every_draft(roles):
        return ALLOWED
    if "editor" in roles:
        return _territory_editor(user, roles, page)
    return _consultation_participant(user, roles, page, now, while_open=False)


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
    return only_moderators_approve()


def only_moderators_approve():
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
    task_state = page.current_workflow_task_state
    if task_state is None or not getattr(task_state.task.specific, "collects_signatures", False):
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


# Rules about a person rather than a page.


def can_handle_flags(user):
    """See the queue of flagged comments and replies, and act on it: moderators."""
    if {"moderator", "admin"} & roles_of(user):
        return ALLOWED
    return Verdict(False, _("Only moderators hide comments and handle flags."))


def can_follow_consultations(user):
    """See the admin dashboard's panel of open consultations: editors and moderators."""
    if {"editor", "moderator", "admin"} & roles_of(user):
        return ALLOWED
    return Verdict(False, _("Only editors and moderators follow the consultations."))


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
