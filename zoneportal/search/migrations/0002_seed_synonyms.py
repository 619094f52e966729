"""Seed the synonym table from dictionary/synonyms.txt; administrators edit it in the back office afterwards."""

from pathlib import Path

from django.db import migrations

SEED = Path(__file__).resolve().parent.parent / "dictionary" / "synonyms.txt"


def seed_synonyms(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    existing = set(Synonym.objects.values_list("rule", flat=True))
    rules = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        rule, _, note = line.partition("#")
        rule = " ".join(rule.split())
        if rule and rule not in existing and len(rule) <= 200:
            existing.add(rule)
            rules.append(Synonym(rule=rule, note=note.strip()[:200], enabled=True))
    Synonym.objects.bulk_create(rules)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_index")]

    operations = [migrations.RunPython(seed_synonyms, migrations.RunPython.noop)]
