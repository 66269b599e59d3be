"""Addresses on the public site, for whatever leaves it: e-mails, API answers, webhooks.

One helper, so that every link sent out is built the same way: against
settings.WAGTAILADMIN_BASE_URL (BASE_URL), the public address of the site. An address that is
already absolute (a document served from another host) stays as it is.
"""

import functools
from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse
from django.utils.functional import lazy


def absolute_url(path):
    """The public address of `path`, or None when there is no path."""
    if not path:
        return None
    return joined_url(settings.WAGTAILADMIN_BASE_URL, path)


@functools.lru_cache(maxsize=4096)
def joined_url(base, path):
    # A Manifesto answer joins thousands of paths: each one parsed once per process.
    return urljoin(base, path)


def _absolute_reverse(name, args, anchor=""):
    return absolute_url(reverse(name, args=args)) + anchor


# Resolved when an e-mail is rendered, so that the link carries the recipient's language (/de/…).
absolute_reverse = lazy(_absolute_reverse, str)
