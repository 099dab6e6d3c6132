"""The editorial groups survive a database flush, as a transactional test or `flush` does."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from apps.accounts.roles import EDITORS, PUBLISHERS, VIEWERS


@pytest.mark.django_db(transaction=True)
def test_flush_leaves_the_three_groups_with_their_permissions():
    call_command("flush", interactive=False, verbosity=0)

    groups = {g.name: g.permissions.count() for g in Group.objects.all()}
    assert set(groups) == {EDITORS, VIEWERS, PUBLISHERS}
    assert all(groups.values()), groups
    assert Group.objects.get(name=EDITORS).permissions.filter(codename="change_provision").exists()
