"""The review as the demo's people would run it in the admin: drafts taken through their
workflows, a strategy in consultation with comments, one in editorial review, and a Manifesto
revision half signed off."""

import uuid

from wagtail.models import Page

from co_design.access import lookups
from co_design.activities.strategies import StrategyDraftPage
from co_design.consultation.models import StakeholderComment
from co_design.review.consultation_task import ConsultationTask
from co_design.review.sign_off import PartnerSignOffTask

from .data import content, public_pages
from .pages import BLOCK_NAMESPACE, revise


class ReviewStatesMixin:
    def publish_through_review(self):
        """Take each page created as a draft for its review through the whole workflow, as the
        people of the demo would in the admin: the Manifesto in every locale is signed off by
        every partner lead; a translated strategy or Toolkit skips the consultation (its
        stakeholders comment on the source) and is approved by the moderator. The last step
        publishes it, the only way these pages go live."""
        for draft in self.awaiting_review:
            page = Page.objects.get(pk=draft.pk).specific
            page.get_workflow().start(page, self.admin)
            while page.workflow_in_progress:
                task_state = page.current_workflow_task_state
                task = task_state.task.specific
                for user, action in self.workflow_steps(page, task, task_state):
                    task.on_action(task_state, user, action)
                page = Page.objects.get(pk=page.pk).specific
            if not page.live:
                raise RuntimeError(f"{page} did not go live through its review")
        self.awaiting_review = []

    def workflow_steps(self, page, task, task_state):
        if isinstance(task, PartnerSignOffTask):
            signed = set(task_state.signatures.values_list("user_id", flat=True))
            return [(lead, "approve") for lead in task.leads() if lead.pk not in signed]
        if isinstance(task, ConsultationTask):
            territory = getattr(page, "territory", None)
            editor = next(
                (
                    user
                    for username, user in self.users.items()
                    if username.startswith("editor-")
                    and territory is not None
                    and lookups.territory_of(user) == territory
                ),
                self.admin,
            )
            return [(editor, "close")]
        return [(self.users["moderator"], "approve")]

    def build_review_states(self):
        """Every state of the review workflow, once: a strategy in consultation, one in
        editorial review, and a Manifesto revision signed by two of the three partner leads."""
        strategies = {strategy.territory.slug: strategy for strategy in self.strategies}
        in_consultation = strategies.get("valdoria")
        if in_consultation and not in_consultation.workflow_states.exists():
            editor = self.users["editor-it"]
            revise(in_consultation, editor, summary_note="revised after round table 3")
            in_consultation.get_workflow().start(in_consultation, editor)

        in_editorial_review = strategies.get("puerto-alba")
        if in_editorial_review and not in_editorial_review.workflow_states.exists():
            editor = self.users["editor-es"]
            revise(in_editorial_review, editor, summary_note="with the housing department")
            in_editorial_review.get_workflow().start(in_editorial_review, editor)
            self.comment_and_decide(in_editorial_review, editor, public_pages.PUERTO_ALBA_COMMENTS)
            task_state = in_editorial_review.current_workflow_task_state
            task_state.task.specific.on_action(task_state, editor, "close")

        manifesto = self.manifesto
        # The first edition's sign-off is the only one so far: start the next edition's.
        if manifesto.workflow_states.count() == 1 and not manifesto.workflow_in_progress:
            moderator = self.users["moderator"]
            revise(manifesto, moderator, title="The ECCIPA Manifesto (2023 edition)")
            manifesto.get_workflow().start(manifesto, moderator)
            for lead in ("lead-de", "lead-it"):
                task_state = manifesto.current_workflow_task_state
                task_state.task.specific.on_action(task_state, self.users[lead], "approve")

    def build_consultation_comments(self):
        """Valdoria's open consultation: comments from three kinds of organisation, replies,
        agreements, decisions and a flag waiting for a moderator."""
        from co_design.consultation import services as comments

        page = next((s for s in self.strategies if s.territory.slug == "valdoria"), None)
        if page is None or StakeholderComment.objects.filter(wagtail_comment__page=page).exists():
            return
        sections = [section.id for section in page.get_latest_revision_as_object().sections]
        users = self.users
        for spec in content.VALDORIA_COMMENTS:
            record, _ = comments.post_comment(
                users[spec["by"]],
                page,
                sections[spec["section"]],
                spec["text"],
                quote=spec.get("quote", ""),
                show_name=spec.get("show_name", False),
                submission_key=uuid.uuid5(BLOCK_NAMESPACE, spec["text"]),
            )
            for username, text in spec.get("replies", []):
                comments.post_reply(users[username], record, text)
            for username in spec.get("agreed_by", []):
                comments.toggle_agreement(users[username], record)
            if "decision" in spec:
                decision, reason = spec["decision"]
                comments.record_decision(
                    users["editor-it"], record, decision, reason, page.get_latest_revision()
                )
            if "flag" in spec:
                username, reason = spec["flag"]
                comments.flag(users[username], record, reason)

    def comment_and_decide(self, page, editor, specs):
        """Stakeholders' comments on the open consultation, each with the editor's decision: once
        the consultation ends, the page's *How your input was used* is public."""
        from co_design.consultation import services as comments

        page = StrategyDraftPage.objects.get(pk=page.pk)
        sections = [section.id for section in page.get_latest_revision_as_object().sections]
        for spec in specs:
            record, _ = comments.post_comment(
                self.users[spec["by"]],
                page,
                sections[spec["section"] % len(sections)],
                spec["text"],
                show_name=spec.get("show_name", False),
                submission_key=uuid.uuid5(BLOCK_NAMESPACE, spec["text"]),
            )
            decision, reason = spec["decision"]
            comments.record_decision(editor, record, decision, reason, page.get_latest_revision())
