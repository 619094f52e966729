"""Letters' supervision orders (督办单) become 督办事项 (``supervision.SupervisionItem``, source 来信督办).

Each order is copied with its state, deadline, requirements, issuer and closing; its department's answer
(办理情况) becomes the item's first progress report, and the day's reminders of orders become the items'
reminders. Then the old table goes: the state of an order lives in one place only.
"""

from django.db import migrations

TITLE = "来信督办：{number}《{subject}》"


def orders_to_items(apps, schema_editor):
    SupervisionOrder = apps.get_model("letters", "SupervisionOrder")
    OversightNotice = apps.get_model("letters", "OversightNotice")
    SupervisionItem = apps.get_model("supervision", "SupervisionItem")
    ProgressReport = apps.get_model("supervision", "ProgressReport")
    SupervisionNotice = apps.get_model("supervision", "SupervisionNotice")
    item_of = {}
    for order in SupervisionOrder.objects.select_related("letter").order_by("pk"):
        item = SupervisionItem.objects.create(
            title=TITLE.format(number=order.letter.tracking_number, subject=order.letter.subject)[:200],
            source="letter",
            letter_id=order.letter_id,
            lead_department_id=order.department_id,
            requirements=order.instructions,
            due_on=order.due_on,
            issued_by_id=order.issued_by_id,
            issued_at=order.issued_at,
            state=order.state,
            closed_by_id=order.closed_by_id,
            closed_at=order.closed_at,
            conclusion=order.closing_note,
        )
        item.departments.add(order.department_id)
        if order.response:
            ProgressReport.objects.create(
                item=item,
                department_id=order.department_id,
                text=order.response,
                reported_by_id=order.responded_by_id,
                reported_at=order.responded_at or order.issued_at,
            )
        item_of[order.pk] = item.pk
    for notice in OversightNotice.objects.filter(order__isnull=False):
        SupervisionNotice.objects.get_or_create(
            day=notice.day, item_id=item_of[notice.order_id], defaults={"flag": notice.flag, "sent_at": notice.sent_at}
        )
    OversightNotice.objects.filter(order__isnull=False).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0004_letters_public"),
        ("supervision", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(orders_to_items, migrations.RunPython.noop),
        migrations.RemoveConstraint(model_name="oversightnotice", name="letters_notice_once_per_order_day"),
        migrations.RemoveField(model_name="oversightnotice", name="order"),
        migrations.DeleteModel(name="SupervisionOrder"),
    ]
