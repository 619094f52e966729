"""A new library starts with the ten categories of ``categories.DEFAULT_CATEGORIES``."""

from django.db import migrations

from zoneportal.policies.categories import DEFAULT_CATEGORIES


def create_categories(apps, schema_editor):
    PolicyCategory = apps.get_model("policies", "PolicyCategory")
    for order, (code, name) in enumerate(DEFAULT_CATEGORIES, 1):
        PolicyCategory.objects.get_or_create(name=name, defaults={"code": code, "sort_order": order * 10})


class Migration(migrations.Migration):
    dependencies = [("policies", "0001_initial")]

    operations = [migrations.RunPython(create_categories, migrations.RunPython.noop)]
