"""The ECCIPA content model, one module per activity of the project."""

from .comments import (
    CommentAgreement,
    CommentEdit,
    CommentFlag,
    Decision,
    FlagStatus,
    StakeholderComment,
    StakeholderReply,
)
from .invitations import Invitation
from .manifesto import ManifestoChapter, ManifestoPage
from .needs_review import (
    NeedsFinding,
    NeedsReviewIndexPage,
    NeedsReviewPage,
    NeedsReviewParticipants,
)
from .people import Profile
from .public import InformationPage, TakePartPage
from .review import (
    Consultation,
    ConsultationTask,
    EditorialApprovalTask,
    PartnerSignOffTask,
    SignOff,
    WorkflowActionRefused,
)
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
    "CommentAgreement",
    "CommentFlag",
    "Competence",
    "Consultation",
    "ConsultationTask",
    "Decision",
    "EditorialApprovalTask",
    "FlagStatus",
    "InformationPage",
    "Invitation",
    "ManifestoChapter",
    "ManifestoPage",
    "NeedsFinding",
    "NeedsReviewIndexPage",
    "NeedsReviewPage",
    "NeedsReviewParticipants",
    "PartnerOrganisation",
    "PartnerSignOffTask",
    "Profile",
    "RoundTableDraft",
    "RoundTableIndexPage",
    "RoundTablePage",
    "RoundTableParticipants",
    "SignOff",
    "CommentEdit",
    "StakeholderComment",
    "StakeholderReply",
    "StrategyDraftPage",
    "StrategyIndexPage",
    "StrategyModuleLink",
    "TakePartPage",
    "Territory",
    "TrainingModulePage",
    "TrainingProgrammePage",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookPageType",
    "WorkflowActionRefused",
]
