"""Factories for objects the demo content does not already provide."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model

from co_design.choices import Country
from co_design.models import Competence, NeedsReviewIndexPage, NeedsReviewPage, Territory


class TerritoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Territory

    name = factory.Sequence(lambda n: f"Test territory {n}")
    slug = factory.Sequence(lambda n: f"test-territory-{n}")
    country = Country.OTHER


class CompetenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Competence

    name = factory.Sequence(lambda n: f"Competence {n}")
    slug = factory.Sequence(lambda n: f"competence-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")


class NeedsReviewPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NeedsReviewPage

    title = factory.Sequence(lambda n: f"Needs review {n}")
    territory = factory.SubFactory(TerritoryFactory)
    summary = "<p>Summary.</p>"
    parent = factory.LazyFunction(lambda: NeedsReviewIndexPage.objects.get())
