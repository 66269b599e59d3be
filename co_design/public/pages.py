"""The public pages around the process: *Take part* (open and finished consultations) and the
information pages a European public body publishes (accessibility, privacy, legal notice,
contact), which the footer links to."""

from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from co_design.access.consultations import page_territory_ids
from co_design.blocks import RICH_TEXT_FEATURES
from co_design.public.languages import ShownInEveryLanguage
from co_design.view_objects import ViewObject


def pages_with_outcome(page_ids=None, now=None):
    """Ids of the live, public pages whose *How your input was used* page exists: a consultation
    on them has ended and at least one of its comments is publicly shown (as the outcome view
    decides)."""
    from co_design.consultation.models import StakeholderComment

    stakeholder_comments = StakeholderComment.objects.publicly_shown(now)
    if page_ids is not None:
        stakeholder_comments = stakeholder_comments.filter(wagtail_comment__page_id__in=page_ids)
    candidates = set(stakeholder_comments.values_list("wagtail_comment__page_id", flat=True))
    if not candidates:
        return set()
    return set(Page.objects.live().public().filter(pk__in=candidates).values_list("pk", flat=True))


def outcome_available(page):
    return bool(page.pk) and page.pk in pages_with_outcome([page.pk])


class TakePartPage(ShownInEveryLanguage, Page):
    """Who may comment on what, until when, and what became of earlier input."""

    template = "pages/take_part_page.html"

    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    how_to_take_part = RichTextField(
        _("who may take part and how to ask for an invitation"),
        features=RICH_TEXT_FEATURES,
        blank=True,
    )
    invitation_email = models.EmailField(
        _("address for invitation requests"),
        blank=True,
        help_text=_("Each open consultation offers to write here to ask for an invitation."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("how_to_take_part"),
        FieldPanel("invitation_email"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("how_to_take_part"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("take part page")

    def consultations(self, now=None):
        """(open, finished): the open consultations by closing date, and the ended ones whose
        outcome page exists, latest first; one entry per page, public pages only."""
        from co_design.consultation.languages import show_in_language
        from co_design.review.models import Consultation
        from co_design.territories import Territory

        now = now or timezone.now()
        public_ids = set(Page.objects.public().values_list("pk", flat=True))
        latest = {}
        for consultation in Consultation.objects.select_related("task_state", "page").order_by(
            "-opened_at"
        ):
            if consultation.page_id in public_ids:
                shown = ViewObject(consultation, open_now=consultation.is_open(now))
                current = latest.get(consultation.page_id)
                if current is None or (shown.open_now and not current.open_now):
                    latest[consultation.page_id] = shown
        with_outcome = pages_with_outcome(list(latest), now)
        chosen = [c for c in latest.values() if c.open_now or c.page_id in with_outcome]
        territory_ids = page_territory_ids([c.page for c in chosen])
        territories = Territory.objects.in_bulk({pk for pk in territory_ids.values() if pk})
        for consultation in chosen:
            consultation.territory = territories.get(territory_ids[consultation.page_id])
            consultation.title = consultation.page.title
        show_in_language(chosen, translation.get_language())
        open_now = sorted((c for c in chosen if c.open_now), key=lambda c: c.closes_at)
        finished = sorted(
            (c for c in chosen if not c.open_now), key=lambda c: c.ended_at, reverse=True
        )
        return open_now, finished

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["open_consultations"], context["finished_consultations"] = self.consultations()
        context["contact_page"] = InformationPage.for_footer(self.locale).get(
            InformationPage.Kind.CONTACT
        )
        return context


class InformationPage(ShownInEveryLanguage, Page):
    """A page of plain information: the accessibility statement, the privacy notice, the legal
    notice, the contact page. Those with a footer role are linked from every page's footer in
    their language."""

    template = "pages/information_page.html"

    class Kind(models.TextChoices):
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        PRIVACY = "privacy", _("Privacy notice")
        LEGAL = "legal", _("Legal notice")
        CONTACT = "contact", _("Contact")

    footer_role = models.CharField(
        _("footer link"),
        max_length=16,
        choices=Kind.choices,
        blank=True,
        help_text=_("Linked from the footer of every page in this language under this name."),
    )
    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("body")]
    promote_panels = Page.promote_panels + [FieldPanel("footer_role")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("information page")

    @classmethod
    def for_footer(cls, locale):
        """{kind: page}: the live, public information page of each footer role in `locale`."""
        pages = (
            cls.objects.live()
            .public()
            .filter(locale=locale)
            .exclude(footer_role="")
            .order_by("path")
        )
        found = {}
        for page in pages:
            found.setdefault(page.footer_role, page)
        return found
