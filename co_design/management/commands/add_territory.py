from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from co_design.access.verdicts import Refused
from co_design.onboarding.add_territory import Person, add_territory


def person(value):
    """'Name <address>' or a bare address."""
    name, _sep, rest = value.partition("<")
    email = rest.rstrip(">").strip() if rest else name.strip()
    return Person(name=name.strip() if rest else email, email=email)


class Command(BaseCommand):
    help = (
        "Add a partner territory: its groups, its needs review, strategy and training module "
        "drafts in its language with their review workflows, its lead in the Manifesto "
        "sign-off, and invitations to its first editor and partner lead. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True)
        parser.add_argument("--country", required=True, help="DE, IT, ES or EU (or its name)")
        parser.add_argument("--language", required=True, help="en, de, it or es (or its name)")
        parser.add_argument("--editor", type=person, help="'Name <address>' of its first editor")
        parser.add_argument("--lead", type=person, help="'Name <address>' of its partner lead")

    def handle(self, *args, **options):
        try:
            report = add_territory(
                options["name"],
                options["country"],
                options["language"],
                editor=options["editor"],
                lead=options["lead"],
            )
        except Refused as refusal:
            raise CommandError(refusal.message) from None
        for change in report.changes:
            self.stdout.write(change)
        if report.changes:
            message = _(
                "%(territory)s is ready; its partner lead signs every Manifesto revision once "
                "they have accepted the invitation."
            )
        else:
            message = _("%(territory)s was already set up: nothing changed.")
        self.stdout.write(self.style.SUCCESS(message % {"territory": report.territory.name}))
