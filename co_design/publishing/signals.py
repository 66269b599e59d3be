"""What publishing sets off: the GraphQL answer cache and the page's printed guides are purged,
and webhooks are sent.

Both wait for the transaction to commit, so that neither a receiver nor the next request sees
content older than the change (the purge also happens at once, for code that runs outside a
transaction). `robust=True`: a failure there is logged and never undoes a publish.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.models import Comment, Locale, Page, PageViewRestriction, Site, TaskState
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail_localize.models import Translation, TranslationSource

from co_design.accounts.models import Profile
from co_design.activities.needs_review import NeedsFinding
from co_design.consultation.models import CommentFlag, StakeholderComment
from co_design.graphql_api import response_cache
from co_design.printing import cache as printed_guides
from co_design.publishing.webhooks import enqueue_deliveries, event_payload, page_type_of
from co_design.review.models import Consultation
from co_design.review.sign_off import SignOff
from co_design.territories import Competence, PartnerOrganisation, Territory

# Besides pages, what the API shows comes from these (privacy of pages included):
# - the participation record counts StakeholderComment.publicly_shown(): comments (hidden or
#   not, decided or not), their flags (one waiting for a moderator takes a comment out) and
#   their consultation (closing it brings its comments in; closing by the date writes nothing,
#   see response_cache.answer_lifetime);
# - signatures: SignOff, and the lead's name (User) and territory and organisation (Profile);
# - whether a translation is up to date: its source's last sync (TranslationSource) and its
#   record (Translation).
SHOWN_BY_THE_API = (
    CommentFlag,
    Competence,
    Comment,
    Consultation,
    Locale,
    NeedsFinding,
    PageViewRestriction,
    PartnerOrganisation,
    Profile,
    SignOff,
    Site,
    StakeholderComment,
    TaskState,
    Territory,
    Translation,
    TranslationSource,
)

# A user's save that changes nothing the API shows: signing in.
NOT_SHOWN_USER_FIELDS = {"last_login"}


def purge_graphql_cache():
    response_cache.purge()
    transaction.on_commit(response_cache.purge, robust=True)


def send_webhooks(event, page, revision=None):
    if page_type_of(page) is None:
        return
    payload = event_payload(event, page, revision)
    transaction.on_commit(lambda: enqueue_deliveries(payload), robust=True)


@receiver(page_published)
def on_page_published(sender, instance, revision=None, **kwargs):
    purge_graphql_cache()
    printed_guides.purge_page(instance.pk)
    send_webhooks("page.published", instance, revision)


@receiver(page_unpublished)
def on_page_unpublished(sender, instance, **kwargs):
    purge_graphql_cache()
    printed_guides.purge_page(instance.pk)
    send_webhooks("page.unpublished", instance)


@receiver(post_page_move)
def on_page_moved(sender, instance, **kwargs):
    purge_graphql_cache()


@receiver(post_delete)
def on_deleted(sender, instance, **kwargs):
    if isinstance(instance, (Page, get_document_model(), get_user_model(), *SHOWN_BY_THE_API)):
        purge_graphql_cache()


@receiver(post_save)
def on_saved(sender, instance, update_fields=None, **kwargs):
    if isinstance(instance, (get_document_model(), *SHOWN_BY_THE_API)):
        purge_graphql_cache()
    elif isinstance(instance, get_user_model()) and not (
        update_fields and set(update_fields) <= NOT_SHOWN_USER_FIELDS
    ):
        purge_graphql_cache()
