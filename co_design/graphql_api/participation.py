"""The participation record: what the consultation on a strategy produced, as counts only.

Stakeholder comments (the room's StakeholderComment rows, anchored to a section's block id) are
only counted through the public API: never names, never texts. Decisions on comments (adopted,
partly adopted, not adopted, noted) are recorded by the editors; until a comment has one, it
counts as undecided.
"""

from collections import Counter

import graphene

from co_design.choices import OrganisationType as OrganisationTypeChoices
from co_design.consultation.models import Decision
from co_design.graphql_api.enums import OrganisationType

ORGANISATION_ORDER = list(OrganisationTypeChoices.values)


class Participation:
    def __init__(self, comments=()):
        """`comments`: (section id, organisation type, decision) of each counted comment."""
        comments = list(comments)
        self.comment_count = len(comments)
        self.organisation_types = sorted(
            {kind for _, kind, _ in comments if kind}, key=ORGANISATION_ORDER.index
        )
        decisions = Counter(decision for _, _, decision in comments)
        self.adopted = decisions[Decision.ADOPTED]
        self.partly_adopted = decisions[Decision.PARTLY_ADOPTED]
        self.not_adopted = decisions[Decision.NOT_ADOPTED]
        self.noted = decisions[Decision.NOTED]
        self.undecided = decisions[""]


def section_participation(comments, block_id):
    return Participation(comment for comment in comments if comment[0] == block_id)


def strategy_participation(comments):
    return Participation(comments)


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
