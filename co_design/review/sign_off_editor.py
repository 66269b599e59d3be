"""The partner leads sign a translated Manifesto in Wagtail's page editor, as they sign the
English one: its *Sign off* button, its sign-off panel and its comparison live there.

wagtail-localize shows every translation in its own translation editor, which has none of them.
Its before_edit_page hook is wrapped so that a person asked to sign the page while its sign-off
runs gets Wagtail's editor (read-only for them); everybody else still translates in
wagtail-localize's editor."""

from wagtail import hooks

from co_design.access import rules


def for_everybody_but_signatories(translation_editor):
    def before_edit_page(request, page):
        if rules.is_signatory(request.user, page):
            return None
        return translation_editor(request, page)

    return before_edit_page


def wrap_translation_editor():
    """Replace wagtail-localize's registration of its editor by the wrapped one (once)."""
    from wagtail_localize import wagtail_hooks as localize_hooks  # registers its hooks once

    registered = hooks._hooks.get("before_edit_page", [])
    for index, (function, order) in enumerate(registered):
        if function is localize_hooks.before_edit_page:
            registered[index] = (for_everybody_but_signatories(function), order)
