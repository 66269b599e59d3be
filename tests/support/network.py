"""A small partnership built with factories: three territories in the partners' languages, the
people who work in them, the activities' index pages and a Manifesto half signed off.

The people keep the usernames tests address them by (lead-de, moderator…); each is created by
the test that asks for it, with the password `PASSWORD`."""

from types import SimpleNamespace

from django.utils.text import slugify

from co_design.choices import Country, Language

from .factories import (
    ManifestoPageFactory,
    NeedsReviewIndexPageFactory,
    StrategyIndexPageFactory,
    TerritoryFactory,
    TrainingProgrammePageFactory,
    person,
    publish,
    site_home,
    superuser,
)

PASSWORD = "a-test-passphrase-7"

PARTNERS = [
    ("Rheinfeld", Country.GERMANY, Language.GERMAN),
    ("Valdoria", Country.ITALY, Language.ITALIAN),
    ("Puerto Alba", Country.SPAIN, Language.SPANISH),
]


def territory(name, country=Country.OTHER, language=Language.ENGLISH):
    return TerritoryFactory(
        name=name, slug=slugify(name), country=country, default_language=language
    )


def partner_territories():
    """Rheinfeld (de), Valdoria (it) and Puerto Alba (es), by their slugs."""
    return {
        slugify(name): territory(name, country, language) for name, country, language in PARTNERS
    }


def member(role, where, username, name="", language=Language.ENGLISH, **fields):
    """A person in `role` who signs in with PASSWORD, speaks `language` and is called `name`."""
    first_name, _, last_name = name.partition(" ")
    user = person(
        role,
        where,
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=f"{username}@example.org",
        **fields,
    )
    user.set_password(PASSWORD)
    user.save()
    user.profile.language = language
    user.profile.save()
    return user


def administrator(username="admin"):
    user = superuser(username=username, first_name="Ada", last_name="Admin")
    user.set_password(PASSWORD)
    user.save()
    return user


def partner_leads(territories):
    return {
        "lead-de": member(
            "partner_lead", territories["rheinfeld"], "lead-de", "Lukas Schmidt", Language.GERMAN
        ),
        "lead-it": member(
            "partner_lead", territories["valdoria"], "lead-it", "Lucia Bianchi", Language.ITALIAN
        ),
        "lead-es": member(
            "partner_lead", territories["puerto-alba"], "lead-es", "Luis Martín", Language.SPANISH
        ),
    }


def activity_indexes(home):
    """The needs reviews', strategies' and Toolkit's index pages under `home`, live."""
    return SimpleNamespace(
        needs_reviews=NeedsReviewIndexPageFactory(parent=home),
        strategies=StrategyIndexPageFactory(parent=home),
        toolkit=TrainingProgrammePageFactory(parent=home),
    )


def live_manifesto(home, title="The ECCIPA Manifesto"):
    """A Manifesto the editor's form accepts whole: a principle, a recommendation and a chapter
    on a live strategy; its first edition live."""
    from co_design.models import ManifestoChapter

    from .factories import StrategyDraftPageFactory

    strategy = publish(StrategyDraftPageFactory(parent__parent=home))
    manifesto = ManifestoPageFactory(
        parent=home,
        title=title,
        principles=[("principle", {"title": "Start from needs", "text": "<p>Ask first.</p>"})],
        recommendations=[
            ("recommendation", {"title": "Train the counter", "text": "<p>Every desk.</p>"})
        ],
    )
    ManifestoChapter.objects.create(
        page=manifesto, strategy=strategy, summary="<p>What the city learnt.</p>"
    )
    return publish(manifesto)


def manifesto_in_sign_off():
    """The Manifesto's first edition live; its 2023 edition submitted by the moderator and signed
    by lead-de and lead-it, lead-es still asked. Returns the page and the people."""
    from co_design.review.setup import setup_review

    home = site_home()
    territories = partner_territories()
    people = partner_leads(territories)
    people["moderator"] = member("moderator", None, "moderator", "Max Moreau")
    people["admin"] = administrator()
    manifesto = live_manifesto(home)
    setup_review()
    manifesto = half_signed(manifesto, people)
    return SimpleNamespace(home=home, manifesto=manifesto, territories=territories, people=people)


def half_signed(manifesto, people):
    """The Manifesto's 2023 edition submitted by the moderator and signed by lead-de and
    lead-it; lead-es is still asked."""
    manifesto.title = "The ECCIPA Manifesto (2023 edition)"
    manifesto.save_revision(user=people["moderator"], log_action=True)
    manifesto.get_workflow().start(manifesto, people["moderator"])
    for lead in ("lead-de", "lead-it"):
        manifesto.refresh_from_db()
        task_state = manifesto.current_workflow_task_state
        task_state.task.specific.on_action(task_state, people[lead], "approve")
    manifesto.refresh_from_db()
    return manifesto


def through_review(page, people):
    """`page`'s latest revision taken through its whole workflow, as the people would in the
    admin: every partner lead signs; its territory's editor (or the administrator) closes the
    consultation; the moderator approves. The last step publishes it."""
    from wagtail.models import Page

    from co_design.review.consultation_task import ConsultationTask
    from co_design.review.sign_off import PartnerSignOffTask

    page.get_workflow().start(page, people["admin"])
    page = Page.objects.get(pk=page.pk).specific
    while page.workflow_in_progress:
        task_state = page.current_workflow_task_state
        task = task_state.task.specific
        if isinstance(task, PartnerSignOffTask):
            signed = set(task_state.signatures.values_list("user_id", flat=True))
            steps = [(lead, "approve") for lead in task.leads() if lead.pk not in signed]
        elif isinstance(task, ConsultationTask):
            territory = getattr(page, "territory", None)
            editors = [
                user
                for username, user in people.items()
                if username.startswith("editor-") and user.profile.territory == territory
            ]
            steps = [((editors or [people["admin"]])[0], "close")]
        else:
            steps = [(people["moderator"], "approve")]
        for user, action in steps:
            task.on_action(task_state, user, action)
        page = Page.objects.get(pk=page.pk).specific
    assert page.live, f"{page} did not go live through its review"
    return page


def translated(page, language):
    """`page` copied into `language` (with its parents), live unless it goes live only through
    its review."""
    from wagtail.models import Locale

    copy = page.copy_for_translation(
        Locale.objects.get(language_code=language), copy_parents=True
    ).specific
    for each in (*copy.get_ancestors().specific(), copy):
        if not each.live and not getattr(each, "publishes_only_through_review", False):
            publish(each)
    return copy


def network_to_join():
    """What a new territory joins: the partners' territories and their people (an editor and a
    lead each, the moderator), the activities' indexes and a live Manifesto, under review."""
    from co_design.review.setup import setup_review

    home = site_home()
    territories = partner_territories()
    people = partner_leads(territories)
    for slug, code in (("rheinfeld", "de"), ("valdoria", "it"), ("puerto-alba", "es")):
        people[f"editor-{code}"] = member(
            "editor", territories[slug], f"editor-{code}", language=code
        )
    people["moderator"] = member("moderator", None, "moderator", "Max Moreau")
    indexes = activity_indexes(home)
    for index in vars(indexes).values():
        for language in ("de", "it", "es"):
            translated(index, language)
    manifesto = publish(ManifestoPageFactory(parent=home, title="The ECCIPA Manifesto"))
    setup_review()  # the indexes in every language go through the Local strategy review
    return SimpleNamespace(
        home=home, territories=territories, people=people, indexes=indexes, manifesto=manifesto
    )


def stakeholders(territories):
    """A stakeholder of each partner territory, in its language."""
    return {
        "stakeholder-ngo": member(
            "stakeholder",
            territories["rheinfeld"],
            "stakeholder-ngo",
            "Nora Weiss",
            "de",
            organisation_type="ngo",
        ),
        "stakeholder-association": member(
            "stakeholder",
            territories["valdoria"],
            "stakeholder-association",
            "Amina Diallo",
            "it",
            organisation_type="migrant_association",
        ),
        "stakeholder-city": member(
            "stakeholder",
            territories["puerto-alba"],
            "stakeholder-city",
            "Carlos Ruiz",
            "es",
            organisation_type="city_department",
        ),
    }


def strategies_in_review(puerto_alba_comments=()):
    """Each partner's strategy live under one index with the Local strategy review: Rheinfeld's
    not under review, Valdoria's newer revision in consultation (opened by editor-it), Puerto
    Alba's consulted on and waiting for editorial approval. Their editors, the moderator, two
    stakeholders of Rheinfeld and one each of Valdoria and Puerto Alba.
    `puerto_alba_comments`: (text, decision, reason) of comments stakeholder-city made on Puerto
    Alba's sections in turn during its consultation, each with editor-es's decision."""
    from co_design.models import StrategyDraftPage
    from co_design.review.setup import setup_review

    from .factories import StrategyDraftPageFactory, section

    home = site_home()
    territories = partner_territories()
    people = stakeholders(territories)
    people["stakeholder-rolemodel"] = member(
        "stakeholder", territories["rheinfeld"], "stakeholder-rolemodel", "Rania Haddad"
    )
    for slug, code, name in (
        ("rheinfeld", "de", "Emma Becker"),
        ("valdoria", "it", "Elena Russo"),
        ("puerto-alba", "es", "Eva García"),
    ):
        people[f"editor-{code}"] = member(
            "editor", territories[slug], f"editor-{code}", name, language=code
        )
    people["moderator"] = member("moderator", None, "moderator", "Max Moreau")
    index = StrategyIndexPageFactory(parent=home)
    strategies = {
        slug: publish(
            StrategyDraftPageFactory(
                parent=index,
                territory=where,
                title=f"{where.name} Local Strategy for Integration",
                sections=[section("A welcoming front desk"), section("Housing first")],
            )
        )
        for slug, where in territories.items()
    }
    setup_review()
    for slug, editor in (("valdoria", "editor-it"), ("puerto-alba", "editor-es")):
        page = strategies[slug]
        page.summary = f"{page.summary} Revised after the round table."
        page.save_revision(user=people[editor], log_action=True)
        page.get_workflow().start(page, people[editor])
    puerto_alba = StrategyDraftPage.objects.get(pk=strategies["puerto-alba"].pk)
    comment_and_decide(puerto_alba, people, puerto_alba_comments)
    task_state = puerto_alba.current_workflow_task_state
    task_state.task.specific.on_action(task_state, people["editor-es"], "close")
    return SimpleNamespace(
        home=home,
        territories=territories,
        people=people,
        strategies={
            slug: StrategyDraftPage.objects.get(pk=page.pk) for slug, page in strategies.items()
        },
    )


def comment_and_decide(page, people, comments):
    import uuid

    from co_design.consultation import services

    sections = [block.id for block in page.get_latest_revision_as_object().sections]
    for number, (text, decision, reason) in enumerate(comments):
        record, _ = services.post_comment(
            people["stakeholder-city"],
            page,
            sections[number % len(sections)],
            text,
            submission_key=uuid.uuid4(),
        )
        services.record_decision(
            people["editor-es"], record, decision, reason, page.get_latest_revision()
        )
