"""Who may invite stakeholders, and for which territories."""

from django.utils.translation import gettext as _

from co_design.access.lookups import roles_of, territory_of
from co_design.access.verdicts import ALLOWED, Verdict


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
    from co_design.territories import Territory

    if roles_of(user) & {"admin", "moderator"}:
        return Territory.objects.all()
    own = territory_of(user) if can_invite(user) else None
    return Territory.objects.filter(pk=own.pk) if own else Territory.objects.none()


def has_no_role_but(user, role):
    """Whether `user` holds no platform role beyond `role`: the only accounts an invitation
    link for that role (stakeholder, editor, partner lead) may sign into."""
    return not (roles_of(user) - {role})
