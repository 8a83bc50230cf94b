"""The one gate every folder the generator deletes or replaces passes through.

A build replaces its output folder and clears parts of its work folder; `serve`
and `urls --update` build the same way. A mistyped option (`--out data`,
`--work content`, `--out .`) would otherwise delete the editors' sources, the
checkout or a home folder, and report success. So before anything is written:

* an output or work folder may not be, contain or lie inside the data or the
  content folder; it may not be or contain the repository, the current folder,
  the user's home or the filesystem root; the output and work folders may not
  be, contain or lie inside each other;
* an existing folder is replaced only when it is empty or carries the stamp a
  previous build wrote into it (`OUTPUT_STAMP`, `WORK_STAMP`): a folder of anything else is never
  taken for an old output. The same holds for the `<out>.old` and `<out>.new`
  folders the swap uses next to the output;
* a symbolic link is refused: the swap would replace the link, not the folder
  it points to, and the deployed folder would silently stay old.

`lock` keeps two builds from writing into the same folders at once.

Every refusal is a `GuardError` whose `key` and `values` name a message of the
catalogue (`messages.OUTCOMES`); the CLI prints it and exits 2.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from generator import PACKAGE_DIR

# The stamp a build leaves in each folder it owns. It starts with `_` like the host's own
# files (`_headers`, `_redirects`): nginx's `location ^~ /_` does not serve it, the address
# manifest and the sitemap leave it out, and `cdn.HOST_FILES` keeps it out of `_headers`.
OUTPUT_STAMP = "_kanta-guide-output"
WORK_STAMP = "_kanta-guide-work"
STAMP_TEXT = ("This folder was written by the Kanta onboarding guide's generator "
              "(python -m generator build), which replaces it on every build.\n")
# The folders next to the output that `build.swap` uses (and deletes).
SWAP_SUFFIXES = (".old", ".new")
LOCK_SUFFIX = ".lock"


class GuardError(Exception):
    """A folder the build would delete or replace is not one it may: nothing was touched."""

    def __init__(self, key: str, **values: str):
        super().__init__(f"{key}: {values}")
        self.key = key
        self.values = values


def _real_path(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _inside(path: Path, folder: Path) -> bool:
    """path is folder or lies below it (both real paths)."""
    return path == folder or folder in path.parents


def check_folders(out_dir: Path, work_dir: Path, *, data_dir: Path,
                  content_dir: Path | None = None) -> None:
    """Refuse (GuardError) an output or work folder the build may not replace; touch nothing."""
    data = _real_path(data_dir)
    content = _real_path(content_dir) if content_dir is not None else _real_path(Path(data_dir).parent / "content")
    # Folders that hold something else and may never be deleted whole. The output lies
    # *inside* the repository (site/) as a rule, so only "is or contains" counts for these.
    roots = {
        "root": {Path("/")},
        "home": {_real_path(Path.home())},
        "repository": {_real_path(PACKAGE_DIR.parent), _real_path(Path(data_dir).parent)},
        "current": {_real_path(Path.cwd())},
    }
    folders = {"--out": Path(out_dir), "--work": Path(work_dir)}
    real = {role: _real_path(path) for role, path in folders.items()}
    for role, path in folders.items():
        shown = str(path)
        for root_role, paths in roots.items():  # the widest first: `--out /` is told it is /
            for root in paths:
                if _inside(root, real[role]):
                    raise GuardError(f"guard-{root_role}", role=role, path=shown, root=str(root))
        for source in (data, content):
            if _inside(real[role], source) or _inside(source, real[role]):
                raise GuardError("guard-source", role=role, path=shown, source=str(source))
    if _inside(real["--out"], real["--work"]) or _inside(real["--work"], real["--out"]):
        raise GuardError("guard-overlap", out=str(out_dir), work=str(work_dir))
    _check_replaceable(Path(out_dir), "--out", OUTPUT_STAMP)
    _check_replaceable(Path(work_dir), "--work", WORK_STAMP)
    for suffix in SWAP_SUFFIXES:
        sibling = Path(out_dir).with_name(Path(out_dir).name + suffix)
        _check_replaceable(sibling, "--out", OUTPUT_STAMP)


def _check_replaceable(path: Path, role: str, stamp: str) -> None:
    """An existing `path` may be replaced only if it is an empty folder or carries `stamp`."""
    if path.is_symlink():
        raise GuardError("guard-symlink", role=role, path=str(path), target=os.path.realpath(path))
    if not path.exists():
        return
    if not path.is_dir():
        raise GuardError("guard-not-folder", role=role, path=str(path))
    if (path / stamp).is_file():
        return
    with os.scandir(path) as entries:
        if not all(_left_by_a_build(entry) for entry in entries):
            raise GuardError("guard-foreign", role=role, path=str(path), stamp=stamp)


def _left_by_a_build(entry: os.DirEntry) -> bool:
    """Something an earlier build left: a stamped folder or an empty lock file. (`serve` builds
    into build/preview and build/preview-work, inside the default work folder `build/`.)"""
    if entry.is_dir(follow_symlinks=False):
        return any(os.path.isfile(os.path.join(entry.path, name)) for name in (OUTPUT_STAMP, WORK_STAMP))
    return entry.name.endswith(LOCK_SUFFIX) and entry.is_file(follow_symlinks=False) \
        and entry.stat(follow_symlinks=False).st_size == 0


def stamp(folder: Path, name: str) -> None:
    """Mark `folder` as the build's own (`name`: OUTPUT_STAMP or WORK_STAMP), so that the next
    build may replace it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(STAMP_TEXT, encoding="utf-8")


def lock_path(folder: Path) -> Path:
    return Path(folder).with_name(Path(folder).name + LOCK_SUFFIX)


@contextlib.contextmanager
def lock(*folders: Path) -> Iterator[None]:
    """Hold an exclusive lock on each folder (`<folder>.lock` beside it) for a build.

    fcntl.flock: the kernel releases it when the process ends, however it ends, so a
    crashed build never leaves a stale lock. The lock file itself stays (it is empty and
    git-ignored); removing it would let a third build lock a new file while the second
    still holds the old one.
    """
    with contextlib.ExitStack() as stack:
        for folder in sorted({_real_path(Path(f)) for f in folders}):
            path = lock_path(folder)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
            stack.callback(os.close, fd)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise GuardError("guard-locked", path=str(folder), lock=str(path)) from None
                raise
        yield


def _refuse_inside_sources(path: Path, data_dir: Path, content_dir: Path | None, what: str) -> None:
    """A file or folder a command writes may not be, or lie inside, the data or content folder."""
    real = _real_path(path)
    data = _real_path(data_dir)
    content = _real_path(content_dir) if content_dir is not None else _real_path(Path(data_dir).parent / "content")
    for source in (data, content):
        if _inside(real, source):
            raise GuardError("guard-file-in-source", role=what, path=str(path), source=str(source))


def check_file_target(path: Path, *, data_dir: Path, content_dir: Path | None = None,
                      what: str, first_line: str) -> None:
    """A single file a command rewrites (`what`: its option, e.g. `--manifest`) may not lie in
    the data or content folder, nor be a link or anything but a regular file; an existing file
    is replaced only when it starts with `first_line` (the file's own stamp)."""
    _refuse_inside_sources(path, data_dir, content_dir, what)
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise GuardError("guard-file-not-regular", role=what, path=str(path))
    if path.exists():
        with open(path, "rb") as file:
            start = file.read(len(first_line.encode("utf-8")))
        if start != first_line.encode("utf-8"):
            raise GuardError("guard-file-foreign", role=what, path=str(path), first=first_line)


def check_output(path: Path, *, what: str) -> None:
    """A folder a command reads as a built site (`urls --from`) must be one: walking any other
    folder (`/`, the data) would list its files as the site's addresses, or take forever."""
    if not (Path(path) / OUTPUT_STAMP).is_file():
        raise GuardError("guard-not-output", role=what, path=str(path), stamp=OUTPUT_STAMP)


def check_folder_outside_sources(path: Path, *, data_dir: Path, content_dir: Path | None = None,
                                 what: str, ours: Callable[[Path], bool] | None = None) -> None:
    """A folder a command writes files into (`schemas --out`) may not be a source folder or lie
    inside one (its files would land among the editors' files). With `ours` (is this entry a file
    the command wrote?), an existing folder must be a real folder holding nothing else, so that
    the command never writes among, or over, another program's files (`--out /etc`)."""
    _refuse_inside_sources(path, data_dir, content_dir, what)
    if ours is None:
        return
    if path.is_symlink():
        raise GuardError("guard-symlink", role=what, path=str(path), target=os.path.realpath(path))
    if not path.exists():
        return
    if not path.is_dir():
        raise GuardError("guard-not-folder", role=what, path=str(path))
    with os.scandir(path) as entries:
        foreign = sorted(entry.name for entry in entries if not ours(Path(entry.path)))
    if foreign:
        raise GuardError("guard-files-foreign", role=what, path=str(path), file=foreign[0])
