"""Answers kept in Django's cache (Redis when REDIS_URL is set), purged on publishing.

Purging bumps one generation number stored in the cache itself, so that it reaches every app
process; answers of an older generation are never read again and expire on their own. A request
reads the generation once, before it runs: an answer computed from content that changed during
the request is stored under the generation it started with, which the purge already retired.
"""

import hashlib
import json
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

GENERATION_KEY = "graphql:generation"


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A fresh start (or an evicted counter) begins from the clock, above any number used
        # before, so that no answer stored under an older generation can match again.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def purge():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet: nothing cached under it either
        current_generation()


def answer_key(generation, language, query_key, variables, operation_name):
    request = json.dumps([query_key, variables, operation_name], sort_keys=True, default=str)
    digest = hashlib.sha256(request.encode()).hexdigest()
    return f"graphql:answer:{generation}:{language}:{digest}"


def get_answer(key):
    return cache.get(key)


def store_answer(key, answer):
    """`answer`: a ReadyAnswer, kept as long as its lifetime (answer_lifetime when made)."""
    cache.set(key, answer, timeout=max(1, round(answer.lifetime())))


def answer_lifetime(now=None):
    """Seconds an answer is kept: GRAPHQL_CACHE_TIMEOUT, but never past the closing date of an
    open consultation. Nothing is written when a consultation closes by its date, yet from then
    on its comments count in the participation record (StakeholderComment.publicly_shown)."""
    from co_design.review.models import Consultation

    now = now or timezone.now()
    timeout = settings.ECCIPA_GRAPHQL["CACHE_TIMEOUT"]
    closing = Consultation.objects.next_closing(now)
    if closing is not None:
        timeout = min(timeout, max(1, int((closing - now).total_seconds())))
    return timeout
