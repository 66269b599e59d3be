"""Ready answers also kept in this process's memory, in front of the shared cache.

An answer key names one generation (response_cache.answer_key), so a kept answer can never be
stale: after a purge no request asks for its key again. A hit then costs one small read of the
shared cache (the generation number) instead of fetching and unpickling the whole answer (half a
megabyte for the 30-strategy Manifesto with its gzip and brotli forms). Each entry keeps the
lifetime it was stored with (answer_lifetime: never past a consultation's closing date).
At most settings.ECCIPA_GRAPHQL["LOCAL_CACHE_BYTES"] are kept; the least recently used go first.
"""

import threading
import time
from collections import OrderedDict

from django.conf import settings

_answers = OrderedDict()  # key → (expires, size, answer)
_lock = threading.Lock()
_size = 0


def size_of(answer):
    return sum(len(body) for body in answer.bodies.values())


def get(key):
    with _lock:
        entry = _answers.get(key)
        if entry is None:
            return None
        if entry[0] <= time.monotonic():
            _drop(key)
            return None
        _answers.move_to_end(key)
        return entry[2]


def put(key, answer):
    """Keep `answer` (a ReadyAnswer) for the rest of its lifetime."""
    global _size
    budget = settings.ECCIPA_GRAPHQL["LOCAL_CACHE_BYTES"]
    size = size_of(answer)
    lifetime = answer.lifetime()
    if size > budget or lifetime <= 0:
        return
    with _lock:
        if key in _answers:
            _drop(key)
        _answers[key] = (time.monotonic() + lifetime, size, answer)
        _size += size
        while _size > budget:
            _drop(next(iter(_answers)))


def clear():
    global _size
    with _lock:
        _answers.clear()
        _size = 0


def _drop(key):
    global _size
    _size -= _answers.pop(key)[1]
