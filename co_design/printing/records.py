"""What a printed guide reports besides its text: the participation record (counts of the
comments the public may read, as the outcome page and the API count them) and the sign-off of
the live revision (who approved or signed which revision, and when)."""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from wagtail.models import TaskState

from co_design.choices import OrganisationType
from co_design.graphql_api.loaders import fetch_comments
from co_design.graphql_api.participation import Participation
from co_design.review.sign_off import PartnerSignOffTask, SignOff
from co_design.territories import Territory


@dataclass
class ParticipationRow:
    label: str
    counts: Participation

    @property
    def organisation_types(self):
        return [OrganisationType(kind).label for kind in self.counts.organisation_types]


@dataclass
class ParticipationRecord:
    rows: list
    total: Participation = field(default_factory=Participation)


def participation_of_pages(labelled_pages):
    """One row per (label, page): the comments publicly shown on any translation of the page
    (the consultation ran on one of them), and a total."""
    keys = {page.translation_key for _label, page in labelled_pages}
    comments = fetch_comments(keys)
    rows = [
        ParticipationRow(label, Participation(comments.get(page.translation_key, ())))
        for label, page in labelled_pages
    ]
    every = [comment for key in keys for comment in comments.get(key, ())]
    return ParticipationRecord(rows, Participation(every))


def participation_by_section(page, sections):
    """One row per section of the live text (by its stable block id), one for comments on
    sections since removed, and a total."""
    comments = fetch_comments([page.translation_key]).get(page.translation_key, [])
    rows = []
    for section in sections:
        rows.append(
            ParticipationRow(
                section.value["heading"],
                Participation(c for c in comments if c[0] == section.id),
            )
        )
    current = {section.id for section in sections}
    removed = [c for c in comments if c[0] not in current]
    if removed:
        rows.append(ParticipationRow(_("Sections no longer in the text"), Participation(removed)))
    return ParticipationRecord(rows, Participation(comments))


@dataclass
class Approval:
    step: str
    name: str
    territory: object
    at: object
    comment: str = ""


@dataclass
class SignOffRecord:
    revision: object
    approvals: list
    statement: str = ""


def person(user):
    if user is None:
        return _("A former member of staff")
    return user.get_full_name() or user.get_username()


def sign_off_of(page, statement=""):
    """The approvals of the live revision in its review: each partner lead's signature for a
    partner sign-off, else who completed each step (consultation, editorial approval)."""
    revision = page.live_revision
    if revision is None:
        return SignOffRecord(None, [], statement)
    approvals = []
    steps = (
        TaskState.objects.filter(revision=revision, status=TaskState.STATUS_APPROVED)
        .select_related("task", "finished_by__profile__territory")
        .prefetch_related(
            Prefetch(
                "signatures",
                queryset=SignOff.objects.select_related("user__profile__territory").order_by(
                    "signed_at", "pk"
                ),
            )
        )
        .order_by("finished_at", "pk")
    )
    for step in steps:
        if issubclass(step.task.specific_class, PartnerSignOffTask):
            approvals.extend(
                Approval(
                    step.task.name,
                    person(signature.user),
                    territory_of(signature.user),
                    signature.signed_at,
                    signature.comment,
                )
                for signature in step.signatures.all()
            )
        else:
            approvals.append(
                Approval(
                    step.task.name,
                    person(step.finished_by),
                    territory_of(step.finished_by),
                    step.finished_at,
                )
            )
    return SignOffRecord(revision, approvals, statement)


def territory_of(user):
    profile = getattr(user, "profile", None) if user is not None else None
    return getattr(profile, "territory", None)


def partners():
    """The partner territories and their organisations, for the cover."""
    return Territory.objects.prefetch_related("partner_organisations").order_by("name")
