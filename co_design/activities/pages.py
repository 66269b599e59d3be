"""Behaviour shared by the ECCIPA page types."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _
from wagtail.models import PagePermissionTester

# The review workflows (review/setup.py creates them). A page class names the one it goes
# through as `review_workflow`; pages below it inherit it, as Wagtail does.
LOCAL_STRATEGY_REVIEW = "Local strategy review"
MANIFESTO_SIGN_OFF = "Manifesto sign-off"


class OnePerTerritoryMixin:
    """Each territory writes one needs review and one local strategy (per language)."""

    def clean(self):
        super().clean()
        if not self.territory_id:
            return
        others = type(self).objects.filter(territory_id=self.territory_id, locale_id=self.locale_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        if others.exists():
            raise ValidationError(
                {
                    "territory": _("%(territory)s already has a %(kind)s in this language.")
                    % {"territory": self.territory, "kind": self._meta.verbose_name}
                }
            )


class ReviewedPagePermissionTester(PagePermissionTester):
    """Wagtail asks its page permission tester before it offers or performs *Publish* (the
    editor's action menu, bulk actions, reverting to an old revision, the publish action
    itself): for these pages the answer comes from co_design.access.rules, which lets nobody publish
    them directly. Unpublishing, view restrictions and cancelling a scheduled go-live keep
    Wagtail's own publish permission."""

    def can_publish(self):
        from co_design.access import rules

        return super().can_publish() and bool(rules.can(self.user, "publish", self.page))

    def can_set_view_restrictions(self):
        return holds_publish_permission(self.user, self.page)

    def can_unschedule(self):
        return holds_publish_permission(self.user, self.page)


class PublishedThroughReview:
    """A page type that goes live only through the last step of its review workflow (editorial
    approval, or the last partner signature), in every locale: nobody publishes it directly,
    not even a superuser. co_design.access.rules ("publish") decides from the class attribute;
    the admin's hooks (co_design.review.publish_guard) refuse a publish Wagtail would otherwise
    perform."""

    publishes_only_through_review = True

    def permissions_for_user(self, user):
        return ReviewedPagePermissionTester(user, self)

    @classproperty
    def copy_form_class(cls):
        from co_design.review.publish_guard import ReviewedPageCopyForm

        return ReviewedPageCopyForm


def holds_publish_permission(user, page):
    """Wagtail's own publish permission on `page` (moderators, superusers): what approving the
    review's last step needs, since it publishes, though nobody may publish the page directly."""
    return PagePermissionTester(user, page).can_publish()


@dataclass(frozen=True)
class CommentableStream:
    """What a page type offers stakeholders to comment on: the StreamField whose blocks are
    sections, the child that heads each section, the child comments sit on (Wagtail's comment
    contentpath is "field.block-id.child"), and the children that are not part of its text."""

    field: str
    heading: str
    body: str
    skipped: tuple = ()
