"""The costly part of a page, rendered once per content version and audience.

Signed-in users never get a page from the shared page cache (`pagecache`), but the part of a
page that costs (a long list of provisions or positions) seldom shows anything of the visitor
beyond what they may see: the public sees published material, previewers everything. So that
part is kept per audience under the content versions of the processes it shows, and the rest
of the page (menus, messages, forms with their CSRF token) is rendered around it each time.
Like any rendering keyed on content versions, it is never stale and is never deleted by hand.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from django.core.cache import cache

from . import versioning

TIMEOUT = 24 * 3600


def cached(
    name: str,
    *,
    since: str,
    processes: Iterable[int],
    preview: bool,
    vary: Iterable[object],
    build: Callable[[], dict],
    timeout: int = TIMEOUT,
    keep: Callable[[dict], bool] = lambda found: True,
) -> dict:
    """What `build()` returns (rendered HTML and the plain values the page shows with it),
    from the cache while nothing it shows has changed.

    `since`: the site-wide version (`versioning.current()`) taken before the view read
    anything the fragment shows (the object, which processes it belongs to). `processes`:
    the processes whose material it shows (besides shared material). `preview`: whether it
    is built for previewers (who see unpublished material): the public never gets their
    copy. `vary`: everything else it depends on (the object shown, the filters). It must
    show nothing else of the visitor, no CSRF token in particular. `timeout`: shorter where
    the keys are as many as visitors can make up (searches), so that they cannot fill the
    cache for a day.
    """
    versions = versioning.token(processes)
    ident = "|".join(map(str, [name, "preview" if preview else "public", *vary, versions]))
    key = f"fragment:{hashlib.sha256(ident.encode('utf-8', 'surrogateescape')).hexdigest()}"
    found = cache.get(key)
    if found is None:
        found = build()
        # Kept only if no edit landed since the view began: what it read before the versions
        # in the key were taken (or the edit's process, missing from the key) may be stale.
        if versioning.current() == since and keep(found):
            cache.set(key, found, timeout=timeout)
    return found
