"""The roles of the platform, as Django groups, and the page rights that follow a territory.

Wagtail's migrations create "Editors" and "Moderators"; ECCIPA adds partner leads (who sign off
the Manifesto) and stakeholders (who comment, without admin access). Editors get page rights
only through their territory's group ("Editors · Rheinfeld"), on that territory's pages.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupPagePermission, Page

ROLE_GROUPS = {
    "editor": "Editors",
    "moderator": "Moderators",
    "partner_lead": "Partner leads",
    "stakeholder": "Stakeholders",
}
TERRITORY_EDITORS = "Editors · {territory}"
TERRITORY_LEADS = "Partner leads · {territory}"


def ensure_role_groups():
    """Create the role groups; editors and partner leads reach the admin, stakeholders do not."""
    groups = {role: Group.objects.get_or_create(name=name)[0] for role, name in ROLE_GROUPS.items()}
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    groups["partner_lead"].permissions.add(access_admin)
    groups["editor"].permissions.add(access_admin)
    # "Translate this page" and "Sync translated pages" (wagtail-localize); editing a
    # translation still needs edit rights on it, as any page does.
    submit_translation = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if submit_translation is not None:
        groups["editor"].permissions.add(submit_translation)
        groups["moderator"].permissions.add(submit_translation)
    # Wagtail gives its "Editors" group rights on the whole tree; ours edit their territory only.
    GroupPagePermission.objects.filter(group=groups["editor"]).delete()
    return groups


def territory_editors(territory):
    return Group.objects.get_or_create(name=TERRITORY_EDITORS.format(territory=territory.name))[0]


def territory_leads(territory):
    return Group.objects.get_or_create(name=TERRITORY_LEADS.format(territory=territory.name))[0]


def groups_for_role(role, territory):
    """The groups an account of `role` in `territory` joins: the role's, and for editors and
    partner leads their territory's."""
    groups = [Group.objects.get_or_create(name=ROLE_GROUPS[role])[0]]
    if role == "editor":
        groups.append(territory_editors(territory))
    elif role == "partner_lead":
        groups.append(territory_leads(territory))
    return groups


def page_permission(codename):
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=codename
    )


def grant_territory_editing(page):
    """The editors of the page's territory may edit it (not publish); no other territory may."""
    territory = getattr(page, "territory", None)
    others = GroupPagePermission.objects.filter(
        page=page, group__name__startswith=TERRITORY_EDITORS.format(territory="")
    )
    if territory is None:
        others.delete()
        return
    group = territory_editors(territory)
    others.exclude(group=group).delete()
    for codename in ("change_page", "lock_page", "unlock_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=page_permission(codename)
        )
