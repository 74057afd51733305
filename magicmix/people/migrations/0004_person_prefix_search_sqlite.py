"""A full-text index for the person search on SQLite; nothing on PostgreSQL (trigrams, 0003).

SQLite has no index that serves a match inside a word. FTS5 indexes every word of the name,
e-mail and reference (without case or accents) and serves a match at the start of a word from
that index ("vries" finds "de Vries", "coa-77" finds "COA-7731"), so a search stays an index
lookup at a million persons. It is an external-content table: it stores only the index, and
triggers keep it in step with every insert, update and delete, also of bulk writes.
"""

from django.db import migrations

TABLE = "people_person_fts"
COLUMNS = "first_name, last_name, email, external_reference"
NEW = "new.first_name, new.last_name, new.email, new.external_reference"
OLD = "old.first_name, old.last_name, old.email, old.external_reference"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in (
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5({COLUMNS}, content='people_person', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON people_person BEGIN "
        f"INSERT INTO {TABLE}(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
        f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON people_person BEGIN "
        f"INSERT INTO {TABLE}({TABLE}, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); END",
        f"CREATE TRIGGER {TABLE}_update AFTER UPDATE ON people_person BEGIN "
        f"INSERT INTO {TABLE}({TABLE}, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); "
        f"INSERT INTO {TABLE}(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
        f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')",
    ):
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for trigger in ("insert", "delete", "update"):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{trigger}")
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("people", "0003_person_trigram_search")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
