"""The editorial roles, as groups of model permissions.

Editors curate; Viewers read the admin; Publishers decide what the public sees. Publishing
is a role of its own, usually given on top of Editors: an editor without it can edit but
cannot publish or unpublish anything.
"""

EDITORS = "Editors"
VIEWERS = "Viewers"
PUBLISHERS = "Publishers"

# (app label, model) pairs editors curate in the admin.
CURATED_MODELS = [
    ("drafts", "peaceprocess"),
    ("drafts", "party"),
    ("drafts", "topic"),
    ("drafts", "draft"),
    ("drafts", "draftlink"),
    ("drafts", "provision"),
    ("sources", "source"),
    ("sources", "citation"),
    ("alignment", "matter"),
    ("alignment", "matterentry"),
    ("positions", "position"),
    ("terms", "keyterm"),
    ("quality", "qualitynote"),
]

# Recorded history: both roles read it; nobody edits it.
READ_ONLY_MODELS = [("history", "change")]

EDITOR_ACTIONS = ("view", "add", "change", "delete")
VIEWER_ACTIONS = ("view",)


def sync_groups(apps) -> None:
    """Create or repair both groups so they hold exactly their role's permissions."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def installed(pairs):
        # An earlier migration runs before later apps' models exist: skip those; the
        # migration that adds them syncs the groups again.
        found = []
        for app, model in pairs:
            try:
                apps.get_model(app, model)
            except LookupError:
                continue
            found.append((app, model))
        return found

    curated, read_only = installed(CURATED_MODELS), installed(READ_ONLY_MODELS)

    def perms(actions):
        codenames = [f"{a}_{model}" for _, model in curated for a in actions]
        codenames += [f"view_{model}" for _, model in read_only]
        labels = {app for app, _ in curated + read_only}
        found = list(
            Permission.objects.filter(content_type__app_label__in=labels, codename__in=codenames)
        )
        if len(found) != len(codenames):
            raise RuntimeError("Model permissions are missing; run migrate again.")
        return found

    for name, actions in ((EDITORS, EDITOR_ACTIONS), (VIEWERS, VIEWER_ACTIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(perms(actions))


# (app label, codename): one publish permission per model that has a `published` flag.
PUBLISH_PERMISSIONS = [
    ("drafts", "publish_draft"),
    ("drafts", "publish_provision"),
    ("alignment", "publish_matter"),
    ("sources", "publish_citation"),
]
PUBLISHED_MODELS = [
    ("drafts", "draft"),
    ("drafts", "provision"),
    ("alignment", "matter"),
    ("sources", "citation"),
]


def sync_publishers(apps) -> None:
    """Create or repair the Publishers group: the four publish permissions, plus viewing the
    four models, so a publisher who is not also an editor can review and publish."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = PUBLISH_PERMISSIONS + [(app, f"view_{model}") for app, model in PUBLISHED_MODELS]
    found = [
        Permission.objects.filter(content_type__app_label=app, codename=codename).first()
        for app, codename in wanted
    ]
    if None in found:
        raise RuntimeError("Publish permissions are missing; run migrate again.")
    group, _ = Group.objects.get_or_create(name=PUBLISHERS)
    group.permissions.set(found)


def sync_roles_after_migrate(sender, apps=None, **kwargs) -> None:
    """Repair the three groups once every app's permissions exist.

    The groups come from data migrations, but a database flush (a transactional test, or
    `manage.py flush`) empties them while `post_migrate` only re-creates permissions; this
    puts the groups back at the same moment, after the last app's permissions are made.
    """
    from django.apps import apps as registry

    with_models = [c for c in registry.get_app_configs() if c.models_module is not None]
    if sender.label != with_models[-1].label:
        return
    # `migrate` passes its model state; `flush` passes none, so the installed models serve.
    sync_groups(apps or registry)
    sync_publishers(apps or registry)
