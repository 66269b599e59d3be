"""The ECCIPA Manifesto: the three Local Strategies collected as a guide for European cities."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from co_design.activities.pages import MANIFESTO_SIGN_OFF, PublishedThroughReview
from co_design.blocks import RICH_TEXT_FEATURES, TitledTextBlock
from co_design.printing.pages import PrintablePage
from co_design.public.languages import ShownInEveryLanguage
from co_design.publishing.models import WebhookPageType
from co_design.review.panels import SignOffStatusPanel


class ManifestoPage(PrintablePage, ShownInEveryLanguage, PublishedThroughReview, Page):
    template = "pages/manifesto_page.html"
    review_workflow = MANIFESTO_SIGN_OFF
    webhook_page_type = WebhookPageType.MANIFESTO

    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES)
    principles = StreamField(
        [("principle", TitledTextBlock(label=_("Principle")))], verbose_name=_("principles")
    )
    recommendations = StreamField(
        [("recommendation", TitledTextBlock(label=_("Recommendation")))],
        verbose_name=_("recommendations for other cities"),
    )
    sign_off_statement = RichTextField(_("sign-off statement"), features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [
        SignOffStatusPanel(heading=_("Partner sign-off")),
        FieldPanel("introduction"),
        FieldPanel("principles"),
        InlinePanel("chapters", label=_("Chapters"), min_num=1),
        FieldPanel("recommendations"),
        FieldPanel("sign_off_statement"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("principles"),
        index.SearchField("recommendations"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("manifesto")

    def published_chapters(self):
        """Chapters in order; only a live strategy is shown, never a draft."""
        return [
            chapter
            for chapter in self.chapters.select_related("strategy__territory")
            if chapter.strategy is not None and chapter.strategy.live
        ]

    def signatures(self):
        """The partner leads' signatures on the published revision."""
        from co_design.review.sign_off import SignOff

        return SignOff.objects.filter(
            task_state__revision_id=self.live_revision_id, task_state__status="approved"
        ).select_related("user__profile__territory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = self.published_chapters()
        context["signatures"] = self.signatures()
        return context


class ManifestoChapter(Orderable):
    page = ParentalKey(ManifestoPage, on_delete=models.CASCADE, related_name="chapters")
    strategy = models.ForeignKey(
        "co_design.StrategyDraftPage",
        verbose_name=_("local strategy"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="manifesto_chapters",
    )
    summary = RichTextField(_("chapter summary"), features=RICH_TEXT_FEATURES)

    panels = [FieldPanel("strategy"), FieldPanel("summary")]

    class Meta(Orderable.Meta):
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
