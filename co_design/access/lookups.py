"""What the rules look up: a person's roles and territory, a page's territory and consultation.

Each is looked up once per object: one room render asks several rules."""

from co_design.access.roles import ROLE_GROUPS


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
        from co_design.review.models import Consultation

        page._eccipa_consultation = (
            Consultation.objects.for_page(page).select_related("task_state").first()
        )
    return page._eccipa_consultation


def open_consultation(page, now=None):
    consultation = latest_consultation(page)
    if consultation is not None and consultation.is_open(now):
        return consultation
    return None
