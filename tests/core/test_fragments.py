"""Fragments kept per content version and audience (apps/core/fragments.py)."""

from __future__ import annotations

from apps.core import fragments, versioning


def _cached(build, *, since=None, processes=(1,), preview=False, vary=("a",)) -> dict:
    return fragments.cached(
        "test",
        since=since or versioning.current(),
        processes=processes,
        preview=preview,
        vary=vary,
        build=build,
    )


class Builds:
    """A build that counts its calls, optionally running `meanwhile` as it renders."""

    def __init__(self, meanwhile=None):
        self.calls = 0
        self.meanwhile = meanwhile

    def __call__(self) -> dict:
        self.calls += 1
        if self.meanwhile:
            self.meanwhile()
        return {"html": f"rendering {self.calls}"}


def test_it_builds_once_per_key_and_audience():
    build = Builds()
    assert _cached(build) == _cached(build) == {"html": "rendering 1"}
    assert _cached(build, preview=True) == {"html": "rendering 2"}
    assert _cached(build, vary=("b",)) == {"html": "rendering 3"}
    assert build.calls == 3


def test_only_an_edit_to_its_processes_or_shared_material_retires_it():
    build = Builds()
    _cached(build)
    versioning.bump([2])
    _cached(build)
    assert build.calls == 1
    versioning.bump([1])
    _cached(build)
    versioning.bump()  # shared material
    _cached(build)
    assert build.calls == 3


def test_an_edit_while_it_renders_retires_the_rendering():
    """Even an edit to a process not in the key: what the view read before the key's
    versions were taken may be what it changed. Served once, not kept."""
    build = Builds(meanwhile=lambda: versioning.bump([2]))
    assert _cached(build) == {"html": "rendering 1"}
    build.meanwhile = None
    assert _cached(build) == {"html": "rendering 2"}
    assert _cached(build) == {"html": "rendering 2"}


def test_an_edit_anywhere_since_the_view_began_retires_the_rendering():
    """The view read the object, or which processes it shows, before the key's versions were
    taken: an edit in between, even to a process not in the key, may have made them stale."""
    since = versioning.current()
    versioning.bump([2])
    build = Builds()
    _cached(build, since=since)
    _cached(build)
    _cached(build)
    assert build.calls == 2
