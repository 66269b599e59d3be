"""The ECCIPA content model, one module per activity of the project."""

from .manifesto import ManifestoChapter, ManifestoPage
from .needs_review import (
    NeedsFinding,
    NeedsReviewIndexPage,
    NeedsReviewPage,
    NeedsReviewParticipants,
)
from .people import Profile
from .round_tables import (
    RoundTableDraft,
    RoundTableIndexPage,
    RoundTablePage,
    RoundTableParticipants,
)
from .strategies import StrategyDraftPage, StrategyIndexPage, StrategyModuleLink
from .territories import Competence, PartnerOrganisation, Territory
from .training import TrainingModulePage, TrainingProgrammePage
from .webhooks import WebhookDelivery, WebhookEndpoint, WebhookPageType

__all__ = [
    "Competence",
    "ManifestoChapter",
    "ManifestoPage",
    "NeedsFinding",
    "NeedsReviewIndexPage",
    "NeedsReviewPage",
    "NeedsReviewParticipants",
    "PartnerOrganisation",
    "Profile",
    "RoundTableDraft",
    "RoundTableIndexPage",
    "RoundTablePage",
    "RoundTableParticipants",
    "StrategyDraftPage",
    "StrategyIndexPage",
    "StrategyModuleLink",
    "Territory",
    "TrainingModulePage",
    "TrainingProgrammePage",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookPageType",
]
