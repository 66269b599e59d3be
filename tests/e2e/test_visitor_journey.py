"""A member of the public, without an account: from the home page to *Take part* (an open
consultation, its closing date, how to ask for an invitation), a finished consultation's *How your
input was used*, each page the footer links to, and a strategy's link to its outcome. The header
fits one line on a desktop and folds behind a menu button on a phone; the strategy's table of
actions reflows into labelled rows there.

Each screen is saved at 1280 and 390 px in tests/e2e/artifacts/ and checked by axe-core."""

import re

from .support import ARTIFACTS, Person, assert_accessible, assert_header_on_one_line

FOOTER = ["Accessibility statement", "Privacy notice", "Legal notice", "Contact"]


def test_a_visitor_finds_how_to_take_part_and_what_became_of_earlier_comments(site, browser):
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    visitor = Person(browser, site, "visitor", [])
    page = visitor.page

    # The home page: the header on one line at 1280 px.
    page.goto("/en/")
    expect(page.locator("h1")).to_contain_text("ECCIPA")
    expect(page.locator("main")).to_contain_text("This platform carries its work on")
    assert_header_on_one_line(page)
    nav = page.get_by_role("navigation", name="Main")
    header = page.locator("header.site-header")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    visitor.screens("visitor-home")

    # On a phone: the brand and a menu button; the menus open behind it.
    page.set_viewport_size({"width": 390, "height": 844})
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()
    assert header.bounding_box()["height"] < 90, "the closed header takes the phone's screen"
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav).to_be_visible()
    expect(nav.get_by_role("link").first).to_be_focused()
    visitor.shot("visitor-phone-menu-open-390")
    assert_accessible(page)
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    expect(menu).to_be_focused()
    page.set_viewport_size({"width": 1280, "height": 800})

    # The home page's call to take part leads to the Take part page.
    page.get_by_role("main").get_by_role("link", name="Take part").click()
    expect(page).to_have_url(re.compile(r"/en/take-part/$"))
    expect(page.locator("h1")).to_have_text("Take part")
    expect(nav.get_by_role("link", name="Take part")).to_have_attribute("aria-current", "page")
    open_list = page.locator("section", has=page.locator("#open-heading"))
    valdoria = open_list.locator("li", has_text=site["valdoria_title"])
    expect(valdoria.locator("dt", has_text="Territory")).to_be_visible()
    expect(valdoria.locator("dd", has_text="Valdoria").first).to_be_visible()
    expect(valdoria.locator("dt", has_text="Closing date")).to_be_visible()
    expect(valdoria.locator("time")).to_have_text(re.compile(r"\d{4}"))
    expect(valdoria).to_contain_text("role models of Valdoria")
    ask = valdoria.get_by_role("link", name="Ask for an invitation")
    expect(ask).to_have_attribute("href", re.compile(r"^mailto:participation@eccipa\.example\.org"))
    expect(page.locator("#how-heading")).to_have_text("How to take part")
    visitor.screens("visitor-take-part")

    # A finished consultation: how the comments were used.
    finished = page.locator("section", has=page.locator("#finished-heading"))
    finished.get_by_role("link", name=re.compile("How your input was used")).first.click()
    expect(page).to_have_url(re.compile(r"/consultations/\d+/outcome/$"))
    expect(page.locator("h1")).to_contain_text("How your input was used: Puerto Alba")
    expect(page.locator("main")).to_contain_text("Adopted")
    visitor.screens("visitor-outcome")

    # Every page the footer links to.
    for title in FOOTER:
        footer = page.get_by_role("navigation", name="About this site")
        footer.get_by_role("link", name=title).click()
        expect(page.locator("h1")).to_have_text(title)
        expect(footer.get_by_role("link", name=title)).to_have_attribute("aria-current", "page")
        visitor.screens(f"visitor-footer-{title.lower().replace(' ', '-')}")

    # A published strategy links to what became of its consultation.
    nav.get_by_role("link", name="Local Strategies").click()
    page.get_by_role("main").get_by_role("link", name=re.compile("^Puerto Alba")).click()
    expect(page.locator("h1")).to_contain_text("Puerto Alba Local Strategy")
    outcome = page.get_by_role("main").get_by_role("link", name="How your input was used")
    expect(outcome).to_be_visible()
    visitor.screens("visitor-strategy")

    # On a phone the table of actions is a list of labelled rows, every column still there.
    page.set_viewport_size({"width": 390, "height": 844})
    cell = page.locator("table.actions td[data-label]").first
    assert cell.evaluate("cell => getComputedStyle(cell).display") == "block"
    label = cell.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert "Responsible body" in label
    table = page.locator("table.actions").first
    assert table.bounding_box()["width"] <= 390
    page.set_viewport_size({"width": 1280, "height": 800})

    outcome.click()
    expect(page).to_have_url(re.compile(r"/consultations/\d+/outcome/$"))
    expect(page.locator("h1")).to_contain_text("How your input was used: Puerto Alba")
    visitor.close()
