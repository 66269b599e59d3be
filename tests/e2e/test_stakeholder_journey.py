"""The stakeholder's journey in Chromium, against a live server with the demo content: an
invitation e-mail, one click to be signed in on My consultations in their language (Italian),
then the consultation room: what is asked and until when, a comment on a section, a comment on a
selected passage, their own comments marked as theirs, and a report of somebody else's comment.

Each screen is shot at 1280 and 390 px and checked by axe-core (tests/e2e/artifacts/)."""

import re

import pytest

from .support import ARTIFACTS, Person, assert_header_on_one_line

# Run in the live site's database: an editor invites a new stakeholder of Valdoria, in Italian;
# the e-mail goes to the test settings' locmem outbox of this process, and its link is printed.
INVITE = """
import re
from django.contrib.auth import get_user_model
from django.core import mail
from co_design.invitations.services import Invitee, invite
from co_design.models import Territory
mail.outbox = []
invite(get_user_model().objects.get(username="editor-it"), Invitee(
    name="Giulia Ferri", email="giulia.ferri@example.org",
    territory=Territory.objects.get(slug="valdoria"),
    organisation="Associazione Ponti", organisation_type="migrant_association", language="it",
))
[message] = mail.outbox
print(re.search(r"https?://\\S+/invitations/\\S+/", message.body).group(0))
"""
# The editor revises the first section while the consultation runs.
REVISE = """
from django.contrib.auth import get_user_model
from co_design.models import StrategyDraftPage
page = StrategyDraftPage.objects.get(pk=%d)
draft = page.get_latest_revision_as_object()
body = draft.sections[0].value["body"]
draft.sections[0].value["body"] = type(body)(
    "<p>Each service writes down its procedures, with migrant associations.</p>"
)
draft.save_revision(user=get_user_model().objects.get(username="editor-it"))
"""
WEEKDAY = "(lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)"


@pytest.fixture(scope="module")
def invitation_link(in_site):
    link = in_site(INVITE).strip().splitlines()[-1]
    # The e-mail's link, on the live server's address.
    return re.sub(r"^https?://[^/]+", "", link)


def test_an_invited_stakeholder_signs_in_with_one_click_and_comments(
    site, browser, invitation_link, in_site
):
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shots = []
    valdoria = site["valdoria"]
    assert invitation_link.startswith("/it/invitations/")

    # 1. The invitation door: the greeting, then one click signs her in (no CSRF refusal).
    giulia = Person(browser, site, "giulia.ferri@example.org", shots)
    page = giulia.page
    greeting = page.goto(invitation_link)
    assert greeting.headers["referrer-policy"] == "same-origin"
    expect(page.locator("h1")).to_contain_text("Giulia Ferri")
    giulia.screens("stakeholder-invitation")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert "CSRF" not in page.content()
    assert page.url.endswith("/it/consultations/"), page.url
    expect(page.locator("h1")).to_have_text("Le mie consultazioni")
    expect(page.locator("html")).to_have_attribute("lang", "it")
    expect(page.locator(".account-name")).to_have_text("Giulia Ferri")
    # Signed in, in Italian, the header still fits one line; her account links sit behind her name.
    assert_header_on_one_line(page)
    account = page.get_by_role("navigation", name="Il suo account")
    expect(account.get_by_role("button", name="Esci")).to_be_hidden()
    account.locator("summary").click()
    expect(account.get_by_role("link", name="Le mie consultazioni")).to_be_visible()
    expect(account.get_by_role("button", name="Esci")).to_be_visible()
    account.locator("summary").click()
    # Dates read as Italian writes them: "chiude il venerdì 11 dicembre 2026".
    expect(page.locator("main")).to_contain_text(
        re.compile(rf"chiude il {WEEKDAY} \d{{1,2}} [a-z]+ \d{{4}}")
    )
    giulia.screens("stakeholder-my-consultations-it")

    # 2. The room in Italian, of the Italian text: the header says until when, in a natural
    # sentence.
    page.locator("main").get_by_role("link", name=site["valdoria_it_title"]).first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/it/consultations/{site['valdoria_it']}/"), page.url
    notice = page.locator(".notice--open")
    expect(notice).to_contain_text(
        re.compile(rf"Aperta ai commenti fino al {WEEKDAY} \d{{1,2}} [a-z]+ \d{{4}}, \d\d:\d\d\.$")
    )
    giulia.screens("stakeholder-room-it")

    # She switches to English for the rest (the switcher leads to the English text's room).
    page.locator(".language-nav summary").click()  # the switcher shows the current language
    page.locator(".language-nav").get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/en/consultations/{valdoria}/"), page.url
    expect(page.locator(".notice--open")).to_contain_text(
        re.compile(r"Open for comments until \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d\.$")
    )
    intro = page.locator(".room-intro")
    expect(intro).to_contain_text("What we ask")
    expect(intro).to_contain_text("What happens to your comment")
    expect(page.locator("body")).not_to_contain_text("p.m..")

    # Sections read without a wall of forms: one button a section, no open form.
    sections = page.locator("section.room-section[data-section]")
    first = sections.nth(0)
    send = first.get_by_role("button", name="Send comment")
    expect(send).to_be_hidden()
    expect(page.locator("form.comment-form:visible")).to_have_count(0)
    expect(page.get_by_role("button", name="Comment on this section")).to_have_count(
        sections.count()
    )
    giulia.screens("stakeholder-room-en")

    # 3. A comment on a section: the button opens that form only; Cancel closes it again.
    section_comment = "Migrant associations could co-host the welcome desk once a week."
    opener = first.get_by_role("button", name="Comment on this section")
    opener.click()
    text = first.locator("form.comment-form textarea[name=text]")
    expect(text).to_be_focused()
    expect(send).to_be_visible()
    expect(first.locator("textarea[name=quote]")).to_be_visible()
    expect(page.locator("form.comment-form:visible")).to_have_count(1)
    first.get_by_role("button", name="Cancel").click()
    expect(opener).to_be_focused()
    expect(send).to_be_hidden()
    opener.click()
    text.fill(section_comment)
    giulia.screens("stakeholder-writing")
    send.click()
    page.wait_for_load_state()
    mine = page.locator("li.comment", has_text=section_comment)
    expect(mine).to_be_focused()
    expect(mine.locator(".message--success")).to_contain_text(
        "Thank you: your comment was published"
    )
    expect(mine.locator(".tag--mine")).to_have_text("Your comment")
    expect(mine.get_by_text("Report to a moderator")).to_have_count(0)
    expect(mine.get_by_role("button", name="I agree (+1)")).to_have_count(0)
    giulia.screens("stakeholder-commented")

    # 4. A passage: selecting words offers "Comment on this passage" right there.
    second = page.locator("section.room-section[data-section]").nth(1)
    paragraph = second.locator("[data-quotable] p").first
    page.wait_for_load_state("networkidle")
    paragraph.scroll_into_view_if_needed()
    box = paragraph.bounding_box()
    page.mouse.move(box["x"] + 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + min(box["width"] - 2, 220), box["y"] + box["height"] / 2)
    page.mouse.up()
    offer = page.get_by_role("button", name="Comment on this passage")
    expect(offer).to_be_visible()
    offer_box = offer.bounding_box()
    assert abs(offer_box["y"] - (box["y"] + box["height"])) < 200  # beside the selection
    giulia.screens("stakeholder-passage-offer")
    offer.click()
    passage_text = second.locator("form.comment-form textarea[name=text]")
    expect(passage_text).to_be_focused()
    quote = second.locator("form.comment-form textarea[name=quote]").input_value()
    assert quote and quote in " ".join(paragraph.inner_text().split())
    expect(second.locator("form.comment-form textarea[name=quote]")).to_be_visible()
    passage_comment = "Who books the interpreters for these evening classes?"
    passage_text.fill(passage_comment)
    giulia.screens("stakeholder-passage-form")
    second.get_by_role("button", name="Send comment").click()
    page.wait_for_load_state()
    passage = page.locator("li.comment", has_text=passage_comment)
    expect(passage).to_be_focused()
    expect(passage.locator("blockquote.quote")).to_contain_text(quote[:40])
    expect(passage.locator(".tag--mine")).to_have_text("Your comment")

    # 5. She reports somebody else's comment; it then says she reported it.
    other = (
        page.locator("li.comment:not([data-mine])")
        .filter(has=page.get_by_text("Report to a moderator"))
        .first
    )
    other_id = other.get_attribute("id")
    report = other.locator(".comment__actions details.flag")
    report.locator("summary").click()
    report.locator("textarea[name=reason]").fill("This names a person who did not agree to it.")
    report.get_by_role("button", name="Report").click()
    page.wait_for_load_state()
    reported = page.locator(f"#{other_id}")
    expect(reported).to_be_focused()
    expect(reported).to_contain_text("You reported this comment to the moderators.")
    expect(reported.locator(".comment__actions details.flag")).to_have_count(0)
    giulia.screens("stakeholder-reported")

    # 6. She edits her section comment: the room shows the new text, marked as edited.
    mine = page.locator("li.comment", has_text=section_comment)
    mine.get_by_text("Edit your comment").click()
    edited = "Migrant associations could co-host the welcome desk on Tuesday evenings."
    mine.get_by_role("textbox", name="Your comment").fill(edited)
    giulia.screens("stakeholder-editing")
    mine.get_by_role("button", name="Save changes").click()
    page.wait_for_load_state()
    mine = page.locator("li.comment", has_text=edited)
    expect(mine).to_be_focused()
    expect(mine.locator(".comment__text")).to_have_text(edited)
    expect(mine.locator(".tag--edited")).to_have_text("Edited")
    expect(mine.locator(".message--success")).to_contain_text("Your comment was changed")
    mine.get_by_text("Earlier version (1)").click()
    expect(mine.locator("details.earlier")).to_contain_text(section_comment)
    giulia.screens("stakeholder-edited")

    # 7. The editor revises that section: she sees what changed since she commented.
    in_site(REVISE % valdoria)
    page.reload()
    # The section says it once, at its head; other sections, unchanged, say nothing.
    first = page.locator("section.room-section[data-section]").nth(0)
    changed = first.locator("details.changed--section")
    changed.get_by_text("What changed since you commented").click()
    expect(changed).to_contain_text("compared with the text you commented on")
    expect(changed.locator("ins")).to_contain_text("with migrant associations.")
    expect(changed.locator("del").first).to_be_visible()
    expect(page.locator("details.changed--section")).to_have_count(1)
    mine = page.locator("li.comment", has_text=edited)
    expect(mine.locator("details.changed summary")).to_have_text("Changed since this comment")
    giulia.screens("stakeholder-what-changed")

    # 8. She withdraws her passage comment: it says so; the text stays on record.
    passage = page.locator("li.comment", has_text=passage_comment)
    passage.get_by_text("Withdraw your comment").click()
    passage.get_by_role("button", name="Withdraw comment").click()
    page.wait_for_load_state()
    passage = page.locator("li.comment", has_text=passage_comment)
    expect(passage).to_be_focused()
    expect(passage).to_contain_text(
        "You withdrew this comment; only you and the editors still read it."
    )
    expect(passage.get_by_text("Edit your comment")).to_have_count(0)
    giulia.screens("stakeholder-withdrawn")
    giulia.close()

    # Others no longer read the withdrawn text.
    other = Person(browser, site, "stakeholder-association", shots)
    other.sign_in()
    other.page.goto(f"/en/consultations/{valdoria}/")
    expect(other.page.locator("main")).not_to_contain_text(passage_comment)
    expect(other.page.locator("main")).to_contain_text("Withdrawn by its author.")
    other.close()
