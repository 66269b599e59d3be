"""E-mails the review workflow sends itself (Wagtail's custom tasks send none).

Each message is written in the recipient's preferred language, and sent through the task queue.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.functional import lazy
from wagtail.models import Page

from co_design.access.roles import ROLE_GROUPS
from co_design.notifications.links import absolute_reverse, absolute_url


def language_of(user):
    profile = getattr(user, "profile", None)
    return profile.language if profile else settings.LANGUAGE_CODE


def send_to(users, template, context):
    """One e-mail per person, rendered in their language; the first line is the subject. The
    page it is about is named as its translation into that language where one exists."""
    pages = PagesInLanguage(context.get("page"))
    for user in users:
        if not user.email:
            continue
        with translation.override(language_of(user)):
            shown = {"page": pages.get()} if "page" in context else {}
            text = render_to_string(template, {**context, **shown, "recipient": user}).strip()
        subject, _, body = text.partition("\n")
        send_mail(subject.strip(), body.strip() + "\n", None, [user.email])


def consultation_invitees(consultation):
    page = consultation.page.specific
    territory = getattr(page, "territory", None)
    stakeholders = Q(groups__name=ROLE_GROUPS["stakeholder"], profile__territory=territory)
    invited = Q(groups__in=consultation.invited_group_ids())
    return get_user_model().objects.filter(is_active=True).filter(stakeholders | invited).distinct()


def notify_consultation_opened(consultation):
    send_to(
        consultation_invitees(consultation).select_related("profile"),
        "emails/consultation_opened.txt",
        {
            "consultation": consultation,
            "page": consultation.page.specific,
            "room_url": room_url(consultation.page),
        },
    )


def notify_sign_off_requested(task_state, leads):
    page = task_state.workflow_state.content_object
    send_to(
        leads.select_related("profile"),
        "emails/sign_off_requested.txt",
        {"page": page, "edit_url": absolute_reverse("wagtailadmin_pages:edit", [page.pk])},
    )


class PagesInLanguage:
    """A page's translation into the active language (the page itself where there is none),
    looked up once per language."""

    def __init__(self, page):
        self.page, self.found = page, {}

    def get(self):
        language = translation.get_language()
        if self.page is None or self.page.locale.language_code == language:
            return self.page
        if language not in self.found:
            translated = Page.objects.filter(
                translation_key=self.page.translation_key, locale__language_code=language
            ).first()
            self.found[language] = translated.specific if translated else self.page
        return self.found[language]


def _room_url(page, anchor=""):
    """The room the recipient reads: that of the page's translation into the language the
    e-mail is written in, where one exists (the room of a translation is its source's)."""
    return absolute_url(reverse("consultation_room", args=[PagesInLanguage(page).get().pk])) + (
        anchor
    )


# Resolved when an e-mail is rendered, in the recipient's language.
room_url = lazy(_room_url, str)


def notify_comment_author(stakeholder_comment, kind, reply=None):
    """Tell a commenter about a reply, a decision, or that a moderator hid their comment."""
    comment = stakeholder_comment.wagtail_comment
    send_to(
        [comment.user],
        f"emails/comment_{kind}.txt",
        {
            "comment": stakeholder_comment,
            "page": comment.page.specific,
            "reply": reply,
            "url": room_url(comment.page, f"#comment-{comment.pk}"),
            "outcome_url": absolute_reverse("consultation_outcome", [comment.page_id]),
        },
    )


def notify_reply_hidden(moderation):
    """Tell the author of a reply (a StakeholderReply's CommentReply) that a moderator hid it."""
    from co_design.consultation.models import StakeholderComment

    reply = moderation.reply
    send_to(
        [reply.user],
        "emails/reply_hidden.txt",
        {
            "comment": StakeholderComment.objects.get(wagtail_comment_id=reply.comment_id),
            "moderation": moderation,
            "page": reply.comment.page.specific,
        },
    )


def notify_consultation_closing(consultation):
    send_to(
        consultation_invitees(consultation).select_related("profile"),
        "emails/consultation_closing.txt",
        {
            "consultation": consultation,
            "page": consultation.page.specific,
            "room_url": room_url(consultation.page),
        },
    )
