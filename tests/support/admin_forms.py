"""Build the POST data of Wagtail's page editor, so tests drive the real admin views.

The editor's plain fields are read from its HTML; StreamFields are drawn by JavaScript in a
browser, so their form data is built here from the page's current value."""

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html


def block_data(prefix, block, value):
    if isinstance(block, blocks.StreamBlock):
        data = {f"{prefix}-count": len(value)}
        for index, child in enumerate(value):
            data.update(
                {
                    f"{prefix}-{index}-type": child.block_type,
                    f"{prefix}-{index}-id": child.id or "",
                    f"{prefix}-{index}-deleted": "",
                    f"{prefix}-{index}-order": index,
                }
            )
            data.update(block_data(f"{prefix}-{index}-value", child.block, child.value))
        return data
    if isinstance(block, blocks.ListBlock):
        items = value.bound_blocks
        data = {f"{prefix}-count": len(items)}
        for index, item in enumerate(items):
            data.update(
                {
                    f"{prefix}-{index}-id": item.id or "",
                    f"{prefix}-{index}-deleted": "",
                    f"{prefix}-{index}-order": index,
                }
            )
            data.update(block_data(f"{prefix}-{index}-value", block.child_block, item.value))
        return data
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child in block.child_blocks.items():
            data.update(block_data(f"{prefix}-{name}", child, value.get(name)))
        return data
    if isinstance(block, blocks.RichTextBlock):
        return {prefix: block.field.widget.format_value(value.source if value else "")}
    if isinstance(block, blocks.ChooserBlock):
        return {prefix: value.pk if value else ""}
    if value is None:
        return {prefix: ""}
    return {prefix: value if isinstance(value, list) else str(value)}


def edit_form_data(client, page, **changes):
    """The editor's form for `page` as its current user would post it, with `changes` applied
    to the draft first (changes to StreamFields take the StreamField's value)."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200, response.status_code
    form = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data = {key: values if len(values) > 1 else values[0] for key, values in form.lists()}
    draft = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    for field in draft._meta.get_fields():
        if isinstance(field, StreamField):
            data.update(block_data(field.name, field.stream_block, getattr(draft, field.name)))
        elif field.name in changes:
            data[field.name] = changes[field.name]
    return data
