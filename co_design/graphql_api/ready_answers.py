"""Answers kept ready to send: compressed once (gzip, and brotli), hashed once, with the keys a
shared cache purges them by. A cache hit then only picks the bytes the client accepts.

Each encoding has its own strong ETag (RFC 9110: a strong validator changes with the content
coding); any of them in If-None-Match answers 304, since they all stand for the same JSON.
"""

import gzip
import hashlib
import time
from dataclasses import dataclass

import brotli

IDENTITY = "identity"
# Below this size compression saves less than its headers cost.
COMPRESS_FROM_BYTES = 860
# Quality 5: most of brotli's gain over gzip at a few milliseconds for the largest answer
# (quality 11 takes about a second); an answer is compressed once per purge.
BROTLI_QUALITY = 5
GZIP_LEVEL = 6


@dataclass(frozen=True)
class ReadyAnswer:
    status: int
    bodies: dict  # content coding → bytes
    etags: dict  # content coding → strong ETag
    surrogate_keys: str
    expires_at: float  # time.time() after which no cache may keep it

    def lifetime(self):
        return self.expires_at - time.time()

    @property
    def body(self):
        return self.bodies[IDENTITY]

    def matches(self, if_none_match):
        """True when If-None-Match names any representation of this answer (or is `*`)."""
        if not if_none_match:
            return False
        tags = {tag.strip() for tag in if_none_match.split(",")}
        return "*" in tags or not tags.isdisjoint(self.etags.values())


def surrogate_keys(pages):
    """`graphql` (every answer) and `page-<id>` per page the answer contains, space-separated
    as Fastly's Surrogate-Key and Varnish's xkey expect."""
    return " ".join(["graphql", *(f"page-{pk}" for pk in sorted(pages))])


def make_ready(answer, lifetime):
    """`lifetime`: seconds any cache of the server may keep the answer."""
    body = answer.body
    digest = hashlib.sha256(body).hexdigest()[:40]
    bodies = {IDENTITY: body}
    if len(body) >= COMPRESS_FROM_BYTES:
        bodies["br"] = brotli.compress(body, quality=BROTLI_QUALITY)
        bodies["gzip"] = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
    etags = {
        coding: f'"{digest}"' if coding == IDENTITY else f'"{digest}-{coding}"' for coding in bodies
    }
    return ReadyAnswer(
        answer.status, bodies, etags, surrogate_keys(answer.pages), time.time() + lifetime
    )


def accepted_coding(accept_encoding, available):
    """The content coding to send: brotli, then gzip, when the client accepts them (a q of 0
    refuses one); otherwise the JSON as it is."""
    if len(available) == 1 or not accept_encoding:
        return IDENTITY
    accepted, refused = set(), set()
    for item in accept_encoding.lower().split(","):
        coding, _, parameters = item.partition(";")
        quality = parameters.strip()
        try:
            wanted = not quality.startswith("q=") or float(quality[2:]) > 0
        except ValueError:
            wanted = False
        (accepted if wanted else refused).add(coding.strip())
    for coding in ("br", "gzip"):
        if coding in available and coding not in refused:
            if coding in accepted or "*" in accepted:
                return coding
    return IDENTITY
