"""One trigram index over the searched columns joined, instead of one per column (0003).

With four indexed expressions the search asked four `LIKE`s joined by OR for each word. The
planner could not estimate that OR and, at 100,000 persons, read the whole table for a word that
matched a few persons or none (150 ms, growing with the persons: bench/api/RESULTS.md). Over
one expression it estimates one condition per word from that expression's statistics and takes
the index. `PersonQuerySet.search` asks exactly this expression; nothing changes on SQLite.
"""

from django.db import migrations

OLD = "person_search_trigram"
OLD_COLUMNS = ("last_name", "first_name", "email", "external_reference")
INDEX = "person_search_text_trigram"
TEXT = "(last_name || ' ' || first_name || ' ' || email || ' ' || external_reference)::text"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON people_person USING gin (UPPER({TEXT}) gin_trgm_ops)"
    )
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    expressions = ", ".join(f"UPPER({column}::text) gin_trgm_ops" for column in OLD_COLUMNS)
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {OLD} ON people_person USING gin ({expressions})"
    )
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("people", "0004_person_prefix_search_sqlite")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
