"""What the rules look up: a person's roles and territory, a page's territory and consultation.

A person's roles and a page's consultation are looked up once per object (one room render asks
several rules), and remembered() is the one place that keeps them on the object."""

from co_design.access.roles import ROLE_GROUPS


def remembered(instance, name, compute):
    """`compute()`, kept on `instance` (a user or a page, which lives for one request) as the
    attribute `_eccipa_<name>`, and computed again only for another object."""
    attribute = f"_eccipa_{name}"
    if not hasattr(instance, attribute):
        setattr(instance, attribute, compute())
    return getattr(instance, attribute)


def roles_of(user):
    """The platform roles of a user, read from their groups."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    return remembered(user, "roles", lambda: _roles_from_groups(user))


def _roles_from_groups(user):
    names = set(user.groups.values_list("name", flat=True))
    roles = {role for role, group in ROLE_GROUPS.items() if group in names}
    if user.is_superuser:
        roles.add("admin")
    return frozenset(roles)


def territory_of(user):
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    return profile.territory if profile else None


def page_territory(page):
    return getattr(page.specific_deferred, "territory", None)


def same_territory(user, page):
    territory = page_territory(page)
    return territory is not None and territory == territory_of(user)


def latest_consultation(page):
    """The page's latest consultation (only the latest can be open)."""
    return remembered(
        page,
        "consultation",
        # Latest first (Consultation's ordering), through the page's reverse relation.
        lambda: page.consultations.select_related("task_state").first(),
    )


def open_consultation(page, now=None):
    consultation = latest_consultation(page)
    if consultation is not None and consultation.is_open(now):
        return consultation
    return None
