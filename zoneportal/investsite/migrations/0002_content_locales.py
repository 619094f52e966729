"""The 招商网's seven content languages as Wagtail locales (zh-hans exists since wagtailcore's own migration)."""

from django.db import migrations

LANGUAGES = ["zh-hans", "en", "ru", "ja", "ko", "de", "fr"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [("investsite", "0001_initial"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
