"""Activity 1, the Needs Review: each territory's report of strengths and weaknesses."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from co_design.activities.pages import OnePerTerritoryMixin
from co_design.activities.participant_counts import ParticipantCount
from co_design.blocks import RICH_TEXT_FEATURES, FindingBlock
from co_design.choices import FindingKind, Priority
from co_design.public.languages import ShownInEveryLanguage, children_in_every_language


class NeedsReviewIndexPage(ShownInEveryLanguage, Page):
    template = "pages/needs_review_index_page.html"
    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["co_design.NeedsReviewPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("needs review index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["reviews"] = children_in_every_language(
            self, NeedsReviewPage.objects.live().public().select_related("territory"), request
        )
        return context


class NeedsReviewPage(ShownInEveryLanguage, OnePerTerritoryMixin, Page):
    template = "pages/needs_review_page.html"
    indexes_findings_on_publish = True
    edited_by_its_territory = True

    territory = models.ForeignKey(
        "co_design.Territory",
        verbose_name=_("territory"),
        on_delete=models.PROTECT,
        related_name="needs_reviews",
    )
    summary = RichTextField(_("summary"), features=RICH_TEXT_FEATURES)
    interviews = models.PositiveIntegerField(_("interviews held"), default=0)
    focus_groups = models.PositiveIntegerField(_("focus groups held"), default=0)
    findings = StreamField([("finding", FindingBlock())], blank=True, verbose_name=_("findings"))
    report = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("report file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("territory"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("interviews"),
                FieldPanel("focus_groups"),
                InlinePanel("participants", label=_("Who took part")),
            ],
            heading=_("Methodology"),
        ),
        FieldPanel("findings"),
        FieldPanel("report"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("findings"),
        index.FilterField("territory"),
    ]
    parent_page_types = ["co_design.NeedsReviewIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("needs review report")

    def index_findings(self):
        """Mirror the published findings into NeedsFinding rows so that modules and strategy
        sections can link to them. A finding removed from the report is kept, marked withdrawn.
        A translation's findings are its source's (same block ids): indexed once, in the source."""
        if (
            self.locale_id != Locale.get_default().pk
            and self.get_translation_or_none(Locale.get_default()) is not None
        ):
            return
        block_ids = []
        for block in self.findings:
            block_ids.append(block.id)
            NeedsFinding.objects.update_or_create(
                needs_review=self,
                block_id=block.id,
                defaults={
                    "kind": block.value["kind"],
                    "theme": block.value["theme"],
                    "priority": block.value["priority"],
                    "is_current": True,
                },
            )
        self.indexed_findings.exclude(block_id__in=block_ids).update(is_current=False)


class NeedsReviewParticipants(ParticipantCount):
    page = ParentalKey(NeedsReviewPage, on_delete=models.CASCADE, related_name="participants")


class NeedsFindingQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True).select_related("needs_review__territory")


class NeedsFinding(models.Model):
    """The index of a finding block of a published NeedsReviewPage."""

    needs_review = models.ForeignKey(
        NeedsReviewPage, on_delete=models.CASCADE, related_name="indexed_findings"
    )
    block_id = models.CharField(max_length=64)
    kind = models.CharField(_("kind"), max_length=16, choices=FindingKind.choices)
    theme = models.CharField(_("theme"), max_length=120)
    priority = models.CharField(_("priority"), max_length=16, choices=Priority.choices)
    is_current = models.BooleanField(
        _("in the published report"),
        default=True,
        help_text=_("Cleared when the finding is removed from the report; links to it stay."),
    )

    objects = NeedsFindingQuerySet.as_manager()

    class Meta:
        ordering = ["needs_review__territory__name", "kind", "theme"]
        constraints = [
            models.UniqueConstraint(
                fields=["needs_review", "block_id"], name="unique_finding_per_review"
            )
        ]
        verbose_name = _("needs finding")
        verbose_name_plural = _("needs findings")

    def __str__(self):
        return f"{self.needs_review.territory} · {self.get_kind_display()}: {self.theme}"

    @property
    def anchor(self):
        return f"finding-{self.block_id}"

    def get_url(self, request=None):
        return f"{self.needs_review.get_url(request)}#{self.anchor}"
