"""The ECCIPA content model, one module per activity of the project."""

from co_design.accounts.models import Profile
from co_design.activities.manifesto import ManifestoChapter, ManifestoPage
from co_design.activities.needs_review import (
    NeedsFinding,
    NeedsReviewIndexPage,
    NeedsReviewPage,
    NeedsReviewParticipants,
)
from co_design.activities.round_tables import (
    RoundTableDraft,
    RoundTableIndexPage,
    RoundTablePage,
    RoundTableParticipants,
)
from co_design.activities.strategies import StrategyDraftPage, StrategyIndexPage, StrategyModuleLink
from co_design.activities.training import TrainingModulePage, TrainingProgrammePage
from co_design.consultation.models import (
    CommentAgreement,
    CommentEdit,
    CommentFlag,
    Decision,
    FlagStatus,
    StakeholderComment,
    StakeholderReply,
)
from co_design.invitations.models import Invitation
from co_design.public.pages import InformationPage, TakePartPage
from co_design.publishing.models import WebhookDelivery, WebhookEndpoint, WebhookPageType
from co_design.review.approval import EditorialApprovalTask
from co_design.review.consultation_task import ConsultationTask
from co_design.review.models import Consultation
from co_design.review.sign_off import PartnerSignOffTask, SignOff
from co_design.territories import Competence, PartnerOrganisation, Territory

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
]
