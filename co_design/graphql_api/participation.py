"""The participation record: what the consultation on a strategy produced, as counts only.

Stakeholder comments (the room's StakeholderComment rows, anchored to a section's block id) are
only counted through the public API: never names, never texts. Decisions on comments (adopted,
partly adopted, not adopted, noted) are recorded by the editors; until a comment has one, it
counts as undecided.
"""

from collections import defaultdict

import graphene

from co_design.choices import OrganisationType as OrganisationTypeChoices
from co_design.consultation.models import Decision
from co_design.graphql_api.enums import OrganisationType

ORGANISATION_ORDER = list(OrganisationTypeChoices.values)
# Plain strings: reading an enum member's `.value` goes through a descriptor, per section.
ADOPTED, PARTLY_ADOPTED, NOT_ADOPTED, NOTED = (
    choice.value
    for choice in (Decision.ADOPTED, Decision.PARTLY_ADOPTED, Decision.NOT_ADOPTED, Decision.NOTED)
)


class Participation:
    def __init__(self, comments=()):
        """`comments`: (section id, organisation type, decision) of each counted comment."""
        comments = list(comments)
        self.comment_count = len(comments)
        self.organisation_types = sorted(
            {kind for _, kind, _ in comments if kind}, key=ORGANISATION_ORDER.index
        )
        # list.count, not a Counter: an answer builds one of these per section (600 for the
        # Manifesto), most with a handful of comments, where a Counter's setup dominates.
        decisions = [decision for _, _, decision in comments]
        self.adopted = decisions.count(ADOPTED)
        self.partly_adopted = decisions.count(PARTLY_ADOPTED)
        self.not_adopted = decisions.count(NOT_ADOPTED)
        self.noted = decisions.count(NOTED)
        self.undecided = decisions.count("")


def by_section(comments):
    """Section id → its comments, grouped in one pass: a strategy has about 20 sections, and
    filtering all its comments for each of them read every comment 20 times."""
    sections = defaultdict(list)
    for comment in comments:
        sections[comment[0]].append(comment)
    return sections


def section_participation(comments_by_section, block_id):
    """`comments_by_section`: see by_section (Loaders.comments_by_section keeps it per answer)."""
    return Participation(comments_by_section.get(block_id, ()))


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
