"""What the schema answers: the Manifesto, strategies, modules and reviews, as typed data."""

import json
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.utils.text import slugify
from wagtail.models import (
    Page,
)

from cms.schema import schema
from co_design.models import (
    ManifestoPage,
    NeedsFinding,
    StakeholderComment,
    StrategyDraftPage,
    TrainingModulePage,
    TrainingProgrammePage,
)

from ..support.graphql_support import add_module, data_of, error_codes, execute
from ..support.module_data import built_once
from ..support.room_helpers import close_consultation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site")]

# Each module: slug, title, territory's slug, hours, format, audience, competence.
MODULE_SPECS = [
    (
        "working-with-interpreters",
        "Working with interpreters",
        "valdoria",
        3,
        "blended",
        ["Front-desk staff", "Social workers"],
        "Working with interpreters",
    ),
    (
        "plain-language-letters",
        "Plain-language letters and forms",
        "rheinfeld",
        4,
        "online",
        ["Administrative staff"],
        "Plain-language communication",
    ),
    (
        "residence-procedures-explained",
        "Residence procedures explained",
        "valdoria",
        2,
        "online",
        ["Case workers"],
        "Residence law",
    ),
    (
        "intercultural-communication-at-the-counter",
        "Intercultural communication at the counter",
        "rheinfeld",
        6,
        "in_person",
        ["Front-desk staff"],
        "Intercultural communication",
    ),
    (
        "anti-discrimination-law-in-practice",
        "Anti-discrimination law in practice",
        "puerto-alba",
        5,
        "in_person",
        ["Team leaders"],
        "Anti-discrimination law",
    ),
]


def partnership_in_the_api():
    """The consultation room (Valdoria's strategy in consultation with its comments, Rheinfeld's
    strategy, people in every role) on the only site, with Puerto Alba's strategy, the three
    territories' needs reviews, five Toolkit modules and the Manifesto: its first edition signed
    by the three partner leads, its newer one by Rheinfeld's and Valdoria's."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from co_design.choices import Country, FindingKind, Language
    from co_design.models import Competence, ManifestoChapter, PartnerOrganisation, Profile
    from co_design.review.setup import setup_review

    from ..support.consultation_room import consultation_room, member
    from ..support.factories import (
        ManifestoPageFactory,
        NeedsReviewIndexPageFactory,
        NeedsReviewPageFactory,
        StrategyDraftPageFactory,
        TerritoryFactory,
        TrainingModulePageFactory,
        TrainingProgrammePageFactory,
        finding,
        publish,
        section,
    )
    from ..support.network import half_signed, through_review
    from ..support.site_tree import make_default

    room = consultation_room()
    home = room.page.get_parent().get_parent()
    make_default(home)
    valdoria, rheinfeld = room.territory, room.other_territory
    puerto_alba = TerritoryFactory(name="Puerto Alba", slug="puerto-alba", country=Country.SPAIN)
    territories = {"valdoria": valdoria, "rheinfeld": rheinfeld, "puerto-alba": puerto_alba}
    PartnerOrganisation.objects.create(territory=valdoria, name="Cooperativa Ponti")
    PartnerOrganisation.objects.create(territory=rheinfeld, name="Stadt Rheinfeld")

    reviews = publish(NeedsReviewIndexPageFactory(parent=home, slug="needs-review"))
    rheinfeld_review = publish(
        NeedsReviewPageFactory(
            parent=reviews,
            title="Rheinfeld Needs Review",
            slug="rheinfeld-needs-review",
            territory=rheinfeld,
            findings=[
                finding("Language barriers at the front desk"),
                finding("Strong network of migrant associations", kind=FindingKind.STRENGTH),
            ],
        )
    )
    barriers, strength = rheinfeld_review.indexed_findings.order_by("theme")
    valdoria_review = NeedsReviewPageFactory(
        parent=reviews,
        title="Valdoria Needs Review",
        slug="valdoria-needs-review",
        territory=valdoria,
        findings=[finding("One answer on residence is missing")],
        interviews=19,
        focus_groups=3,
        report=get_document_model().objects.create(
            title="Valdoria needs review report",
            file=ContentFile(b"Valdoria needs review report", name="report.txt"),
        ),
    )
    valdoria_review.participants.create(organisation_type="migrant_association", count=5)
    valdoria_review.participants.create(organisation_type="ngo", count=7)
    valdoria_review = publish(valdoria_review)
    puerto_alba_review = publish(
        NeedsReviewPageFactory(
            parent=reviews,
            title="Puerto Alba Needs Review",
            slug="puerto-alba-needs-review",
            territory=puerto_alba,
            findings=[finding("Few staff trained in anti-discrimination law")],
        )
    )
    # A module is of the territories whose findings it addresses.
    addressed = {
        "rheinfeld": barriers,
        "valdoria": valdoria_review.indexed_findings.get(),
        "puerto-alba": puerto_alba_review.indexed_findings.get(),
    }

    rheinfeld_strategy = room.other_strategy
    rheinfeld_strategy.sections = [
        section(
            "A welcoming front desk",
            "<p>The foreign residents' office greets every visitor in their language.</p>",
            findings=[barriers.pk],
        ),
        section("Associations as partners", findings=[strength.pk]),
    ]
    rheinfeld_strategy.needs_findings = [barriers, strength]
    publish(rheinfeld_strategy)
    puerto_alba_strategy = publish(
        StrategyDraftPageFactory(
            parent=room.page.get_parent(),
            territory=puerto_alba,
            title="Puerto Alba Local Strategy for Integration",
            slug="puerto-alba-local-strategy",
        )
    )

    toolkit = publish(
        TrainingProgrammePageFactory(parent=home, slug="toolkit", title="ECCIPA Toolkit")
    )
    for slug, title, where, hours, delivery, audience, competence in MODULE_SPECS:
        module = TrainingModulePageFactory(
            parent=toolkit,
            slug=slug,
            title=title,
            territory=territories[where],
            summary=f"{title}, for city staff.",
            duration_hours=hours,
            delivery_format=delivery,
            target_audience=[("role", role) for role in audience],
            learning_objectives=[("objective", f"Apply {title.lower()} at work")],
            activities=[
                (
                    "case_study",
                    {
                        "title": "A morning at the counter",
                        "description": "<p>A real case.</p>",
                        "minutes": 45,
                    },
                ),
                (
                    "role_play",
                    {"title": "Try it out", "description": "<p>In pairs.</p>", "minutes": 30},
                ),
            ],
            resources=[
                ("link", {"title": "ECCIPA project leaflet", "url": "https://example.org/eccipa"})
            ],
        )
        module.needs_findings = [addressed[where]]
        module.competences = [Competence.objects.create(name=competence, slug=slugify(competence))]
        publish(module)

    leads = {
        "lead-de": member(
            "partner_lead", rheinfeld, "lead-de", "Lukas", "Schmidt", language=Language.GERMAN
        ),
        "lead-it": room.lead,
        "lead-es": member(
            "partner_lead", puerto_alba, "lead-es", "Luis", "Martín", language=Language.SPANISH
        ),
    }
    for lead in leads.values():
        Profile.objects.filter(user=lead).update(
            organisation=f"City of {lead.profile.territory.name}"
        )
    manifesto = ManifestoPageFactory(
        parent=home,
        slug="manifesto",
        title="The ECCIPA Manifesto",
        live=False,
        principles=[("principle", {"title": "Start from needs", "text": "<p>Ask first.</p>"})],
        recommendations=[
            (
                "recommendation",
                {
                    "title": "Train the counter",
                    "text": (
                        f'<p>Use the <a linktype="page" id="{toolkit.pk}">ECCIPA Toolkit</a>.</p>'
                    ),
                },
            )
        ],
        sign_off_statement=(
            "<p>We, the partner leads of Rheinfeld, Valdoria and Puerto Alba, sign this "
            "Manifesto.</p>"
        ),
    )
    for number, strategy in enumerate((rheinfeld_strategy, room.page, puerto_alba_strategy)):
        ManifestoChapter.objects.create(
            page=manifesto,
            strategy=strategy,
            sort_order=number,
            summary=f"<p>{strategy.territory.name}.</p>",
        )
    manifesto.save_revision(user=room.moderator)
    setup_review()  # the Manifesto sign-off, now that there is a Manifesto
    people = {**leads, "moderator": room.moderator, "admin": room.admin}
    half_signed(through_review(manifesto, people), people)
    return SimpleNamespace(editor=room.editor.username)


site = built_once(partnership_in_the_api)

MANIFESTO = """{ manifesto { title version locale url introduction
  principles { __typename id blockType title text }
  chapters { number strategy { slug territory { name } sections { id heading body } } }
  recommendations { title text } signOff { statement signatures { signedBy } } } }"""


def test_territories_query_lists_the_partner_territories(django_assert_num_queries):
    with django_assert_num_queries(2):
        result = schema.execute("{ territories { name countryName partnerOrganisations } }")
    assert result.errors is None
    territories = {item["name"]: item for item in result.data["territories"]}
    assert territories["Valdoria"]["countryName"] == "Italy"
    assert "Cooperativa Ponti" in territories["Valdoria"]["partnerOrganisations"]


def test_manifesto_has_its_chapters_in_order_with_each_strategy_and_its_sections():
    manifesto = ManifestoPage.objects.get(locale__language_code="en")
    answer = data_of(MANIFESTO)["manifesto"]
    assert answer["title"] == "The ECCIPA Manifesto"
    assert answer["version"] == manifesto.live_revision_id
    assert answer["url"] == "http://testserver/en/manifesto/"
    assert [chapter["number"] for chapter in answer["chapters"]] == [1, 2, 3]
    assert [chapter["strategy"]["territory"]["name"] for chapter in answer["chapters"]] == [
        chapter.strategy.territory.name for chapter in manifesto.chapters.order_by("sort_order")
    ]
    rheinfeld = StrategyDraftPage.objects.get(
        locale__language_code="en", slug="rheinfeld-local-strategy"
    )
    sections = answer["chapters"][0]["strategy"]["sections"]
    assert [s["id"] for s in sections] == [block.id for block in rheinfeld.sections]
    assert sections[0]["heading"] == "A welcoming front desk"
    assert sections[0]["body"].startswith("<p>The foreign residents' office")
    assert answer["principles"][0]["__typename"] == "PrincipleBlock"
    assert answer["principles"][0]["blockType"] == "principle"
    assert "partner leads of Rheinfeld" in answer["signOff"]["statement"]


def test_rich_text_links_are_absolute_and_lead_to_live_pages_only():
    toolkit = TrainingProgrammePage.objects.get(locale__language_code="en")
    draft = add_module("Not yet", "not-yet", "draft text", publish=False)
    strategy = StrategyDraftPage.objects.get(
        locale__language_code="en", slug="valdoria-local-strategy"
    )
    strategy.vision = (
        f'<p>See <a linktype="page" id="{toolkit.pk}">the Toolkit</a>, '
        f'<a linktype="page" id="{draft.pk}">a draft</a> and '
        '<a href="https://example.org/x?a=1&amp;b=2">elsewhere</a>.</p>'
    )
    strategy.save_revision().publish()
    vision = data_of('{ strategy(slug: "valdoria-local-strategy") { vision } }')["strategy"][
        "vision"
    ]
    assert '<a href="http://testserver/en/toolkit/">the Toolkit</a>' in vision
    assert "<a>a draft</a>" in vision
    assert "not-yet" not in vision
    assert '<a href="https://example.org/x?a=1&amp;b=2">elsewhere</a>' in vision
    assert "linktype" not in vision


def test_recommendations_link_to_the_toolkit_with_an_absolute_address():
    recommendations = data_of(MANIFESTO)["manifesto"]["recommendations"]
    texts = " ".join(item["text"] for item in recommendations)
    assert '<a href="http://testserver/en/toolkit/">ECCIPA Toolkit</a>' in texts


def test_each_section_exposes_the_needs_findings_it_addresses():
    answer = data_of(
        """{ strategy(slug: "rheinfeld-local-strategy") {
        needsFindings { theme }
        sections { heading needsFindings { id theme kind priority url territory { name } } } } }"""
    )["strategy"]
    front_desk = answer["sections"][0]
    finding = NeedsFinding.objects.get(theme="Language barriers at the front desk")
    assert front_desk["needsFindings"] == [
        {
            "id": str(finding.pk),
            "theme": "Language barriers at the front desk",
            "kind": "WEAKNESS",
            "priority": "HIGH",
            "url": f"http://testserver/en/needs-review/rheinfeld-needs-review/#finding-{finding.block_id}",
            "territory": {"name": "Rheinfeld"},
        }
    ]
    assert "Strong network of migrant associations" in {f["theme"] for f in answer["needsFindings"]}


def test_participation_counts_stakeholder_comments_by_organisation_type_never_names(site):
    """The room's consultation on Valdoria's strategy, once closed: four comments, two decided,
    one flagged and waiting for a moderator (not counted, as the outcome page does not show
    it)."""
    strategy = StrategyDraftPage.objects.get(
        locale__language_code="en", slug="valdoria-local-strategy"
    )
    first, second, third, fourth = [block.id for block in strategy.sections]
    close_consultation(strategy, site.editor)
    query = """{ manifesto { chapters { participation { commentCount organisationTypes
        decisions { adopted noted undecided } } strategy { slug sections { id participation {
        commentCount organisationTypes decisions { adopted partlyAdopted notAdopted noted
        undecided } } } } } } }"""
    chapter = next(
        chapter
        for chapter in execute(query).data["manifesto"]["chapters"]
        if chapter["strategy"]["slug"] == "valdoria-local-strategy"
    )
    assert chapter["participation"] == {
        "commentCount": 3,
        "organisationTypes": ["CITY_DEPARTMENT", "NGO", "MIGRANT_ASSOCIATION"],
        "decisions": {"adopted": 1, "noted": 1, "undecided": 1},
    }
    sections = {s["id"]: s["participation"] for s in chapter["strategy"]["sections"]}
    assert sections[first] == {
        "commentCount": 1,
        "organisationTypes": ["MIGRANT_ASSOCIATION"],
        "decisions": {
            "adopted": 1,
            "partlyAdopted": 0,
            "notAdopted": 0,
            "noted": 0,
            "undecided": 0,
        },
    }
    assert sections[second]["decisions"]["noted"] == 1
    text = json.dumps(execute(query).data)
    for secret in ["Please let migrant associations", "Amina", "Diallo", "amina", "Tigrinya"]:
        assert secret not in text

    hidden = StakeholderComment.objects.get(section_id=fourth)  # counted so far
    hidden.hidden_at = hidden.wagtail_comment.created_at
    hidden.save()
    chapter = next(
        chapter
        for chapter in execute(query).data["manifesto"]["chapters"]
        if chapter["strategy"]["slug"] == "valdoria-local-strategy"
    )
    assert chapter["participation"]["commentCount"] == 2  # a hidden comment does not count


def test_sign_off_lists_the_partner_leads_who_signed_the_published_version():
    manifesto = ManifestoPage.objects.get(locale__language_code="en")
    # The live first edition was signed by the three leads; the newer revision, signed by two so
    # far, is not what the API shows.
    first_edition = data_of(MANIFESTO)["manifesto"]["signOff"]["signatures"]
    leads = get_user_model().objects.filter(groups__name="Partner leads").order_by("username")
    assert [s["signedBy"] for s in first_edition] == [lead.get_full_name() for lead in leads]
    task_state = manifesto.current_workflow_task_state
    last_lead = get_user_model().objects.get(username="lead-es")
    task_state.task.specific.on_action(task_state, last_lead, "approve")

    answer = data_of(
        "{ manifesto { version signOff { signatures { signedBy organisation signedAt "
        "territory { name } } } } }"
    )["manifesto"]
    manifesto.refresh_from_db()
    assert answer["version"] == manifesto.live_revision_id
    signatures = answer["signOff"]["signatures"]
    assert [s["territory"]["name"] for s in signatures] == ["Rheinfeld", "Valdoria", "Puerto Alba"]
    assert signatures[-1]["signedBy"] == last_lead.get_full_name()
    assert signatures[-1]["organisation"] == last_lead.profile.organisation
    assert all(s["signedAt"] for s in signatures)


def test_training_module_blocks_are_typed_per_block_type():
    answer = data_of(
        """{ trainingModule(slug: "working-with-interpreters") { durationHours deliveryFormat
        targetAudience { role } learningObjectives { objective } competences { slug }
        activities { __typename ... on CaseStudyBlock { id title minutes description } }
        resources { __typename ... on LinkResourceBlock { title url } } } }"""
    )["trainingModule"]
    assert answer["durationHours"] == 3.0
    assert answer["deliveryFormat"] == "BLENDED"
    assert answer["targetAudience"] == [{"role": "Front-desk staff"}, {"role": "Social workers"}]
    assert answer["competences"] == [{"slug": "working-with-interpreters"}]
    assert [a["__typename"] for a in answer["activities"]] == ["CaseStudyBlock", "RolePlayBlock"]
    assert answer["activities"][0]["minutes"] == 45
    assert answer["resources"] == [
        {
            "__typename": "LinkResourceBlock",
            "title": "ECCIPA project leaflet",
            "url": "https://example.org/eccipa",
        }
    ]


def test_needs_reviews_show_methodology_findings_and_report():
    reviews = data_of(
        """{ needsReviews { territory { slug } interviews focusGroups
        participants { organisationType count } findings { __typename kind theme evidence }
        report { url fileExtension } } }"""
    )["needsReviews"]
    valdoria = next(r for r in reviews if r["territory"]["slug"] == "valdoria")
    assert (valdoria["interviews"], valdoria["focusGroups"]) == (19, 3)
    assert {"organisationType": "MIGRANT_ASSOCIATION", "count": 5} in valdoria["participants"]
    assert valdoria["findings"][0]["__typename"] == "FindingBlock"
    assert valdoria["report"]["url"].startswith("http://testserver/documents/")
    assert valdoria["report"]["fileExtension"] == "txt"


MODULES = """query ($first: Int, $after: String, $filter: TrainingModuleFilter,
  $sort: TrainingModuleSort) {
  trainingModules(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { slug durationHours } } } }"""


def module_slugs(**variables):
    connection = data_of(MODULES, **variables)["trainingModules"]
    return [edge["node"]["slug"] for edge in connection["edges"]]


def test_training_modules_are_paginated_with_cursors():
    everything = module_slugs(first=100)
    first_page = data_of(MODULES, first=2)["trainingModules"]
    assert first_page["totalCount"] == len(everything) == TrainingModulePage.objects.live().count()
    assert first_page["pageInfo"]["hasNextPage"] is True
    assert first_page["pageInfo"]["hasPreviousPage"] is False
    second = data_of(MODULES, first=2, after=first_page["pageInfo"]["endCursor"])
    assert second["trainingModules"]["pageInfo"]["hasPreviousPage"] is True
    pages = [edge["node"]["slug"] for edge in first_page["edges"]] + [
        edge["node"]["slug"] for edge in second["trainingModules"]["edges"]
    ]
    assert pages == everything[:4]


def test_training_modules_are_filtered_by_competence_format_territory_and_text():
    assert module_slugs(filter={"competence": "working-with-interpreters"}) == [
        "working-with-interpreters"
    ]
    online = module_slugs(filter={"deliveryFormat": "ONLINE"})
    assert online and all(
        TrainingModulePage.objects.get(slug=slug).delivery_format == "online" for slug in online
    )
    rheinfeld = module_slugs(filter={"territory": "rheinfeld"})
    assert "plain-language-letters" in rheinfeld
    assert "residence-procedures-explained" not in rheinfeld
    assert module_slugs(filter={"search": "interpreters"}) == ["working-with-interpreters"]
    assert module_slugs(filter={"territory": "nowhere"}) == []


def test_training_modules_sort_only_by_allowed_fields():
    by_duration = data_of(MODULES, first=100, sort={"field": "DURATION", "direction": "DESC"})
    hours = [edge["node"]["durationHours"] for edge in by_duration["trainingModules"]["edges"]]
    assert hours == sorted(hours, reverse=True)
    titles = module_slugs(first=100, sort={"field": "TITLE"})
    assert titles == list(
        TrainingModulePage.objects.live().order_by("title").values_list("slug", flat=True)
    )
    result = execute(MODULES, sort={"field": "SLUG"})
    assert result.data is None
    assert "SLUG" in result.errors[0].message


@pytest.mark.parametrize(
    ("variables", "code"),
    [
        ({"first": 101}, "PAGE_SIZE_TOO_LARGE"),
        ({"first": -1}, "INVALID_ARGUMENT"),
        ({"after": "not-a-cursor"}, "INVALID_CURSOR"),
        ({"after": "bW9kdWxlOng="}, "INVALID_CURSOR"),  # base64 of "module:x"
    ],
)
def test_bad_pagination_arguments_are_refused_with_their_code(variables, code):
    assert error_codes(execute(MODULES, **variables)) == [code]


def test_strategy_is_found_by_slug_or_id_and_missing_ones_have_a_code():
    strategy = StrategyDraftPage.objects.get(
        locale__language_code="en", slug="puerto-alba-local-strategy"
    )
    query = "query ($slug: String, $id: ID) { strategy(slug: $slug, id: $id) { title } }"
    assert data_of(query, slug=strategy.slug)["strategy"]["title"] == strategy.title
    assert data_of(query, id=str(strategy.pk))["strategy"]["title"] == strategy.title
    assert error_codes(execute(query, slug="nowhere")) == ["NOT_FOUND"]
    assert error_codes(execute(query, id="999999")) == ["NOT_FOUND"]
    assert error_codes(execute(query, id=str(Page.objects.get(depth=1).pk))) == ["NOT_FOUND"]
    assert error_codes(execute(query)) == ["INVALID_ARGUMENT"]
    assert error_codes(execute(query, slug=strategy.slug, id=str(strategy.pk))) == [
        "INVALID_ARGUMENT"
    ]


@pytest.mark.parametrize(
    "field",
    [
        'manifesto(locale: "fr") { title }',
        'strategies(locale: "fr") { title }',
        'strategy(locale: "fr", slug: "valdoria-local-strategy") { title }',
        'trainingModules(locale: "fr") { totalCount }',
        'trainingModule(locale: "fr", slug: "working-with-interpreters") { title }',
        'needsReviews(locale: "fr") { title }',
        'territories(locale: "fr") { name }',
        'competences(locale: "fr") { name }',
    ],
)
def test_an_unknown_locale_is_refused_on_every_root_field(field):
    assert error_codes(execute("{ " + field + " }")) == ["INVALID_LOCALE"]


def test_the_schema_is_read_only_and_lists_its_error_codes():
    assert schema.graphql_schema.mutation_type is None
    assert schema.graphql_schema.subscription_type is None
    codes = set(schema.graphql_schema.get_type("ErrorCode").values)
    assert {"NOT_FOUND", "INVALID_LOCALE", "PAGE_SIZE_TOO_LARGE", "INVALID_CURSOR"} <= codes
