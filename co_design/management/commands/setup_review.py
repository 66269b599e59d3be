from django.core.management.base import BaseCommand

from co_design.review.setup import setup_review


class Command(BaseCommand):
    help = (
        "Create the role groups, grant each territory's editors their pages, and set up the "
        "'Local strategy review' and 'Manifesto sign-off' workflows. Idempotent."
    )

    def handle(self, *args, **options):
        setup_review()
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS("Roles and review workflows are in place."))
