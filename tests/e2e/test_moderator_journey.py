"""The moderator's journey in Chromium: from the dashboard to the flags queue, where each flagged
text shows who wrote it, when, in which language and where; into the room to read it in place;
back to hide it with a reason.

Each step asserts what the moderator sees and saves screenshots in tests/e2e/artifacts/."""

import re

from .support import ARTIFACTS, Person


def test_the_moderator_reads_a_flag_in_context_and_hides_the_comment(site, browser):
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    moderator = Person(browser, site, "moderator", [])
    page = moderator.page
    moderator.sign_in("/admin/login/")

    page.get_by_role("link", name="1 flagged comment waiting").click()
    page.wait_for_load_state()
    expect(page).to_have_url(re.compile(r"/admin/consultations/flags/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Flagged comments")
    flagged = page.locator("section.eccipa-flag")
    expect(flagged).to_have_count(1)
    expect(flagged).to_contain_text(
        re.compile(r"Written by \S+ \S+ on \d{1,2} \w+ \d{4}, \d{2}:\d{2}")
    )
    expect(flagged).to_contain_text("Written in English")
    expect(flagged.get_by_role("heading", level=3)).to_have_text("Reasons given")
    expect(flagged.locator("ul li")).to_have_count(1)
    moderator.screens("moderator-flags")

    # Into the room, to the flagged comment itself.
    flagged_text = flagged.locator("blockquote").inner_text().strip()
    flagged.get_by_role("link", name="See it in the room").click()
    page.wait_for_load_state()
    expect(page).to_have_url(re.compile(rf"/consultations/{site['valdoria']}/#comment-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    expect(page.locator(f"#{anchor}")).to_contain_text(flagged_text[:40])
    moderator.screens("moderator-room")

    # Back to the queue: hide it, with the reason its author will read.
    page.go_back()
    page.wait_for_load_state()
    flagged = page.locator("section.eccipa-flag")
    flagged.get_by_label("Reason, sent to the author").fill(
        "Please keep to the draft; personal details of colleagues are not shared here."
    )
    flagged.get_by_role("button", name="Hide comment").click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("Comment hidden; its author is told why.")
    expect(page.get_by_text("No flags waiting.")).to_be_visible()
    expect(page.locator("section.eccipa-flag")).to_have_count(0)
    moderator.screens("moderator-flag-handled")
    moderator.close()
