"""Every public page type of the ECCIPA site, for tests that visit them all."""

from co_design.models import (
    InformationPage,
    ManifestoPage,
    NeedsReviewIndexPage,
    NeedsReviewPage,
    RoundTableIndexPage,
    RoundTablePage,
    StrategyDraftPage,
    StrategyIndexPage,
    TakePartPage,
    TrainingModulePage,
    TrainingProgrammePage,
)
from home.models import HomePage

PAGE_TYPES = [
    HomePage,
    NeedsReviewIndexPage,
    NeedsReviewPage,
    RoundTableIndexPage,
    RoundTablePage,
    TrainingProgrammePage,
    TrainingModulePage,
    StrategyIndexPage,
    StrategyDraftPage,
    ManifestoPage,
    TakePartPage,
    InformationPage,
]
