"""一件事: which of a journey's items a visitor needs, from their answers to its yes/no questions.

The answers come from a GET form (``?q<question id>=yes|no``), so the page works
without JavaScript, can be bookmarked and is the same for everyone who answers
the same way. An unanswered question narrows nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .models import Journey, JourneyQuestion, JourneyStage

YES, NO = "yes", "no"


@dataclass
class AnsweredQuestion:
    """A question with the visitor's answer (None: not answered)."""

    question: JourneyQuestion
    answer: bool | None

    @property
    def field_name(self) -> str:
        return answer_field(self.question)


@dataclass
class NeededStage:
    """A stage of the journey and whether the answers leave it needed (and which question ruled it out)."""

    stage: JourneyStage
    needed: bool
    ruled_out_by: JourneyQuestion | None = None


def answer_field(question: JourneyQuestion) -> str:
    """The GET parameter holding the answer to ``question``."""
    return f"q{question.pk}"


def read_answers(questions: list[JourneyQuestion], data: Mapping[str, str]) -> list[AnsweredQuestion]:
    """Each question with its answer from ``data``; anything but ``yes``/``no`` counts as not answered."""
    answered = []
    for question in questions:
        value = data.get(answer_field(question))
        answered.append(AnsweredQuestion(question, True if value == YES else False if value == NO else None))
    return answered


def needed_stages(stages: list[JourneyStage], answered: list[AnsweredQuestion]) -> list[NeededStage]:
    """Every stage in order, marked not needed when an answered question rules its item out."""
    ruled_out: dict[int, JourneyQuestion] = {}
    for entry in answered:
        for item in entry.question.ruled_out(entry.answer):
            ruled_out.setdefault(item.pk, entry.question)
    return [NeededStage(stage, stage.item_id not in ruled_out, ruled_out.get(stage.item_id)) for stage in stages]


def journey_plan(journey: Journey, data: Mapping[str, str]) -> tuple[list[AnsweredQuestion], list[NeededStage]]:
    """The questions with their answers and the published stages with their verdicts, for the journey page."""
    questions = list(journey.questions.prefetch_related("yes_items", "no_items"))
    stages = [stage for stage in journey.stages.select_related("item", "item__department") if stage.item.published]
    answered = read_answers(questions, data)
    return answered, needed_stages(stages, answered)
