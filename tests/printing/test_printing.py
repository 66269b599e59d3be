"""Printable guides: each printable page as a PDF at its URL + `pdf/`, from its live revision,
in its language, with a cover, contents, chapters, the participation record and the sign-off."""

import io
import logging
import re
import sys
import uuid

import pytest
from django.core.cache import cache
from pypdf import PdfReader
from wagtail.models import Page

from co_design.models import (
    ManifestoPage,
    NeedsReviewIndexPage,
    SignOff,
    StakeholderComment,
    StrategyDraftPage,
    TrainingModulePage,
    TrainingProgrammePage,
)
from co_design.printing import cache as printed
from co_design.printing import engine

from ..support.factories import (
    ManifestoPageFactory,
    NeedsReviewIndexPageFactory,
    TrainingModulePageFactory,
    TrainingProgrammePageFactory,
    publish,
)
from ..support.module_data import rolled_back_after_the_module
from ..support.network import (
    administrator,
    half_signed,
    partner_leads,
    strategies_in_review,
    through_review,
    translated,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]

PARTNERS = {
    "rheinfeld": "Stadt Rheinfeld",
    "valdoria": "Comune di Valdoria",
    "puerto-alba": "Ayuntamiento de Puerto Alba",
}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """What prints: the partners' strategies (Valdoria's in consultation, Puerto Alba's
    consultation over with two decided comments), the Manifesto with a chapter on each, signed
    by every lead in English and German, its English 2023 edition half signed; the Toolkit with
    two live modules; a needs reviews index, which does not print. Built once for the module."""
    with rolled_back_after_the_module(django_db_blocker):
        yield build_site()


def build_site():
    from wagtail.models import Site

    from co_design.models import ManifestoChapter, PartnerOrganisation
    from co_design.review.setup import setup_review

    network = strategies_in_review(
        puerto_alba_comments=[
            ("Open the desk on Saturdays.", "adopted", "Saturdays from May."),
            ("Add a housing counter.", "partly_adopted", "Once a week."),
        ]
    )
    people = network.people
    people.update(partner_leads(network.territories))
    people["admin"] = administrator()
    for slug, name in PARTNERS.items():
        PartnerOrganisation.objects.create(
            territory=network.territories[slug], name=name, website="https://example.org/"
        )
    home = network.home
    # The only site, as on the partnership's server: page addresses are relative to it.
    Site.objects.exclude(root_page=home).delete()
    NeedsReviewIndexPageFactory(parent=home)
    toolkit = publish(TrainingProgrammePageFactory(parent=home))
    for title in ("Working with interpreters", "Plain-language letters"):
        publish(
            TrainingModulePageFactory(
                parent=toolkit,
                title=title,
                territory=network.territories["rheinfeld"],
                learning_objectives=[("objective", f"Staff practise {title.lower()}.")],
            )
        )
    manifesto = ManifestoPageFactory(
        parent=home,
        title="The ECCIPA Manifesto",
        introduction="<p>What three cities learnt: integration starts at the counter.</p>",
        live=False,
    )
    for strategy in network.strategies.values():
        ManifestoChapter.objects.create(
            page=manifesto, strategy=strategy, summary=f"<p>{strategy.territory.name}.</p>"
        )
    manifesto.save_revision(user=people["moderator"])
    german = translated(manifesto, "de")
    german.title = "Das ECCIPA-Manifest"
    setup_review()
    for page in (manifesto, german):
        page.save_revision(user=people["moderator"])
        through_review(page, people)
    half_signed(ManifestoPage.objects.get(pk=manifesto.pk), people)
    return network


def pdf_pages(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def pdf_text(response):
    return " ".join(pdf_pages(response))


def english(model, **lookup):
    return model.objects.get(locale__language_code="en", **lookup)


def puerto_alba():
    return english(StrategyDraftPage, territory__slug="puerto-alba")


@pytest.fixture
def manifesto():
    return english(ManifestoPage)


def test_manifesto_pdf_has_cover_contents_chapters_record_and_signatures(client, manifesto):
    pages = pdf_pages(client.get(f"{manifesto.url}pdf/"))
    cover, contents = pages[0], pages[1]
    assert "The ECCIPA Manifesto" in cover
    assert "grant agreement 2020-1-DE02-KA202-007701" in cover
    assert f"http://testserver{manifesto.url}" in cover
    for partner in ("Stadt Rheinfeld", "Comune di Valdoria", "Ayuntamiento de Puerto Alba"):
        assert partner in cover
    chapters = [
        f"Chapter {number}: {chapter.strategy.territory}"
        for number, chapter in enumerate(manifesto.published_chapters(), start=1)
    ]
    assert len(chapters) == 3
    # The contents give each chapter its page number, and that page opens the chapter.
    for title in [*chapters, "Participation record", "Sign-off"]:
        number = int(re.search(re.escape(title) + r" \.+ (\d+)", contents).group(1))
        assert pages[number - 1].startswith(title)
        # Running header and page number at the foot of the page.
        assert pages[number - 1].endswith(f"The ECCIPA Manifesto {title} {number} / {len(pages)}")
    text = " ".join(pages)
    for chapter in manifesto.published_chapters():
        for section in chapter.strategy.sections:
            assert section.value["heading"] in text

    record = text[text.index("Participation record 2 stakeholder") :]
    shown = StakeholderComment.objects.publicly_shown().filter(
        wagtail_comment__page__translation_key=puerto_alba().translation_key
    )
    assert shown.count() == 2
    assert f"{shown.count()} stakeholder comments were published" in record
    assert "Puerto Alba Local Strategy for Integration 2 City department 1 1 0 0 0" in record
    assert "Total 2 1 1 0 0 0" in record

    signatures = SignOff.objects.filter(task_state__revision_id=manifesto.live_revision_id)
    assert signatures.count() == 3
    sign_off = pages[-1]
    assert f"prints revision {manifesto.live_revision_id} of" in sign_off
    for signature in signatures:
        name = signature.user.get_full_name()
        territory = signature.user.profile.territory
        assert f"Partner sign-off {name} ({territory}) {manifesto.live_revision_id}" in sign_off
    # The newer revision waiting for lead-es is signed by two leads: not what is printed.
    waiting = manifesto.current_workflow_task_state.revision_id
    assert waiting != manifesto.live_revision_id
    assert f"prints revision {waiting} " not in sign_off


def test_a_draft_never_prints(client, manifesto):
    marker = f"Draft marker {uuid.uuid4().hex}"
    draft = manifesto.get_latest_revision_as_object()
    draft.title = marker
    draft.introduction = f"<p>{marker}</p>"
    draft.save_revision()
    manifesto.refresh_from_db()
    assert manifesto.has_unpublished_changes

    text = pdf_text(client.get(f"{manifesto.url}pdf/"))
    assert marker not in text
    assert "The ECCIPA Manifesto" in text
    assert "integration starts at the counter" in text


def test_a_page_never_published_has_no_pdf(client):
    toolkit = english(TrainingProgrammePage)
    module = toolkit.add_child(
        instance=TrainingModulePage(
            title="Unpublished module",
            slug="unpublished-module",
            summary="Never live.",
            duration_hours=2,
            delivery_format="in_person",
            live=False,
        )
    )
    module.save_revision()
    assert client.get(f"/en/{toolkit.slug}/unpublished-module/pdf/").status_code == 404


def test_pdf_in_the_page_language(client):
    manifesto = ManifestoPage.objects.get(locale__language_code="de")
    text = pdf_text(client.get(f"{manifesto.url}pdf/"))
    assert manifesto.title in text
    assert "Inhalt" in text
    assert "Beteiligung" in text
    assert "Contents" not in text


def test_toolkit_pdf_has_every_live_module_as_a_chapter(client):
    toolkit = english(TrainingProgrammePage)
    modules = TrainingModulePage.objects.child_of(toolkit).live().public()
    assert modules.count() >= 2
    pages = pdf_pages(client.get(f"{toolkit.url}pdf/"))
    contents = pages[1]
    for module in modules:
        number = int(re.search(re.escape(module.title) + r" \.+ (\d+)", contents).group(1))
        assert pages[number - 1].startswith(module.title)
        assert module.summary in pages[number - 1]
    assert "Sign-off" in pages[-1]


def test_module_pdf(client):
    module = TrainingModulePage.objects.live().filter(locale__language_code="en").first()
    text = pdf_text(client.get(f"{module.url}pdf/"))
    assert module.title in text
    for objective in module.learning_objectives:
        assert objective.value in text
    assert "No stakeholder comments on this text have been published." in text


def test_strategy_pdf_counts_comments_by_section(client):
    strategy = puerto_alba()
    text = pdf_text(client.get(f"{strategy.url}pdf/"))
    shown = StakeholderComment.objects.publicly_shown().filter(wagtail_comment__page=strategy)
    for section in strategy.sections:
        count = shown.filter(section_id=section.id).count()
        assert f"{section.value['heading']} {count} " in text
    assert "Total 2 1 1 0 0 0" in text


def test_outcome_pdf_has_every_comment_and_decision(client):
    strategy = puerto_alba()
    text = pdf_text(client.get(f"/en/consultations/{strategy.pk}/outcome/pdf/"))
    assert f"How your input was used: {strategy.title}" in text
    for stakeholder_comment in StakeholderComment.objects.publicly_shown().filter(
        wagtail_comment__page=strategy
    ):
        assert " ".join(stakeholder_comment.wagtail_comment.text.split()) in text
        assert stakeholder_comment.get_decision_display() in text


def test_pages_without_a_printed_version_answer_404(client):
    needs_reviews = english(NeedsReviewIndexPage)
    assert client.get(f"{needs_reviews.url}pdf/").status_code == 404
    assert client.get("/en/pdf/").status_code == 404
    # Valdoria's consultation is still open: no outcome page, no outcome PDF.
    valdoria = english(StrategyDraftPage, territory__slug="valdoria")
    assert client.get(f"/en/consultations/{valdoria.pk}/outcome/pdf/").status_code == 404
    assert client.get("/en/consultations/999999999/outcome/pdf/").status_code == 404


def test_a_pdf_is_only_read(client, manifesto):
    assert client.post(f"{manifesto.url}pdf/").status_code == 405
    assert client.post(f"/en/consultations/{puerto_alba().pk}/outcome/pdf/").status_code == 405


def test_download_pdf_links(client, manifesto):
    strategy = puerto_alba()
    module = TrainingModulePage.objects.live().filter(locale__language_code="en").first()
    for page in (manifesto, english(TrainingProgrammePage), module, strategy):
        html = client.get(page.url).content.decode()
        assert f'href="{page.url}pdf/" download>Download PDF</a>' in html
    html = client.get(f"/en/consultations/{strategy.pk}/outcome/").content.decode()
    assert f'href="/en/consultations/{strategy.pk}/outcome/pdf/" download>' in html
    assert "Download PDF" not in client.get(english(NeedsReviewIndexPage).url).content.decode()


def cached_entry(kind, page):
    return cache.get(printed.entry_key(kind, page.pk, page.locale.language_code))


def test_pdf_is_cached_per_live_revision_and_purged_on_publish(
    client, manifesto, django_assert_max_num_queries
):
    url = f"{manifesto.url}pdf/"
    first = client.get(url)
    entry = cached_entry("guide", manifesto)
    assert entry["revision"] == manifesto.live_revision_id
    assert entry["pdf"] == first.content

    # A second request is answered from the entry, without assembling the document again.
    cache.set(
        printed.entry_key("guide", manifesto.pk, "en"), {**entry, "pdf": b"%PDF-from-the-cache"}
    )
    with django_assert_max_num_queries(8):
        assert client.get(url).content == b"%PDF-from-the-cache"

    # Publishing a new revision deletes it; the next PDF prints the new revision.
    new = manifesto.get_latest_revision_as_object()
    new.title = "The ECCIPA Manifesto, second printing"
    revision = new.save_revision()
    revision.publish()
    assert cached_entry("guide", manifesto) is None
    manifesto.refresh_from_db()
    text = pdf_text(client.get(url))
    assert "The ECCIPA Manifesto, second printing" in text
    assert cached_entry("guide", manifesto)["revision"] == revision.pk


def test_unpublishing_deletes_the_pdf_and_the_address_answers_404(client):
    module = TrainingModulePage.objects.live().filter(locale__language_code="en").first()
    url = f"{module.url}pdf/"
    assert client.get(url).status_code == 200
    assert cached_entry("guide", module) is not None
    module.unpublish()
    assert cached_entry("guide", module) is None
    assert client.get(url).status_code == 404


def test_a_decision_changed_after_printing_is_printed_next_time(client):
    strategy = puerto_alba()
    url = f"/en/consultations/{strategy.pk}/outcome/pdf/"
    reason = f"Reason {uuid.uuid4().hex}"
    assert reason not in pdf_text(client.get(url))
    stakeholder_comment = (
        StakeholderComment.objects.publicly_shown().filter(wagtail_comment__page=strategy).first()
    )
    stakeholder_comment.decision_reason = reason
    stakeholder_comment.save()
    assert reason in pdf_text(client.get(url))


def test_without_weasyprint_the_links_hide_and_the_log_says_why_once(
    client, manifesto, monkeypatch, caplog
):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as on a machine without it
    engine.weasyprint.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="co_design.printing.engine"):
            html = client.get(manifesto.url).content.decode()
            assert client.get(f"{manifesto.url}pdf/").status_code == 404
            client.get(english(TrainingProgrammePage).url)
        assert "Download PDF" not in html
        assert "The ECCIPA Manifesto" in html
        warnings = [r.getMessage() for r in caplog.records if r.name == "co_design.printing.engine"]
        assert len(warnings) == 1
        assert warnings[0].startswith("PDF downloads are off: WeasyPrint cannot be loaded")
    finally:
        engine.weasyprint.cache_clear()


def test_view_restrictions_hold_for_the_pdf(client, manifesto):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=manifesto.pk), restriction_type="login"
    )
    response = client.get(f"{manifesto.url}pdf/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_pages_print_from_the_browser_without_menus_and_with_link_addresses(client, manifesto):
    """The served page laid out for print media (WeasyPrint reads @media print as a browser's
    print preview does), with the site's own stylesheet."""
    from django.contrib.staticfiles import finders

    html = client.get(manifesto.url).content.decode()
    with open(finders.find("co_design/site.css"), encoding="utf-8") as stylesheet:
        css = stylesheet.read()
    html = re.sub(r'<link rel="stylesheet"[^>]*>', lambda _match: f"<style>{css}</style>", html)
    pdf = engine.weasyprint().HTML(string=html, base_url="http://testserver/").write_pdf()
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    assert manifesto.title in text
    assert "integration starts at the counter" in text
    for screen_only in ("Skip to main content", "Sign in", "Download PDF", "Search"):
        assert screen_only not in text
    strategy = manifesto.published_chapters()[0].strategy
    assert f"({strategy.url})" in text.replace(" ", "")


def test_a_strategy_under_consultation_prints_its_published_text(client):
    """Valdoria's newer revision is in stakeholder consultation: its PDF is the live text."""
    strategy = english(StrategyDraftPage, territory__slug="valdoria")
    assert strategy.has_unpublished_changes
    draft = strategy.get_latest_revision_as_object()
    live_text = [strategy.summary, *(s.value["heading"] for s in strategy.sections)]
    draft_only = [
        text
        for text in [draft.summary, *(s.value["heading"] for s in draft.sections)]
        if text not in live_text
    ]
    assert draft_only, "the draft differs from the live strategy"
    text = pdf_text(client.get(f"{strategy.url}pdf/"))
    for live in live_text:
        assert " ".join(live.split()) in text
    for unpublished in draft_only:
        assert " ".join(unpublished.split()) not in text
