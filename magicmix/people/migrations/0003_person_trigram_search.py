"""A trigram index for the person search on PostgreSQL; nothing on SQLite.

`PersonQuerySet.search` asks `UPPER(column) LIKE UPPER('%word%')` (Django's `icontains`) of the
name, e-mail and reference. A B-tree cannot serve a match inside a word; a GIN index of
trigrams (pg_trgm) on exactly those expressions can, so a search stays an index lookup at a
million persons. SQLite has no such index; it keeps reading the covering `person_search` index.
"""

from django.db import migrations

COLUMNS = ("last_name", "first_name", "email", "external_reference")
INDEX = "person_search_trigram"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    expressions = ", ".join(f"UPPER({column}::text) gin_trgm_ops" for column in COLUMNS)
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON people_person USING gin ({expressions})"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("people", "0002_person_validation_and_search")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
