from __future__ import annotations

from django import forms

from reviews.models import ReviewLog


class RatingForm(forms.Form):
    """A rating for the card the page showed, with the rating count it showed."""

    card = forms.CharField(max_length=40)
    reps = forms.IntegerField(min_value=0)
    rating = forms.TypedChoiceField(choices=ReviewLog.Rating.choices, coerce=int)
