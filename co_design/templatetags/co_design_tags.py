from django import template

register = template.Library()


@register.simple_tag
def findings_of(finding_ids, findings_by_id):
    """The NeedsFinding objects a section names, from the page's one-query lookup."""
    findings_by_id = findings_by_id or {}
    return [findings_by_id[pk] for pk in finding_ids if pk in findings_by_id]
