"""Activity 3, the Local Strategies each territory drafts for the integration of migrants."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from co_design.activities.needs_review import NeedsFinding
from co_design.activities.pages import (
    LOCAL_STRATEGY_REVIEW,
    CommentableStream,
    OnePerTerritoryMixin,
    PublishedThroughReview,
)
from co_design.blocks import RICH_TEXT_FEATURES, StrategySectionBlock
from co_design.printing.pages import PrintablePage
from co_design.public.languages import ShownInEveryLanguage, children_in_every_language
from co_design.publishing.models import WebhookPageType
from co_design.review.panels import ConsultationPanel


class StrategyIndexPage(ShownInEveryLanguage, Page):
    template = "pages/strategy_index_page.html"
    review_workflow = LOCAL_STRATEGY_REVIEW  # for its drafts, which inherit it

    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["co_design.StrategyDraftPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("local strategies index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["strategies"] = children_in_every_language(
            self, StrategyDraftPage.objects.live().public().select_related("territory"), request
        )
        return context


class StrategyDraftPage(
    PrintablePage, ShownInEveryLanguage, OnePerTerritoryMixin, PublishedThroughReview, Page
):
    """A territory's Local Strategy; its sections are what stakeholders comment on."""

    template = "pages/strategy_draft_page.html"
    commentable_stream = CommentableStream(
        "sections", heading="heading", body="body", skipped=("findings",)
    )
    edited_by_its_territory = True
    webhook_page_type = WebhookPageType.STRATEGY

    territory = models.ForeignKey(
        "co_design.Territory",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        related_name="strategies",
    )
    summary = models.TextField(_("summary"))
    vision = RichTextField(_("vision"), features=RICH_TEXT_FEATURES)
    sections = StreamField([("section", StrategySectionBlock())], verbose_name=_("sections"))
    needs_findings = ParentalManyToManyField(
        "co_design.NeedsFinding",
        blank=True,
        related_name="strategies",
        verbose_name=_("needs findings it builds on"),
        limit_choices_to={"is_current": True},
    )

    content_panels = Page.content_panels + [
        ConsultationPanel(heading=_("Stakeholder consultation")),
        FieldPanel("territory"),
        FieldPanel("summary"),
        FieldPanel("vision"),
        FieldPanel("sections"),
        FieldPanel("needs_findings", widget=forms.CheckboxSelectMultiple),
        InlinePanel("module_links", label=_("Training modules it builds on")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("vision"),
        index.SearchField("sections"),
        index.FilterField("territory"),
    ]
    parent_page_types = ["co_design.StrategyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("local strategy draft")

    def section_findings(self):
        """The findings named by any section, fetched in one query for the whole page."""
        ids = {pk for section in self.sections for pk in section.value["findings"]}
        return NeedsFinding.objects.select_related("needs_review").in_bulk(ids)

    def get_context(self, request, *args, **kwargs):
        from co_design.page_links import expanded_together  # needs the loaded models
        from co_design.public.pages import outcome_available

        context = super().get_context(request, *args, **kwargs)
        context["section_findings"] = self.section_findings()
        # The vision and every section's text, their page links expanded in one pass.
        vision, *bodies = expanded_together(
            [self.vision, *(block.value["body"] for block in self.sections)]
        )
        context["vision_html"] = vision
        context["sections_with_bodies"] = list(zip(self.sections, bodies, strict=True))
        context["modules"] = [
            link.module for link in self.module_links.select_related("module") if link.module.live
        ]
        context["has_outcome"] = outcome_available(self)
        return context


class StrategyModuleLink(Orderable):
    page = ParentalKey(StrategyDraftPage, on_delete=models.CASCADE, related_name="module_links")
    module = models.ForeignKey(
        "co_design.TrainingModulePage",
        verbose_name=_("training module"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("module")]
