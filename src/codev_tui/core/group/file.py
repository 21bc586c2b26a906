"""A group file's bytes: the group written as TOML, and read back field by field.

Reading never trusts the file: whatever it holds, the result is a Group or one GroupError
naming the file, the line when it is known, and the field.
"""

from __future__ import annotations

import re
import tomllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from codev_tui.core.group.model import Group, GroupError, Member, group_error, name_key
from codev_tui.core.problems import Problem
from codev_tui.core.store.record import Base64Error, decode_strings, encode_strings

SCHEMA = 1
"""The version of the group file's layout this codev writes and reads."""

FIRST_LINE = (
    "# codev-tui group file: private (0600). Written by codev;"
    " change it with `codev group`, not by hand.\n"
)

_MEMBER_ID = re.compile(r"p[1-9][0-9]{0,8}")
_TOML_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)$")
_HEADER = re.compile(r"\s*(\[\[?)\s*([A-Za-z0-9_-]+)\s*\]\]?\s*(#.*)?$")


def encode_group(group: Group) -> bytes:
    """The whole file of a group: its comment line, `schema`, `[group]`, `[[members]]`."""
    import tomli_w  # here: reading a group never needs it

    head: dict[str, Any] = {
        "id": group.id,
        "name": group.name,
        "created": group.created.astimezone(UTC),
        "facilitator": group.facilitator,
        "sessions": group.sessions,
        "every": group.every,
        "charter": group.charter,
    }
    if group.changed is not None:
        head["changed"] = group.changed.astimezone(UTC)
    members = []
    for member in group.members:
        fields: dict[str, Any] = {
            "id": member.id,
            "name": member.name,
            "joined": member.joined.astimezone(UTC),
        }
        if member.left is not None:
            fields["left"] = member.left.astimezone(UTC)
        members.append(encode_strings(fields))
    text = tomli_w.dumps({"schema": SCHEMA, "group": encode_strings(head)}, multiline_strings=True)
    # Each member a `[[members]]` table of its own, one field a line (tomli_w would write
    # short ones inline): a damaged field is then named by its line.
    for fields in members:
        text += "\n[[members]]\n" + tomli_w.dumps(fields)
    return (FIRST_LINE + text).encode("utf-8")


def decode_group(path: Path, raw: bytes) -> Group:
    """The group a file's bytes hold, or a GroupError saying where and what is wrong.

    A file of a newer schema is refused as such before anything else is looked at.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise group_error("group.not_utf8", path=path) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        at = _TOML_LINE.search(message)
        where = f"{path}:{at.group(1)}" if at else str(path)
        cause = message[: at.start()] if at else message
        raise group_error("group.bad_toml", where=where, reason=cause) from None
    except (RecursionError, MemoryError):
        raise group_error("group.too_deep", path=path) from None
    return _Reader(path, text).group(data)


class _Reader:
    """Checks a parsed group file field by field; each failure names its line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def group(self, data: dict[str, Any]) -> Group:
        """The whole group, schema first."""
        schema = data.get("schema")
        if type(schema) is int and schema > SCHEMA:
            raise group_error("group.newer", path=self.path, schema=schema)
        if type(schema) is not int or schema < 1:
            raise self.fail("schema", None, 0, "schema", "group.bad_schema", schema=SCHEMA)
        head = self.table(data.get("group"), "group", 0)
        group = Group(
            id=self.text(head, "group", 0, "id", required=True),
            name=self.text(head, "group", 0, "name", required=True),
            created=self.time(head, "group", 0, "created", required=True),  # type: ignore[arg-type]
            facilitator=self.text(head, "group", 0, "facilitator"),
            sessions=self.count(head, "sessions"),
            every=self.text(head, "group", 0, "every"),
            charter=self.text(head, "group", 0, "charter"),
            changed=self.time(head, "group", 0, "changed"),
        )
        members = data.get("members", [])
        if type(members) is not list:
            raise self.fail("members", None, 0, "members", "group.not_tables")
        seen_ids: set[str] = set()
        seen_names: set[str] = set()
        for n, entry in enumerate(members, 1):
            member = self.member(self.table(entry, "members", n), n)
            if member.id in seen_ids:
                raise self.fail(f"members[{n}].id", "members", n, "id", "group.twice")
            if name_key(member.name) in seen_names:
                raise self.fail(f"members[{n}].name", "members", n, "name", "group.twice")
            seen_ids.add(member.id)
            seen_names.add(name_key(member.name))
            group.members.append(member)
        return group

    def member(self, entry: dict[str, Any], n: int) -> Member:
        """The n-th `[[members]]` table (from 1) as a Member."""
        member_id = self.text(entry, "members", n, "id", required=True)
        if not _MEMBER_ID.fullmatch(member_id):
            raise self.fail(f"members[{n}].id", "members", n, "id", "group.bad_member_id")
        return Member(
            id=member_id,
            name=self.text(entry, "members", n, "name", required=True),
            joined=self.time(entry, "members", n, "joined", required=True),  # type: ignore[arg-type]
            left=self.time(entry, "members", n, "left"),
        )

    def table(self, value: Any, table: str, n: int) -> dict[str, Any]:
        """A table, its strings stored as base64 decoded."""
        label = f"members[{n}]" if n else table
        if type(value) is not dict:
            raise self.fail(label, table if n else None, n, table, "group.not_table")
        try:
            return decode_strings(value)
        except Base64Error as exc:
            field = exc.key.removesuffix("__b64")
            raise self.fail(f"{label}.{field}", table, n, field, "group.not_base64") from None

    def text(
        self, table: dict[str, Any], name: str, n: int, key: str, *, required: bool = False
    ) -> str:
        """A string field; a required one must not be empty."""
        value = table.get(key, None if required else "")
        if type(value) is not str or (required and not value.strip()):
            code = "group.missing_text" if required else "group.not_text"
            raise self.fail(_label(name, n, key), name, n, key, code)
        return value

    def time(
        self, table: dict[str, Any], name: str, n: int, key: str, *, required: bool = False
    ) -> datetime | None:
        """A date and time with its offset, as UTC; absent is None unless required."""
        value = table.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise self.fail(_label(name, n, key), name, n, key, "group.not_time")
        return value.astimezone(UTC)

    def count(self, table: dict[str, Any], key: str) -> int:
        """A whole number, 0 or more (0 when absent)."""
        value = table.get(key, 0)
        if type(value) is not int or value < 0:
            raise self.fail(f"group.{key}", "group", 0, key, "group.not_count")
        return value

    def fail(
        self, label: str, table: str | None, n: int, key: str, code: str, **values: object
    ) -> GroupError:
        """The error for field `label`, at the line where `key` is in that table if found."""
        line = self.line_of(table, n, key)
        where = f"{self.path}:{line}" if line else str(self.path)
        return group_error("group.damaged", where=where, field=label, what=Problem(code, values))

    def line_of(self, table: str | None, n: int, key: str) -> int | None:
        """The line (from 1) of `key =` in `[table]` (None: before any table), or of the n-th
        `[[table]]` (n from 1), or of that table's header when the key is not there."""
        current: tuple[str | None, int] = (None, 0)
        counts: dict[str, int] = {}
        header_at = None
        for number, line in enumerate(self.lines, 1):
            head = _HEADER.match(line)
            if head:
                name = head.group(2)
                counts[name] = counts.get(name, 0) + 1
                current = (name, counts[name] if head.group(1) == "[[" else 0)
                if current == (table, n):
                    header_at = number
                continue
            stripped = line.lstrip()
            if current == (table, n) and stripped.startswith((f"{key} ", f"{key}=", f"{key}__b64")):
                return number
        return header_at


def _label(table: str, n: int, key: str) -> str:
    """How a field is named in an error: `group.name`, `members[2].joined`."""
    return f"members[{n}].{key}" if n else f"{table}.{key}"
