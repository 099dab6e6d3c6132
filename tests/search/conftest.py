from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.db import connection

from apps.compare.diff import plain_text
from tests import factories as f

on_postgres = connection.vendor == "postgresql"
postgres_only = pytest.mark.skipif(
    not on_postgres, reason="SearchRank ordering exists on PostgreSQL only"
)

_RESULT = re.compile(
    r'<li class="result result-(\w+)">(.*?)</li>\s*(?=<li class="result|</ol>)', re.S
)


@dataclass
class Result:
    kind: str
    html: str

    @property
    def text(self) -> str:
        return plain_text(self.html)


def results(response) -> list[Result]:
    """The results listed on a search page or fragment, in order."""
    return [Result(kind, body) for kind, body in _RESULT.findall(response.content.decode())]


def texts(response) -> list[str]:
    return [r.text for r in results(response)]


@pytest.fixture
def corpus(plan):
    """The `plan` fixture plus sources and citations with words found nowhere else."""
    d1, d2, d3 = plan["drafts"]
    terr1 = plan["provisions"]["terr1"]
    army2 = plan["provisions"]["army2"]
    reuters = f.make_source(
        key="reuters-1",
        outlet="Reuters",
        headline="Leaked outline reaches Kyiv",
        author="Jane Quillfeather",
        note="Wire copy checked against a second outlet.",
        reliability="A",
    )
    blog = f.make_source(
        key="blog-1",
        outlet="Marmot Blog",
        headline="What the counter-proposal changes",
        reliability="C",
    )
    c_terr = f.cite(
        terr1,
        reuters,
        excerpt="Crimea de facto recognised, says the wombat paragraph.",
        locator="point 21",
        note="Confirmed by two officials.",
    )
    c_army = f.cite(army2, blog, excerpt="The cap rises by a third.", locator="para 6")
    c_draft = f.cite(d2, blog, excerpt="The counter-proposal circulated as a narwhal memo.")
    return {
        **plan,
        "reuters": reuters,
        "blog": blog,
        "citations": {"terr": c_terr, "army": c_army, "draft": c_draft},
    }


@pytest.fixture
def staff(db):
    return f.make_user("editor", group="Editors")


@pytest.fixture
def secret(corpus):
    hidden = f.make_draft(corpus["process"], label="Secret draft", slug="secret", published=False)
    p = f.make_provision(hidden, label="9", heading="Pangolin clause", body="<p>Pangolin text.</p>")
    source = f.make_source(outlet="Pangolin Times", headline="Pangolin scoop")
    f.cite(p, source, excerpt="Pangolin excerpt.")
    f.cite(hidden, corpus["reuters"], excerpt="Pangolin draft as a whole.")
    return {"draft": hidden, "provision": p, "source": source}
