from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import override_settings

from co_design.demo.builder import DemoBuilder
from co_design.demo.territories import DEMO_PASSWORD


class Command(BaseCommand):
    help = (
        "Build the demo site from the ECCIPA leaflet. Idempotent: a second run adds only what is "
        "missing. The size options apply to pages this run creates (use them on a fresh database "
        "for benchmarks)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--strategies", type=int, default=3, help="strategy drafts (≥ 1)")
        parser.add_argument("--sections", type=int, default=4, help="sections per strategy")
        parser.add_argument("--modules", type=int, default=6, help="training modules")

    def handle(self, *args, strategies, sections, modules, **options):
        builder = DemoBuilder(
            strategies=max(strategies, 1), sections=max(sections, 1), modules=max(modules, 1)
        )
        # The demo's workflow steps would e-mail the fictional demo people: they are not sent.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            created = builder.build()
        if options["verbosity"] == 0:
            return
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready ({created} new objects).")
            if created
            else "Demo content already in place; nothing to add."
        )
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for username, role, territory, organisation in builder.logins():
            self.stdout.write(f"  {username:<24} {role:<13} {territory:<12} {organisation}")
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(f"Site: {base}/\nAdmin: {base}/admin/\n")
