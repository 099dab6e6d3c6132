"""Django's user and group admins, with ids from the request checked (no 500 on bad ids)."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User

from apps.core.admin_widgets import SafeIdsAdminMixin

admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class SafeUserAdmin(SafeIdsAdminMixin, UserAdmin):
    pass


@admin.register(Group)
class SafeGroupAdmin(SafeIdsAdminMixin, GroupAdmin):
    pass
