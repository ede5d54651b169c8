"""Vocabularies from one source: the models' values, their Italian words, the wizard, the
document, the catalogue and the JSON Schema agree."""

from __future__ import annotations

import json
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import pytest

from incas_cli.catalog import load_catalog
from incas_cli.cli.wizard import Section
from incas_cli.messages import vocab as words
from incas_cli.messages import wizard as wizard_msg
from incas_cli.models import (
    Indicator,
    Plan,
    PlanInfo,
    Relation,
    Stakeholder,
    Workforce,
    vocab,
)
from incas_cli.models.plan import Adoption, Meeting
from incas_cli.render import RenderOptions, render_docx
from incas_cli.schema import plan_schema
from incas_cli.wizard import SECTIONS, run_wizard
from incas_cli.wizard.flow import STEPS
from incas_cli.wizard.prompter import Choice
from incas_cli.wizard.scripted import ScriptedPrompter
from tests.conftest import Cli
from tests.helpers import minimal_plan
from tests.render_support import body_text, open_docx, plan_from

T = TypeVar("T")

SCRIPTS = Path(__file__).resolve().parent / "wizard_scripts"


@pytest.mark.parametrize("name", list(vocab.VOCABULARIES))
def test_every_value_has_its_words_and_nothing_else(name: str) -> None:
    values, named = vocab.VOCABULARIES[name]
    assert list(named) == list(values)
    for value in values:
        term = named[value]
        text = term.label if isinstance(term, words.Term) else term
        assert isinstance(text, str) and text.strip() == text and text, (name, value)


@pytest.mark.parametrize(
    ("model", "field", "literal"),
    [
        (PlanInfo, "status", vocab.PlanStatus),
        (Adoption, "organ", vocab.AdoptionOrgan),
        (Stakeholder, "level", vocab.Level),
        (Stakeholder, "engagement", vocab.Engagement),
        (Relation, "kind", vocab.RelationKind),
        (Indicator, "kind", vocab.IndicatorKind),
        (Meeting, "kind", vocab.MeetingKind),
    ],
)
def test_models_accept_exactly_the_vocabulary(model: Any, field: str, literal: Any) -> None:
    annotation = model.model_fields[field].annotation
    assert literal in typing.get_args(annotation)


@pytest.mark.parametrize(
    ("path", "values"),
    [
        (("plan", "status"), vocab.PLAN_STATUSES),
        (("stakeholders", "engagement"), vocab.ENGAGEMENT_LEVELS),
        (("stakeholders", "level"), vocab.LEVELS),
        (("relations", "kind"), vocab.RELATION_KINDS),
        (("measures", "indicators", "kind"), vocab.INDICATOR_KINDS),
        (("process", "meetings", "kind"), vocab.MEETING_KINDS),
    ],
)
def test_the_json_schema_lists_the_vocabulary(path: tuple[str, ...], values: Sequence[str]) -> None:
    from tests.test_schema import node

    prop = node(plan_schema(), *path)
    assert prop["enum"] == [*values, None]  # null: the field left open


def test_workforce_categories_are_the_models_fields() -> None:
    assert list(vocab.WORKFORCE_CATEGORIES) == list(Workforce.model_fields)


def test_plan_sections_are_the_plan_files_parts() -> None:
    parts = [name for name in Plan.model_fields if name != "schema_version"]
    assert list(vocab.PLAN_SECTIONS) == parts
    for section, filled in vocab.WIZARD_SECTION_PARTS.items():
        assert section in vocab.WIZARD_SECTIONS
        assert set(filled) <= set(parts)


def test_wizard_sections_are_its_steps_and_its_option_values() -> None:
    assert tuple(STEPS) == SECTIONS == vocab.WIZARD_SECTIONS
    assert [s.value for s in Section] == list(vocab.WIZARD_SECTIONS)


def test_the_catalogue_names_levels_and_engagement_as_the_vocabulary() -> None:
    catalog = load_catalog()
    assert list(catalog.engagement_levels) == list(vocab.ENGAGEMENT_LEVELS)
    assert [e.rank for e in catalog.engagement_levels.values()] == [1, 2, 3, 4, 5]
    for value, level in catalog.engagement_levels.items():
        assert (level.label, level.description) == words.ENGAGEMENT_LEVELS[value][:2]
    assert list(catalog.levels) == list(vocab.LEVELS)
    for value, stakeholder_level in catalog.levels.items():
        assert (stakeholder_level.label, stakeholder_level.description) == words.LEVELS[value][:2]


def test_catalog_actors_json_lists_the_levels_with_their_words(cli: Cli) -> None:
    result = cli("catalog", "actors", "--json")
    assert result.exit_code == 0, result.output
    levels = json.loads(result.stdout)["levels"]
    assert [(lv["id"], lv["label"]) for lv in levels] == [
        (value, term.label) for value, term in words.LEVELS.items()
    ]


# --- the wizard offers what the document prints ------------------------------------------


class Recording(ScriptedPrompter):
    """A scripted prompter that also keeps the choices of every ``select``."""

    def __init__(self, steps: Sequence[Any]) -> None:
        super().__init__(steps)
        self.choices: dict[str, list[Choice[Any]]] = {}

    def select(self, message: str, choices: Sequence[Choice[T]], default: T | None = None) -> T:
        self.choices[message] = list(choices)
        return super().select(message, choices, default)


def _wizard_choices() -> dict[str, list[Choice[Any]]]:
    """Every select of the wizard's complete path (tests/wizard_scripts/completo.yaml)."""
    from incas_cli.io import load_yaml, new_document_data

    steps = load_yaml(SCRIPTS / "completo.yaml").plain()["steps"]
    prompter = Recording(steps)
    start = new_document_data({"schema_version": 1})
    run_wizard(prompter, load_catalog(), start, on_save=lambda _: None, mode="completo")
    prompter.close()
    return prompter.choices


def _plan_with_every_kind() -> dict[str, Any]:
    data = minimal_plan()
    data["relations"] = [
        {"from": "comune", "to": "caritas", "kind": kind} for kind in vocab.RELATION_KINDS
    ]
    data["measures"][0]["indicators"] = [
        {"name": f"Indicatore {kind}", "kind": kind, "target": 1} for kind in vocab.INDICATOR_KINDS
    ]
    return data


def test_the_wizard_offers_the_labels_the_document_prints() -> None:
    choices = _wizard_choices()
    relation = choices[wizard_msg.ASK_RELATION_KIND]
    indicator = next(c for q, c in choices.items() if q.startswith("Tipo di «"))
    status = choices[wizard_msg.ASK_STATUS]
    offered = {
        "relation": {c.value: c.title for c in relation if c.value is not None},
        "indicator": {c.value: c.title for c in indicator if c.value is not None},
        "status": {c.value: c.title for c in status},
    }
    assert offered == {
        "relation": {v: t.label for v, t in words.RELATION_KINDS.items()},
        "indicator": {v: t.label for v, t in words.INDICATOR_KINDS.items()},
        "status": {v: words.capitalized(t.label) for v, t in words.PLAN_STATUSES.items()},
    }
    assert offered["relation"]["protocollo"] == "Protocollo d'intesa"
    assert [c.description for c in indicator if c.value is not None] == [
        t.description for t in words.INDICATOR_KINDS.values()
    ]

    document = body_text(
        open_docx(render_docx(plan_from(_plan_with_every_kind()), RenderOptions()))
    )
    for label in [*offered["relation"].values(), *offered["indicator"].values()]:
        assert label in document
