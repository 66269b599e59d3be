"""Loaders: what many objects of one answer need is fetched in one query for all of them.

Root resolvers announce the keys of the objects they load (`want`); the first `get` fetches every
announced key at once. A key nobody announced is still found, with a query of its own, so a
missing announcement costs speed, never correctness.
"""

from collections import defaultdict

from wagtail.documents import get_document_model
from wagtail.models import Page, TaskState

from co_design.activities.needs_review import NeedsFinding, NeedsReviewPage
from co_design.activities.strategies import StrategyDraftPage
from co_design.activities.training import TrainingModulePage
from co_design.consultation.models import StakeholderComment
from co_design.graphql_api.locales import best_translations
from co_design.graphql_api.participation import by_section
from co_design.review.sign_off import SignOff
from co_design.territories import PartnerOrganisation


class Loader:
    def __init__(self, fetch, whole_table=False):
        """`whole_table`: `fetch` returns every key there is, so one fetch answers all."""
        self._fetch = fetch
        self._whole_table = whole_table
        self._fetched = False
        self._wanted = set()
        self._loaded = {}

    def want(self, keys):
        # Keys already loaded are dropped when fetching: one set operation instead of a test
        # per key here, where every link and finding of the answer passes.
        self._wanted.update(keys)

    def get(self, key):
        if self._whole_table and self._fetched:
            return self._loaded.get(key)
        if key not in self._loaded:
            self._fetched = True
            self._wanted.add(key)
            self._wanted.difference_update(self._loaded.keys())
            found = self._fetch(self._wanted)
            self._loaded.update(found)
            self._loaded.update({wanted: found.get(wanted) for wanted in self._wanted})
            self._wanted = set()
        return self._loaded[key]

    def loaded(self):
        return self._loaded.items()

    def loaded_values(self):
        return [value for value in self._loaded.values() if value is not None]

    def get_many(self, keys):
        keys = list(keys)
        loaded = self._loaded
        if self._whole_table or not all(key in loaded for key in keys):
            self.want(keys)
            return [self.get(key) for key in keys]
        # Everything was loaded with the announced keys: the common case, read directly.
        return [loaded[key] for key in keys]


def grouped_by_chain(keys):
    """Keys are (chain, id) pairs: one query per chain, and an answer rarely has more than one."""
    groups = defaultdict(set)
    for chain, pk in keys:
        groups[chain].add(pk)
    return groups.items()


def public(pages, loaders=None):
    """`pages.public()`; with `loaders`, the private sections are read once per answer (Wagtail
    reads every view restriction each time), for the few page querysets an answer makes."""
    if loaders is None:
        return pages.public()
    if loaders.private_q is None:
        loaders.private_q = pages.private_q()
    return pages.exclude(loaders.private_q)


def fetch_page_paths(keys, url_cache=None, loaders=None):
    """(chain, page id) → site-relative URL of the page's best live, public translation."""
    found = {}
    for chain, ids in grouped_by_chain(keys):
        translation_keys = dict(
            Page.objects.filter(pk__in=ids).values_list("pk", "translation_key")
        )
        pages = best_translations(public(Page.objects.live(), loaders), chain).filter(
            translation_key__in=set(translation_keys.values())
        )
        paths = {page.translation_key: page_path(page, url_cache) for page in pages}
        for pk, key in translation_keys.items():
            found[(chain, pk)] = paths.get(key)
    return found


def page_path(page, url_cache=None):
    """The page's address relative to its site (`url_cache`: see ApiContext). The paths found
    are kept on `url_cache` as well, by page: an answer shows the address of a needs review with
    each of its findings, and get_url_parts is slow."""
    if url_cache is None or page.pk is None:
        parts = page.get_url_parts(url_cache)
        return parts[2] if parts else None
    try:
        paths = url_cache.api_page_paths
    except AttributeError:
        paths = url_cache.api_page_paths = {}
    # A page shown in another language (`shown_at`) has another address.
    key = (page.pk, getattr(page, "shown_at", None))
    if key not in paths:
        parts = page.get_url_parts(url_cache)
        paths[key] = parts[2] if parts else None
    return paths[key]


def fetch_partner_organisations(territory_ids):
    """Territory id → names of its partner organisations, for every territory: a small table."""
    names = defaultdict(list)
    for territory_id, name in PartnerOrganisation.objects.order_by(
        "territory_id", "sort_order", "pk"
    ).values_list("territory_id", "name"):
        names[territory_id].append(name)
    return names


def fetch_documents(ids):
    return get_document_model().objects.in_bulk(ids)


def fetch_findings(keys, loaders=None):
    """(chain, NeedsFinding id) → the same finding in the best live, public translation of its
    needs review (findings are mirrored per published review, with the block ids kept)."""
    found = {}
    for chain, ids in grouped_by_chain(keys):
        rows = NeedsFinding.objects.filter(pk__in=ids).values_list(
            "pk", "block_id", "needs_review__translation_key"
        )
        wanted = {pk: (key, block_id) for pk, block_id, key in rows}
        reviews = best_translations(public(NeedsReviewPage.objects.live(), loaders), chain)
        localized = (
            NeedsFinding.objects.filter(
                needs_review__in=reviews.filter(
                    translation_key__in={key for key, _ in wanted.values()}
                ),
                block_id__in={block_id for _, block_id in wanted.values()},
            )
            .select_related("needs_review__territory", "needs_review__locale")
            .order_by()
        )
        by_key = {(f.needs_review.translation_key, f.block_id): f for f in localized}
        for pk, identity in wanted.items():
            found[(chain, pk)] = by_key.get(identity)
    return found


def fetch_finding_links(model):
    """Page id → ids of the NeedsFinding rows its `needs_findings` field names."""
    through = model.needs_findings.through
    page_column = f"{model._meta.model_name}_id"

    def fetch(page_ids):
        links = defaultdict(list)
        rows = through.objects.filter(**{f"{page_column}__in": page_ids}).order_by("id")
        for page_id, finding_id in rows.values_list(page_column, "needsfinding_id"):
            links[page_id].append(finding_id)
        return links

    return fetch


def fetch_comments(translation_keys):
    """Translation key of a strategy → [(section id, organisation type, decision)] of the
    stakeholder comments on any of its translations (the consultation happens on one of them).
    Only what the outcome page shows counts (StakeholderComment.publicly_shown): nothing before
    the consultation ended, nothing hidden or waiting for a moderator."""
    comments = defaultdict(list)
    rows = (
        StakeholderComment.objects.publicly_shown()
        .filter(wagtail_comment__page__translation_key__in=translation_keys)
        .values_list(
            "wagtail_comment__page__translation_key", "section_id", "organisation_type", "decision"
        )
    )
    for key, section_id, organisation_type, decision in rows:
        comments[key].append((section_id, organisation_type, decision))
    return comments


def fetch_signatures(revision_ids):
    """Live revision id → the partner leads' signatures of that revision, in signing order."""
    signatures = defaultdict(list)
    rows = (
        SignOff.objects.filter(
            task_state__revision_id__in=revision_ids,
            task_state__status=TaskState.STATUS_APPROVED,
        )
        .select_related("user__profile__territory", "task_state")
        .order_by("signed_at", "pk")
    )
    for signature in rows:
        signatures[signature.task_state.revision_id].append(signature)
    return signatures


class Loaders:
    def __init__(self, url_cache=None):
        # The view restrictions' Q (see public()), read by the first page queryset.
        self.private_q = None
        self.page_paths = Loader(lambda keys: fetch_page_paths(keys, url_cache, self))
        self.documents = Loader(fetch_documents)
        self.partner_organisations = Loader(fetch_partner_organisations, whole_table=True)
        self.findings = Loader(lambda keys: fetch_findings(keys, self))
        self.strategy_findings = Loader(fetch_finding_links(StrategyDraftPage))
        self.module_findings = Loader(fetch_finding_links(TrainingModulePage))
        self.comments = Loader(fetch_comments)
        self.signatures = Loader(fetch_signatures)
        self._comments_by_section = {}

    def comments_by_section(self, translation_key):
        """A strategy's comments grouped by section id, grouped once per answer."""
        sections = self._comments_by_section.get(translation_key)
        if sections is None:
            sections = by_section(self.comments.get(translation_key) or [])
            self._comments_by_section[translation_key] = sections
        return sections
