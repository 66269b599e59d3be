"""The three round tables ("Thematic Core City Groups") that co-design the training programme."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from co_design.activities.participant_counts import ParticipantCount
from co_design.blocks import RICH_TEXT_FEATURES
from co_design.public.languages import ShownInEveryLanguage, children_in_every_language


class RoundTableIndexPage(ShownInEveryLanguage, Page):
    template = "pages/round_table_index_page.html"
    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["co_design.RoundTablePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("round tables index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["round_tables"] = children_in_every_language(
            self,
            RoundTablePage.objects.live().public().order_by("date").prefetch_related("territories"),
            request,
        )
        return context


class RoundTablePage(ShownInEveryLanguage, Page):
    template = "pages/round_table_page.html"
    date = models.DateField(_("date"))
    theme = models.CharField(_("theme"), max_length=200)
    territories = ParentalManyToManyField(
        "co_design.Territory", related_name="round_tables", verbose_name=_("territories")
    )
    outcomes = RichTextField(_("outcomes"), features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("theme"),
        FieldPanel("territories", widget=forms.CheckboxSelectMultiple),
        InlinePanel("participants", label=_("Who took part")),
        FieldPanel("outcomes"),
        InlinePanel("discussed_drafts", label=_("Drafts discussed")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("theme"),
        index.SearchField("outcomes"),
    ]
    parent_page_types = ["co_design.RoundTableIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("round table")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["drafts"] = [
            link.draft.specific
            for link in self.discussed_drafts.select_related("draft")
            if link.draft.live
        ]
        return context


class RoundTableParticipants(ParticipantCount):
    page = ParentalKey(RoundTablePage, on_delete=models.CASCADE, related_name="participants")


class RoundTableDraft(Orderable):
    """A training module or strategy draft the round table worked on."""

    page = ParentalKey(RoundTablePage, on_delete=models.CASCADE, related_name="discussed_drafts")
    draft = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("draft"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [
        PageChooserPanel(
            "draft", page_type=["co_design.TrainingModulePage", "co_design.StrategyDraftPage"]
        )
    ]
