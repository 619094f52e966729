"""The demo's surveys (``zoneportal/demo/content/surveys.py``), loaded by ``load_demo``.

Idempotent: a survey whose slug exists is left alone. The accountability
questionnaire gets its generated responses (a fixed seed, so every load gives
the same results; each marked ``is_generated``) and published results; the
website poll is open from the moment the demo is loaded, for visitors to answer.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from zoneportal.core.models import Department
from zoneportal.demo.content.surveys import ANSWER_SEED, SURVEYS, QuestionSpec, SurveySpec

from .models import Question, Survey, SurveyResponse

TZ = ZoneInfo("Asia/Shanghai")
BATCH = 90


def total_responses() -> int:
    """How many generated responses the demo's surveys hold (for the progress line)."""
    return sum(spec.responses for spec in SURVEYS)


def _when(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%d %H:%M").replace(tzinfo=TZ)


def build_survey(spec: SurveySpec) -> Survey:
    """Create the survey of ``spec`` with its questions (published; results published when it has responses)."""
    now = timezone.now()
    survey = Survey(
        slug=spec.slug,
        title=spec.title,
        department=Department.objects.get(slug=spec.department),
        intro=spec.intro,
        opens_at=_when(spec.opens) if spec.opens else now - timedelta(minutes=5),
        closes_at=_when(spec.closes) if spec.closes else None,
        is_published=True,
        results_published=True,
        is_generated_demo=spec.responses > 0,
    )
    questions = []
    for order, item in enumerate(spec.questions):
        question = Question(
            sort_order=order,
            kind=item.kind,
            text=item.text,
            choices="\n".join(item.choices),
            rows="\n".join(item.rows),
            required=item.required,
            section=item.section,
            help_text=item.help_text,
            min_choices=item.min_choices,
            max_choices=item.max_choices,
            show_if_number=item.show_if[0] if item.show_if else None,
            show_if_choice=item.show_if[1] if item.show_if else "",
        )
        question.full_clean(exclude=["survey"])
        questions.append(question)
    survey.questions = questions
    survey.save()
    return survey


def generated_answer(rng: random.Random, item: QuestionSpec, question: Question) -> object:
    """One plausible answer to ``question`` drawn with the spec's weights."""
    weights = list(item.weights) or None
    if item.kind == Question.Kind.SINGLE:
        return rng.choices(item.choices, weights=weights)[0]
    if item.kind == Question.Kind.MULTIPLE:
        last = item.choices[-1]  # "没有遇到这些情况" excludes the others
        first = rng.choices(item.choices, weights=weights)[0]
        if first == last:
            return [last]
        count = rng.randint(item.min_choices or 1, item.max_choices or len(item.choices))
        picked = {first}
        while len(picked) < count:
            picked.add(rng.choices(item.choices[:-1], weights=weights[:-1] if weights else None)[0])
        return [choice for choice in item.choices if choice in picked]
    if item.kind == Question.Kind.RATING:
        return rng.choices(range(1, 6), weights=weights)[0]
    if item.kind == Question.Kind.MATRIX:
        return {row: rng.choices(item.choices, weights=weights)[0] for row in item.rows}
    if item.kind == Question.Kind.RANKING:
        remaining, ranked = list(item.choices), []
        remaining_weights = list(weights or [1] * len(remaining))
        while remaining:
            index = rng.choices(range(len(remaining)), weights=remaining_weights)[0]
            ranked.append(remaining.pop(index))
            remaining_weights.pop(index)
        return ranked
    return None


def generate_responses(survey: Survey, spec: SurveySpec, tick: Callable[[int], None]) -> None:
    """``spec.responses`` generated responses, spread over the survey's open days (deterministic)."""
    rng = random.Random(ANSWER_SEED)
    questions = survey.ordered_questions()
    span = (survey.closes_at - survey.opens_at).total_seconds()
    suggestion_at = set(rng.sample(range(spec.responses), len(spec.suggestions)))
    suggestions = iter(spec.suggestions)
    batch: list[SurveyResponse] = []
    for index in range(spec.responses):
        answers: dict[str, object] = {}
        for item, question in zip(spec.questions, questions, strict=True):
            if item.show_if:
                shown_by = answers.get(questions[item.show_if[0] - 1].key)
                if not (shown_by == item.show_if[1] or (isinstance(shown_by, list) and item.show_if[1] in shown_by)):
                    continue
            if item.kind == Question.Kind.LONG_TEXT:
                if index in suggestion_at:
                    answers[question.key] = next(suggestions)
                continue
            answers[question.key] = generated_answer(rng, item, question)
        when = survey.opens_at + timedelta(seconds=rng.uniform(0, span))
        batch.append(SurveyResponse(survey=survey, answers=answers, submitted_at=when, is_generated=True))
        if len(batch) == BATCH:
            SurveyResponse.objects.bulk_create(batch)
            tick(len(batch))
            batch = []
    if batch:
        SurveyResponse.objects.bulk_create(batch)
        tick(len(batch))


def load_surveys(tick: Callable[[int], None]) -> list[Survey]:
    """Create the demo's surveys that are missing, with their generated responses; returns those created."""
    created = []
    for spec in SURVEYS:
        if Survey.objects.filter(slug=spec.slug).exists():
            tick(spec.responses)
            continue
        survey = build_survey(spec)
        if spec.responses:
            generate_responses(survey, spec, tick)
        created.append(survey)
    return created


def remove_surveys() -> None:
    """Delete the demo's surveys (before their departments go, which protect them)."""
    Survey.objects.filter(slug__in=[spec.slug for spec in SURVEYS]).delete()
