"""The demo's territories, competences and people, and the password of their accounts."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from co_design.access.roles import ROLE_GROUPS, territory_editors
from co_design.accounts.models import Profile
from co_design.territories import Competence, PartnerOrganisation, Territory

from .data.content import BENCHMARK_TERRITORY
from .data.territories import COMPETENCES, PEOPLE, TERRITORIES

# In development (DEBUG on) every demo account shares this password; `make run` prints it.
DEVELOPMENT_PASSWORD = "eccipa-demo"


def demo_password():
    """The password of the demo accounts: DEMO_PASSWORD from the environment if set; otherwise
    the shared development password with DEBUG on, and None (no usable password) elsewhere, so
    that a demo seeded outside development never has an admin with a published password."""
    return os.environ.get("DEMO_PASSWORD") or (DEVELOPMENT_PASSWORD if settings.DEBUG else None)


class PeopleMixin:
    def build_territories(self):
        territories = {}
        for data in TERRITORIES:
            territory, created = Territory.objects.get_or_create(
                slug=data["slug"],
                defaults={
                    key: data[key] for key in ("name", "country", "default_language", "description")
                },
            )
            if created:
                for name, website in data["partners"]:
                    PartnerOrganisation.objects.create(
                        territory=territory, name=name, website=website
                    )
                self.created += 1
            territories[territory.slug] = territory
        # Larger sizes (for benchmarks) need more territories: one strategy each.
        for number in range(len(TERRITORIES) + 1, self.strategy_count + 1):
            fields = {
                key: value.format(number=number) for key, value in BENCHMARK_TERRITORY.items()
            }
            territory, _ = Territory.objects.get_or_create(slug=fields.pop("slug"), defaults=fields)
            territories[territory.slug] = territory
        return territories

    def build_competences(self):
        competences = {}
        for name, description in COMPETENCES:
            competence, _ = Competence.objects.get_or_create(
                name=name,
                defaults={"slug": name.lower().replace(" ", "-"), "description": description},
            )
            competences[name] = competence
        return competences

    def build_people(self):
        User = get_user_model()
        users = {}
        for username, first, last, role, territory, organisation, org_type, language in PEOPLE:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(
                    username=username,
                    first_name=first,
                    last_name=last,
                    email=f"{username}@example.org",
                    is_staff=role != "stakeholder",
                    is_superuser=role == "admin",
                )
                if self.password:
                    user.set_password(self.password)
                else:
                    user.set_unusable_password()
                user.save()
                self.created += 1
            Profile.objects.get_or_create(
                user=user,
                defaults={
                    "territory": self.territories.get(territory),
                    "organisation": organisation,
                    "organisation_type": org_type,
                    "language": language,
                },
            )
            if role in ROLE_GROUPS:
                user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
            if role == "editor":
                user.groups.add(territory_editors(self.territories[territory]))
            users[username] = user
        return users

    def logins(self):
        return [
            (username, role, territory or "", organisation)
            for username, _, _, role, territory, organisation, _, _ in PEOPLE
        ]
