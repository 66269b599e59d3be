import re
import uuid

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from co_design.consultation.models import Decision
from co_design.text import PlainTextField


class MessageField(PlainTextField):
    """Free text from people: trimmed, never empty, never longer than the limit, no control
    characters. Any HTML in it is kept as typed and shown as text (templates escape it), so it
    can do nothing."""

    def __init__(self, max_length=None, rows=4, **kwargs):
        max_length = max_length or settings.ECCIPA_CONSULTATION["MAX_TEXT"]
        super().__init__(
            multiline=True,
            max_length=max_length,
            strip=True,
            widget=forms.Textarea(attrs={"rows": rows, "maxlength": max_length}),
            error_messages={
                "required": _("Please write something before sending."),
                "max_length": _(
                    "Please keep it under %(limit_value)d characters (it has %(show_value)d)."
                ),
            },
            **kwargs,
        )


class EditCommentForm(forms.Form):
    text = MessageField(label=_("Your comment"))


class CommentForm(forms.Form):
    section = forms.ChoiceField(
        label=_("Section"),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("This section is not part of the draft.")},
    )
    text = MessageField(label=_("Your comment"))
    quote = PlainTextField(
        multiline=True,
        label=_("Passage you comment on (optional)"),
        required=False,
        strip=True,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": 1000, "class": "quote-field"}),
        help_text=_("Copy the words from the section, or select them in the text above."),
    )
    show_name = forms.BooleanField(
        label=_("Show my name on the public page about how comments were used"), required=False
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = sections
        self.fields["section"].choices = [(section_id, section_id) for section_id in sections]
        # The room shows one form per section: the section's id keeps the fields' ids unique.
        section_id = self.data.get("section") or self.initial.get("section")
        if section_id in sections:
            self.auto_id = f"comment-%s-{section_id}"

    def clean(self):
        cleaned = super().clean()
        quote, section_id = cleaned.get("quote"), cleaned.get("section")
        if quote and section_id:
            normalise = lambda text: re.sub(r"\s+", " ", text).strip().casefold()  # noqa: E731
            if normalise(quote) not in normalise(self.sections[section_id].text):
                self.add_error(
                    "quote", _("The quoted passage does not appear in this section's text.")
                )
        return cleaned


class ReplyForm(forms.Form):
    text = MessageField(label=_("Your reply"), rows=3)


class FlagForm(forms.Form):
    reason = MessageField(
        label=_("Why should a moderator look at this comment?"), max_length=1000, rows=2
    )


ADOPTING = (Decision.ADOPTED, Decision.PARTLY_ADOPTED)


def revision_label(revision):
    """A revision as editors know it: when it was saved, in their own time zone, and by whom."""
    when = date_format(timezone.localtime(revision.created_at), "DATETIME_FORMAT")
    author = revision.user.get_full_name() or revision.user.get_username() if revision.user else ""
    if author:
        return _("%(date)s by %(author)s") % {"date": when, "author": author}
    return when


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("", _("Choose a decision…")), *Decision.choices]
    )
    reason = PlainTextField(
        multiline=True,
        label=_("Reason"),
        max_length=2000,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    adopted_in = forms.ModelChoiceField(
        label=_("Adopted in revision"),
        queryset=None,
        required=False,
        empty_label=None,
        help_text=_("Only for adopted and partly adopted comments."),
    )

    def __init__(self, *args, revisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adopted_in"].queryset = revisions.select_related("user")
        self.fields["adopted_in"].label_from_instance = revision_label

    def clean(self):
        cleaned = super().clean()
        adopting = cleaned.get("decision") in ADOPTING
        if adopting and not cleaned.get("adopted_in"):
            self.add_error("adopted_in", _("Say which revision adopted the comment."))
        if not adopting:
            cleaned["adopted_in"] = None
        return cleaned


class HideForm(forms.Form):
    reason = PlainTextField(
        multiline=True,
        label=_("Reason, sent to the author"),
        max_length=1000,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CommentFilterForm(forms.Form):
    """The filters above the decisions screen; every field is optional."""

    status = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("All comments")),
            ("undecided", _("Undecided")),
            ("flagged", _("With a flag waiting")),
        ],
    )
    section = forms.ChoiceField(label=_("Section"), required=False)
    organisation_type = forms.ChoiceField(label=_("Organisation type"), required=False)

    def __init__(self, *args, sections, organisation_types, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("All sections")), *sections]
        self.fields["organisation_type"].choices = [
            ("", _("All organisation types")),
            *organisation_types,
        ]

    def apply(self, stakeholder_comments):
        if not self.is_valid():
            return stakeholder_comments
        status = self.cleaned_data["status"]
        section = self.cleaned_data["section"]
        kind = self.cleaned_data["organisation_type"]
        return [
            stakeholder_comment
            for stakeholder_comment in stakeholder_comments
            if (status != "undecided" or not stakeholder_comment.decision)
            and (status != "flagged" or stakeholder_comment.waiting_flags)
            and (not section or stakeholder_comment.section_id == section)
            and (not kind or (stakeholder_comment.organisation_type or "staff") == kind)
        ]
