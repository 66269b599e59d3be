"""manage.py adopt_translations: translations made before wagtail-localize, taken into it
(co_design/translations/adopt.py). Idempotent: a page already known is left alone."""

from django.core.management.base import BaseCommand
from django.db import transaction

from co_design.translations.adopt import adopt, adoptable


class Command(BaseCommand):
    help = "Take translations made before wagtail-localize into it, keeping their text."

    def handle(self, *args, **options):
        pages = adoptable()
        for page in pages:
            with transaction.atomic():
                filled, missing = adopt(page)
            self.stdout.write(
                f"{page.locale.language_code} {page.url_path}: {filled} segments taken"
                + (f", {missing} left to translate" if missing else "")
            )
        self.stdout.write(f"{len(pages)} translations adopted.")
