"""The files in a backup: the two media folders, walking them, hashing while copying, progress on a terminal."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.utils.translation import gettext as _

CHUNK = 1024 * 1024


def media_roots() -> dict[str, Path]:
    """The folders a backup holds, by their name in the archive: public uploads and staff-only files."""
    return {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.PRIVATE_MEDIA_ROOT)}


def files_under(root: Path, skip: Path | None = None) -> Iterator[tuple[str, Path, int]]:
    """Every regular file below ``root`` as (POSIX path relative to it, path, size), in a stable order.

    Symbolic links are not followed (a link out of the folder would back up whatever it points at);
    ``skip`` leaves out a folder inside (the backups themselves, should BACKUP_DIR be under MEDIA_ROOT).
    """
    skip = skip.resolve() if skip is not None else None
    for directory, subdirectories, names in os.walk(root):
        here = Path(directory)
        subdirectories[:] = sorted(name for name in subdirectories if (here / name).resolve() != skip)
        for name in sorted(names):
            path = here / name
            try:
                stat = path.lstat()
            except FileNotFoundError:  # deleted meanwhile: the site keeps running during a backup
                continue
            if path.is_file() and not path.is_symlink():
                yield path.relative_to(root).as_posix(), path, stat.st_size


def has_files(root: Path) -> bool:
    """Whether ``root`` holds any file (empty sub-folders do not count)."""
    return next(files_under(root), None) is not None


def remove_contents(root: Path) -> None:
    """Delete everything inside ``root`` (a restore's own half-written files; the folder was empty before)."""
    if not root.is_dir():
        return
    for child in root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


class Progress:
    """A one-line progress report on a terminal (nothing when the output is a log or a pipe)."""

    def __init__(self, label: str, total: int, write: Callable[[str], None], enabled: bool) -> None:
        self.label, self.total, self.write, self.enabled = label, total, write, enabled
        self.done = 0
        self._shown_at = 0.0

    def advance(self, amount: int) -> None:
        """Count ``amount`` more bytes."""
        self.set(self.done + amount)

    def set(self, done: int) -> None:
        """Say ``done`` bytes of ``total`` are done (at most five times a second)."""
        self.done = done
        now = time.monotonic()
        if self.enabled and now - self._shown_at >= 0.2:
            self._shown_at = now
            self._show()

    def finish(self) -> None:
        """End the line."""
        if self.enabled:
            self.done = self.total
            self._show()
            self.write("\n")

    def _show(self) -> None:
        percent = 100 * self.done // self.total if self.total else 100
        self.write(
            "\r"
            + _("%(label)s：%(percent)d%%（%(done)s / %(total)s）")
            % {"label": self.label, "percent": percent, "done": human_size(self.done), "total": human_size(self.total)}
        )


def human_size(size: int) -> str:
    """A byte count as people read it: 512 B, 3.4 MB, 1.2 GB."""
    if size < 1024:
        return f"{size} B"
    value = size / 1024
    for unit in ("KB", "MB", "GB"):
        if value < 1024:
            return f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TB"


def copy_hashing(source: BinaryIO, target: BinaryIO | None, progress: Progress | None = None) -> tuple[str, int]:
    """Read ``source`` to its end (writing it to ``target`` if given); its SHA-256 and size."""
    digest = hashlib.sha256()
    size = 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
        if target is not None:
            target.write(chunk)
        if progress is not None:
            progress.advance(len(chunk))
    return digest.hexdigest(), size


class HashingReader:
    """A file read by ``tarfile.addfile``, hashed on the way (one read of each file makes the copy and its checksum)."""

    def __init__(self, file: BinaryIO, progress: Progress | None) -> None:
        self.file, self.progress = file, progress
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, amount: int = -1) -> bytes:
        """Read like the file, hashing what is read."""
        chunk = self.file.read(amount)
        self.digest.update(chunk)
        self.size += len(chunk)
        if self.progress is not None:
            self.progress.advance(len(chunk))
        return chunk
