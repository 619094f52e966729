"""A smaller full-text side table (issue 13, item 5).

SQLite: the FTS5 table becomes contentless, its rows' terms kept compressed beside it. The old table stored
every row's segmented text a second time. Its rows are copied into the new table as they are — no text is
segmented again — and the old one is dropped; backwards, the other way round.

PostgreSQL: the body's words and the filter tags lose their positions (the weighted fields keep theirs) and
vectors are compressed with LZ4. Backwards, vectors stay as they are (they rank a little differently until
``manage.py rebuild_search_index``). The space freed is reused; a rebuild also compacts the GIN index.
"""

from django.db import migrations

OLD = "search_fulltext_contentful"
CHUNK = 500


def compact(apps, schema_editor):
    from zoneportal.search.backends import FIELDS, TABLE, FullTextRow, full_text

    connection = schema_editor.connection
    backend = full_text(connection.vendor)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            backend.compress(cursor)
            cursor.execute(f"UPDATE {TABLE} SET vector = strip(vector) || ts_filter(vector, '{{a,b,c}}')")
        return
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [TABLE])
        found = cursor.fetchone()
        if found is None or "content=''" in found[0]:
            backend.create(cursor)  # a new database, or one already converted
            return
        cursor.execute(f"ALTER TABLE {TABLE} RENAME TO {OLD}")
        backend.create(cursor)
        cursor.execute(f"SELECT rowid, {', '.join(FIELDS)}, tags FROM {OLD} ORDER BY rowid")
        while rows := cursor.fetchmany(CHUNK):
            payloads = [
                (rowid, backend.payload(FullTextRow(rowid, *(value.split() for value in values))))
                for rowid, *values in rows
            ]
            with connection.cursor() as writer:
                backend.insert_payloads(writer, payloads)
        cursor.execute(f"DROP TABLE {OLD}")
        cursor.execute(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")


def expand(apps, schema_editor):
    """Back to the FTS5 table that stores its text, from the terms kept beside the contentless one."""
    from zoneportal.search.backends import FIELDS, TABLE, TERMS_PIECES, TERMS_TABLE, SQLiteFullText

    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    backend = SQLiteFullText()
    columns = ", ".join((*FIELDS, "tags"))
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
        cursor.execute(f"CREATE VIRTUAL TABLE {TABLE} USING fts5({columns})")
        cursor.execute(f"SELECT MAX(id) / {TERMS_PIECES} FROM {TERMS_TABLE}")
        last = cursor.fetchone()[0] or 0
        for start in range(0, last + 1, CHUNK):
            stored = backend._stored(cursor, range(start, start + CHUNK))
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, {columns}) VALUES (%s, %s, %s, %s, %s, %s)",
                [(rowid, *values) for rowid, values in stored.items()],
            )
        cursor.execute(f"DROP TABLE {TERMS_TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_workcal_registered_types"),
    ]

    operations = [migrations.RunPython(compact, expand)]
