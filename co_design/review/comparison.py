"""Revision comparison: whether two revisions of a page say the same thing, whatever else the
editor stored with them."""

import json
import re

# What a revision records about the page's state rather than its text.
STATE_FIELDS = {
    "draft_title",
    "expired",
    "first_published_at",
    "has_unpublished_changes",
    "last_published_at",
    "latest_revision",
    "latest_revision_created_at",
    "live",
    "live_revision",
    "locked",
    "locked_at",
    "locked_by",
    "numchild",
    "wagtail_admin_comments",
}


# The rich text editor adds a key to each paragraph it saves; the text is the same without it.
EDITOR_BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')


def normalised(value):
    """Stored content compared by meaning: StreamField JSON parsed, editor keys dropped."""
    if isinstance(value, str):
        if value[:1] in ("[", "{"):
            try:
                return normalised(json.loads(value))
            except ValueError:
                pass
        return EDITOR_BLOCK_KEY.sub("", value)
    if isinstance(value, dict):
        return {key: normalised(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalised(item) for item in value]
    return value


def text_of(revision):
    return normalised(
        {key: value for key, value in revision.content.items() if key not in STATE_FIELDS}
    )


def current_reviewed_revision(task_state, page):
    """The page's latest revision if it says what the reviewed one says, else None.

    Approving from the page editor saves the form first; the new revision is the reviewed text
    unless the reviewer changed something."""
    latest = page.get_latest_revision()
    if latest.pk == task_state.revision_id or text_of(latest) == text_of(task_state.revision):
        return latest
    return None
