"""A person's language: the site follows it, and so do the e-mails we send them."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from co_design.accounts.models import Profile

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


@require_POST
@login_required
def save_language(request):
    code = request.POST.get("language", "")
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("my_consultations")
    if code not in LANGUAGE_CODES:
        messages.error(request, _("Please choose one of the languages offered."))
        return redirect(target)
    Profile.objects.update_or_create(user=request.user, defaults={"language": code})
    with translation.override(code):
        messages.success(request, _("Saved: the site and your e-mails are now in this language."))
    return redirect(translate_url(target, code))


def preferred_language(user):
    """The language a person chose (their profile's), or None."""
    profile = getattr(user, "profile", None) if user and user.is_authenticated else None
    code = getattr(profile, "language", "") or ""
    return code if code in LANGUAGE_CODES else None


def signed_in_redirect(user, url):
    """A redirect to `url` in the person's own language, whichever language the sign-in page
    or the invitation link was in; the site's links keep that language from there."""
    code = preferred_language(user)
    return redirect(translate_url(url, code) if code else url)
