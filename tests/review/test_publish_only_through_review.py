"""Strategies, the Toolkit and the Manifesto, in every locale, go live only through the last step
of their review: nobody is offered *Publish* on them in the admin, a forged publish changes
nothing and says why, and approving or the last signature still publishes."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision, WorkflowState

from co_design.models import (
    ManifestoPage,
    NeedsReviewPage,
    SignOff,
    StrategyDraftPage,
    StrategyIndexPage,
    TrainingModulePage,
    TrainingProgrammePage,
)

from ..support.admin_forms import edit_form_data
from ..support.factories import (
    ManifestoPageFactory,
    NeedsReviewIndexPageFactory,
    NeedsReviewPageFactory,
    TrainingModulePageFactory,
    TrainingProgrammePageFactory,
)
from ..support.graphql_support import data_of
from ..support.module_data import rolled_back_after_the_module
from ..support.network import (
    administrator,
    half_signed,
    partner_leads,
    strategies_in_review,
    through_review,
    translated,
)
from ..support.review_helpers import act, client_for, messages_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]

REFUSAL = "goes live only through its review"
PUBLISH_BUTTON = 'name="action-publish"'
LANGUAGES = ("de", "it", "es")


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The pages that go live only through their review, in every language: the strategies (one
    not under review, Valdoria's in consultation, Puerto Alba's in editorial approval) and the
    Toolkit with a module, their translations live through the review; the Manifesto signed in
    every language, its English 2023 edition signed by two of the three leads; needs reviews,
    which publish as usual."""
    with rolled_back_after_the_module(django_db_blocker):
        yield build_site()


def build_site():
    from co_design.review.setup import setup_review

    network = strategies_in_review()
    people = network.people
    people.update(partner_leads(network.territories))
    people["admin"] = administrator()
    home = network.home
    needs_reviews = NeedsReviewIndexPageFactory(parent=home)
    for slug, territory in network.territories.items():
        NeedsReviewPageFactory(
            parent=needs_reviews, territory=territory, slug=f"{slug}-needs-review"
        )
    toolkit = TrainingProgrammePageFactory(parent=home)
    TrainingModulePageFactory(parent=toolkit, territory=network.territories["rheinfeld"])
    manifesto = ManifestoPageFactory(parent=home, title="The ECCIPA Manifesto", live=False)
    manifesto.save_revision(user=people["moderator"])
    drafts = [
        translated(page, language)
        for page in (network.strategies["valdoria"], toolkit, manifesto)
        for language in LANGUAGES
    ]
    setup_review()
    for page in (manifesto, *drafts):
        page.save_revision(user=people["moderator"])
        through_review(page, people)
    half_signed(ManifestoPage.objects.get(pk=manifesto.pk), people)
    network.manifesto = manifesto
    return network


def strategy(territory="valdoria", locale="en"):
    return StrategyDraftPage.objects.get(locale__language_code=locale, territory__slug=territory)


def manifesto(locale="en"):
    return ManifestoPage.objects.get(locale__language_code=locale)


def state_of(page):
    """What a publish would change: the live revision, the latest revision, the running
    workflow step and its signatures."""
    page = Page.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    return {
        "live": page.live,
        "live_revision": page.live_revision_id,
        "latest_revision": page.latest_revision_id,
        "revisions": Revision.page_revisions.filter(object_id=str(page.pk)).count(),
        "task_state": task_state and (task_state.pk, task_state.status),
        "signatures": SignOff.objects.filter(task_state=task_state).count() if task_state else 0,
        "log_entries": PageLogEntry.objects.filter(page=page).count(),
        "approved_go_live": Revision.page_revisions.filter(
            object_id=str(page.pk), approved_go_live_at__isnull=False
        ).count(),
    }


def editor_html(username, page):
    response = client_for(username).get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("username", ["moderator", "admin", "editor-it"])
def test_the_editor_of_a_strategy_in_consultation_offers_no_publish(username):
    html = editor_html(username, strategy())
    assert PUBLISH_BUTTON not in html
    assert 'id="page-edit-form"' in html


@pytest.mark.parametrize("username", ["moderator", "admin"])
def test_the_editor_of_the_manifesto_in_sign_off_offers_no_publish(username):
    html = editor_html(username, manifesto())
    assert PUBLISH_BUTTON not in html
    assert "Unpublish" in html  # taking it down stays possible


@pytest.mark.parametrize(
    "page",
    [
        lambda: manifesto("it"),
        lambda: strategy(locale="de"),
        lambda: TrainingProgrammePage.objects.get(locale__language_code="es"),
        lambda: TrainingModulePage.objects.filter(locale__language_code="en").first(),
        lambda: strategy("rheinfeld"),
    ],
    ids=["manifesto-it", "strategy-de", "toolkit-es", "module-en", "strategy-no-workflow"],
)
def test_no_page_that_publishes_through_review_offers_publish_even_to_a_superuser(page):
    assert PUBLISH_BUTTON not in editor_html("admin", page())


def test_other_pages_keep_their_publish_button_and_publish():
    needs_review = NeedsReviewPage.objects.get(slug="rheinfeld-needs-review")
    assert PUBLISH_BUTTON in editor_html("moderator", needs_review)
    assert PUBLISH_BUTTON in editor_html("admin", StrategyIndexPage.objects.first())
    client = client_for("moderator")
    data = edit_form_data(client, needs_review, interviews=41)
    data["action-publish"] = "action-publish"

    response = client.post(f"/admin/pages/{needs_review.pk}/edit/", data)

    assert response.status_code == 302
    needs_review.refresh_from_db()
    assert needs_review.interviews == 41
    assert needs_review.live_revision == needs_review.get_latest_revision()


@pytest.mark.parametrize("username", ["moderator", "admin"])
@pytest.mark.parametrize(
    "page, changes",
    [
        (strategy, {"summary": "Published behind the stakeholders' backs."}),
        (manifesto, {"title": "An unsigned Manifesto"}),
    ],
    ids=["strategy-in-consultation", "manifesto-in-sign-off"],
)
def test_a_forged_publish_changes_nothing_and_says_why(username, page, changes):
    page = page()
    client = client_for(username)
    data = edit_form_data(client, page, **changes)
    data["action-publish"] = "action-publish"
    before = state_of(page)

    response = client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 403
    assert REFUSAL in response.content.decode()
    assert state_of(page) == before
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert PageLogEntry.objects.filter(page=page).count() == before["log_entries"]


def test_a_forged_scheduled_go_live_is_refused_too():
    page = manifesto()
    client = client_for("moderator")
    data = edit_form_data(client, page)
    data["go_live_at"] = (timezone.now() + timezone.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    data["action-publish"] = "action-publish"
    before = state_of(page)

    response = client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 403
    assert state_of(page) == before


def test_publishing_an_old_revision_is_refused():
    page = manifesto()
    old = Revision.page_revisions.filter(object_id=str(page.pk)).order_by("created_at").first()
    client = client_for("admin")
    response = client.get(f"/admin/pages/{page.pk}/revisions/{old.pk}/revert/")
    assert response.status_code == 200
    assert PUBLISH_BUTTON not in response.content.decode()
    before = state_of(page)

    response = client.post(
        f"/admin/pages/{page.pk}/revisions/{old.pk}/revert/",
        {"action-publish": "action-publish", "title": "Reverted"},
    )

    assert response.status_code == 403
    assert REFUSAL in response.content.decode()
    assert state_of(page) == before


def test_creating_and_publishing_a_module_at_once_is_refused():
    toolkit = TrainingProgrammePage.objects.get(locale__language_code="en")
    url = f"/admin/pages/add/co_design/trainingmodulepage/{toolkit.pk}/"
    client = client_for("moderator")
    assert PUBLISH_BUTTON not in client.get(url).content.decode()
    modules = TrainingModulePage.objects.count()

    response = client.post(url, {"title": "Unreviewed module", "action-publish": "1"})

    assert response.status_code == 403
    assert REFUSAL in response.content.decode()
    assert TrainingModulePage.objects.count() == modules


def test_bulk_publishing_leaves_them_out_and_says_why():
    valdoria = strategy()  # its newer revision is in consultation
    needs_review = NeedsReviewPage.objects.filter(locale__language_code="en").first()
    needs_review.save_revision(user=get_user_model().objects.get(username="moderator"))
    before = state_of(valdoria)
    client = client_for("moderator")
    url = f"/admin/bulk/wagtailcore/page/publish/?id={valdoria.pk}&id={needs_review.pk}"
    confirmation = client.get(url).content.decode()
    assert "permission to publish this page" in confirmation
    assert confirmation.index(valdoria.title) > confirmation.index("permission to publish")

    response = client.post(url, {"include_descendants": ""}, follow=True)

    assert state_of(valdoria) == before
    assert any(REFUSAL in message for message in messages_of(response))
    needs_review.refresh_from_db()
    assert needs_review.live_revision == needs_review.get_latest_revision()  # the others publish


def test_copies_of_them_are_never_published():
    page = manifesto()
    client = client_for("admin")
    form = client.get(f"/admin/pages/{page.pk}/copy/").content.decode()
    assert 'name="publish_copies"' not in form and 'name="alias"' not in form
    pages = Page.objects.count()

    response = client.post(
        f"/admin/pages/{page.pk}/copy/",
        {
            "new_title": "Copy",
            "new_slug": "manifesto-copy",
            "new_parent_page": page.get_parent().pk,
            "publish_copies": "on",
        },
    )

    assert response.status_code == 403
    assert REFUSAL in response.content.decode()
    assert Page.objects.count() == pages


def test_copying_the_home_page_with_live_copies_of_the_manifesto_is_refused():
    home = manifesto().get_parent()
    pages = Page.objects.count()
    response = client_for("admin").post(
        f"/admin/pages/{home.pk}/copy/",
        {
            "new_title": "Home copy",
            "new_slug": "home-copy",
            "new_parent_page": home.get_parent().pk,
            "copy_subpages": "on",
            "publish_copies": "on",
        },
    )
    assert response.status_code == 403
    assert Page.objects.count() == pages


def test_approving_the_editorial_step_still_publishes_the_reviewed_revision():
    page = strategy("puerto-alba")
    reviewed = page.current_workflow_task_state.revision

    act(client_for("moderator"), page, "approve")

    page.refresh_from_db()
    assert page.live_revision == reviewed
    assert PageLogEntry.objects.filter(
        page=page, action="wagtail.publish", user__username="moderator", revision=reviewed
    ).exists()


def test_the_last_signature_still_publishes_and_the_api_names_the_signed_revision():
    page = manifesto()
    signed = page.current_workflow_task_state.revision

    act(client_for("lead-es"), page, "approve")

    page.refresh_from_db()
    assert page.live_revision == signed
    sign_off = data_of(
        "{ manifesto { version signOff { signed signedRevision { id signedAt } "
        "signatures { signedBy } } } }"
    )["manifesto"]
    assert sign_off["version"] == signed.pk
    assert sign_off["signOff"]["signed"] is True
    assert sign_off["signOff"]["signedRevision"]["id"] == signed.pk
    assert sign_off["signOff"]["signedRevision"]["signedAt"]
    assert len(sign_off["signOff"]["signatures"]) == 3


def test_a_moderator_still_unpublishes_and_it_is_logged():
    page = manifesto("de")
    client = client_for("moderator")

    response = client.post(f"/admin/pages/{page.pk}/unpublish/")

    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    entry = PageLogEntry.objects.get(page=page, action="wagtail.unpublish")
    assert entry.user.username == "moderator"


MANIFESTO_SIGN_OFF = """query ($locale: String) { manifesto(locale: $locale) { locale version
  signOff { signed signedRevision { id signedAt }
            signatures { signedBy territory { name } } } } }"""


@pytest.mark.parametrize("locale", ["en", "de", "it", "es"])
def test_every_locale_of_the_manifesto_is_live_on_its_signed_revision(locale):
    page = manifesto(locale)
    approved = page.workflow_states.get(status=WorkflowState.STATUS_APPROVED)
    assert approved.current_task_state.revision_id == page.live_revision_id

    answer = data_of(MANIFESTO_SIGN_OFF, locale=locale)["manifesto"]

    assert answer["locale"] == locale
    assert answer["signOff"]["signed"] is True
    assert answer["signOff"]["signedRevision"]["id"] == answer["version"] == page.live_revision_id
    territories = sorted(s["territory"]["name"] for s in answer["signOff"]["signatures"])
    assert territories == ["Puerto Alba", "Rheinfeld", "Valdoria"]


@pytest.mark.parametrize("locale", ["de", "it", "es"])
def test_the_translations_of_strategy_and_toolkit_went_live_through_their_review(locale):
    toolkit = TrainingProgrammePage.objects.get(locale__language_code=locale)
    for page in (strategy(locale=locale), toolkit):
        approved = page.workflow_states.get(status=WorkflowState.STATUS_APPROVED)
        assert approved.current_task_state.task.name == "Editorial approval"
        assert approved.current_task_state.revision_id == page.live_revision_id


def test_a_live_version_no_sign_off_approved_is_not_presented_as_signed():
    """Content published outside the sign-off (before it existed, or by a script) is served, but
    never as signed."""
    page = manifesto("it")
    revision = page.get_latest_revision_as_object()
    revision.title = "Il Manifesto ECCIPA (non firmato)"
    revision.save_revision().publish(skip_permission_checks=True)

    answer = data_of(MANIFESTO_SIGN_OFF, locale="it")["manifesto"]

    assert answer["signOff"] == {"signed": False, "signedRevision": None, "signatures": []}
