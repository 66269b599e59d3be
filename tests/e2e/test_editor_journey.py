"""The editor's journey in Chromium: editor-it finds the Valdoria comments from the dashboard,
reads how many are decided, filters the undecided ones, records a decision, takes the comments
to Excel and closes the consultation after seeing what is still open.

Each step asserts what the editor sees and saves screenshots in tests/e2e/artifacts/."""

import io
import re

from openpyxl import load_workbook

from .support import ARTIFACTS, Person


def test_the_editor_decides_exports_and_closes_the_consultation(site, browser):
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    valdoria = site["valdoria"]
    editor = Person(browser, site, "editor-it", [])
    page = editor.page
    editor.sign_in("/admin/login/")

    # From the dashboard's open consultations to the decisions screen.
    page.get_by_role("link", name=site["valdoria_title"]).first.click()
    page.wait_for_load_state()
    expect(page).to_have_url(re.compile(rf"/admin/consultations/{valdoria}/comments/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Decisions on comments")
    progress = page.locator("#decision-progress")
    expect(progress).to_have_text(re.compile(r"2 of 4 decided\s+· 1 flag waiting"))
    editor.screens("editor-decisions")

    # Only the comments still to decide.
    page.get_by_label("Show").select_option(label="Undecided")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_load_state()
    expect(page).to_have_url(re.compile(r"status=undecided"))
    records = page.locator("section.eccipa-decision")
    expect(records).to_have_count(2)
    expect(page.get_by_text("2 comments match the filters.")).to_be_visible()
    editor.screens("editor-decisions-undecided")

    # Nothing is chosen for the editor; the revision is asked only when adopting.
    record = records.first
    decision = record.get_by_label("Decision")
    expect(decision).to_have_value("")
    revision = record.get_by_label("Adopted in revision")
    expect(revision).to_be_hidden()
    decision.select_option(label="Partly adopted")
    expect(revision).to_be_visible()
    expect(revision.locator("option").first).not_to_have_text(re.compile(r"Revision \d"))
    expect(revision.locator("option").first).to_contain_text(" by ")
    decision.select_option(label="Noted")
    expect(revision).to_be_hidden()
    record.get_by_label("Reason").fill("We will take this to the next round table.")
    record.get_by_role("button", name="Record decision").click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("Decision recorded")
    expect(progress).to_have_text(re.compile(r"3 of 4 decided\s+· 1 flag waiting"))
    expect(page).to_have_url(re.compile(r"status=undecided"))
    expect(records).to_have_count(1)
    editor.screens("editor-decision-recorded")

    # The spreadsheet for the city office.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export for Excel (XLSX)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(open(download.path(), "rb").read())).active
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Type", "Id", "Reply to"]
    assert all(cell.font.bold for cell in sheet[1]) and sheet.freeze_panes == "A2"
    decisions = [row[header.index("Decision")] for row in sheet.iter_rows(values_only=True)]
    assert decisions.count("Noted") >= 1

    # Closing asks first, and says what is still open.
    page.goto(f"/admin/pages/{valdoria}/edit/")
    menu = page.locator(".w-dropdown-button").filter(
        has=page.locator("[data-workflow-action-name]")
    )
    menu.get_by_role("button", name="More actions").click()
    menu.get_by_role("button", name="Close consultation and continue", exact=True).click()
    dialog = page.locator(".modal.in .modal-dialog")
    expect(dialog).to_be_visible()
    page.wait_for_function("getComputedStyle(document.querySelector('.modal.in')).opacity === '1'")
    expect(dialog).to_contain_text("1 comment without a decision")
    expect(dialog).to_contain_text("1 flag waiting for a moderator")
    # Wagtail's own page editor around the dialog does not pass axe (Draftail's text boxes, its
    # modal without a name): this screen is shot at both widths without the axe check.
    for width, height in ((1280, 800), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        editor.shot(f"editor-close-confirmation-{width}")
    page.set_viewport_size({"width": 1280, "height": 800})
    dialog.get_by_label("Comment").fill("Closed after round table 3.")
    with page.expect_navigation():
        dialog.get_by_role("button", name="Close consultation and continue", exact=True).click()
    page.wait_for_load_state()
    page.goto(f"/consultations/{valdoria}/")
    expect(page.locator(".notice--closed")).to_be_visible()
    editor.screens("editor-consultation-closed")
    editor.close()


VALDORIA_MODULE = """
from co_design.models import TrainingModulePage
module = TrainingModulePage.objects.filter(
    territory__slug="valdoria", locale__language_code="en"
).first()
print(module.pk, module.slug)
"""


def test_the_editor_cannot_give_a_module_the_address_of_the_toolkits_guide(site, browser, in_site):
    """The Toolkit answers `/toolkit/pdf/` with its printed guide: editor-it is told, on the
    slug, and the module keeps its address."""
    from playwright.sync_api import expect

    module, slug = in_site(VALDORIA_MODULE).split()
    editor = Person(browser, site, "editor-it", [])
    page = editor.page
    editor.sign_in("/admin/login/")
    page.goto(f"/admin/pages/{module}/edit/")
    page.get_by_role("tab", name="Promote").click()
    page.get_by_label("Slug").fill("pdf")
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    # The editor shows the form again; the tab with the error says so.
    promote = page.get_by_role("tab", name="Promote (1 error)")
    expect(promote).to_be_visible()
    promote.click()
    message = page.get_by_text(
        "The address “pdf” below “Training Programme Toolkit” is its printed guide (PDF): "
        "please choose another slug."
    )
    expect(message).to_be_visible()
    editor.screens("editor-module-slug-pdf-refused")
    editor.close()
    assert in_site(VALDORIA_MODULE).split() == [module, slug]
