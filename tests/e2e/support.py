"""What the browser journeys share: the person in a browser, and the checks on every screen."""

import os
import re
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
# One folder per database, so that the SQLite and PostgreSQL passes can run side by side.
ARTIFACTS = (
    Path(__file__).resolve().parent
    / "artifacts"
    / ("postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite")
)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PASSWORD = "eccipa-demo"


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


def assert_accessible(page):
    """axe-core (shipped by axe-playwright-python) finds no violation on the page as shown."""
    from axe_playwright_python.sync_playwright import Axe

    # What the person sees once it has settled: messages fade in, and axe must not measure the
    # contrast of a colour halfway through its transition.
    # Endless animations (a spinner) never finish: wait for the others, two seconds at most.
    page.evaluate(
        """() => Promise.race([
            Promise.all(document.getAnimations()
                .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
                .map((a) => a.finished.catch(() => null))),
            new Promise((resolve) => setTimeout(resolve, 2000)),
        ])"""
    )
    results = Axe().run(page)
    assert results.violations_count == 0, (page.url, results.generate_report())


def assert_header_on_one_line(page):
    """At 1280 px the header's brand, menus, language and account share one line."""
    nav = page.locator("nav.main-nav")
    link = nav.get_by_role("link").first
    assert nav.bounding_box()["height"] < 2 * link.bounding_box()["height"], "nav wraps at 1280"
    tops = [
        page.locator(f"nav.{name}").bounding_box()["y"]
        for name in ("main-nav", "language-nav", "account-nav")
    ]
    assert max(tops) - min(tops) < 10, f"the header's menus are not on one line: {tops}"
    assert page.locator("header.site-header").bounding_box()["height"] < 90


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

    def screens(self, name):
        """The screen as the person sees it on a desktop (1280 px) and on a phone (390 px), each
        saved in tests/e2e/artifacts/; the page is checked by axe at both widths."""
        for width, height in ((1280, 800), (390, 844)):
            self.page.set_viewport_size({"width": width, "height": height})
            self.shot(f"{name}-{width}")
            assert_accessible(self.page)
        self.page.set_viewport_size({"width": 1280, "height": 800})

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
        button = menu.get_by_role("button", name=label, exact=True)
        if button.get_attribute("data-workflow-action-modal-url"):
            # The action asks for confirmation in a dialog: confirm it there.
            button.click()
            dialog = self.page.locator(".modal-dialog")
            with self.page.expect_navigation():
                dialog.get_by_role("button", name=label, exact=True).click()
        else:
            with self.page.expect_navigation():
                button.click()
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
