"""A comment's machine translation into the reader's language, where a machine-translation
backend is configured (WAGTAILLOCALIZE_MACHINE_TRANSLATOR, off unless set; see the README).

The original is what the stakeholder wrote and stays what the room shows first; the translation
is plain text (escaped like the original), kept in the cache under the comment's text, so an
edited comment is translated afresh and each text is sent to the backend once per language."""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.strings import StringValue

from co_design.access.verdicts import Refused

logger = logging.getLogger(__name__)

KEPT_FOR = 30 * 24 * 3600


def translator_between(source_language, target_language):
    """The configured machine translator if it translates between these languages, else None."""
    translator = get_machine_translator()
    if translator is None or not source_language or source_language == target_language:
        return None
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in=[source_language, target_language])
    }
    if len(locales) < 2:
        return None
    source, target = locales[source_language], locales[target_language]
    return (translator, source, target) if translator.can_translate(source, target) else None


def translation_offers(target_language):
    """{language code: "Translate into …"} for the languages whose comments the configured
    backend translates into `target_language`; empty when none is configured."""
    if get_machine_translator() is None:
        return {}
    name = dict(settings.LANGUAGES).get(target_language, target_language)
    label = _("Show a machine translation into %(language)s") % {"language": str(name)}
    return {
        code: label
        for code, _name in settings.LANGUAGES
        if translator_between(code, target_language) is not None
    }


def machine_translation(stakeholder_comment, target_language):
    """The comment's text in `target_language`, or None where no backend translates it (none
    configured, same language, the backend failing)."""
    text = stakeholder_comment.wagtail_comment.text
    digest = hashlib.sha256(text.encode()).hexdigest()[:24]
    key = f"comment-translation:{stakeholder_comment.pk}:{target_language}:{digest}"
    cached = cache.get(key)
    if cached is not None:
        return cached
    found = translator_between(stakeholder_comment.language, target_language)
    if found is None:
        return None
    translator, source, target = found
    original = StringValue.from_plaintext(text)
    try:
        translated = translator.translate(source, target, [original])[original].render_text()
    except Exception:  # a network or quota error of the backend: the original stays readable
        logger.exception("Machine translation of comment %s failed", stakeholder_comment.pk)
        return None
    cache.set(key, translated, KEPT_FOR)
    return translated


def asked_translation(page, value, target_language):
    """{Wagtail comment id: machine translation} for the room's `?translate=<comment id>`
    (`value`, None when not asked): a shown comment of `page`, in another language than the
    reader's. Refused (400) for anything else; {} with nothing to show when the backend gives
    no translation (the room says so)."""
    from co_design.consultation.models import StakeholderComment

    if value is None:
        return {}
    refusal = Refused(_("This comment cannot be translated."), status=400)
    if not value.isdigit() or len(value) > 18:
        raise refusal
    stakeholder_comment = (
        StakeholderComment.objects.select_related("wagtail_comment")
        .filter(wagtail_comment_id=int(value), wagtail_comment__page_id=page.pk)
        .first()
    )
    if (
        stakeholder_comment is None
        or stakeholder_comment.is_hidden
        or stakeholder_comment.withdrawn_at
        or stakeholder_comment.language in ("", target_language)
    ):
        raise refusal
    text = machine_translation(stakeholder_comment, target_language)
    return {} if text is None else {stakeholder_comment.wagtail_comment_id: text}
