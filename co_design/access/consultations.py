"""Which consultations' drafts a person may read, for lists (My consultations): the view_draft
rule's own tests, applied to facts fetched once for the whole list."""

from django.apps import apps

from co_design.access.lookups import roles_of, territory_of
from co_design.access.rules import reads_every_draft, takes_part


def readable_consultations(user, consultations):
    """Of `consultations` (for each page, the one the room shows: its open consultation, else
    its latest), those whose draft `user` may read: the view_draft rule's own tests
    (access.rules), on facts fetched for all of them in a number of queries that does not grow
    with the number of consultations; tests hold the two to agreement."""
    roles = roles_of(user)
    if not roles:
        return []
    if reads_every_draft(roles):
        return list(consultations)
    territories = page_territory_ids([consultation.page for consultation in consultations])
    own_territory = territory_of(user)
    own_territory_id = own_territory.pk if own_territory else None

    def of_own_territory(consultation):
        territory_id = territories[consultation.page_id]
        return territory_id is not None and territory_id == own_territory_id

    if "editor" in roles:
        return [c for c in consultations if of_own_territory(c)]
    # By name: the consultation task's module imports the rules.
    invitations = apps.get_model("co_design", "ConsultationTask").extra_groups.through
    tasks_inviting_user = set(
        invitations.objects.filter(
            consultationtask_id__in={c.task_state.task_id for c in consultations},
            group_id__in=user.groups.values("pk"),
        ).values_list("consultationtask_id", flat=True)
    )
    return [
        c
        for c in consultations
        if takes_part(
            roles,
            of_own_territory=of_own_territory(c),
            invited=lambda c=c: c.task_state.task_id in tasks_inviting_user,
        )
    ]


def page_territory_ids(pages):
    """{page id: territory id or None}, one small query per page type rather than per page."""
    from wagtail.models import Page

    pages_by_model = {}
    for page in pages:
        pages_by_model.setdefault(page.specific_class or Page, []).append(page.pk)
    territory_ids = {page.pk: None for page in pages}
    for model, ids in pages_by_model.items():
        if any(field.name == "territory" for field in model._meta.concrete_fields):
            territory_ids.update(model.objects.filter(pk__in=ids).values_list("pk", "territory_id"))
    return territory_ids
