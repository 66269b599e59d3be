"""The consultation room under growing discussion: the render time of the room of one strategy
(20 sections) with 0, 50 and 500 comments, as a ratio to the empty room, and its SQL count; and
the first render, before the comments' HTML is in the cache.

And, on PostgreSQL only, 50 stakeholders posting at once through a real server while an editor
saves the same draft and a moderator publishes another page:
tests/consultation/test_concurrency.py, run by pytest against the database given, reporting its
figures here (CONCURRENCY_REPORT)."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAKEHOLDERS = 5


def consultation():
    """A strategy put to consultation (the last one seeded: with 30 strategies, a generated one
    of 20 sections), and stakeholders of its territory."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import override_settings

    from co_design.models import Profile, StrategyDraftPage

    pages = StrategyDraftPage.objects.filter(locale__language_code="en").order_by("-pk")
    page = next(page for page in pages if not page.workflow_in_progress)
    users = get_user_model().objects
    editor, _ = users.get_or_create(username="bench-editor", defaults={"is_superuser": True})
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        page.get_workflow().start(page, editor)
    group = Group.objects.get(name="Stakeholders")
    stakeholders = []
    for number in range(STAKEHOLDERS):
        user, _ = users.get_or_create(username=f"bench-stakeholder-{number}")
        user.groups.add(group)
        Profile.objects.get_or_create(
            user=user, defaults={"territory": page.territory, "organisation_type": "ngo"}
        )
        stakeholders.append(user)
    return page, stakeholders


def add_comments(page, stakeholders, count):
    """Comments as the room stores them (every fifth with a reply, every third agreed with),
    written in bulk."""
    from wagtail.models import Comment, CommentReply

    from co_design.models import CommentAgreement, Consultation, StakeholderComment

    consultation_row = Consultation.objects.for_page(page).get()
    sections = [block.id for block in page.get_latest_revision_as_object().sections]
    new = Comment.objects.bulk_create(
        Comment(
            page=page,
            user=stakeholders[number % len(stakeholders)],
            text=f"Bench comment {number}: the front desk needs interpreters on Saturdays.",
            contentpath=f"sections.{sections[number % len(sections)]}.body",
        )
        for number in range(count)
    )
    stakeholder_comments = StakeholderComment.objects.bulk_create(
        StakeholderComment(
            wagtail_comment=comment,
            consultation=consultation_row,
            section_id=sections[number % len(sections)],
            section_heading="Section",
            section_text="Older text" if number % 2 else "",
            organisation_type="ngo",
            submission_key=uuid.uuid4(),
        )
        for number, comment in enumerate(new)
    )
    CommentReply.objects.bulk_create(
        CommentReply(comment=comment, user=stakeholders[0], text="A reply") for comment in new[::5]
    )
    CommentAgreement.objects.bulk_create(
        CommentAgreement(stakeholder_comment=item, user=stakeholders[1])
        for item in stakeholder_comments[::3]
    )


def room_render(sizes, runs, median_ms, sql_count):
    """`median_ms` and `sql_count`: the bench's own (graphql_manifesto.py), with its clock."""
    from django.core.cache import caches
    from django.test import Client
    from graphql_manifesto import sql_count

    from co_design.models import StakeholderComment

    page, stakeholders = consultation()
    client = Client()
    client.force_login(stakeholders[2])
    url = f"/en/consultations/{page.pk}/"
    results = []
    for size in sizes:
        present = StakeholderComment.objects.filter(wagtail_comment__page=page).count()
        if size > present:
            add_comments(page, stakeholders, size - present)

        def render():
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            return response

        shown = render().content.decode().count('class="comment"')
        assert shown == size, f"the room shows {shown} comments, {size} expected"
        queries = sql_count(render)
        # Renders with no rendered comment in the cache (each after emptying it), then renders
        # that find them there.
        first_ms = median_ms(render, runs, before=caches["fragments"].clear)
        results.append(
            {
                "comments": size,
                "sql_queries": queries,
                "first_ms": round(first_ms, 2),
                "median_ms": median_ms(render, runs),
            }
        )
    empty = results[0]["median_ms"]
    for result in results:
        result["ratio_to_empty"] = round(result["median_ms"] / empty, 2)
        result["median_ms"] = round(result["median_ms"], 2)
    return {"page_sections": len(page.get_latest_revision_as_object().sections), "sizes": results}


def room_table(room):
    lines = [
        f"Consultation room ({room['page_sections']} sections), one render: median ms (× empty);"
        " first: with no rendered comment in the cache (as the first reader after a change)",
        f"{'comments':>9} {'SQL':>5} {'ms':>9} {'× empty':>8} {'first ms':>9}",
    ]
    for result in room["sizes"]:
        lines.append(
            f"{result['comments']:>9} {result['sql_queries']:>5} {result['median_ms']:>9.2f} "
            f"{result['ratio_to_empty']:>8.2f} {result['first_ms']:>9.2f}"
        )
    return "\n".join(lines)


def concurrent_posts(database_url, folder):
    """tests/consultation/test_concurrency.py against `database_url` (PostgreSQL), with its
    figures."""
    report = Path(folder) / "concurrency.json"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "CONCURRENCY_REPORT": str(report),
    }
    env.pop("BENCH_FLOOR_FILE", None)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/consultation/test_concurrency.py", "-q", "-p",
         "no:cacheprovider"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode != 0 or not report.exists():
        raise RuntimeError(
            f"tests/consultation/test_concurrency.py failed:\n{result.stdout[-3000:]}"
        )
    return json.loads(report.read_text(encoding="utf-8"))


def concurrency_table(figures):
    return "\n".join(
        [
            f"{figures['stakeholders']} stakeholders posting at once on PostgreSQL while an "
            f"editor saves {figures['editor_saves']} revisions of the same draft:",
            f"  posts sent {figures['posts_sent']} (the first of each sent twice), comments "
            f"accepted {figures['comments_accepted']}, stored {figures['comments_stored']}; "
            f"statuses {figures['statuses']}",
            f"  {figures['posts_per_s']} posts/s; room render median {figures['room_median_ms']} "
            f"ms; post median {figures['post_median_ms']} ms, p95 {figures['post_p95_ms']} ms",
        ]
    )
