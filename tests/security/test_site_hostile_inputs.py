"""Hostile input on the public site and the forms behind it: control characters, NUL, huge
integers, oversized text, HTML and script, wrong methods. Each request gets a clear 4xx (or the
form again with its error, status 200, where the README says so), stores nothing, sends no
e-mail, and answers quickly rather than hanging. Runs on SQLite and on PostgreSQL."""

import re
import time

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Comment, CommentReply

from co_design.models import (
    CommentAgreement,
    CommentFlag,
    Invitation,
    StakeholderComment,
    StrategyDraftPage,
    Territory,
)

from ..support.factories import (
    TrainingModulePageFactory,
    TrainingProgrammePageFactory,
    open_consultation,
)
from ..support.module_data import rolled_back_after_the_module
from ..support.network import administrator, member, territory
from ..support.review_helpers import client_for
from ..support.room_helpers import comment_data, section_ids

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("network")]


@pytest.fixture(scope="module")
def network(django_db_setup, django_db_blocker):
    """Valdoria's strategy in consultation with two comments by one stakeholder, another
    stakeholder, its editor and Rheinfeld's, the moderator, the administrator, and a training
    module to search for; built once for the module."""
    with rolled_back_after_the_module(django_db_blocker):
        yield build_network()


def build_network():
    import uuid

    from co_design.choices import Country, Language
    from co_design.consultation import services

    valdoria = territory("Valdoria", Country.ITALY, Language.ITALIAN)
    rheinfeld = territory("Rheinfeld", Country.GERMANY, Language.GERMAN)
    page, _editor = open_consultation("A welcoming front desk", "Housing first", territory=valdoria)
    member("editor", valdoria, "editor-it", "Elena Russo", "it")
    member("editor", rheinfeld, "editor-de", "Emma Becker", "de")
    member("moderator", None, "moderator", "Max Moreau")
    administrator()
    member("stakeholder", valdoria, "stakeholder-school-it", "Marco Greco", "it")
    author = member("stakeholder", valdoria, "stakeholder-association", "Amina Diallo", "it")
    for section_id, text in zip(
        section_ids(page), ("Open on Saturdays.", "Add interpreters."), strict=True
    ):
        services.post_comment(author, page, section_id, text, submission_key=uuid.uuid4())
    toolkit = TrainingProgrammePageFactory(parent=page.get_parent().get_parent())
    TrainingModulePageFactory(parent=toolkit, territory=valdoria, title="Working with interpreters")
    return page


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


HUGE = "99999999999999999999"  # beyond 64 bits
JUST_BEYOND = str(2**63)  # one more than the largest BIGINT
NINETEEN_DIGITS = "1" + "0" * 18
GUARD_SECONDS = 2  # generous: a guard against hangs, not a measure of speed
CONTROL_MESSAGE = "This contains invisible control characters (such as NUL)"

HOSTILE_TEXTS = {
    "nul": "before\x00after",
    "vertical-tab": "a\x0bb",
    "form-feed": "a\x0cb",
    "escape": "\x1b[2Jcleared",
    "bell": "ring\x07",
    "del": "a\x7fb",
    "c1": "a\x9bb",
    "only-nul": "\x00",
}


def timed(call, *args, **kwargs):
    began = time.monotonic()
    response = call(*args, **kwargs)
    assert time.monotonic() - began < GUARD_SECONDS
    assert response.status_code < 500, response.status_code
    return response


def stored():
    """Everything a hostile request could have written."""
    return {
        "comments": Comment.objects.count(),
        "replies": CommentReply.objects.count(),
        "stakeholder_comments": StakeholderComment.objects.count(),
        "agreements": CommentAgreement.objects.count(),
        "flags": CommentFlag.objects.count(),
        "invitations": Invitation.objects.count(),
        "users": get_user_model().objects.count(),
        "mails": len(mail.outbox),
    }


@pytest.fixture
def page(network):
    return StrategyDraftPage.objects.get(pk=network.pk)


@pytest.fixture
def stakeholder():
    return client_for("stakeholder-school-it")


@pytest.fixture
def other_comment(page):
    """A comment by someone else, so agreeing with it would be allowed."""
    return (
        StakeholderComment.objects.filter(wagtail_comment__page=page)
        .exclude(wagtail_comment__user__username="stakeholder-school-it")
        .first()
    )


# Site search


@pytest.mark.parametrize(
    "query",
    [
        "a\x00b",
        "\x00",
        '"',
        'a"b',
        '"unterminated phrase',
        "*",
        "inter*",
        "(",
        "a) OR (b",
        "-",
        "-trauma",
        "NEAR",
        "NEAR(a b, 2)",
        "OR",
        "a OR",
        "AND NOT",
        "x:y",
        "title:interpreters",
        "'",
        "^a",
        "{a b}",
        "\\",
        "%_%",
        "a & b | !c",
        "interpreters\x0b\x1b",
        "x" * 10_000,
        "interpreters " * 500,
        '<script>alert("x")</script>',
    ],
)
def test_any_search_query_answers_without_an_error(client, query):
    response = timed(client.get, "/en/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert len(response.context["query"]) <= 200


@pytest.mark.parametrize("query", ['"', "\x00", "*()", "\x0b\x1b", "- -"])
def test_a_query_with_nothing_searchable_says_so(client, query):
    response = timed(client.get, "/en/search/", {"q": query})
    assert response.status_code == 200
    assert "There is nothing to search for in" in response.content.decode()
    assert response.context["results"].paginator.count == 0


@pytest.mark.parametrize("query", ['"interpreters"', "interpreters*", "(interpreters)"])
def test_punctuation_around_a_word_still_finds_it(client, query):
    response = timed(client.get, "/en/search/", {"q": query})
    assert "Working with interpreters" in [page.title for page in response.context["results"]]


def test_the_nothing_to_search_message_is_translated(client):
    response = timed(client.get, "/de/search/", {"q": '"'})
    assert "In Ihrer Eingabe gibt es nichts zu suchen" in response.content.decode()


@pytest.mark.parametrize("number", [HUGE, "-1", "0", "abc", "\x00", "1e9"])
def test_any_result_page_number_answers(client, number):
    response = timed(client.get, "/en/search/", {"q": "strategy", "page": number})
    assert response.status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_search_answers_only_reads(client, method):
    assert timed(getattr(client, method), "/en/search/").status_code == 405


# The consultation room: comments, replies, agreements, flags


@pytest.mark.parametrize("text", HOSTILE_TEXTS.values(), ids=HOSTILE_TEXTS.keys())
def test_hostile_comments_are_refused(page, stakeholder, text):
    before = stored()
    response = timed(
        stakeholder.post,
        f"/en/consultations/{page.pk}/comments/",
        comment_data(section_ids(page)[0], text),
    )
    assert response.status_code == 400
    assert CONTROL_MESSAGE in response.content.decode()
    assert stored() == before


@pytest.mark.parametrize("text", HOSTILE_TEXTS.values(), ids=HOSTILE_TEXTS.keys())
def test_hostile_replies_are_refused(page, stakeholder, other_comment, text):
    before = stored()
    response = timed(
        stakeholder.post,
        f"/en/consultations/{page.pk}/comments/{other_comment.wagtail_comment_id}/replies/",
        {"text": text},
    )
    assert response.status_code == 400
    assert CONTROL_MESSAGE in response.content.decode()
    assert stored() == before


@pytest.mark.parametrize("text", HOSTILE_TEXTS.values(), ids=HOSTILE_TEXTS.keys())
def test_hostile_flag_reasons_are_refused(page, stakeholder, other_comment, text):
    before = stored()
    response = timed(
        stakeholder.post,
        f"/en/consultations/{page.pk}/comments/{other_comment.wagtail_comment_id}/flag/",
        {"reason": text},
    )
    assert response.status_code == 400
    assert CONTROL_MESSAGE in response.content.decode()
    assert stored() == before


def test_the_refusal_is_in_the_persons_language(page, stakeholder):
    response = timed(
        stakeholder.post,
        f"/it/consultations/{page.pk}/comments/",
        comment_data(section_ids(page)[0], "a\x00b"),
    )
    assert response.status_code == 400
    assert "caratteri di controllo invisibili" in response.content.decode()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("text", "x" * 100_000, "Please keep it under 5000 characters (it has 100000)."),
        ("quote", "x" * 100_000, "Ensure this value has at most 1000 characters"),
        ("section", "x" * 10_000, "This section is not part of the draft."),
        ("section", "a\x00b", "This section is not part of the draft."),
        ("submission_key", "not-a-uuid\x00", "Enter a valid UUID."),
    ],
)
def test_oversized_or_forged_comment_fields_are_refused(page, stakeholder, field, value, message):
    data = comment_data(section_ids(page)[0], "A fair comment.")
    data[field] = value
    before = stored()
    response = timed(stakeholder.post, f"/en/consultations/{page.pk}/comments/", data)
    assert response.status_code == 400
    assert stored() == before
    if field != "submission_key":  # a hidden field: the status says it
        assert message in response.content.decode()


def test_oversized_replies_and_flag_reasons_are_refused(page, stakeholder, other_comment):
    base = f"/en/consultations/{page.pk}/comments/{other_comment.wagtail_comment_id}"
    before = stored()
    reply = timed(stakeholder.post, f"{base}/replies/", {"text": "y" * 100_000})
    flag = timed(stakeholder.post, f"{base}/flag/", {"reason": "y" * 100_000})
    assert (reply.status_code, flag.status_code) == (400, 400)
    assert "Please keep it under 5000 characters" in reply.content.decode()
    assert "Please keep it under 1000 characters" in flag.content.decode()
    assert stored() == before


def test_html_in_a_reply_is_stored_as_typed_and_shown_as_text(page, stakeholder, other_comment):
    text = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    response = timed(
        stakeholder.post,
        f"/en/consultations/{page.pk}/comments/{other_comment.wagtail_comment_id}/replies/",
        {"text": text},
    )
    assert response.status_code == 302
    html = stakeholder.get(f"/en/consultations/{page.pk}/").content.decode()
    assert "<script>alert(2)</script>" not in html
    assert '<img src=x onerror="alert(1)">' not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_an_agreement_ignores_whatever_else_is_posted(page, stakeholder, other_comment):
    def agreements():
        return set(CommentAgreement.objects.values_list("stakeholder_comment_id", "user__username"))

    before = agreements()
    response = timed(
        stakeholder.post,
        f"/en/consultations/{page.pk}/comments/{other_comment.wagtail_comment_id}/agree/",
        {"user": "1", "comment": HUGE, "junk": "\x00" * 1000},
    )
    assert response.status_code == 302
    # Only this person's agreement with this comment changed (agreeing toggles it).
    assert agreements() ^ before == {(other_comment.pk, "stakeholder-school-it")}


def room_urls(page_id, comment_id):
    return {
        "room": ("get", f"/en/consultations/{page_id}/"),
        "comment": ("post", f"/en/consultations/{page_id}/comments/"),
        "reply": ("post", f"/en/consultations/{page_id}/comments/{comment_id}/replies/"),
        "agree": ("post", f"/en/consultations/{page_id}/comments/{comment_id}/agree/"),
        "flag": ("post", f"/en/consultations/{page_id}/comments/{comment_id}/flag/"),
        "outcome": ("get", f"/en/consultations/{page_id}/outcome/"),
    }


@pytest.mark.parametrize("number", [HUGE, JUST_BEYOND, NINETEEN_DIGITS, "9" * 200])
@pytest.mark.parametrize("place", ["page", "comment"])
def test_huge_ids_in_the_room_are_not_found(page, stakeholder, other_comment, number, place):
    page_id = number if place == "page" else page.pk
    comment_id = number if place == "comment" else other_comment.wagtail_comment_id
    before = stored()
    for name, (method, url) in room_urls(page_id, comment_id).items():
        if place == "comment" and name in ("room", "comment", "outcome"):
            continue  # no comment id in these
        data = {"text": "Hello", "reason": "Because"} if method == "post" else {}
        response = timed(getattr(stakeholder, method), url, data)
        assert response.status_code == 404, (name, response.status_code)
    assert stored() == before


@pytest.mark.parametrize(
    "name, methods",
    [
        ("room", ["post", "put", "delete", "patch"]),
        ("comment", ["get", "put", "delete"]),
        ("reply", ["get", "put", "delete"]),
        ("agree", ["get", "put", "delete"]),
        ("flag", ["get", "put", "delete"]),
        ("outcome", ["post", "put", "delete"]),
    ],
)
def test_wrong_methods_in_the_room_are_refused(page, stakeholder, other_comment, name, methods):
    _method, url = room_urls(page.pk, other_comment.wagtail_comment_id)[name]
    before = stored()
    for method in methods:
        response = timed(getattr(stakeholder, method), url)
        assert response.status_code == 405, (method, response.status_code)
    assert stored() == before


# Admin URLs with ids: the project's own and Wagtail's


@pytest.mark.parametrize("number", [HUGE, JUST_BEYOND, NINETEEN_DIGITS])
def test_huge_ids_in_the_admin_are_not_found(admin_client, page, number):
    before = stored()
    for method, url in [
        ("get", f"/admin/consultations/{number}/comments/"),
        ("get", f"/admin/consultations/{number}/comments.xlsx"),
        ("post", f"/admin/consultations/comments/{number}/decision/"),
        ("post", f"/admin/consultations/comments/{number}/hide/"),
        ("post", f"/admin/consultations/comments/{number}/dismiss/"),
        ("get", f"/admin/pages/{number}/edit/"),
        ("post", f"/admin/pages/workflow/action/{number}/approve/{number}/"),
        ("post", f"/admin/pages/workflow/action/{page.pk}/approve/{number}/"),
        ("get", f"/admin/pages/{number}/"),
        ("get", f"/admin/pages/{number}/history/"),
        ("get", f"/admin/snippets/co_design/territory/edit/{number}/"),
        ("get", f"/documents/{number}/report.pdf"),
    ]:
        response = timed(getattr(admin_client, method), url, follow=True)
        assert response.status_code == 404, (url, response.status_code)
    assert stored() == before


# Signing in and resetting a password


@pytest.mark.parametrize(
    "username",
    [
        "stakeholder\x00ngo",
        "\x00",
        "stakeholder-ngo\x0b",
        "x" * 10_000,
        "<script>alert(1)</script>",
    ],
)
def test_hostile_sign_in_attempts_sign_nobody_in(client, username):
    response = timed(
        client.post, "/en/accounts/login/", {"username": username, "password": "eccipa-demo\x00"}
    )
    assert response.status_code == 200  # the form again, with its error
    assert response.context["form"].errors
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert SESSION_KEY not in client.session


@pytest.mark.parametrize(
    "email",
    ["stakeholder-ngo@example.org\x00", "\x00", "a\x0b@example.org", "x" * 10_000 + "@example.org"],
)
def test_hostile_password_reset_requests_send_nothing(client, email):
    response = timed(client.post, "/en/accounts/password-reset/", {"email": email})
    assert response.status_code == 200  # the form again, with its error
    assert response.context["form"].errors
    assert mail.outbox == []


@pytest.mark.parametrize("token", ["a%00b", "x" * 5000, "%0b%1b", HUGE])
def test_hostile_invitation_links_sign_nobody_in(client, token):
    before = stored()
    for method in ("get", "post"):
        response = timed(getattr(client, method), f"/en/invitations/{token}/")
        assert response.status_code == 404
        assert "This invitation link is not valid." in response.content.decode()
    assert SESSION_KEY not in client.session
    assert stored() == before


# Inviting stakeholders


def upload(client, data):
    return client.post(
        "/admin/invitations/import/", {"file": SimpleUploadedFile("people.csv", data, "text/csv")}
    )


HEADER = b"name,email,organisation,organisation_type,territory,language\n"
GOOD_LINE = b"Jana Novak,jana.novak@example.org,Caritas Rheinfeld,ngo,rheinfeld,de\n"


@pytest.mark.parametrize(
    "second_line, reason",
    [
        (b"Omar\x00Farouk,omar@example.org,Verein,ngo,rheinfeld,de\n", "control characters"),
        (b"Omar,omar\x00@example.org,Verein,ngo,rheinfeld,de\n", "control characters"),
        (b"Omar,omar@example.org,Ver\x0bein,ngo,rheinfeld,de\n", "control characters"),
        (b"Omar,omar@example.org,Verein,ngo\x1b,rheinfeld,de\n", "control characters"),
        (b'"Omar\nFarouk",omar@example.org,Verein,ngo,rheinfeld,de\n', "control characters"),
        (b"O" * 151 + b",omar@example.org,Verein,ngo,rheinfeld,de\n", "Too long"),
        (b"Omar,omar@example.org," + b"V" * 201 + b",ngo,rheinfeld,de\n", "Too long"),
        (b"Omar,<script>@example.org,Verein,ngo,rheinfeld,de\n", "Invalid e-mail address"),
        (b"Omar,jana.novak@example.org,Verein,ngo,rheinfeld,de\n", "Duplicate in the file"),
        (b"Omar,omar@example.org,Verein,ngo,valdoria,it\n", "You may only invite"),
    ],
    ids=[
        "nul-in-name",
        "nul-in-address",
        "vertical-tab",
        "escape",
        "line-break",
        "long-name",
        "long-organisation",
        "html-address",
        "duplicate",
        "other-territory",
    ],
)
def test_one_bad_line_in_a_csv_invites_nobody(second_line, reason):
    editor = client_for("editor-de")
    before = stored()
    response = timed(upload, editor, HEADER + GOOD_LINE + second_line)
    assert response.status_code == 200  # the form again, with the report
    html = response.content.decode()
    assert "Nothing was imported: 1 line has a problem." in html
    refused = re.findall(r'<tr class="import-refused">\s*<td>(\d+)</td>(.*?)</tr>', html, re.S)
    assert [line for line, _cells in refused] == ["3"]  # the line of the file, header included
    assert reason in refused[0][1]
    assert "<script>@" not in html
    assert stored() == before


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x00" * 1000, "The header line lacks the column(s)"),
        (b"\xff\xfe\x00n\x00a\x00m\x00e", "The file is not UTF-8 text."),
        (HEADER + b"x" * (1024 * 1024), "The file is larger than 1024 KB"),
        (HEADER + (b"a,b@example.org,c,ngo,rheinfeld,de\n" * 2001), "more than 2000 people"),
    ],
    ids=["nul-bytes", "utf-16", "too-large", "too-many-rows"],
)
def test_an_unreadable_csv_invites_nobody(data, message):
    before = stored()
    response = timed(upload, client_for("editor-de"), data)
    assert response.status_code == 200  # the form again, with its error
    assert message in response.content.decode()
    assert stored() == before


def test_the_csv_import_answers_only_get_and_post():
    editor = client_for("editor-de")
    for method in ("put", "delete", "patch"):
        assert timed(getattr(editor, method), "/admin/invitations/import/").status_code == 405


@pytest.mark.parametrize(
    "field, value",
    [("name", "Jana\x00Novak"), ("name", "Jana\x0bNovak"), ("name", "Jana\nNovak"),
     ("organisation", "Caritas\x1b"), ("email", "jana\x00@example.org")],
)  # fmt: skip
def test_hostile_names_in_the_invitation_form_invite_nobody(field, value):
    data = {
        "name": "Jana Novak",
        "email": "jana.novak@example.org",
        "organisation": "Caritas Rheinfeld",
        "organisation_type": "ngo",
        "territory": Territory.objects.get(slug="rheinfeld").pk,
        "language": "de",
        field: value,
    }
    before = stored()
    response = timed(client_for("editor-de").post, "/admin/invitations/new/", data)
    assert response.status_code == 200  # the form again, with its error
    assert response.context["form"].errors[field]
    assert stored() == before


# Decisions and moderation in the admin


@pytest.mark.parametrize("text", HOSTILE_TEXTS.values(), ids=HOSTILE_TEXTS.keys())
def test_hostile_decision_reasons_are_refused(page, text):
    record = StakeholderComment.objects.filter(wagtail_comment__page=page, decision="").first()
    prefix = f"c{record.pk}"
    response = timed(
        client_for("editor-it").post,
        f"/admin/consultations/comments/{record.pk}/decision/",
        {f"{prefix}-decision": "noted", f"{prefix}-reason": text},
        follow=True,
    )
    messages = [str(message) for message in response.context["messages"]]
    assert any(CONTROL_MESSAGE in message for message in messages)
    record.refresh_from_db()
    assert (record.decision, record.decision_reason) == ("", "")


def test_a_hostile_hiding_reason_is_refused(page):
    record = StakeholderComment.objects.filter(wagtail_comment__page=page, hidden_at=None).first()
    response = timed(
        client_for("moderator").post,
        f"/admin/consultations/comments/{record.pk}/hide/",
        {"reason": "spam\x00"},
        follow=True,
    )
    messages = [str(message) for message in response.context["messages"]]
    assert any(CONTROL_MESSAGE in message for message in messages)
    record.refresh_from_db()
    assert not record.is_hidden
