"""Publishing only through review: the hooks that refuse every other way Wagtail would publish a
page whose class goes live through its workflow."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from co_design.access import rules

# Publishing only through review. Pages whose class declares it (co_design.access.rules,
# "publish") are published by the last step of their workflow and by nothing else: Wagtail's
# permission tester hides *Publish* everywhere, and these hooks refuse the requests with which
# Wagtail would still publish (a forged POST, creating, copying), before anything is saved.


class PublishRefusedView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Not published")
    header_icon = "warning"
    template_name = "review/publish_refused.html"


def publish_refused(request, reason, back_url):
    """403 in the admin's own look: what was refused and why, and the way back."""
    view = PublishRefusedView()
    view.setup(request)
    view.extra_context = {"reason": reason, "back_url": back_url}
    response = view.get(request)
    response.status_code = 403
    return response


def direct_publishing_refusal(user, page):
    """Why `user` may not publish `page` (a page or a page class) directly, or None."""
    if not rules.publishes_only_through_review(page):
        return None
    verdict = rules.can(user, "publish", page)
    return None if verdict else verdict.reason


def publish_requested(request):
    return request.method == "POST" and bool(request.POST.get("action-publish"))


def refuse_publish_on_edit(request, page):
    """before_edit_page (the editor, and reverting to an old revision)."""
    if publish_requested(request):
        reason = direct_publishing_refusal(request.user, page)
        if reason:
            return publish_refused(
                request, reason, reverse("wagtailadmin_pages:edit", args=[page.pk])
            )
    return None


def refuse_publish_on_create(request, parent_page, page_class):
    """before_create_page: Wagtail asks the parent, which may publish other page types."""
    if publish_requested(request):
        reason = direct_publishing_refusal(request.user, page_class)
        if reason:
            return publish_refused(
                request, reason, reverse("wagtailadmin_explore", args=[parent_page.pk])
            )
    return None


def refuse_publishing_copies(request, page):
    """before_copy_page: a live copy or an alias would be live without any review."""
    if request.method != "POST":
        return None
    if not (request.POST.get("publish_copies") or request.POST.get("alias")):
        return None
    copied = page.get_descendants(inclusive=True) if request.POST.get("copy_subpages") else [page]
    for copy in copied:
        reason = direct_publishing_refusal(request.user, copy)
        if reason:
            return publish_refused(
                request, reason, reverse("wagtailadmin_pages:copy", args=[page.pk])
            )
    return None


def drop_publish_from_action_menu(menu_items, request, context):
    """construct_page_action_menu: the editor of an existing page already follows the permission
    tester; on the create view Wagtail asks only the parent page."""
    page = context.get("page")
    if page is None and context.get("view") == "create":
        kwargs = request.resolver_match.kwargs if request.resolver_match else {}
        natural_key = (kwargs.get("content_type_app_name"), kwargs.get("content_type_model_name"))
        content_type = ContentType.objects.filter(
            app_label=natural_key[0], model=natural_key[1]
        ).first()
        page = content_type.model_class() if content_type else None
    if page is not None and direct_publishing_refusal(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


def explain_refused_bulk_publishing(request, action_type, objects, action):
    """before_bulk_action: the permission tester has already left these pages out of a bulk
    publish; say why."""
    if action_type != "publish":
        return
    _objects, refused = action.get_actionable_objects()
    for page in refused["items_with_no_access"]:
        if rules.publishes_only_through_review(page):
            messages.error(
                request,
                _("“%(title)s” was not published: a %(kind)s goes live only through its review.")
                % {
                    "title": page.get_admin_display_title(),
                    "kind": page.specific_class._meta.verbose_name,
                },
            )


class ReviewedPageCopyForm(CopyForm):
    """Copying a page that publishes only through review: the copy starts as a draft, and no
    alias (which would be live at once) is offered."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("publish_copies", None)
        self.fields.pop("alias", None)
