"""A codev group over its cycle: the model (members, charter, quorum) and its file on disk."""

from codev_tui.core.group.model import Group, GroupError, Member
from codev_tui.core.group.store import (
    change_group,
    create_group,
    groups_folder,
    list_groups,
    load_group,
)

__all__ = [
    "Group",
    "GroupError",
    "Member",
    "change_group",
    "create_group",
    "groups_folder",
    "list_groups",
    "load_group",
]
