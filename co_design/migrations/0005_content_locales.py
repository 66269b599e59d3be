"""The content locales (en, de, it, es): Wagtail's own migration creates only the default one."""

from django.db import migrations

CONTENT_LANGUAGES = ["en", "de", "it", "es"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("co_design", "0004_invitations"),
        ("wagtailcore", "0098_apitoken"),
    ]

    # Reversing keeps the locales: pages may already use them.
    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
