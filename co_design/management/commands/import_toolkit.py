from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from co_design.access.verdicts import Refused
from co_design.replication.importer import import_package


class Command(BaseCommand):
    help = (
        "Import a Toolkit replication package as drafts under this site's Toolkit. Modules "
        "led by a territory this site does not have are led by --territory. All or nothing; "
        "existing modules change only with --update (as new drafts)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the package, e.g. toolkit.zip")
        parser.add_argument("--territory", required=True, help="slug of the importing territory")
        parser.add_argument(
            "--update", action="store_true", help="save new drafts of modules that exist already"
        )
        parser.add_argument(
            "--site", help="host name of the site to import into (default: the default site)"
        )

    def handle(self, *args, **options):
        site = None
        if options["site"]:
            site = Site.objects.filter(hostname=options["site"]).first()
            if site is None:
                raise CommandError(
                    _("No site has the host name %(host)s.") % {"host": options["site"]}
                )
        try:
            data = Path(options["path"]).read_bytes()
        except OSError as error:
            raise CommandError(str(error)) from None
        try:
            report = import_package(data, options["territory"], site=site, update=options["update"])
        except Refused as refusal:
            raise CommandError(refusal.message) from None
        for change in report.changes:
            self.stdout.write(change)
        self.stdout.write(
            self.style.SUCCESS(
                _("Imported %(count)s module translations as drafts.")
                % {"count": len(report.modules)}
            )
        )
