"""The phase script: the declarative description of a session, loaded from a TOML file.

The script is plain slotted dataclasses, never changed once built (not frozen: frozen ones cost
every start of codev some 10 ms to create). A file a person wrote is validated with pydantic
(`validate_script`, `load_script`: the models and their error messages are in
`script_schema`, imported only then); what is already known to be valid (the bundled
scripts, which the tests validate, and the copy of the script inside a session file) is built
directly by `script_data.script_from_data`, which only checks shapes and types.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

from codev_tui.core.problems import CoreError, Problem

NoteKind = Literal[
    "note",
    "question",
    "contract",
    "suggestion",
    "hypothesis",
    "impression",
    "testimony",
    "action",
    "learning",
    "evaluation",
    "subject",
    "vote",
]
"""The kinds of note a facilitator can take; a phase chooses its default."""

SCRIPT_KINDS: tuple[str, ...] = get_args(NoteKind)
"""The kinds a phase script may give its phases."""

NOTE_KINDS: tuple[str, ...] = (*SCRIPT_KINDS, "status")
"""Every kind of note: those of the scripts, and the statuses of the retour phase codev adds
to a group's session (`core.cycle.with_retour`)."""

LANGS: tuple[str, ...] = ("fr", "en")
"""The languages a script may be written in."""

ROLES: tuple[str, ...] = ("client", "consultants", "facilitator")
"""The roles that have their own text and prompts in a phase."""


@dataclass(slots=True, kw_only=True)
class ScriptInfo:
    """The `[script]` table."""

    name: str
    """The script's name, shown in the header."""
    lang: Literal["fr", "en"]
    """The language of the script and, by default, of the interface."""
    description: str = ""
    """A few words on when to use this script."""
    review_minutes: float = 10.0
    """Length of the retour phase that opens a group's session when the previous one has an
    action plan (0: no retour phase)."""


@dataclass(slots=True, kw_only=True)
class Rule:
    """One of the group's rules (`[[rules]]`)."""

    name: str
    """Short name, shown in the rules strip (e.g. "Confidentialité")."""
    text: str = ""
    """One sentence explaining the rule."""


@dataclass(slots=True, kw_only=True)
class Role:
    """One of the roles of the method (`[[roles]]`)."""

    id: str
    """`client`, `consultants` or `facilitator` for the method's three roles."""
    name: str
    """The role's name as shown on screen."""
    text: str = ""
    """What the role is, in a few words."""


@dataclass(slots=True, kw_only=True)
class Prompts:
    """Guiding prompts of a phase, per role (`[phases.prompts]`)."""

    client: tuple[str, ...] = ()
    """Prompts for the client."""
    consultants: tuple[str, ...] = ()
    """Prompts for the consultants."""
    facilitator: tuple[str, ...] = ()
    """Prompts for the facilitator."""

    def for_role(self, role: str | None) -> list[tuple[str, str]]:
        """The (role, prompt) pairs for one role, or for every role when `role` is None."""
        roles = ROLES if role is None else (role,)
        return [(r, p) for r in roles for p in getattr(self, r)]


@dataclass(slots=True, kw_only=True)
class Phase:
    """One phase of the session (`[[phases]]`)."""

    id: str
    """Unique lowercase identifier, e.g. `expose`."""
    title: str
    """The phase's title, shown large."""
    minutes: float
    """Planned duration, in minutes (0 < minutes <= 480)."""
    summary: str = ""
    """One line saying what happens in this phase."""
    client: str = ""
    """What the client does now."""
    consultants: str = ""
    """What the consultants do now."""
    facilitator: str = ""
    """What the facilitator does now."""
    rules: tuple[str, ...] = ()
    """The phase's own rules, e.g. "questions sans suggestion"."""
    prompts: Prompts = field(default_factory=Prompts)
    """Guiding prompts per role."""
    kind: str = "note"
    """Default kind of the notes taken in this phase (one of NOTE_KINDS)."""
    round: bool = False
    """Show the round-of-the-table tracker (who has the floor) in this phase."""
    warning_minutes: float | None = None
    """Minutes left when the countdown turns to warning; 20% of the phase when absent."""
    min_minutes: float | None = None
    """The least the phase may be shortened to when the session runs late (the lateness cue
    proposes taking minutes above it); half the phase when absent."""

    @property
    def seconds(self) -> float:
        """Planned duration in seconds."""
        return self.minutes * 60

    @property
    def warning_seconds(self) -> float:
        """Remaining seconds below which the countdown shows a warning."""
        if self.warning_minutes is not None:
            return self.warning_minutes * 60
        return self.seconds * 0.2

    @property
    def min_seconds(self) -> float:
        """The least this phase's plan may be cut to when taking minutes: `min_minutes`, or half
        the phase when the script does not say."""
        if self.min_minutes is not None:
            return min(self.min_minutes * 60, self.seconds)
        return self.seconds / 2


@dataclass(slots=True, kw_only=True)
class PhaseScript:
    """A whole phase script: the file `phases.toml`."""

    script: ScriptInfo
    """Name, language and description."""
    rules: tuple[Rule, ...] = ()
    """The group's rules, always visible."""
    roles: tuple[Role, ...] = ()
    """The roles of the method."""
    phases: tuple[Phase, ...]
    """The phases, in order (at least one, unique ids)."""

    @property
    def total_minutes(self) -> float:
        """Sum of the planned minutes of all phases."""
        return sum(p.minutes for p in self.phases)

    def role_name(self, role_id: str, default: str) -> str:
        """The display name of a role, or `default` when the script does not name it."""
        for role in self.roles:
            if role.id == role_id:
                return role.name
        return default


def worded_phase(part: str, lang: str, rules: tuple[str, ...], **fields: Any) -> Phase:
    """A phase codev adds to a script (the retour, choosing the subject): its title, summary,
    roles and `rules` (keys) from the words of `part` in the script's language."""
    from codev_tui.words import words_of

    w = words_of(part, lang)
    texts = {key: w[key] for key in ("title", "summary", "client", "consultants", "facilitator")}
    return Phase(**texts, rules=tuple(w[key] for key in rules), **fields)


class ScriptError(CoreError):
    """A phase script that cannot be used: one problem per thing wrong, each one line."""


def _bad(code: str, **values: Any) -> ScriptError:
    """The error for one problem of a phase script."""
    return ScriptError(Problem(code, values))


def load_script(path: Path) -> PhaseScript:
    """Read and validate a phase script a person wrote; ScriptError has one line per problem.

    This imports pydantic (`script_schema`): use `load_bundled_script` for the scripts
    shipped with codev.
    """
    name = str(path)
    raw = _read(path)
    data = parse_toml(raw, name)
    return validate_script(data, name, raw.decode("utf-8"))


def load_bundled_script(name_or_path: str | Path) -> PhaseScript:
    """A script shipped with codev, by name (`classic`) or path, built without validation.

    Trusted: the tests validate every bundled script with `validate_script`. A path is taken
    as given, so pass only the paths of `locations.bundled_scripts()`. A wrong shape still
    gives a ScriptError naming the file and the field, never a traceback.
    """
    if isinstance(name_or_path, str):
        from codev_tui import locations

        bundled = locations.bundled_scripts()
        if name_or_path not in bundled:
            raise _bad("script.no_bundled", name=name_or_path, names=tuple(bundled))
        path = bundled[name_or_path]
    else:
        path = name_or_path
    from codev_tui.core.script_data import script_from_data

    return script_from_data(parse_toml(_read(path), str(path)), str(path))


def load_any_script(path: Path) -> PhaseScript:
    """The script at `path`: trusted when it is a bundled one, validated otherwise."""
    from codev_tui import locations

    if Path(path) in locations.bundled_scripts().values():
        return load_bundled_script(Path(path))
    return load_script(path)


MAX_SCRIPT_BYTES = 1024 * 1024
"""The largest phase script read (1 MiB): the bundled ones are a few kilobytes."""

MAX_DEPTH = 32
"""The deepest nesting of arrays and tables a phase script may have (it needs four)."""


def _read(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_SCRIPT_BYTES, else ScriptError.

    Opened without blocking and checked once open (after symlinks are followed): a FIFO
    would hang the read, a device like /dev/zero would never end.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise _bad("script.cannot_read", where=path, reason=exc.strerror or str(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            folder = stat.S_ISDIR(info.st_mode)
            raise _bad("script.is_folder" if folder else "script.is_device", where=path)
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_SCRIPT_BYTES:
            chunk = os.read(fd, MAX_SCRIPT_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise _bad("script.cannot_read", where=path, reason=exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    if size > MAX_SCRIPT_BYTES:
        raise _bad("script.too_big", where=path)
    return b"".join(chunks)


_DOTTED = re.compile(
    # Possessive, and only from the start of a word: linear in the text (a long word would
    # otherwise be tried again from each of its characters).
    r"""(?<![A-Za-z0-9_"'-])(?:(?:[A-Za-z0-9_-]++|"s")[ \t]*+\.[ \t]*+)""" + f"{{{MAX_DEPTH},}}"
)
_STRINGS = re.compile(r""""(?:[^"\\\n]|\\.)*+"|'[^'\n]*+'""")
"""One-line strings, escapes included: what they hold is no key (`-.-.-…` in a summary)."""


def dotted_too_deep(text: str) -> int:
    """The line of the first dotted key of more than MAX_DEPTH parts (`a.a.a…`), or 0.

    Such a key nests tables as deeply, and tomllib takes time and memory growing with the
    square of its parts (a 86 kB file took two minutes and 6 GB): refused before parsing.
    The text of strings is left out first (a quoted part of a key counts as one part).
    """
    keys = _STRINGS.sub('"s"', text)  # the same lines: a one-line string holds no line break
    match = _DOTTED.search(keys)
    return keys.count("\n", 0, match.start()) + 1 if match else 0


def _too_deep(data: Any) -> bool:
    """Whether arrays and tables nest deeper than MAX_DEPTH (walked without recursion)."""
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return False


def parse_toml(raw: bytes, name: str) -> dict[str, Any]:
    """Decode and parse TOML bytes; raise ScriptError naming the file, line and column."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise _bad("script.bom", where=f"{name}:1:1")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _bad("script.not_utf8", where=f"{name}:{line}:{col}") from None
    deep = _bad("script.too_deep", where=name, depth=MAX_DEPTH)
    line = dotted_too_deep(text)
    if line:
        raise _bad("script.dotted_too_deep", where=f"{name}:{line}", depth=MAX_DEPTH)
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise deep from None
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        match = re.search(r"\s*\(at line (\d+), column (\d+)\)\s*$", msg)
        if match:
            reason = msg[: match.start()]
            where = f"{match.group(1)}:{match.group(2)}"
        else:
            reason, where = re.sub(r"\s*\(at end of document\)\s*$", "", msg), "end"
            if where == "end":
                where = f"{text.count(chr(10)) + 1}:1"
        raise _bad(
            "script.toml_syntax", where=f"{name}:{where}", reason=_sentence(reason)
        ) from None
    if _too_deep(data):
        raise deep
    return data


def _sentence(reason: str) -> str:
    return reason[:1].lower() + reason[1:] if reason else "invalid"


def validate_script(data: Any, name: str, text: str = "") -> PhaseScript:
    """Validate what a person wrote (parsed TOML) as a phase script, with pydantic.

    Raise ScriptError with one line per problem, each starting with `name` (and the line,
    found in `text`, the TOML source, when given). pydantic is imported here, not before.
    """
    from codev_tui.core import script_schema

    return script_schema.validate(data, name, text)
