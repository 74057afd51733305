"""The notes seeded in 0002 were English; the people who read them work in Dutch. A note that
someone has changed since is left alone."""

from django.db import migrations

NOTES = {
    "To be confirmed: about € 713 (cents not recorded). Enter it from the official table.": (
        "Nog te bevestigen: ongeveer € 713 (centen niet bekend). Voer de waarde in uit de "
        "officiële tabel."
    ),
    "Not retrieved. Enter it from the official 2026 table.": (
        "Nog niet opgezocht. Voer de waarde in uit de officiële tabel van 2026."
    ),
    "Whole years only; enter a new value before the AOW age moves.": (
        "Alleen hele jaren; voer een nieuwe waarde in voordat de AOW-leeftijd verschuift."
    ),
    "Students, people leaving maatschappelijke opvang, vergunninghouders from COA, "
    "tweede-kans tenants.": (
        "Studenten, mensen die uitstromen uit de maatschappelijke opvang, vergunninghouders "
        "via het COA, tweedekanshuurders."
    ),
}


def translate(apps, schema_editor):  # type: ignore[no-untyped-def]
    Parameter = apps.get_model("legal", "Parameter")
    for english, dutch in NOTES.items():
        Parameter.objects.filter(note=english).update(note=dutch)


def untranslate(apps, schema_editor):  # type: ignore[no-untyped-def]
    Parameter = apps.get_model("legal", "Parameter")
    for english, dutch in NOTES.items():
        Parameter.objects.filter(note=dutch).update(note=english)


class Migration(migrations.Migration):
    dependencies = [("legal", "0003_rechecks")]

    operations = [migrations.RunPython(translate, untranslate)]
