"""Activity 2, the co-designed Training Programme: the Toolkit and its modules."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from co_design.activities.pages import (
    LOCAL_STRATEGY_REVIEW,
    CommentableStream,
    PublishedThroughReview,
)
from co_design.blocks import ACTIVITY_BLOCKS, RESOURCE_BLOCKS, RICH_TEXT_FEATURES
from co_design.choices import DeliveryFormat
from co_design.printing.pages import PrintablePage, UnderAPrintablePage
from co_design.public.languages import ShownInEveryLanguage, children_in_every_language
from co_design.publishing.models import WebhookPageType


class TrainingProgrammePage(PrintablePage, ShownInEveryLanguage, PublishedThroughReview, Page):
    """The Training Programme Toolkit that other European cities use to replicate the training."""

    template = "pages/training_programme_page.html"
    review_workflow = LOCAL_STRATEGY_REVIEW  # for its modules, which inherit it

    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES)
    how_to_use = RichTextField(_("how to use the Toolkit"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("how_to_use")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["co_design.TrainingModulePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("training programme toolkit")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["modules"] = children_in_every_language(
            self,
            TrainingModulePage.objects.live().public().prefetch_related("competences"),
            request,
        )
        return context


class TrainingModulePage(
    UnderAPrintablePage, PrintablePage, ShownInEveryLanguage, PublishedThroughReview, Page
):
    template = "pages/training_module_page.html"
    commentable_stream = CommentableStream("activities", heading="title", body="description")
    edited_by_its_territory = True
    webhook_page_type = WebhookPageType.TRAINING_MODULE

    territory = models.ForeignKey(
        "co_design.Territory",
        verbose_name=_("lead territory"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="training_modules",
        help_text=_("Its editors maintain the module; leave empty for a module of the network."),
    )
    summary = models.TextField(_("summary"))
    target_audience = StreamField(
        [("role", blocks.CharBlock(max_length=120, label=_("Role in city services")))],
        verbose_name=_("target audience"),
    )
    competences = ParentalManyToManyField(
        "co_design.Competence", blank=True, related_name="modules", verbose_name=_("competences")
    )
    learning_objectives = StreamField(
        [("objective", blocks.CharBlock(max_length=255, label=_("Objective")))],
        verbose_name=_("learning objectives"),
    )
    duration_hours = models.DecimalField(_("duration (hours)"), max_digits=5, decimal_places=1)
    delivery_format = models.CharField(
        _("delivery format"), max_length=16, choices=DeliveryFormat.choices
    )
    activities = StreamField(ACTIVITY_BLOCKS, blank=True, verbose_name=_("activities"))
    resources = StreamField(RESOURCE_BLOCKS, blank=True, verbose_name=_("resources"))
    needs_findings = ParentalManyToManyField(
        "co_design.NeedsFinding",
        blank=True,
        related_name="training_modules",
        verbose_name=_("needs findings addressed"),
        limit_choices_to={"is_current": True},
    )

    content_panels = Page.content_panels + [
        FieldPanel("territory"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("target_audience"),
                FieldPanel("competences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("duration_hours"),
                FieldPanel("delivery_format"),
            ],
            heading=_("Who and how"),
        ),
        FieldPanel("learning_objectives"),
        FieldPanel("activities"),
        FieldPanel("resources"),
        FieldPanel("needs_findings", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("learning_objectives"),
        index.SearchField("activities"),
        index.FilterField("delivery_format"),
    ]
    parent_page_types = ["co_design.TrainingProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training module")
