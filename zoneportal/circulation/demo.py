"""The demo's 公文流转 (``load_demo``): three documents of the zone at different steps.

Made through ``services`` by the people who would take each step, so every document has its
route (流转记录): one distributed to three departments (one has completed it, one signed for it,
one not yet), one waiting for its department head's review, one waiting for the office to sign.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from . import services
from .models import OfficialDocument

State = OfficialDocument.State
Kind = OfficialDocument.Kind
Urgency = OfficialDocument.Urgency


@dataclass(frozen=True)
class DocumentSpec:
    """One demo document: written by ``department``'s editor and taken up to ``state``."""

    title: str
    kind: str
    urgency: str
    department: str
    body: str
    state: str
    number: str = ""
    recipients: tuple[str, ...] = ()


DOCUMENTS: tuple[DocumentSpec, ...] = (
    DocumentSpec(
        title="关于开展园区企业安全生产大检查的通知",
        kind=Kind.NOTICE,
        urgency=Urgency.URGENT,
        department="bangongshi",
        body=(
            "各分局、中心：\n为切实做好园区企业安全生产工作，管委会决定在全区开展一次安全生产大检查。"
            "请各单位对联系企业逐一排查，建立问题清单，能立即整改的立即整改，不能立即整改的明确时限和责任人。"
            "\n检查结束后，请将检查情况书面报管委会办公室。"
        ),
        state=State.DISTRIBUTED,
        number="来开管发〔2026〕3号",
        recipients=("zhaoshang", "caizheng", "guotu"),
    ),
    DocumentSpec(
        title="关于申请园区北路改造专项资金的请示",
        kind=Kind.REQUEST,
        urgency=Urgency.NORMAL,
        department="guotu",
        body=(
            "管委会：\n园区北路建成多年，路面破损，雨季积水，影响企业运输。"
            "我局拟对北路实施改造，现申请安排专项资金，妥否，请批示。"
        ),
        state=State.REVIEW,
    ),
    DocumentSpec(
        title="关于本年度招商引资工作情况的报告",
        kind=Kind.REPORT,
        urgency=Urgency.NORMAL,
        department="zhaoshang",
        body=(
            "管委会：\n今年以来，我局围绕主导产业开展招商，新签约项目、资金到位和项目开工情况报告如下。"
            "下一步，我局将继续跟踪在谈项目，推动签约项目尽早开工。"
        ),
        state=State.SIGNING,
    ),
)


def steps() -> int:
    """Progress steps of :func:`build`."""
    return len(DOCUMENTS)


def build(builder) -> None:
    """Add the demo documents (once: a document of the same title is left as it is)."""
    for spec in DOCUMENTS:
        if not OfficialDocument.objects.filter(title=spec.title).exists():
            make_document(spec, builder)
        builder.progress.tick()


def make_document(spec: DocumentSpec, builder) -> OfficialDocument:
    """One demo document, taken through its steps by the drafter, the department's head and the office."""
    head = get_user_model().objects.get(username=f"{spec.department}_head")
    order = [State.DRAFT, State.REVIEW, State.SIGNING, State.SIGNED, State.DISTRIBUTED]
    target = order.index(spec.state)
    document = OfficialDocument(
        title=spec.title,
        kind=spec.kind,
        urgency=spec.urgency,
        department=builder.departments[spec.department],
        body=spec.body,
    )
    document = services.save_draft(document, user=builder.editors[spec.department])
    if target >= 1:
        document = services.submit(document, user=builder.editors[spec.department])
    if target >= 2:
        document = services.approve(document, user=head, opinion="同意，请办公室签发。")
    if target >= 3:
        document = services.sign(document, user=builder.reviewer, number=spec.number, opinion="同意印发。")
    if target >= 4:
        recipients = [builder.departments[slug] for slug in spec.recipients]
        document = services.distribute(document, user=builder.reviewer, departments=recipients)
        copies = {copy.department.slug: copy for copy in document.distributions.select_related("department")}
        first, second = spec.recipients[0], spec.recipients[1]
        services.receive(copies[first], user=builder.editors[first])
        services.complete(copies[first], user=builder.editors[first], note="已组织联系企业自查，问题清单已报送。")
        services.receive(copies[second], user=builder.editors[second])
    return document


def remove(departments) -> None:
    """Delete the documents of the demo's departments (``load_demo --reset``): they keep their departments."""
    OfficialDocument.objects.filter(department__in=departments).delete()
    OfficialDocument.objects.filter(distributions__department__in=departments).delete()
