"""The archive: one .tar.gz written under a temporary name and renamed when complete, read as a stream.

Members: ``database/db.sqlite3`` or ``database/db.dump``, then ``media/…`` and ``private/…`` (the two
media folders), then ``manifest.json``. Reading accepts nothing else: no absolute paths, no ``..``, no
links or devices, so a tampered archive cannot write outside the folders it restores.
"""

from __future__ import annotations

import gzip
import io
import os
import tarfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any

from django.utils.translation import gettext as _

from . import manifest as manifest_module
from .errors import BackupError
from .files import HashingReader, Progress

PARTS = ("database", "media", "private")
# Images and PDFs hardly compress; level 6 saves as much as 9 on the database at a fraction of the time.
COMPRESSION = 6


class ArchiveWriter:
    """An archive being written at ``path`` (readable by its owner only: it holds personal data and password hashes)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
        self._tar = tarfile.open(fileobj=self._file, mode="w:gz", compresslevel=COMPRESSION)

    def add_file(self, name: str, path: Path, progress: Progress | None = None) -> dict[str, Any] | None:
        """Copy the file at ``path`` in as ``name``; its checksum and size, or None if it was deleted meanwhile."""
        try:
            file = path.open("rb")
        except FileNotFoundError:
            return None
        with file:
            info = self._tar.gettarinfo(fileobj=file, arcname=name)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            reader = HashingReader(file, progress)
            self._tar.addfile(info, reader)
        return {"sha256": reader.digest.hexdigest(), "size": reader.size}

    def add_bytes(self, name: str, data: bytes) -> None:
        """Add ``data`` as the member ``name``."""
        info = tarfile.TarInfo(name)
        info.size = len(data)
        info.mode = 0o600
        self._tar.addfile(info, io.BytesIO(data))

    def close(self) -> None:
        """Finish the archive and make sure it is on disk."""
        self._tar.close()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()

    def abort(self) -> None:
        """Close and delete the unfinished archive."""
        for closing in (self._tar.close, self._file.close):
            try:
                closing()
            except (OSError, ValueError, tarfile.TarError):
                pass  # already broken; the file goes anyway
        self.path.unlink(missing_ok=True)


def check_member(member: tarfile.TarInfo) -> tuple[str, str]:
    """The member's part (database, media, private or the manifest) and its path inside it; refuse anything else."""
    path = PurePosixPath(member.name)
    if member.name == manifest_module.NAME and member.isfile():
        return manifest_module.NAME, ""
    if (
        not member.isfile()
        or path.is_absolute()
        or len(path.parts) < 2
        or path.parts[0] not in PARTS
        or any(part in ("..", ".", "") for part in path.parts)
        or "\\" in member.name
    ):
        raise BackupError(
            _("备份文件中有不应有的条目“%(name)s”：文件可能被篡改，已拒绝恢复，没有做任何改动。")
            % {"name": member.name}
        )
    return path.parts[0], "/".join(path.parts[1:])


@contextmanager
def reading(archive: Path, progress: Progress | None = None) -> Iterator[Iterator[tuple[tarfile.TarInfo, Any]]]:
    """The archive's members in order, each with its data as a file; a damaged archive is a BackupError."""
    try:
        file = archive.open("rb")
    except OSError as error:
        raise BackupError(_("无法打开备份文件 %(path)s：%(error)s") % {"path": archive, "error": error}) from error
    with file:
        try:
            with tarfile.open(fileobj=file, mode="r|gz") as tar:

                def members() -> Iterator[tuple[tarfile.TarInfo, Any]]:
                    for member in tar:
                        if progress is not None:
                            progress.set(file.tell())
                        yield member, tar.extractfile(member) if member.isfile() else None

                yield members()
        except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as error:
            raise BackupError(
                _("备份文件不完整或已损坏（%(error)s），已拒绝恢复，没有做任何改动。") % {"error": error}
            ) from error
