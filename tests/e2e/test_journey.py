"""The whole journey in Chromium, against a live server with the demo content: a stakeholder
comments, the editor answers and closes the consultation, a moderator approves, the last
partner lead signs the Manifesto off, and an external site (another origin) shows it.

Each step asserts what the person sees and saves a screenshot in tests/e2e/artifacts/."""

import re

from .support import ARTIFACTS, Person

NEW_SUMMARY = "Written procedures, stable teams, a shared desk, and a reply to every comment."
MANIFESTO_TITLE = "The ECCIPA Manifesto (2023 edition)"


def test_a_draft_goes_from_stakeholder_comments_to_the_published_manifesto(site, browser):
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shots = []
    valdoria = site["valdoria"]

    # 1. A stakeholder of Valdoria comments on a section, on a passage, and replies.
    school = Person(browser, site, "stakeholder-school-it", shots)
    school.sign_in()
    school.page.goto("/consultations/")
    expect(school.page.locator("body")).to_contain_text(site["valdoria_title"])
    school.page.goto(f"/consultations/{valdoria}/")
    expect(school.page.locator("h1")).to_contain_text(site["valdoria_title"])
    school.shot("stakeholder-room")

    sections = school.page.locator("section.room-section[data-section]")
    first = sections.nth(0)
    section_comment = "Schools should be named among the partners of the welcome desk."
    first.get_by_role("button", name="Comment on this section").click()
    first.locator("form.comment-form textarea[name=text]").fill(section_comment)
    first.get_by_role("button", name="Send comment").click()
    school.page.wait_for_load_state()
    expect(school.page.locator(".comment__text", has_text=section_comment)).to_be_visible()

    # A passage selected with the mouse lands in the passage field (room.js).
    second = school.page.locator("section.room-section[data-section]").nth(1)
    paragraph = second.locator("[data-quotable] p").first
    # As a person does: the page has settled on the new comment; bring the paragraph into view.
    school.page.wait_for_load_state("networkidle")
    paragraph.scroll_into_view_if_needed()
    box = paragraph.bounding_box()
    school.page.mouse.move(box["x"] + 2, box["y"] + box["height"] / 2)
    school.page.mouse.down()
    school.page.mouse.move(box["x"] + min(box["width"] - 2, 220), box["y"] + box["height"] / 2)
    school.page.mouse.up()
    quote = second.locator("form.comment-form textarea[name=quote]").input_value()
    assert quote, "selecting text in the section did not fill the passage field"
    assert quote in " ".join(paragraph.inner_text().split())
    school.page.get_by_role("button", name="Comment on this passage").click()
    passage_comment = "This passage should say who pays for the interpreters."
    second.locator("form.comment-form textarea[name=text]").fill(passage_comment)
    second.get_by_role("button", name="Send comment").click()
    school.page.wait_for_load_state()
    passage = school.page.locator("li.comment", has_text=passage_comment)
    expect(passage.locator("blockquote.quote")).to_contain_text(quote[:40])

    # Reply to a comment somebody else wrote.
    others = school.page.locator("li.comment").filter(
        has=school.page.get_by_role("button", name="I agree (+1)")
    )
    other = others.first
    other_id = other.get_attribute("id")
    reply_text = "Our school can host the evening language classes."
    other.locator("details.reply summary").click()
    other.locator("textarea[name=text]").fill(reply_text)
    other.get_by_role("button", name="Send reply").click()
    school.page.wait_for_load_state()
    expect(school.page.locator(f"#{other_id} .replies")).to_contain_text(reply_text)
    school.shot("stakeholder-commented")
    school.close()

    # 2. The editor sees the comment in the page editor, decides, revises and closes.
    editor = Person(browser, site, "editor-it", shots)
    editor.sign_in("/admin/login/")
    editor.page.goto(f"/admin/pages/{valdoria}/edit/")
    editor.page.get_by_role("button", name=re.compile("comments", re.I)).first.click()
    expect(editor.page.get_by_text(section_comment).first).to_be_visible()
    editor.shot("editor-comment-sidebar")

    editor.page.goto(f"/admin/consultations/{valdoria}/comments/")
    record = editor.page.locator("section.w-panel", has_text=section_comment)
    record.locator("select[name$=decision]").select_option("noted")
    record.locator("textarea[name$=reason]").fill("The welcome desk section now lists the schools.")
    record.get_by_role("button", name="Record decision").click()
    editor.page.wait_for_load_state()
    record = editor.page.locator("section.w-panel", has_text=section_comment)
    expect(record.get_by_role("button", name="Update decision")).to_be_visible()
    editor.shot("editor-decision")

    editor.page.goto(f"/admin/pages/{valdoria}/edit/")
    editor.page.fill("#id_summary", NEW_SUMMARY)
    editor.page.get_by_role("button", name="Save draft").click()
    editor.page.wait_for_load_state()
    expect(editor.page.locator(".messages")).to_contain_text("updated")
    expect(editor.page.locator("#id_summary")).to_have_value(NEW_SUMMARY)
    editor.shot("editor-saved-draft")

    editor.workflow_action(valdoria, "Close consultation and continue")
    editor.page.goto(f"/consultations/{valdoria}/")
    expect(editor.page.locator(".notice--closed")).to_be_visible()
    editor.shot("editor-consultation-closed")
    editor.close()

    # 3. The moderator opens the editors of the strategy under review and of the Manifesto under
    # sign-off: neither offers Publish (they go live only through their review's last step),
    # taking them down still is. Then the moderator approves: the strategy is live with the new
    # summary.
    moderator = Person(browser, site, "moderator", shots)
    moderator.sign_in("/admin/login/")
    for page_id, name in ((valdoria, "strategy"), (site["manifesto"], "manifesto")):
        moderator.page.goto(f"/admin/pages/{page_id}/edit/")
        actions = moderator.page.locator("footer .w-dropdown-button")
        expect(actions.get_by_role("button", name="Save draft")).to_be_visible()
        actions.locator(".w-dropdown__toggle").click()
        expect(actions.get_by_role("link", name="Unpublish")).to_be_visible()
        expect(actions.get_by_role("button", name=re.compile("publish", re.I))).to_have_count(0)
        expect(moderator.page.locator('[name="action-publish"]')).to_have_count(0)
        moderator.shot(f"moderator-{name}-editor-without-publish")
    moderator.post_workflow_action(valdoria, "approve")
    moderator.page.goto(site["valdoria_url"])
    expect(moderator.page.locator("p.lead")).to_have_text(NEW_SUMMARY)
    moderator.shot("strategy-published")
    moderator.close()

    # 4. The last partner lead signs the Manifesto off; it is published under its new title.
    lead = Person(browser, site, "lead-es", shots)
    lead.sign_in("/admin/login/")
    lead.post_workflow_action(site["manifesto"], "approve", site["manifesto_task_state"])
    lead.page.goto(site["manifesto_url"])
    expect(lead.page.locator("h1")).to_have_text(MANIFESTO_TITLE)
    lead.shot("manifesto-published")
    lead.close()

    # 5. An external site on another origin loads the Manifesto through GraphQL (CORS).
    reader = Person(browser, site, "anonymous", shots)
    reader.page.goto(f"{site['consumer']}/?endpoint={site['base']}/graphql/")
    expect(reader.page.locator("#status")).to_contain_text("Loaded from")
    expect(reader.page.locator("#manifesto h1")).to_have_text(MANIFESTO_TITLE)
    reader.shot("consumer-page")
    reader.close()
