"""Where a session is on disk: one lock per real file (symbolic links), no side effect on a path
that is not a session, folders made private only when codev owns them, a lock file that is
never a foreign file and goes away with the session."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from codev_tui import cli
from codev_tui.core.session import Roster, SessionError
from codev_tui.core.store import LockedError, SaveError, SessionFile, read_session

ROSTER = Roster(topic="Chemins", client="Claire", consultants=["Ahmed"])
SRC = Path(__file__).resolve().parents[2] / "src"


def _session(folder: Path, script, wall, notes: int = 1) -> Path:  # type: ignore[no-untyped-def]
    with SessionFile.create(folder, script, ROSTER, now=wall) as file:
        for n in range(notes):
            file.record("note", phase="expose", kind="note", text=f"note {n}")
        return file.path


def _tree(root: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every path under `root` (root included) with its full mode and a file's bytes."""
    found = {}
    for path in [root, *sorted(root.rglob("*"))]:
        st = path.lstat()
        data = path.read_bytes() if stat.S_ISREG(st.st_mode) else None
        found[str(path.relative_to(root))] = (st.st_mode, data)
    return found


@pytest.fixture
def umask_0() -> Iterator[None]:
    old = os.umask(0)
    yield
    os.umask(old)


# -- 4. one lock per real file -------------------------------------------------------------------


def _link_to_file(real: Path, tmp: Path) -> Path:
    link = tmp / "link.toml"
    link.symlink_to(real)
    return link


def _link_to_folder(real: Path, tmp: Path) -> Path:
    (tmp / "folder-link").symlink_to(real.parent, target_is_directory=True)
    return tmp / "folder-link" / real.name


def _chain_of_links(real: Path, tmp: Path) -> Path:
    (tmp / "first.toml").symlink_to(real)
    (tmp / "second.toml").symlink_to(tmp / "first.toml")
    return tmp / "second.toml"


def _dot_dot(real: Path, tmp: Path) -> Path:
    (real.parent / "sub").mkdir()
    return real.parent / "sub" / ".." / real.name


def _relative_link(real: Path, tmp: Path) -> Path:
    link = real.parent / "relative.toml"
    link.symlink_to(real.name)
    return link


ALIASES: dict[str, Callable[[Path, Path], Path]] = {
    "link-to-file": _link_to_file,
    "link-to-folder": _link_to_folder,
    "chain-of-links": _chain_of_links,
    "dot-dot": _dot_dot,
    "relative-link": _relative_link,
}


@pytest.mark.parametrize("alias", ALIASES.values(), ids=ALIASES.keys())
@pytest.mark.parametrize("first", ["alias", "real"])
def test_two_opens_of_one_file_under_two_names_exclude_each_other(
    data_dir: Path, tmp_path: Path, script, wall, alias, first: str
) -> None:  # type: ignore[no-untyped-def]
    real = _session(data_dir, script, wall)
    other = alias(real, tmp_path)
    names = [other, real] if first == "alias" else [real, other]
    with SessionFile.open(names[0], now=wall) as file:
        assert file.path == real
        with pytest.raises(LockedError):
            SessionFile.open(names[1], now=wall)
        file.record("note", phase="expose", kind="note", text="une seule fois")
    with SessionFile.open(names[1], now=wall) as again:
        again.record("note", phase="expose", kind="note", text="puis l'autre")
    notes = read_session(real).notes
    assert [n.id for n in notes] == [1, 2, 3]
    assert [n.text for n in notes] == ["note 0", "une seule fois", "puis l'autre"]
    assert not list(real.parent.glob(".*.lock"))


def test_a_torn_tail_repaired_through_a_link_repairs_the_file_and_keeps_the_link(
    data_dir: Path, tmp_path: Path, script, wall
) -> None:  # type: ignore[no-untyped-def]
    real = _session(data_dir, script, wall, notes=2)
    with real.open("ab") as f:
        f.write(b"[[events]]\nseq = 3\nt = 2026-11-29 09:0")
    link = _link_to_file(real, tmp_path)
    with SessionFile.open(link, now=wall) as file:
        assert file.repaired is not None and file.repaired.parent == real.parent
    assert link.is_symlink() and link.resolve() == real
    assert [n.text for n in read_session(real).notes] == ["note 0", "note 1"]


def test_two_processes_through_a_link_and_the_real_path_exclude_each_other(
    data_dir: Path, tmp_path: Path, script, wall
) -> None:  # type: ignore[no-untyped-def]
    real = _session(data_dir, script, wall)
    link = _link_to_file(real, tmp_path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from codev_tui.core.store import SessionFile\n"
            "f = SessionFile.open(sys.argv[1]); print('held', flush=True); sys.stdin.read()",
            str(link),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockedError, match=rf"process {holder.pid}\b"):
            SessionFile.open(real, now=wall)
    finally:
        holder.communicate("", timeout=10)
    SessionFile.open(real, now=wall).close()


# -- 5. no side effect on a path that is not a session; private folders --------------------------


def _missing_in_shared(shared: Path) -> Path:
    return shared / "missing.toml"


def _missing_under_a_missing_folder(shared: Path) -> Path:
    return shared / "new" / "deeper" / "missing.toml"


def _a_folder(shared: Path) -> Path:
    (shared / "a-folder").mkdir()
    (shared / "a-folder").chmod(0o1777)
    return shared / "a-folder"


def _dangling_link(shared: Path) -> Path:
    (shared / "dangling.toml").symlink_to(shared / "nowhere" / "gone.toml")
    return shared / "dangling.toml"


NOT_SESSIONS = {
    "missing-file": _missing_in_shared,
    "missing-folders": _missing_under_a_missing_folder,
    "a-folder": _a_folder,
    "dangling-link": _dangling_link,
}
COMMANDS = {
    "run --session": lambda p: ["run", "--session", str(p)],
    "resume": lambda p: ["resume", str(p)],
}


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
@pytest.mark.parametrize("what", NOT_SESSIONS.values(), ids=NOT_SESSIONS.keys())
def test_a_path_that_is_not_a_session_is_one_line_and_touches_nothing(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], command, what, umask_0
) -> None:  # type: ignore[no-untyped-def]
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp
    path = what(shared)
    before = _tree(tmp_path)
    assert cli.main(command(path)) == cli.USER_ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("codev: ") and "Traceback" not in err
    assert _tree(tmp_path) == before
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert not data_dir.exists()


def test_a_session_in_a_shared_folder_leaves_the_folder_as_it_was(
    tmp_path: Path, script, wall
) -> None:  # type: ignore[no-untyped-def]
    made = _session(tmp_path / "made", script, wall, notes=1)
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    path = shared / made.name
    made.rename(path)
    with SessionFile.open(path, now=wall) as file:
        file.record("note", phase="expose", kind="note", text="ici")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert sorted(p.name for p in shared.iterdir()) == [made.name]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("depth", [1, 2, 4])
@pytest.mark.parametrize("mask", [0, 0o022, 0o077], ids=["umask-000", "umask-022", "umask-077"])
def test_every_folder_codev_creates_is_0700_whatever_the_umask(
    tmp_path: Path, script, wall, depth: int, mask: int, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    folder = shared.joinpath(*[f"level{n}" for n in range(depth)], "sessions")
    monkeypatch.setenv("CODEV_DATA_DIR", str(folder))
    old = os.umask(mask)
    try:
        path = _session(folder, script, wall)
    finally:
        os.umask(old)
    made = [folder, *folder.parents][: depth + 1]
    assert {str(p): stat.S_IMODE(p.stat().st_mode) for p in made} == {str(p): 0o700 for p in made}
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777  # there before: untouched
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_data_folder_codev_owns_is_made_private_again(data_dir: Path, script, wall) -> None:  # type: ignore[no-untyped-def]
    path = _session(data_dir, script, wall)
    data_dir.chmod(0o755)
    data_dir.parent.chmod(0o1777)
    SessionFile.open(path, now=wall).close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(data_dir.parent.stat().st_mode) == 0o1777


# -- 6. the lock file ----------------------------------------------------------------------------


def _opened(folder: Path, script, wall) -> SessionFile:  # type: ignore[no-untyped-def]
    return SessionFile.open(_session(folder, script, wall), now=wall)


def _created(folder: Path, script, wall) -> SessionFile:  # type: ignore[no-untyped-def]
    return SessionFile.create(folder, script, ROSTER, now=wall)


def _created_beside_a_taken_name(folder: Path, script, wall) -> SessionFile:  # type: ignore[no-untyped-def]
    _session(folder, script, wall)
    return SessionFile.create(folder, script, ROSTER, now=wall)


OPENINGS = {"open": _opened, "create": _created, "create-2": _created_beside_a_taken_name}


@pytest.mark.parametrize("opening", OPENINGS.values(), ids=OPENINGS.keys())
def test_a_clean_close_leaves_no_lock_file(data_dir: Path, script, wall, opening) -> None:  # type: ignore[no-untyped-def]
    file = opening(data_dir, script, wall)
    lock = file.path.with_name(f".{file.path.name}.lock")
    assert lock.is_file()  # held while open
    file.record("note", phase="expose", kind="note", text="x")
    file.close()
    assert not lock.exists()
    assert not list(data_dir.glob(".*.lock"))


def test_a_failed_open_leaves_no_lock_file(data_dir: Path, script, wall) -> None:  # type: ignore[no-untyped-def]
    path = _session(data_dir, script, wall, notes=2)
    raw = path.read_bytes()
    path.write_bytes(raw.replace(b"note 0", b"note X", 1))  # a damaged record
    with pytest.raises(SessionError):
        SessionFile.open(path, now=wall)
    assert not list(data_dir.glob(".*.lock"))


def _symlink_to_a_file(lock: Path, tmp: Path) -> Path:
    target = tmp / "precious.txt"
    target.write_text("precious\n")
    lock.symlink_to(target)
    return target


def _symlink_to_nothing(lock: Path, tmp: Path) -> Path:
    lock.symlink_to(tmp / "would-be-created")
    return tmp / "would-be-created"


def _symlink_to_a_folder(lock: Path, tmp: Path) -> Path:
    (tmp / "a-folder").mkdir()
    lock.symlink_to(tmp / "a-folder")
    return tmp / "a-folder"


def _another_file(lock: Path, tmp: Path) -> Path:
    lock.write_text("not a lock: someone's notes\n")
    return lock


def _hard_link(lock: Path, tmp: Path) -> Path:
    target = tmp / "linked.txt"
    target.write_text("")  # empty, like a fresh lock, but another name for a file of the user
    os.link(target, lock)
    return target


def _another_owner(lock: Path, tmp: Path) -> Path:
    lock.write_text("")
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    os.chown(lock, 65534, 65534)
    return lock


def _a_fifo(lock: Path, tmp: Path) -> Path:
    os.mkfifo(lock)
    return lock


PLANTED = {
    "symlink-to-file": _symlink_to_a_file,
    "symlink-to-nothing": _symlink_to_nothing,
    "symlink-to-folder": _symlink_to_a_folder,
    "other-content": _another_file,
    "hard-link": _hard_link,
    "other-owner": _another_owner,
    "fifo": _a_fifo,
}


@pytest.mark.parametrize("plant", PLANTED.values(), ids=PLANTED.keys())
def test_a_lock_path_that_is_not_codevs_lock_is_refused_and_left_as_it_was(
    data_dir: Path, tmp_path: Path, script, wall, plant
) -> None:  # type: ignore[no-untyped-def]
    path = _session(data_dir, script, wall)
    lock = path.with_name(f".{path.name}.lock")
    outside = tmp_path / "outside"
    outside.mkdir()
    target = plant(lock, outside)
    before = _tree(tmp_path)
    with pytest.raises(SaveError) as err:
        SessionFile.open(path, now=wall)
    message = str(err.value)
    assert "\n" not in message and path.name in message and "lock" in message
    assert _tree(tmp_path) == before
    assert target.exists() == (plant is not _symlink_to_nothing)
    assert cli.main(["resume", str(path)]) == cli.USER_ERROR  # and the command says it in a line


RACER = r"""
import fcntl, os, sys, time
from codev_tui.core.store import LockedError, SaveError, SessionFile
real_flock = fcntl.flock
def slow_flock(fd, op):  # widen the window between opening the lock file and locking it
    time.sleep(0.001)
    return real_flock(fd, op)
fcntl.flock = slow_flock
path, inside, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
wins = clashes = 0
for i in range(n):
    try:
        file = SessionFile.open(path)
    except LockedError:
        continue
    try:
        fd = os.open(inside, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        clashes += 1
    else:
        file.record("note", phase="expose", kind="note", text=f"{os.getpid()} {i}")
        wins += 1
        os.close(fd)
        os.unlink(inside)
    file.close()
print(wins, clashes)
"""


def test_processes_racing_for_the_lock_still_exclude_each_other(
    data_dir: Path, script, wall
) -> None:  # type: ignore[no-untyped-def]
    """The lock file is removed at each close: a process that opened it just before must not
    lock the removed file while another locks a new one."""
    path = _session(data_dir, script, wall, notes=0)
    inside = data_dir / "inside"
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(path), str(inside), "150"],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(SRC)},
        )
        for _ in range(3)
    ]
    results = [tuple(map(int, r.communicate(timeout=60)[0].split())) for r in racers]
    assert all(r.returncode == 0 for r in racers)
    assert sum(clashes for _, clashes in results) == 0
    wins = sum(w for w, _ in results)
    notes = read_session(path).notes
    assert len(notes) == wins > 0
    assert sorted(n.id for n in notes) == list(range(1, wins + 1))
    assert not list(data_dir.glob(".*.lock"))


@pytest.mark.parametrize("mode", [0o1777, 0o1755])
def test_a_shared_folder_given_as_the_data_folder_is_refused_and_left_as_it_was(
    tmp_path: Path, script, wall, monkeypatch: pytest.MonkeyPatch, mode: int
) -> None:  # type: ignore[no-untyped-def]
    """`CODEV_DATA_DIR=/tmp`: codev must not make the system's shared folder its own (0700),
    nor keep sessions there for everybody to see their names."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(mode)
    monkeypatch.setenv("CODEV_DATA_DIR", str(shared))
    with pytest.raises(SaveError, match="a shared folder"):
        SessionFile.create(shared, script, ROSTER, now=wall)
    assert stat.S_IMODE(shared.stat().st_mode) == mode
    assert list(shared.iterdir()) == []


@pytest.mark.parametrize("where", ["beside", "elsewhere"])
def test_a_session_file_with_a_hard_link_is_refused_under_every_name(
    data_dir: Path, tmp_path: Path, script, wall, where: str
) -> None:  # type: ignore[no-untyped-def]
    """Each name would get its own lock file, and a repair or a deletion (an atomic rewrite)
    would split the session in two files, each opened by its own codev."""
    real = _session(data_dir, script, wall)
    with real.open("ab") as f:
        f.write(b"[[events]]\nseq = 9")  # a torn tail: opening would repair it
    other = (data_dir if where == "beside" else tmp_path) / "hard.toml"
    os.link(real, other)
    raw = real.read_bytes()
    for name in (real, other):
        with pytest.raises(SessionError, match="2 names"):
            SessionFile.open(name, now=wall)
    assert real.read_bytes() == raw and os.path.samefile(real, other)
    assert not list(data_dir.glob(".*.lock")) and not list(tmp_path.glob(".*.lock"))


def test_a_shared_folder_reached_through_a_new_folder_and_dot_dot_is_refused(
    tmp_path: Path, script, wall
) -> None:  # type: ignore[no-untyped-def]
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    with pytest.raises(SaveError, match="a shared folder"):
        SessionFile.create(shared / "new" / "..", script, ROSTER, now=wall)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert list(shared.iterdir()) == []
