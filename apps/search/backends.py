"""How text is matched, ranked and highlighted: PostgreSQL full-text search, or a fallback.

Both backends offer the same three operations, per kind of result (provision, citation,
source):

- `match(qs, kind, query)`: keep the rows that match, annotated with a `score`;
- `decorate(qs, kind, query)`: add what `present` needs to a queryset of one page's rows;
- `present(obj, kind, query)`: the highlighted pieces of one row, as safe HTML.

PostgreSQL uses `django.contrib.postgres.search` (the expressions need no entry in
INSTALLED_APPS: only the model fields and the `__search` lookup do). SQLite, in
development and in half of the test runs, uses substring matching instead: every word of
the query must occur in the row, and each counts as much as it would under PostgreSQL's
weights for the title or the rest.
"""

from __future__ import annotations

import re

from django.contrib.postgres.search import (
    Lexeme,
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection
from django.db.models import Case, F, FloatField, Func, TextField, Value, When
from django.db.models.functions import Concat, Length, Replace
from django.db.models.lookups import GreaterThan

from . import text
from .stored import StoredVector
from .text import Query

CONFIG = "english"
SQLITE_FOLD = "peacetracker_search_fold"
SQLITE_HTML_FOLD = "peacetracker_search_html_fold"

# Which fields each kind is searched on, most telling first. The first group is the
# "title": on PostgreSQL it weighs most, in the fallback a match there ranks first.
FIELDS = {
    "provision": (("heading", "label"), ("body",)),
    "citation": (("excerpt",), ("locator", "source_number", "note")),
    # A source's `note` is the editors' own (Source.EDITORS_ONLY_FIELDS): never searched
    # or shown here, for anyone.
    "source": (("headline",), ("outlet", "author")),
}
HTML_FIELDS = frozenset({"body"})
# Long texts show a snippet around the matches; short ones are shown whole, marked.
LONG_FIELDS = frozenset({"body", "excerpt", "note"})
SHOWN_WHOLE_UP_TO = 300  # characters
WEIGHTS = ("A", "B", "C", "D")
# What a match under each weight counts, as PostgreSQL's ts_rank takes them (its defaults);
# the fallback scores a title match and any other match with the first two.
WEIGHT_VALUES = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}
RANK_WEIGHTS = [WEIGHT_VALUES[w] for w in reversed(WEIGHTS)]  # ts_rank's order: D, C, B, A


def register_sqlite_functions(sender, connection, **kwargs) -> None:
    """Give SQLite the two helpers the fallback needs: case folding and HTML to text.

    SQLite's own lower() and LIKE fold ASCII only, and cannot see through markup.
    """
    if connection.vendor != "sqlite":
        return
    connection.connection.create_function(
        SQLITE_FOLD,
        1,
        lambda value: text.join_numbers((value or "").casefold()),
        deterministic=True,
    )
    connection.connection.create_function(
        SQLITE_HTML_FOLD,
        1,
        lambda value: text.join_numbers(text.plain_text(value or "").casefold()),
        deterministic=True,
    )


class StripTags(Func):
    """Editor HTML as text for PostgreSQL: tags become spaces; entities stay."""

    function = "regexp_replace"
    output_field = TextField()

    def __init__(self, expression, **extra):
        super().__init__(expression, Value("<[^>]*>"), Value(" "), Value("g"), **extra)


def _escaped(expression):
    """Plain text with &, < and > as entities, as it would be in HTML.

    PostgreSQL's parser reads "<u>" in plain text as a tag and ts_headline drops it from
    fragments; as entities, such text is searched and shown like any other.
    """
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        expression = Replace(expression, Value(char), Value(entity), output_field=TextField())
    return expression


class JoinNumbers(Func):
    """Numbers without their thousands separators, as `text.join_numbers` writes them."""

    function = "regexp_replace"
    output_field = TextField()

    def __init__(self, expression, **extra):
        pattern = Value(text.PG_NUMBER_SEPARATOR)
        super().__init__(expression, pattern, Value(""), Value("g"), **extra)


def _pg_field(name: str):
    """A field as PostgreSQL shows it: always HTML text, whose entities present() decodes."""
    return StripTags(F(name)) if name in HTML_FIELDS else _escaped(F(name))


def _pg_searched(name: str):
    """A field as PostgreSQL matches it: as shown, with numbers written one way."""
    return JoinNumbers(_pg_field(name))


class PostgresBackend:
    name = "postgresql"
    supports_syntax = True  # quotes, OR and -word, as web search engines take them

    def search_query(self, query: Query):
        """The visitor's query as websearch_to_tsquery takes it, which never rejects syntax.

        Results update as the visitor types, so the last word also counts as a prefix
        ("milit" finds "military"), unless the visitor excluded it ("-milit").
        """
        search_text = query.search_text
        full = SearchQuery(search_text, search_type="websearch", config=CONFIG)
        typing = re.search(r'(?:^|[\s"])(\w{2,})$', search_text)
        if typing is None:
            return full
        head = search_text[: typing.start(1)]
        prefix = SearchQuery(Lexeme(typing.group(1), prefix=True), config=CONFIG)
        if head.strip(' "'):
            prefix = SearchQuery(head, search_type="websearch", config=CONFIG) & prefix
        return full | prefix

    def vector(self, kind: str):
        """A row's search document, its title fields weighing most. Stored, not computed,
        when searching (stored.py)."""
        vector = None
        for weight, group in zip(WEIGHTS, FIELDS[kind], strict=False):
            part = SearchVector(*(_pg_searched(f) for f in group), weight=weight, config=CONFIG)
            vector = part if vector is None else vector + part
        return vector

    def match(self, qs, kind: str, query: Query):
        search_query = self.search_query(query)
        return (
            # `vector(kind)`, computed on save and GIN-indexed (stored.py).
            qs.annotate(_vector=StoredVector())
            .filter(_vector=search_query)
            .annotate(score=SearchRank(F("_vector"), search_query, weights=RANK_WEIGHTS))
        )

    def headline_query(self, query: Query):
        """What to mark in the text as it is shown: the query, and each long number of it
        also as its digit groups ("600,000" and "600 000" are read as two words there)."""
        search_query = self.search_query(query)
        for term in query.terms:
            if text.is_long_number(term):
                phrase = SearchQuery(text.grouped(term), search_type="phrase", config=CONFIG)
                search_query = search_query | phrase
        return search_query

    def decorate(self, qs, kind: str, query: Query):
        search_query = self.headline_query(query)
        marks = {"config": CONFIG, "start_sel": text.START_SEL, "stop_sel": text.STOP_SEL}
        annotations = {}
        for group in FIELDS[kind]:
            for name in group:
                field = _pg_field(name)
                whole = SearchHeadline(field, search_query, **marks, highlight_all=True)
                if name not in LONG_FIELDS:
                    annotations[f"hl_{name}"] = whole
                    continue
                # Fragments drop stop words and punctuation at their edges: a text short
                # enough to read whole is shown whole.
                fragments = SearchHeadline(
                    field,
                    search_query,
                    **marks,
                    max_fragments=2,
                    max_words=30,
                    min_words=12,
                    fragment_delimiter=" … ",
                )
                annotations[f"hl_{name}"] = Case(
                    When(GreaterThan(Length(field), SHOWN_WHOLE_UP_TO), then=fragments),
                    default=whole,
                    output_field=TextField(),
                )
        return qs.annotate(**annotations)

    def present(self, obj, kind: str, query: Query) -> dict:
        shown = {}
        for group in FIELDS[kind]:
            for name in group:
                full = None
                if name in LONG_FIELDS:
                    value = getattr(obj, name) or ""
                    full = text.plain_text(value) if name in HTML_FIELDS else value
                shown[name] = text.from_markers(
                    getattr(obj, f"hl_{name}"), entities=True, full_text=full
                )
        return shown


class FallbackBackend:
    name = "fallback"
    supports_syntax = False

    def _folded(self, names):
        parts = []
        for name in names:
            function = SQLITE_HTML_FOLD if name in HTML_FIELDS else SQLITE_FOLD
            parts += [Func(F(name), function=function, output_field=TextField()), Value(" ")]
        return Concat(*parts, output_field=TextField()) if len(parts) > 2 else parts[0]

    def match(self, qs, kind: str, query: Query):
        groups = FIELDS[kind]
        qs = qs.annotate(
            _document=self._folded([name for group in groups for name in group]),
            _title=self._folded(groups[0]),
        )
        for term in query.terms:
            qs = qs.filter(_document__contains=term.casefold())
        score = Value(0.0, output_field=FloatField())
        for term in query.terms:
            score += Case(
                When(_title__contains=term.casefold(), then=Value(WEIGHT_VALUES["A"])),
                default=Value(WEIGHT_VALUES["B"]),
                output_field=FloatField(),
            )
        return qs.annotate(score=score)

    def decorate(self, qs, kind: str, query: Query):
        return qs

    def present(self, obj, kind: str, query: Query) -> dict:
        shown = {}
        for group in FIELDS[kind]:
            for name in group:
                value = getattr(obj, name) or ""
                if name in HTML_FIELDS:
                    shown[name] = text.snippet(text.plain_text(value), query.terms)
                elif name in LONG_FIELDS:
                    shown[name] = text.snippet(value, query.terms)
                else:
                    shown[name] = text.mark_terms(value, query.terms)
        return shown


def current_backend():
    return PostgresBackend() if connection.vendor == "postgresql" else FallbackBackend()
