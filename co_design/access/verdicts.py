"""One shape for "no, because": a Verdict says whether something may be done and, when not, a
translated reason the person who tried can read. Every rule returns one (co_design.access.rules);
where code must stop instead of answering, Refused carries the reason, with the HTTP status a
view answers with."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reason: str = ""

    def __bool__(self):
        return self.allowed


ALLOWED = Verdict(True)


class Refused(Exception):
    def __init__(self, message, status=403):
        super().__init__(message)
        self.message = message
        self.status = status
