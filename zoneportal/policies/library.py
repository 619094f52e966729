"""The library's filters, sorting and counts: what ``?category=01&year=2015&sort=number`` selects.

Each filter's options are counted with one GROUP BY over the documents the
*other* filters select (the usual facet rule: choosing 2015 does not hide the
other years), so the page costs a fixed number of queries however many
documents there are: five counts, three name lists, the total and one page of
documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import CharField, Count, QuerySet
from django.db.models.functions import Cast, Substr
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from .models import Policy, PolicyCategory, PolicyIssuer, PolicyTopic, Validity

#: ``?sort=`` values, their label and the order they give (newest first is the default).
SORTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "date": (_("按发布日期"), ("-issued_on", "-id")),
    "number": (_("按文号"), ("doc_number", "-issued_on", "-id")),
    "title": (_("按标题"), ("title", "-id")),
}
DEFAULT_SORT = "date"
#: The filters, in the order the form shows them.
FILTERS = ("category", "issuer", "year", "validity", "topic")


@dataclass(frozen=True)
class Option:
    """One value of a filter with the number of documents it would select."""

    value: str
    label: str
    count: int


@dataclass
class Selection:
    """The filters and sort a visitor chose; malformed values are dropped, never an error."""

    category: str = ""
    issuer: int | None = None
    year: int | None = None
    validity: str = ""
    topic: int | None = None
    sort: str = DEFAULT_SORT
    fixed: set[str] = field(default_factory=set)  # filters a route sets (fenlei/<code>/), not the form

    @classmethod
    def from_query(cls, params: QueryDict, **fixed) -> Selection:
        """The selection ``params`` asks for, with ``fixed`` filters on top."""
        selection = cls(
            category=(params.get("category") or "")[:10],
            issuer=_positive(params.get("issuer")),
            year=_positive(params.get("year")),
            validity=params.get("validity") if params.get("validity") in Validity.values else "",
            topic=_positive(params.get("topic")),
            sort=params.get("sort") if params.get("sort") in SORTS else DEFAULT_SORT,
        )
        for name, value in fixed.items():
            setattr(selection, name, value)
            selection.fixed.add(name)
        return selection

    @property
    def active(self) -> bool:
        """Whether the visitor narrowed the list with the form (a route's own filter does not count)."""
        return any(getattr(self, name) not in ("", None) for name in FILTERS if name not in self.fixed)

    def apply(self, documents: QuerySet[Policy], skip: str = "") -> QuerySet[Policy]:
        """``documents`` narrowed by every chosen filter except ``skip``."""
        if self.category and skip != "category":
            documents = documents.filter(category__code=self.category)
        if self.issuer and skip != "issuer":
            documents = documents.filter(issuers=self.issuer)
        if self.year and skip != "year":
            documents = documents.filter(issued_on__year=self.year)
        if self.validity and skip != "validity":
            documents = documents.filter(validity=self.validity)
        if self.topic and skip != "topic":
            documents = documents.filter(topics=self.topic)
        return documents


def _positive(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and 0 < len(value) < 10 else None


def documents_of(categories: list[PolicyCategory]) -> QuerySet[Policy]:
    """The published documents a library shows: all, or those of its ``categories``."""
    documents = Policy.objects.public()
    if categories:
        documents = documents.filter(category__in=categories)
    return documents


def sorted_page_list(documents: QuerySet[Policy], selection: Selection) -> QuerySet[Policy]:
    """The selected documents in the chosen order, with what the list shows of each."""
    return (
        selection.apply(documents)
        .select_related("category")
        .prefetch_related("issuers")
        .order_by(*SORTS[selection.sort][1])
        .only("pk", "title", "doc_number", "index_number", "issued_on", "validity", "category__name", "category__code")
    )


def _counts(rows) -> dict:
    return {key: count for key, count in rows}


def options(documents: QuerySet[Policy], selection: Selection) -> dict[str, list[Option]]:
    """Every filter's options with their counts, options without documents left out.

    One GROUP BY per filter on the policy table or a join table alone (no join to the
    names, no per-row functions: 10,000 documents are counted in milliseconds); the
    names come from the small lists of categories, issuers and topics.
    """
    through_issuers = Policy.issuers.through.objects
    through_topics = Policy.topics.through.objects
    by_category = _counts(
        selection.apply(documents, skip="category").values_list("category_id").annotate(Count("id")).order_by()
    )
    by_issuer = _counts(
        through_issuers.filter(policy__in=selection.apply(documents, skip="issuer").values("pk"))
        .values_list("policyissuer_id")
        .annotate(Count("policy_id"))
        .order_by()
    )
    # The year as the first four characters of the ISO date: an index-friendly text function on both
    # databases, where EXTRACT on SQLite calls back into Python for every row.
    by_year = _counts(
        selection.apply(documents, skip="year")
        .exclude(issued_on=None)
        .annotate(issued_year=Substr(Cast("issued_on", CharField()), 1, 4))
        .values_list("issued_year")
        .annotate(Count("id"))
        .order_by()
    )
    by_validity = _counts(
        selection.apply(documents, skip="validity").values_list("validity").annotate(Count("id")).order_by()
    )
    by_topic = _counts(
        through_topics.filter(policy__in=selection.apply(documents, skip="topic").values("pk"))
        .values_list("policytopic_id")
        .annotate(Count("policy_id"))
        .order_by()
    )
    categories = PolicyCategory.objects.filter(pk__in=by_category).values_list("pk", "code", "name")
    issuers = PolicyIssuer.objects.filter(pk__in=by_issuer).values_list("pk", "name")
    topics = PolicyTopic.objects.filter(pk__in=by_topic).values_list("pk", "name")
    return {
        "category": [Option(code, name, by_category[pk]) for pk, code, name in categories],
        "issuer": [Option(str(pk), name, by_issuer[pk]) for pk, name in issuers],
        "year": [Option(year, year, by_year[year]) for year in sorted(by_year, reverse=True)],
        "validity": [
            Option(value, str(label), by_validity[value]) for value, label in Validity.choices if value in by_validity
        ],
        "topic": [Option(str(pk), name, by_topic[pk]) for pk, name in topics],
    }
