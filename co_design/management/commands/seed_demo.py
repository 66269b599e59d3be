from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import override_settings

from co_design.demo.builder import DemoBuilder
from co_design.demo.people import demo_password


class Command(BaseCommand):
    help = (
        "Build the demo site from the ECCIPA leaflet (development only: it refuses to run unless "
        "DEBUG is on or --force is given). Idempotent: a second run adds only what is missing. "
        "The size options apply to pages this run creates (use them on a fresh database for "
        "benchmarks)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--strategies", type=int, default=3, help="strategy drafts (≥ 1)")
        parser.add_argument("--sections", type=int, default=4, help="sections per strategy")
        parser.add_argument("--modules", type=int, default=6, help="training modules")
        parser.add_argument(
            "--force",
            action="store_true",
            help="run with DEBUG off (a staging site, a benchmark); the demo accounts then get "
            "the password in DEMO_PASSWORD, or none that signs in",
        )

    def handle(self, *args, strategies, sections, modules, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo adds fictional people, among them a superuser, and is meant for "
                "development (DEBUG on). DEBUG is off: if this is really a demo or test site, "
                "run it again with --force (and DEMO_PASSWORD set to give the demo accounts a "
                "password)."
            )
        password = demo_password()
        builder = DemoBuilder(
            strategies=max(strategies, 1),
            sections=max(sections, 1),
            modules=max(modules, 1),
            password=password,
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
        if not settings.DEBUG:
            # Outside development a password in a log is a leak: say only where it comes from.
            password = "from DEMO_PASSWORD" if password else "none; new accounts cannot sign in"
        self.stdout.write(f"\nDemo logins (password for all: {password}):")
        for username, role, territory, organisation in builder.logins():
            self.stdout.write(f"  {username:<24} {role:<13} {territory:<12} {organisation}")
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(f"Site: {base}/\nAdmin: {base}/admin/\n")
