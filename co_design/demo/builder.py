"""Builds the demo site from the data in co_design/demo/data/. Every step looks for what exists
first, so a second run adds nothing."""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from co_design.access.roles import ensure_role_groups
from co_design.review.setup import setup_review
from home.models import HomePage

from .activities import ActivitiesMixin
from .data import content
from .languages import LanguagesMixin
from .pages import get_or_add_child, publish, save_draft
from .people import PeopleMixin
from .review_states import ReviewStatesMixin


class DemoBuilder(PeopleMixin, ActivitiesMixin, LanguagesMixin, ReviewStatesMixin):
    """`password`: of every demo account it creates; None: no usable password (people.demo_password
    chooses)."""

    def __init__(self, strategies=3, sections=4, modules=6, password=None):
        self.strategy_count = strategies
        self.section_count = sections
        self.module_count = modules
        self.password = password
        self.created = 0
        # Pages created as drafts that go live through their review workflow, in this order.
        self.awaiting_review = []

    @transaction.atomic
    def build(self):
        ensure_role_groups()
        self.territories = self.build_territories()
        self.competences = self.build_competences()
        self.users = self.build_people()
        self.admin = self.users["admin"]
        self.home = self.build_home()
        self.build_needs_reviews()
        self.modules = self.build_toolkit()
        self.strategies = self.build_strategies()
        self.build_round_tables()
        self.manifesto = self.build_manifesto()
        self.link_home_to_the_activities()
        self.build_public_pages()
        self.build_translations()
        setup_review()
        self.publish_through_review()
        self.build_review_states()
        self.build_consultation_comments()
        return self.created

    def build_home(self):
        home = HomePage.objects.filter(locale=Locale.get_default()).first()
        if home is None:
            root = Page.get_first_root_node()
            # Replace the placeholder page Wagtail's migrations create.
            for placeholder in root.get_children().exact_type(Page):
                placeholder.delete()
            home = HomePage(
                title=content.HOME_TITLE,
                slug="home",
                introduction=content.HOME_INTRODUCTION,
            )
            root.add_child(instance=home)
            publish(home, self.admin)
            self.created += 1
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"root_page": home, "site_name": "ECCIPA", "hostname": "localhost"},
        )
        return home

    def add(self, parent, model, slug, through_review=False, **fields):
        """The child page, created and published once; `through_review`: created as a draft
        that publish_through_review() takes through its workflow."""
        if through_review:
            fields.update(live=False, has_unpublished_changes=True)
        page, created = get_or_add_child(parent, model, slug, **fields)
        if created:
            self.created += 1
            if through_review:
                save_draft(page, self.admin)
                self.awaiting_review.append(page)
            else:
                publish(page, self.admin)
        return page
