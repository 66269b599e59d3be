"""The roles of the platform, as Django groups.

Wagtail's own migrations create "Editors" and "Moderators"; the ECCIPA roles add partner leads
(who sign off the Manifesto) and stakeholders (who comment, without admin access).
"""

from django.contrib.auth.models import Group

ROLE_GROUPS = {
    "editor": "Editors",
    "moderator": "Moderators",
    "partner_lead": "Partner leads",
    "stakeholder": "Stakeholders",
}


def ensure_role_groups():
    return {role: Group.objects.get_or_create(name=name)[0] for role, name in ROLE_GROUPS.items()}
