"""The public front door of the platform."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from co_design.blocks import RICH_TEXT_FEATURES, ActivityLinkBlock
from co_design.public.languages import ShownInEveryLanguage, children_in_every_language


class HomePage(ShownInEveryLanguage, Page):
    template = "pages/home_page.html"
    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES)
    activities = StreamField(
        [("activity", ActivityLinkBlock())],
        verbose_name=_("the three activities"),
        max_num=3,
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("activities"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "co_design.NeedsReviewIndexPage",
        "co_design.RoundTableIndexPage",
        "co_design.TrainingProgrammePage",
        "co_design.StrategyIndexPage",
        "co_design.ManifestoPage",
        "co_design.TakePartPage",
        "co_design.InformationPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from co_design.models import (
            ManifestoPage,
            StrategyIndexPage,
            TakePartPage,
            TrainingProgrammePage,
        )

        context = super().get_context(request, *args, **kwargs)
        # In this language, or in the source language where not yet translated.
        children = children_in_every_language(
            self, Page.objects.live().public().specific(), request
        )

        def first(model):
            return next((child for child in children if isinstance(child, model)), None)

        context["toolkit"] = first(TrainingProgrammePage)
        context["strategies"] = first(StrategyIndexPage)
        context["manifesto"] = first(ManifestoPage)
        context["take_part"] = first(TakePartPage)
        return context
