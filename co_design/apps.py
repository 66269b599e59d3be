from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoDesignConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "co_design"
    verbose_name = _("ECCIPA co-design")

    def ready(self):
        # converters registers `<id:…>`, the path converter of every id in the project's URLs.
        from co_design import converters  # noqa: F401
        from co_design.activities import signals
        from co_design.consultation import signals as consultation_signals  # noqa: F401
        from co_design.publishing import signals as publishing_signals  # noqa: F401

        signals.connect()
