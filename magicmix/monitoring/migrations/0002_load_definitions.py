from django.db import migrations


def load(apps, schema_editor):
    # The same loader as `manage.py load_instruments`, with the historical models.
    from magicmix.monitoring.loading import load_definitions

    load_definitions(apps)


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
