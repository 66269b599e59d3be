"""wagtail-grapple, the GraphQL API a Wagtail site would add, as a peer to ours: the same content
exposed through grapple's model annotations (`graphql_fields`), in the bench process only.

The annotations are set here, before grapple builds its schema (this app comes before `grapple`
in bench_settings.INSTALLED_APPS), so the site's models stay as they are. MANIFESTO_QUERY asks
for the same Manifesto data as graphql/queries/manifesto.graphql, but for what grapple cannot
give from the models: the participation records (counts computed from the consultation room) and
the signatures (from the sign-off workflow); those would need hand-written resolvers.
"""

from django.apps import AppConfig

MANIFESTO_QUERY = """
query Manifesto($id: ID!) {
  page(id: $id) {
    ... on ManifestoPage {
      id
      title
      url
      lastPublishedAt
      introduction
      principles { id ... on TitledTextBlock { title text } }
      chapters(limit: 100) {
        id
        summary
        strategy {
          ... on StrategyDraftPage {
            id
            slug
            title
            url
            summary
            vision
            territory { name slug country }
            sections {
              id
              ... on StrategySectionBlock {
                heading
                body
                actions {
                  ... on ActionBlock { action responsibleBody timeline indicator }
                }
                needsFindings { id theme kind priority }
              }
            }
          }
        }
      }
      recommendations { id ... on TitledTextBlock { title text } }
      signOffStatement
    }
  }
}
"""


class BenchGrappleConfig(AppConfig):
    name = "bench_grapple"
    label = "bench_grapple"

    def ready(self):
        annotate()


def annotate():
    from grapple.helpers import register_streamfield_block
    from grapple.models import (
        GraphQLCollection,
        GraphQLForeignKey,
        GraphQLPage,
        GraphQLRichText,
        GraphQLStreamfield,
        GraphQLString,
    )

    from co_design import blocks
    from co_design.models import (
        ManifestoChapter,
        ManifestoPage,
        NeedsFinding,
        StrategyDraftPage,
        Territory,
    )

    ManifestoPage.graphql_fields = [
        GraphQLRichText("introduction"),
        GraphQLStreamfield("principles"),
        GraphQLCollection(GraphQLForeignKey, "chapters", "co_design.ManifestoChapter"),
        GraphQLStreamfield("recommendations"),
        GraphQLRichText("sign_off_statement"),
    ]
    ManifestoChapter.graphql_fields = [GraphQLRichText("summary"), GraphQLPage("strategy")]
    StrategyDraftPage.graphql_fields = [
        GraphQLString("summary"),
        GraphQLRichText("vision"),
        GraphQLForeignKey("territory", "co_design.Territory"),
        GraphQLStreamfield("sections"),
    ]
    Territory.graphql_fields = [
        GraphQLString("name"),
        GraphQLString("slug"),
        GraphQLString("country"),
    ]
    NeedsFinding.graphql_fields = [
        GraphQLString("theme"),
        GraphQLString("kind"),
        GraphQLString("priority"),
    ]
    blocks.TitledTextBlock.graphql_fields = [GraphQLString("title"), GraphQLRichText("text")]
    blocks.ActionBlock.graphql_fields = [
        GraphQLString("action"),
        GraphQLString("responsible_body"),
        GraphQLString("timeline"),
        GraphQLString("indicator"),
    ]
    blocks.StrategySectionBlock.graphql_fields = [
        GraphQLString("heading"),
        GraphQLRichText("body"),
        GraphQLStreamfield("actions"),
        GraphQLCollection(
            GraphQLForeignKey,
            "needs_findings",
            "co_design.NeedsFinding",
            source="grapple_needs_findings",
        ),
    ]

    def grapple_needs_findings(self, info, values, **kwargs):
        """As a grapple user writes it: the ids stored in the block, looked up."""
        return list(NeedsFinding.objects.filter(pk__in=values.get("findings") or []))

    blocks.StrategySectionBlock.grapple_needs_findings = grapple_needs_findings
    for block in (blocks.TitledTextBlock, blocks.ActionBlock, blocks.StrategySectionBlock):
        register_streamfield_block(block)
