"""The partner lead's sign-off in the page editor: the actions each role is offered on the
Manifesto under sign-off, the comparison with the live version, and what a lead is told after
signing or requesting changes, for the English Manifesto and its translations."""

import re

import pytest
from django.utils.formats import date_format
from django.utils.timezone import localtime
from wagtail.models import WorkflowState

from co_design.models import ManifestoPage
from co_design.review.setup import setup_review

from ..support.factories import publish
from ..support.network import manifesto_in_sign_off, member, translated
from ..support.review_helpers import act, client_for, messages_of, submit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sign_off")]


@pytest.fixture
def sign_off():
    """The English Manifesto half signed off, its German translation live and not under review,
    an editor and a stakeholder of Puerto Alba."""
    network = manifesto_in_sign_off()
    german = translated(network.manifesto, "de")
    german.title = "Das ECCIPA-Manifest"
    publish(german)
    setup_review()  # the translation gets a sign-off of its own
    puerto_alba = network.territories["puerto-alba"]
    member("editor", puerto_alba, "editor-es", language="es")
    member("stakeholder", puerto_alba, "stakeholder-city", language="es")
    return network


BUTTON = re.compile(r'<(?:button|a)\b[^>]*class="button[^"]*"[^>]*>(.*?)</(?:button|a)>', re.S)


def manifesto(language="en"):
    return ManifestoPage.objects.get(locale__language_code=language)


def text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def editor_html(username, page):
    response = client_for(username).get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200, (username, response.status_code)
    return response.content.decode()


def footer(html):
    return html[html.index('<footer class="footer') :]


def primary_action(html):
    """The label of the editor's primary (green) button at the foot of the page."""
    found = BUTTON.search(footer(html))
    assert found, "the editor shows no action menu"
    return text(found.group(1))


def offered_actions(html):
    """Every action of the editor's action menu by its label."""
    return [text(label) for label in BUTTON.findall(footer(html))]


def test_a_lead_asked_to_sign_gets_sign_off_as_the_primary_button_and_no_cancel():
    html = editor_html("lead-es", manifesto())
    assert primary_action(html) == "Sign off"
    actions = offered_actions(html)
    assert "Request changes" in actions
    assert "Sign off with comment" in actions
    assert not [label for label in actions if "Cancel workflow" in label or "Restart" in label]
    assert 'name="action-cancel-workflow"' not in html
    assert 'name="action-publish"' not in html
    assert "Your signature is requested on this revision." in text(html)
    assert "Only reviewers for this task can edit" not in html


def test_a_lead_who_has_signed_can_only_request_changes():
    html = editor_html("lead-de", manifesto())
    assert primary_action(html) == "Request changes"
    assert "Sign off" not in offered_actions(html)
    assert 'name="action-cancel-workflow"' not in html
    assert "You have signed this revision." in text(html)


def test_the_moderator_who_submitted_can_cancel_but_not_sign_or_publish():
    html = editor_html("moderator", manifesto())
    actions = offered_actions(html)
    assert primary_action(html) == "Save draft"
    assert any("Cancel workflow" in label for label in actions)
    assert not [label for label in actions if label.startswith("Sign off")]
    assert 'name="action-publish"' not in html
    assert "data-workflow-action-url" not in html


def test_an_administrator_gets_no_sign_off_but_may_cancel_the_review():
    page = manifesto()
    html = editor_html("admin", page)
    assert not [label for label in offered_actions(html) if label.startswith("Sign off")]
    assert "data-workflow-action-url" not in html
    assert 'name="action-publish"' not in html
    assert 'name="action-cancel-workflow"' in html

    running = page.current_workflow_state
    response = client_for("admin").post(
        f"/admin/pages/{page.pk}/edit/",
        {"csrfmiddlewaretoken": csrf_token(html), "action-cancel-workflow": "Cancel workflow"},
        follow=True,
    )
    assert (
        "Workflow on page 'The ECCIPA Manifesto (2023 edition)' has been cancelled."
        in messages_of(response)
    )
    running.refresh_from_db()
    assert running.status == WorkflowState.STATUS_CANCELLED
    page.refresh_from_db()
    assert page.title == "The ECCIPA Manifesto"  # cancelling publishes nothing


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_an_editor_cannot_open_the_manifesto_under_sign_off():
    assert_refused(client_for("editor-es"), f"/admin/pages/{manifesto().pk}/edit/")


def test_a_cancel_sent_by_a_lead_is_refused_and_the_sign_off_goes_on():
    page = manifesto()
    running = page.current_workflow_state
    html = editor_html("lead-es", page)
    response = client_for("lead-es").post(
        f"/admin/pages/{page.pk}/edit/",
        {"csrfmiddlewaretoken": csrf_token(html), "action-cancel-workflow": "Cancel workflow"},
        follow=True,
    )
    assert (
        "Only moderators and the person who submitted the page can cancel its review."
        in messages_of(response)
    )
    running.refresh_from_db()
    assert running.status == WorkflowState.STATUS_IN_PROGRESS


def compare_url(page):
    revision_id = page.current_workflow_task_state.revision_id
    return f"/admin/pages/{page.pk}/revisions/compare/live...{revision_id}/"


def test_the_sign_off_panel_links_the_lead_to_the_comparison_with_the_live_version():
    page = manifesto()
    html = editor_html("lead-es", page)
    assert f'href="{compare_url(page)}"' in html
    panel = text(html[html.index("sign-off-status") :])
    saved = date_format(
        localtime(page.current_workflow_task_state.revision.created_at), "DATETIME_FORMAT"
    )
    assert f"Partner sign-off of the version saved on {saved}" in panel
    assert "2 of 3 partner leads signed" in panel
    assert "Still missing: Luis Martín (Puerto Alba)" in panel

    response = client_for("lead-es").get(compare_url(page))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<span class="addition"> (2023 edition)</span>' in html


def test_only_the_signatories_of_a_running_sign_off_compare_without_edit_rights():
    page = manifesto()
    url = compare_url(page)
    assert_refused(client_for("editor-es"), url)
    stakeholder = client_for("stakeholder-city").get(url)
    assert (stakeholder.status_code, stakeholder.url) == (302, f"/admin/login/?next={url}")
    assert client_for("moderator").get(url).status_code == 200

    act(client_for("lead-es"), page, "approve")  # the last signature: the sign-off is over
    assert_refused(client_for("lead-es"), url)


def assert_refused(client, url):
    """The admin's refusal: back to the dashboard, and told so."""
    response = client.get(url, follow=True)
    assert response.redirect_chain == [("/admin/", 302)]
    assert [message.strip() for message in messages_of(response)] == [
        "Sorry, you do not have permission to access this area."
    ]


def test_the_last_signature_says_the_manifesto_is_now_live():
    response = act(client_for("lead-es"), manifesto(), "approve")
    assert messages_of(response) == [
        "Signed. Every partner lead has signed: “The ECCIPA Manifesto (2023 edition)” is now live."
    ]
    assert response.request["PATH_INFO"] == "/admin/"  # the editor is closed to the lead now


def test_a_translated_manifesto_is_signed_on_its_own_and_the_lead_is_told_who_is_missing(
    django_capture_on_commit_callbacks,
):
    german = manifesto("de")
    with django_capture_on_commit_callbacks(execute=True):
        submit(client_for("moderator"), german, title="Das ECCIPA-Manifest (Ausgabe 2023)")
    german.refresh_from_db()
    assert german.current_workflow_task_state.task.name == "Partner sign-off"

    html = editor_html("lead-de", german)
    assert primary_action(html) == "Sign off"
    assert f'href="{compare_url(german)}"' in html

    response = act(client_for("lead-de"), german, "approve")
    assert (
        "Signed. Still missing: Luis Martín (Puerto Alba), Lucia Bianchi (Valdoria)."
        in messages_of(response)
    )
    assert response.request["PATH_INFO"] == f"/admin/pages/{german.pk}/edit/"
    # the English sign-off is another one: lead-es is still asked there
    assert primary_action(editor_html("lead-es", manifesto())) == "Sign off"
    german.refresh_from_db()
    assert german.title == "Das ECCIPA-Manifest"


def test_requesting_changes_says_the_page_goes_back_to_its_submitter():
    response = act(
        client_for("lead-es"), manifesto(), "reject", comment="Chapter 3 needs the housing action."
    )
    assert messages_of(response) == [
        "Changes requested. “The ECCIPA Manifesto (2023 edition)” goes back to "
        + messages_submitter()
        + ", who is e-mailed your comment; the live version stays as it is."
    ]


def messages_submitter():
    from django.contrib.auth import get_user_model

    moderator = get_user_model().objects.get(username="moderator")
    return moderator.get_full_name() or moderator.username
