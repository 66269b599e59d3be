from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from co_design.replication.export import export_package


class Command(BaseCommand):
    help = (
        "Write the Toolkit's replication package (its live modules in every language, the "
        "needs findings they address, their documents and images, and a manifest with the "
        "schema version, source, licence and checksums) to a zip file. See docs/toolkit-package.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the zip file to write, e.g. toolkit.zip")

    def handle(self, *args, **options):
        data = export_package()
        Path(options["path"]).write_bytes(data)
        self.stdout.write(
            self.style.SUCCESS(
                _("Wrote the Toolkit package to %(path)s (%(size)s bytes).")
                % {"path": options["path"], "size": len(data)}
            )
        )
