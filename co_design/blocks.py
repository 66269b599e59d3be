"""StreamField blocks shared by the ECCIPA page types.

Block ids are kept by Wagtail across revisions, so strategy sections and needs findings keep a
stable identity that comments, links and the API can point at.
"""

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from co_design.choices import FindingKind, Priority

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


def current_finding_choices():
    # By name: the needs review page type imports these blocks.
    NeedsFinding = apps.get_model("co_design", "NeedsFinding")
    return [(finding.pk, str(finding)) for finding in NeedsFinding.objects.current()]


class FindingsBlock(blocks.FieldBlock):
    """The needs findings a section addresses, stored as NeedsFinding ids.

    A plain FieldBlock rather than MultipleChoiceBlock: that one looks the choices up again each
    time a stored value is read, which would query the database once per section on every render.
    """

    def __init__(self, required=False, help_text=None, **kwargs):
        self.field = forms.TypedMultipleChoiceField(
            choices=current_finding_choices,
            coerce=int,
            required=required,
            help_text=help_text,
            widget=forms.CheckboxSelectMultiple,
        )
        super().__init__(**kwargs)

    def get_default(self):
        return []

    def to_python(self, value):
        return [int(pk) for pk in value or []]

    def get_searchable_content(self, value):
        return []

    class Meta:
        icon = "link"


class FindingBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=FindingKind.choices, label=_("Strength or weakness"))
    theme = blocks.CharBlock(max_length=120, label=_("Theme"))
    evidence = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Evidence"))
    priority = blocks.ChoiceBlock(
        choices=Priority.choices, default=Priority.MEDIUM, label=_("Priority")
    )

    class Meta:
        icon = "pick"
        label = _("Finding")
        template = "blocks/finding.html"


class ActionBlock(blocks.StructBlock):
    action = blocks.CharBlock(max_length=255, label=_("Action"))
    responsible_body = blocks.CharBlock(max_length=255, label=_("Responsible body"))
    timeline = blocks.CharBlock(max_length=120, label=_("Timeline"))
    indicator = blocks.CharBlock(max_length=255, label=_("Indicator"))

    class Meta:
        icon = "tasks"
        label = _("Action")


class StrategySectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=200, label=_("Heading"))
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Body"))
    actions = blocks.ListBlock(ActionBlock(), default=[], label=_("Actions"))
    findings = FindingsBlock(label=_("Needs findings addressed"))

    class Meta:
        icon = "doc-full"
        label = _("Section")
        template = "blocks/strategy_section.html"


class ActivityBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    description = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Description"))
    minutes = blocks.IntegerBlock(min_value=1, max_value=24 * 60, label=_("Duration (minutes)"))

    class Meta:
        template = "blocks/activity.html"


class VideoActivityBlock(ActivityBlock):
    url = blocks.URLBlock(label=_("Video address"))


ACTIVITY_BLOCKS = [
    ("exercise", ActivityBlock(icon="edit", label=_("Exercise"))),
    ("case_study", ActivityBlock(icon="folder-open-inverse", label=_("Case study"))),
    ("role_play", ActivityBlock(icon="group", label=_("Role play"))),
    ("reading", ActivityBlock(icon="openquote", label=_("Reading"))),
    ("video", VideoActivityBlock(icon="media", label=_("Video"))),
]


class DocumentResourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    document = DocumentChooserBlock(label=_("Document"))

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/resource.html"


class LinkResourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Link")
        template = "blocks/resource.html"


RESOURCE_BLOCKS = [("document", DocumentResourceBlock()), ("link", LinkResourceBlock())]


class TitledTextBlock(blocks.StructBlock):
    """A principle or recommendation of the Manifesto."""

    title = blocks.CharBlock(max_length=200, label=_("Title"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "list-ul"
        template = "blocks/titled_text.html"


class ActivityLinkBlock(blocks.StructBlock):
    """One of the three ECCIPA activities on the home page."""

    title = blocks.CharBlock(max_length=120, label=_("Title"))
    text = blocks.TextBlock(label=_("Text"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))

    class Meta:
        icon = "arrow-right"
        label = _("Activity")
        template = "blocks/activity_link.html"
