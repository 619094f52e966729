"""Archive names and retention: ``zoneportal-YYYYMMDD-HHMMSS.tar.gz`` in BACKUP_DIR, the newest N kept."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from django.utils import timezone

PATTERN = re.compile(r"^zoneportal-(\d{8}-\d{6})(?:-(\d+))?\.tar\.gz$")


def new_archive_path(directory: Path, now: datetime | None = None) -> Path:
    """A name for a new archive in ``directory``: the local time, and a counter if that name is taken."""
    stamp = timezone.localtime(now).strftime("%Y%m%d-%H%M%S")
    path = directory / f"zoneportal-{stamp}.tar.gz"
    counter = 1
    while path.exists():
        counter += 1
        path = directory / f"zoneportal-{stamp}-{counter}.tar.gz"
    return path


def archives_in(directory: Path) -> list[Path]:
    """The backups in ``directory``, oldest first (other files, and unfinished ``.part`` files, are not backups)."""
    found = []
    for path in directory.iterdir() if directory.is_dir() else ():
        match = PATTERN.match(path.name)
        if match and path.is_file():
            found.append((match.group(1), int(match.group(2) or 1), path))
    return [path for _stamp, _counter, path in sorted(found)]


def prune(directory: Path, keep: int, current: Path | None = None) -> list[Path]:
    """Delete all but the ``keep`` newest backups in ``directory``; the deleted paths.

    ``current`` (the backup just written) is always one of those kept, even if the clock was set back
    and older archives carry later names.
    """
    if keep < 1:
        raise ValueError("keep at least one backup")
    others = [path for path in archives_in(directory) if path != current]
    old = others[: max(len(others) - (keep - 1 if current else keep), 0)]
    for path in old:
        path.unlink()
    return old
