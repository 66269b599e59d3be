"""Dates read as each language writes them inside a sentence."""

from datetime import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

MOMENT = timezone.make_aware(datetime(2026, 12, 11, 15, 30))
SENTENCE = Template(
    '{% load i18n %}{% blocktranslate with date=moment|date:"DATETIME_FORMAT" %}'
    "Open for comments until {{ date }}.{% endblocktranslate %}"
)


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", "Open for comments until 11 December 2026, 15:30."),
        ("de", "Offen für Kommentare bis 11. Dezember 2026, 15:30."),
        ("it", "Aperta ai commenti fino al venerdì 11 dicembre 2026, 15:30."),
        ("es", "Abierta a comentarios hasta el 11 de diciembre de 2026 a las 15:30."),
    ],
)
def test_the_closing_date_reads_naturally_in_each_language(language, expected):
    with translation.override(language), timezone.override("Europe/Berlin"):
        assert SENTENCE.render(Context({"moment": MOMENT})) == expected
