"""The comments of the room as HTML, each rendered once and then taken from the cache.

A room of hundreds of comments spends most of its time rendering consultation/comment.html
again and again for comments that did not change. Each comment's HTML is kept in the cache
under a fingerprint of everything that HTML is made of: the comment's stored values (its text,
state, decision, edits, replies and their moderation, agreement count), what the view worked
out for the reader (is it theirs, did they agree or report it, may they change, reply, flag),
the room's address, the language and time zone, and the template's own source. Any change to
one of them gives another key, so a stale fragment is never shown; unused ones expire.

The CSRF token is the one thing of the reader's that is not in the fingerprint: fragments are
stored with a placeholder in its place, and the request's token goes in as they are put on the
page, so one reader's token is never served to another.
"""

import hashlib
import pickle
from functools import cache
from importlib import import_module
from pathlib import Path

import django
from django.conf import settings
from django.core.cache import caches
from django.db.models import Model
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from co_design.view_objects import ViewObject

TEMPLATE = "consultation/comment.html"
TIMEOUT = 60 * 60 * 24
CSRF_PLACEHOLDER = "room-comment-csrf-placeholder"
CSRF_INPUT = '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'


@cache
def template_version():
    """The comment template's source, the translations, the date formats and Django's version:
    a deployment that changes how a comment looks or reads never serves fragments made before
    it."""
    source = get_template(TEMPLATE).template.source
    files = [
        path
        for folder in settings.LOCALE_PATHS
        for path in Path(folder).glob("*/LC_MESSAGES/django.mo")
    ] + [
        path
        for module in settings.FORMAT_MODULE_PATH
        for path in Path(import_module(module).__file__).parent.glob("*/formats.py")
    ]
    stamps = sorted((str(path), path.stat().st_mtime_ns) for path in files)
    return hashlib.sha256(pickle.dumps((source, stamps, django.get_version()))).hexdigest()


def stored_values(instance):
    """A model instance's field values and annotations (not its caches)."""
    return tuple(item for item in vars(instance).items() if item[0][0] != "_")


def shown_values(value):
    """What a view object (and the objects it carries) holds, as plain values."""
    kind = type(value)
    if kind is ViewObject:
        return (
            stored_values(value.instance),
            tuple(
                (name, shown_values(item))
                for name, item in vars(value).items()
                if name != "instance"
            ),
        )
    if kind is list or kind is tuple:
        return tuple(shown_values(item) for item in value)
    if isinstance(value, Model):
        return stored_values(value)
    return value


def fingerprint(shown, reader):
    """The cache key of one comment's HTML for `reader` (reader_of)."""
    digest, user_pk, failed_reply = reader
    comment = shown.wagtail_comment
    values = (
        digest,
        shown_values(shown),
        stored_values(comment),
        # The template compares these authors with the reader: the key holds how each compares,
        # not who reads, so that readers in the same relation to a comment share its HTML.
        comment.user_id == user_pk,
        [reply.user_id == user_pk for reply in shown.shown_replies],
        failed_reply == shown.pk,
    )
    return f"room-comment:{hashlib.blake2b(pickle.dumps(values), digest_size=20).hexdigest()}"


def reader_of(context):
    """What the comment template reads of the room's context, other than the comment: a digest
    of what is the same for every comment, the reader's id and the reply that failed."""
    shared = (
        template_version(),
        translation.get_language(),
        timezone.get_current_timezone_name(),
        context["room_page"].pk,
        bool(context.get("sees_hidden")),
        bool(context.get("comment_verdict")),
        bool(context.get("can_flag")),
        bool(context.get("can_reply")),
        str(context.get("flag_label")),
        str(context.get("reply_label")),
    )
    digest = hashlib.blake2b(pickle.dumps(shared), digest_size=20).digest()
    return digest, context["request"].user.pk, context.get("failed_reply")


def csrf_input(token):
    """What {% csrf_token %} renders with `token`."""
    if not token or token == "NOTPROVIDED":
        return ""
    return format_html(CSRF_INPUT, token)


def rendered_comments(context, shown_comments):
    """The HTML of `shown_comments` in order, as the comment template renders each within the
    room's `context`."""
    if not shown_comments:
        return ""
    reader = reader_of(context)
    keys = [fingerprint(shown, reader) for shown in shown_comments]
    fragment_cache = caches["fragments"]
    found = fragment_cache.get_many(keys)
    missing = {}
    template = None
    for key, shown in zip(keys, shown_comments, strict=True):
        if key in found or key in missing:
            continue
        template = template or context.template.engine.get_template(TEMPLATE)
        with context.push(stakeholder_comment=shown, csrf_token=CSRF_PLACEHOLDER):
            missing[key] = str(template.render(context))
    if missing:
        fragment_cache.set_many(missing, TIMEOUT)
        found.update(missing)
    html = "".join(found[key] for key in keys)
    placeholder = CSRF_INPUT.format(CSRF_PLACEHOLDER)
    if placeholder in html:
        html = html.replace(placeholder, csrf_input(context.get("csrf_token")))
    # Rendered by our template with autoescaping, as {% include %} would have put it here.
    return mark_safe(html)  # noqa: S308
