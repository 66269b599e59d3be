"""The state of one GraphQL execution, passed to every resolver as `info.context`."""

from co_design.graphql_api.loaders import Loaders
from co_design.graphql_api.rich_text import RichTextRenderer


class ApiContext:
    """The request (None when the schema is executed directly) and the loaders of one answer.

    The API is anonymous: no resolver reads the user or the session, so every client gets the
    same answer for the same query (which is what makes the answers cacheable)."""

    def __init__(self, request=None):
        self.request = request
        # Wagtail keeps the site's root paths on the object given to get_url_parts(): the
        # request, or this context when there is none, so that they are read once per answer.
        self.url_cache = request if request is not None else self
        self.loaders = Loaders(self.url_cache)
        self.rich_text = RichTextRenderer(self.loaders)
        # Ids of the pages whose content the answer shows, as the root fields load them.
        self.pages = set()

    def shown_pages(self):
        """The pages an answer contains: its own, the pages its rich text links to and the
        needs reviews of the findings it shows (a shared cache purges the answer by them)."""
        pages = set(self.pages)
        pages.update(pk for (_chain, pk), path in self.loaders.page_paths.loaded() if path)
        pages.update(finding.needs_review_id for finding in self.loaders.findings.loaded_values())
        return pages
