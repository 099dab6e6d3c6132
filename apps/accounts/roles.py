"""The two editorial roles, as groups of model permissions."""

EDITORS = "Editors"
VIEWERS = "Viewers"

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
]

# Recorded history: both roles read it; nobody edits it.
READ_ONLY_MODELS = [("history", "change")]

EDITOR_ACTIONS = ("view", "add", "change", "delete")
VIEWER_ACTIONS = ("view",)


def sync_groups(apps) -> None:
    """Create or repair both groups so they hold exactly their role's permissions."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def perms(actions):
        codenames = [f"{a}_{model}" for _, model in CURATED_MODELS for a in actions]
        codenames += [f"view_{model}" for _, model in READ_ONLY_MODELS]
        labels = {app for app, _ in CURATED_MODELS + READ_ONLY_MODELS}
        found = list(
            Permission.objects.filter(content_type__app_label__in=labels, codename__in=codenames)
        )
        if len(found) != len(codenames):
            raise RuntimeError("Model permissions are missing; run migrate again.")
        return found

    for name, actions in ((EDITORS, EDITOR_ACTIONS), (VIEWERS, VIEWER_ACTIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(perms(actions))
