"""How the demo creates, publishes and revises pages; every step leaves an existing
page as it is, so a second run adds nothing."""

import uuid

from co_design.access import rules

# Block ids derive from names, so the same content keeps the same ids on every machine.
BLOCK_NAMESPACE = uuid.UUID("6f1c1d52-8a47-4f3e-9d0c-2b8f5e0a7c11")


def block_id(*parts):
    return str(uuid.uuid5(BLOCK_NAMESPACE, "/".join(str(part) for part in parts)))


def publish(page, user):
    """Publish as `user` may. The demo's English strategies, Toolkit and modules (pages that
    otherwise go live only through their review) are seeded as already published first
    editions, the content the network brings in; their later revisions, the Manifesto and every
    translation go through review (DemoBuilder.publish_through_review)."""
    imported = rules.publishes_only_through_review(page)
    page.save_revision(user=user, log_action=True).publish(
        user=user, skip_permission_checks=imported
    )
    return page


def save_draft(page, user):
    page.save_revision(user=user, log_action=True)
    return page


def get_or_add_child(parent, model, slug, **fields):
    """The child page with this slug, or a new one, published once."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    return page, True


def revise(page, user, summary_note=None, **fields):
    """Save a newer draft revision on top of the published page."""
    draft = page.get_latest_revision_as_object()
    if summary_note:
        draft.summary = f"{draft.summary} ({summary_note})"
    for name, value in fields.items():
        setattr(draft, name, value)
    draft.save_revision(user=user, log_action=True)
