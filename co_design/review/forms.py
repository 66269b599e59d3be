"""The closing date an editor sets when a consultation opens."""

from datetime import datetime, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def end_of_day(day):
    """Consultations close at the end of their closing day, local time."""
    return timezone.make_aware(datetime.combine(day, time.max))


class ClosingDateForm(forms.Form):
    closes_on = forms.DateField(
        label=_("Closing date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Stakeholders can comment until the end of this day."),
    )

    def clean_closes_on(self):
        closes_on = self.cleaned_data["closes_on"]
        if closes_on < timezone.localdate():
            raise forms.ValidationError(_("The closing date cannot be in the past."))
        return closes_on
