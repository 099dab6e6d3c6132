"""Pydantic schemas of the read-only API's responses (the OpenAPI document is built from
them and from the operations' signatures in `api.py`).

They describe, field for field, the dictionaries `serializers.py` builds; django-ninja
validates every 200 response against them before it is sent. Ids are stable strings (see
`serializers.py`); matters also carry their database id.
"""

from __future__ import annotations

from typing import Annotated

from ninja import Field, Schema
from pydantic import create_model

# Absolute addresses on this site, built from the request.
Url = Annotated[str, Field(json_schema_extra={"format": "uri"})]
IsoDate = Annotated[
    str | None,
    Field(description="ISO 8601 date cut to its precision: 2025-11-20, 2025-11 or 2025."),
]


class ErrorDetail(Schema):
    status: int
    message: str
    parameter: str | None = Field(
        None, description="The query parameter at fault, when one is (absent otherwise)."
    )


class Error(Schema):
    """Every error: a 4xx status and a message; never an HTML page."""

    error: ErrorDetail


class Index(Schema):
    version: str
    endpoints: dict[str, Url]
    documentation: str


class Process(Schema):
    slug: str
    name: str
    summary_html: str
    position: int
    drafts: list[str] = Field(description="Slugs of the process's drafts the reader may see.")
    api_url: Url
    drafts_url: Url
    matters_url: Url


class ParentLink(Schema):
    draft: str
    kind: str


class Draft(Schema):
    slug: str
    label: str
    title: str
    process: str
    kind: str = Field(
        description="“plan”, “counter-proposal”, “agreement”, “declaration”, “resolution” "
        "or “charter”."
    )
    status: str
    text_basis: str
    presented_on: IsoDate
    presented_precision: str
    reported_on: IsoDate
    reported_precision: str
    declared_points: int | None
    authors: list[str]
    parents: list[ParentLink]
    summary_html: str
    published: bool
    provision_count: int
    citation_count: int
    api_url: Url
    web_url: Url
    provisions_url: Url
    export_csv: Url
    export_json: Url


class ProvisionMatter(Schema):
    matter: str
    matter_id: int
    matter_title: str
    relation: str
    label: str
    rationale: str


class KeyTerm(Schema):
    code: str
    name: str
    value: str | None = Field(description="An exact decimal as a string (“600000”, “2.5”).")
    value_text: str
    unit: str
    position: int
    note: str


class Provision(Schema):
    key: str
    draft: str
    label: str
    position: int
    heading: str
    text: str
    body_html: str
    state: str
    topics: list[str]
    matters: list[ProvisionMatter]
    key_terms: list[KeyTerm]
    process: str
    citation_count: int
    api_url: Url
    web_url: Url


class MatterEntry(Schema):
    provision: str
    draft: str
    relation: str
    label: str
    rationale: str


class MatterGap(Schema):
    draft: str
    status: str = Field(description="“not-reported” or “absent”.")


class Matter(Schema):
    id: int
    code: str
    process: str
    title: str
    topic: str | None
    note: str
    position: int
    entries: list[MatterEntry]
    missing_from: list[MatterGap]
    api_url: Url
    web_url: Url


class Topic(Schema):
    code: str
    name: str
    parent: str | None
    process: str | None = Field(
        description="The process whose topic tree it belongs to; null when shared by all."
    )
    description: str
    position: int
    subtopics: list[str]
    api_url: Url
    provisions_url: Url


class CitationTarget(Schema):
    type: str = Field(description="“provision”, “draft” or “position”.")
    id: str | int
    draft: str | None


class SourceCitation(Schema):
    target: CitationTarget
    stance: str
    excerpt: str
    translated: bool = Field(description="The excerpt is the editors' translation.")
    locator: str
    source_number: str = Field(
        description="The number this source gives the point, where it differs from the label."
    )
    note: str


class SourceSummary(Schema):
    """A source in a list: its citations are at its `api_url`."""

    key: str
    outlet: str
    headline: str
    author: str
    url: str
    published_on: IsoDate
    published_precision: str
    kind: str
    reliability: str
    language: str = Field(description="Language tag of the source: en, pt, ar…")
    relay_of: str = Field(description="The outlet's article this page relays, if it is a relay.")
    note: str | None = Field(None, description="Editors' note: only for signed-in editors.")
    citation_count: int = Field(description="The citations of it the reader may see.")
    api_url: Url


class Source(SourceSummary):
    citations: list[SourceCitation]


def _page(item: type[Schema]) -> type[Schema]:
    return create_model(
        f"{item.__name__}Page",
        __base__=Schema,
        count=(int, Field(description="Results on every page together.")),
        next=(Url | None, Field(description="The next page, with the same filters.")),
        previous=(Url | None, Field(description="The previous page.")),
        results=(list[item], ...),
    )


ProcessPage = _page(Process)
DraftPage = _page(Draft)
ProvisionPage = _page(Provision)
MatterPage = _page(Matter)
TopicPage = _page(Topic)
SourceSummaryPage = _page(SourceSummary)
