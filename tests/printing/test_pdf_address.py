"""A Toolkit answers `<its address>pdf/` with its printed guide: none of its modules may take
the slug `pdf`, or it would never be reached. The editor is told why, and nothing is saved."""

import pytest
from django.core.exceptions import ValidationError

from co_design.printing.pages import slug_refusal

from ..support.admin_forms import edit_form_data
from ..support.site_tree import toolkit_with_module

pytestmark = pytest.mark.django_db

REFUSAL = "below “{}” is its printed guide (PDF): please choose another slug."


def test_the_editor_is_told_and_the_module_keeps_its_slug(admin_client):
    toolkit, module = toolkit_with_module()
    data = edit_form_data(admin_client, module)
    data["slug"] = "pdf"

    response = admin_client.post(f"/admin/pages/{module.pk}/edit/", data)

    assert response.status_code == 200
    assert REFUSAL.format(toolkit.title) in response.content.decode()
    module.refresh_from_db()
    assert module.slug != "pdf"
    assert module.get_latest_revision_as_object().slug != "pdf"
    assert admin_client.get(f"{toolkit.url}pdf/").headers["Content-Type"] == "application/pdf"


def test_no_other_path_saves_such_a_module():
    toolkit, module = toolkit_with_module()
    module.slug = "pdf"
    with pytest.raises(ValidationError) as refused:
        module.full_clean()
    assert REFUSAL.format(toolkit.title) in refused.value.message_dict["slug"][0]


def test_other_slugs_and_other_parents_are_free():
    toolkit, module = toolkit_with_module()
    module.slug = "pdf-guide"
    module.full_clean()
    assert slug_refusal("pdf", toolkit.get_parent()) is None  # the home page prints no guide
    assert slug_refusal("pdf", toolkit) is not None
