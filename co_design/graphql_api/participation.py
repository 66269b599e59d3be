"""The participation record: what the consultation on a strategy produced, as counts only.

Stakeholder comments are Wagtail comments anchored to a section (`sections.<block id>`). Through
the public API they are only counted: never names, never texts. Decisions on comments (adopted,
partly adopted, not adopted, noted) are recorded by the consultation room; until a comment has
one, it counts as undecided.
"""

import graphene

from ..choices import OrganisationType as OrganisationTypeChoices
from .enums import OrganisationType

ORGANISATION_ORDER = list(OrganisationTypeChoices.values)


class Participation:
    def __init__(self, organisation_types=()):
        organisation_types = list(organisation_types)
        self.comment_count = len(organisation_types)
        self.organisation_types = sorted(
            {kind for kind in organisation_types if kind}, key=ORGANISATION_ORDER.index
        )
        self.adopted = self.partly_adopted = self.not_adopted = self.noted = 0
        self.undecided = self.comment_count


def section_participation(comments, block_id):
    """`comments` are (content path, organisation type) pairs of one strategy."""
    path = f"sections.{block_id}"
    return Participation(
        kind
        for contentpath, kind in comments
        if contentpath == path or contentpath.startswith(path + ".")
    )


def strategy_participation(comments):
    return Participation(
        kind for contentpath, kind in comments if contentpath.startswith("sections.")
    )


class DecisionCounts(graphene.ObjectType):
    adopted = graphene.Int(required=True)
    partly_adopted = graphene.Int(required=True)
    not_adopted = graphene.Int(required=True)
    noted = graphene.Int(required=True)
    undecided = graphene.Int(required=True, description="Comments without a decision yet.")


class ParticipationRecord(graphene.ObjectType):
    """Counts only: never names or comment texts."""

    comment_count = graphene.Int(required=True, description="Stakeholder comments.")
    organisation_types = graphene.List(
        graphene.NonNull(OrganisationType),
        required=True,
        description="The kinds of organisation whose stakeholders commented.",
    )
    decisions = graphene.Field(DecisionCounts, required=True)

    def resolve_decisions(participation, info):
        return participation
