"""The whole journey in Chromium, against a live server with the demo content: a stakeholder
comments, the editor answers and closes the consultation, a moderator approves, the last
partner lead signs the Manifesto off, and an external site (another origin) shows it.

Each step asserts what the person sees and saves a screenshot in tests/e2e/artifacts/."""

import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PASSWORD = "eccipa-demo"
NEW_SUMMARY = "Written procedures, stable teams, a shared desk, and a reply to every comment."
MANIFESTO_TITLE = "The ECCIPA Manifesto (2023 edition)"

IDS = """
import json
from co_design.models import ManifestoPage, StrategyDraftPage
from co_design.models import StakeholderComment
english = {"locale__language_code": "en"}
valdoria = StrategyDraftPage.objects.get(slug="valdoria-local-strategy", **english)
puerto = StrategyDraftPage.objects.get(slug="puerto-alba-local-strategy", **english)
manifesto = ManifestoPage.objects.get(**english)
print(json.dumps({
    "valdoria": valdoria.pk, "valdoria_url": valdoria.url, "valdoria_title": valdoria.title,
    "puerto": puerto.pk, "manifesto": manifesto.pk, "manifesto_url": manifesto.url,
    "manifesto_task_state": manifesto.current_workflow_task_state.pk,
}))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, process):
    for _ in range(300):
        if process.poll() is not None:
            raise AssertionError(f"{process.args[:4]} stopped with status {process.returncode}")
        try:
            requests.get(url, timeout=5)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise AssertionError(f"nothing answered at {url}")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The demo site on a database of its own, served on loopback, and the example consumer
    page served from a second loopback origin that the site allows by CORS."""
    folder = tmp_path_factory.mktemp("e2e")
    consumer_port, site_port = free_port(), free_port()
    consumer = f"http://127.0.0.1:{consumer_port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"sqlite:///{folder}/e2e.sqlite3",
        "CORS_ALLOWED_ORIGINS": consumer,
    }
    env.pop("REDIS_URL", None)

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    manage("migrate", "--noinput", "-v0")
    manage("seed_demo", "-v0")
    ids = json.loads(manage("shell", "-v0", "-c", IDS))
    # runserver --insecure serves the admin's static files without a collectstatic.
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / "server.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", "--insecure",
         f"127.0.0.1:{site_port}"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    static = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(consumer_port), "--bind", "127.0.0.1",
         "--directory", str(ROOT / "graphql" / "examples")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{site_port}"
        wait_for(f"{base}/", server)
        wait_for(f"{consumer}/", static)
        yield {"base": base, "consumer": consumer, **ids}
    finally:
        for process in (server, static):
            process.terminate()
            process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's Chromium (apt-get install chromium); "
            ".ci/run does this before the suites",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Person:
    """One person's browser: their own cookies, their own tab."""

    def __init__(self, browser, site, username, shots):
        self.site, self.username, self.shots = site, username, shots
        self.context = browser.new_context(base_url=site["base"], locale="en-GB")
        self.context.set_default_timeout(20_000)
        self.page = self.context.new_page()

    def shot(self, name):
        self.shots.append(name)
        self.page.screenshot(
            path=str(ARTIFACTS / f"{len(self.shots):02d}-{name}.png"), full_page=True
        )

    def sign_in(self, url="/accounts/login/"):
        self.page.goto(url)
        self.page.fill("input[name=username]", self.username)
        self.page.fill("input[name=password]", PASSWORD)
        self.page.locator("form").filter(has=self.page.locator("input[name=password]")).locator(
            "button[type=submit]"
        ).click()
        self.page.wait_for_load_state()

    def workflow_action(self, page_id, label):
        """Take a workflow action from the page editor's action menu, as the person does."""
        self.page.goto(f"/admin/pages/{page_id}/edit/")
        menu = self.page.locator(".w-dropdown-button").filter(
            has=self.page.locator("[data-workflow-action-name]")
        )
        menu.get_by_role("button", name="More actions").click()
        with self.page.expect_navigation():
            menu.get_by_role("button", name=label, exact=True).click()
        self.page.wait_for_load_state()

    def post_workflow_action(self, page_id, action, task_state=None):
        """Take a workflow action by its action URL, as a form POST with this person's session and
        CSRF token (what the dashboard's review buttons do). Approving from the editor's own
        action menu saves a new revision first, which the review task then refuses."""
        self.page.goto(f"/admin/pages/{page_id}/edit/")
        if task_state is None:
            found = re.search(rf"/{page_id}/{action}/(\d+)/", self.page.content())
            assert found, f"{self.username} is not offered {action!r} on page {page_id}"
            task_state = found.group(1)
        token = next(c["value"] for c in self.context.cookies() if c["name"] == "csrftoken")
        response = self.page.request.post(
            f"/admin/pages/workflow/action/{page_id}/{action}/{task_state}/",
            form={"csrfmiddlewaretoken": token},
            headers={"Referer": self.page.url},
        )
        assert response.ok, (response.status, response.text()[:1000])

    def close(self):
        self.context.close()


def test_a_draft_goes_from_stakeholder_comments_to_the_published_manifesto(site, browser):
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(exist_ok=True)
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
    first.locator("form.comment-form textarea[name=text]").fill(section_comment)
    first.get_by_role("button", name="Send comment").click()
    school.page.wait_for_load_state()
    expect(school.page.locator(".comment__text", has_text=section_comment)).to_be_visible()

    # A passage selected with the mouse lands in the passage field (room.js).
    second = school.page.locator("section.room-section[data-section]").nth(1)
    paragraph = second.locator("[data-quotable] p").first
    box = paragraph.bounding_box()
    school.page.mouse.move(box["x"] + 2, box["y"] + box["height"] / 2)
    school.page.mouse.down()
    school.page.mouse.move(box["x"] + min(box["width"] - 2, 220), box["y"] + box["height"] / 2)
    school.page.mouse.up()
    quote = second.locator("form.comment-form textarea[name=quote]").input_value()
    assert quote, "selecting text in the section did not fill the passage field"
    assert quote in " ".join(paragraph.inner_text().split())
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
