"""On deploy, everything already on the site stays published; what comes later starts hidden."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("drafts", "0001_initial"),
    ("alignment", "0001_initial"),
    ("sources", "0003_remove_citation_citation_cites_exactly_one_target_and_more"),
]
AFTER = [
    ("drafts", "0002_provision_published_and_publish_permissions"),
    ("alignment", "0002_matter_published"),
    ("sources", "0004_citation_published"),
    ("accounts", "0004_publishers_group"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_rows_are_published_and_new_ones_are_not():
    old = _migrate(BEFORE)
    process = old.get_model("drafts", "PeaceProcess").objects.create(name="P", slug="p")
    draft = old.get_model("drafts", "Draft").objects.create(
        process=process, title="D", label="D", slug="d", published=True
    )
    provision = old.get_model("drafts", "Provision").objects.create(
        draft=draft, key="k1", label="1"
    )
    matter = old.get_model("alignment", "Matter").objects.create(
        process=process, code="A1", title="Row"
    )
    source = old.get_model("sources", "Source").objects.create(
        key="s1", outlet="O", headline="H", reliability="A"
    )
    citation = old.get_model("sources", "Citation").objects.create(
        source=source, provision=provision
    )
    try:
        new = _migrate(AFTER)
        Provision = new.get_model("drafts", "Provision")
        Matter = new.get_model("alignment", "Matter")
        Citation = new.get_model("sources", "Citation")
        assert Provision.objects.get(pk=provision.pk).published is True
        assert Matter.objects.get(pk=matter.pk).published is True
        assert Citation.objects.get(pk=citation.pk).published is True
        later = Provision.objects.create(draft_id=draft.pk, key="k2", label="2")
        assert later.published is False
        group = new.get_model("auth", "Group").objects.get(name="Publishers")
        assert group.permissions.filter(codename="publish_matter").exists()
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
