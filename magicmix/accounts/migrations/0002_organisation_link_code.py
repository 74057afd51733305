from django.db import migrations, models

import magicmix.accounts.models


def give_codes(apps, schema_editor):  # type: ignore[no-untyped-def]
    Organisation = apps.get_model("accounts", "Organisation")
    for organisation in Organisation.objects.all():
        organisation.link_code = magicmix.accounts.models.new_link_code()
        organisation.save(update_fields=["link_code"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="link_code",
            field=models.CharField(max_length=14, null=True, editable=False),
        ),
        migrations.RunPython(give_codes, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="organisation",
            name="link_code",
            field=models.CharField(
                default=magicmix.accounts.models.new_link_code,
                editable=False,
                max_length=14,
                unique=True,
                verbose_name="link code",
            ),
        ),
    ]
