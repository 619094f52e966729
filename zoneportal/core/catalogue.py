"""Compile the project's translation catalogues (``zoneportal/locale``) without GNU gettext.

Django's ``compilemessages`` needs the ``msgfmt`` program, which a fresh machine may not have.
The compiled ``.mo`` files are therefore committed next to their ``.po`` sources, and this
module rebuilds them in pure Python::

    .venv/bin/python -m zoneportal.core.catalogue

``tests/core/test_catalogue.py`` fails when a committed ``.mo`` no longer matches its ``.po``.
Only what the project's catalogues use is supported: ``msgctxt``, ``msgid_plural`` and the
``fuzzy`` flag (fuzzy entries are left out, as ``msgfmt`` does).
"""

from __future__ import annotations

import ast
import struct
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

#: A compiled entry: the key as gettext stores it (``context\x04msgid``, plural forms joined by NUL)
#: mapped to the translation (plural translations joined by NUL).
Catalogue = dict[str, str]


def _unquote(line: str) -> str:
    """The text of one quoted PO string (``"..."``), escapes resolved."""
    return ast.literal_eval(line)


def read_po(path: Path) -> Catalogue:
    """Parse a PO file into the entries ``msgfmt`` would compile (header included, fuzzy left out).

    Entries are separated by blank lines, as every gettext tool writes them.
    """
    catalogue: Catalogue = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, str] = {}
        field = None
        fuzzy = False
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            elif line.startswith('"') and field is not None:
                fields[field] += _unquote(line)
            elif line and not line.startswith("#"):
                field, _, rest = line.partition(" ")
                fields[field] = _unquote(rest)
        if "msgid" not in fields or fuzzy:
            continue
        key = fields["msgid"]
        if "msgid_plural" in fields:
            key += "\0" + fields["msgid_plural"]
            forms = sorted((name for name in fields if name.startswith("msgstr[")), key=lambda n: int(n[7:-1]))
            value = "\0".join(fields[name] for name in forms)
        else:
            value = fields.get("msgstr", "")
        if "msgctxt" in fields:
            key = fields["msgctxt"] + "\x04" + key
        # Untranslated entries are left out, as msgfmt does; the header (empty msgid) is kept.
        if value.replace("\0", "") or key == "":
            catalogue[key] = value
    return catalogue


def mo_bytes(catalogue: Catalogue) -> bytes:
    """The GNU ``.mo`` encoding of a catalogue (little-endian, no hash table), as ``msgfmt`` writes it."""
    keys = sorted(catalogue, key=lambda k: k.encode("utf-8"))
    ids = [key.encode("utf-8") for key in keys]
    strs = [catalogue[key].encode("utf-8") for key in keys]
    count = len(keys)
    header_size = 7 * 4
    ids_table = header_size
    strs_table = ids_table + count * 8
    data_start = strs_table + count * 8
    id_entries, str_entries, data = [], [], b""
    for text in ids:
        id_entries.append((len(text), data_start + len(data)))
        data += text + b"\0"
    for text in strs:
        str_entries.append((len(text), data_start + len(data)))
        data += text + b"\0"
    output = struct.pack("<7I", 0x950412DE, 0, count, ids_table, strs_table, 0, 0)
    for length, offset in id_entries + str_entries:
        output += struct.pack("<2I", length, offset)
    return output + data


def compile_all(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Write the ``.mo`` file next to every ``.po`` file under ``locale_dir``; return the files written."""
    written = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        mo_path.write_bytes(mo_bytes(read_po(po_path)))
        written.append(mo_path)
    return written


if __name__ == "__main__":
    for written_path in compile_all():
        print(written_path.relative_to(LOCALE_DIR.parent.parent))
