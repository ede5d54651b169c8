"""The plan file's vocabularies: the values a field may take, each defined once.

Each vocabulary is a ``Literal`` (what the models accept, what the JSON Schema lists as
``enum``, what mypy checks) and the tuple of its values in their order (the order of the
wizard's choices and of the document's tables). Their Italian words live in
:mod:`incas_cli.messages.vocab`, one :class:`~incas_cli.messages.vocab.Term` per value;
:func:`terms` pairs the two and a test checks that they never drift apart.

The values are part of the v1 format (DESIGN.md, "plan file v1"): values may be added,
none renamed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TypeVar, get_args

from incas_cli.messages import vocab as words
from incas_cli.messages.vocab import Term

PlanStatus = Literal["bozza", "in_consultazione", "proposta", "adottato"]
AdoptionOrgan = Literal["giunta", "consiglio"]
Level = Literal["nazionale", "regionale", "provinciale", "locale"]
Engagement = Literal["informare", "consultare", "coinvolgere", "collaborare", "delegare"]
RelationKind = Literal["protocollo", "accordo", "tavolo", "convenzione", "altro"]
IndicatorKind = Literal["output", "outcome"]
MeetingKind = Literal["tavolo", "bilaterale", "assemblea", "task-force", "altro"]
BudgetStatus = Literal["assicurato", "richiesto", "da-reperire"]
MeasureState = Literal["non-avviata", "in-corso", "completata", "sospesa", "annullata"]
"""A measure's state in a monitoring report (``incas monitor``)."""
ReportStatus = Literal["bozza", "approvato"]
"""A monitoring report's own status."""
PlanSection = Literal[
    "plan",
    "comune",
    "context",
    "stakeholders",
    "relations",
    "governance",
    "organization",
    "needs",
    "strategy",
    "measures",
    "monitoring",
    "process",
]
"""The parts of a plan file: its top-level keys after ``schema_version``."""
WizardSection = Literal[
    "comune",
    "periodo",
    "territorio",
    "attori",
    "relazioni",
    "governance",
    "bisogni",
    "strategia",
    "misure",
    "monitoraggio",
    "percorso",
]
"""The wizard's sections, in the order a planner thinks (and ``--section`` names)."""

WorkforceCategory = Literal["resident", "seasonal", "foreign", "women"]
"""The keys of ``context.workforce``."""

PLAN_STATUSES: tuple[PlanStatus, ...] = get_args(PlanStatus)
ADOPTION_ORGANS: tuple[AdoptionOrgan, ...] = get_args(AdoptionOrgan)
LEVELS: tuple[Level, ...] = get_args(Level)
ENGAGEMENT_LEVELS: tuple[Engagement, ...] = get_args(Engagement)
RELATION_KINDS: tuple[RelationKind, ...] = get_args(RelationKind)
INDICATOR_KINDS: tuple[IndicatorKind, ...] = get_args(IndicatorKind)
MEETING_KINDS: tuple[MeetingKind, ...] = get_args(MeetingKind)
BUDGET_STATUSES: tuple[BudgetStatus, ...] = get_args(BudgetStatus)
MEASURE_STATES: tuple[MeasureState, ...] = get_args(MeasureState)
REPORT_STATUSES: tuple[ReportStatus, ...] = get_args(ReportStatus)
PLAN_SECTIONS: tuple[PlanSection, ...] = get_args(PlanSection)
WIZARD_SECTIONS: tuple[WizardSection, ...] = get_args(WizardSection)
WORKFORCE_CATEGORIES: tuple[WorkforceCategory, ...] = get_args(WorkforceCategory)

DEFAULT_STATUS: PlanStatus = "bozza"
"""The status of a plan that does not state one."""

FINAL_STATUSES: tuple[PlanStatus, ...] = ("proposta", "adottato")
"""The text the Giunta or the Consiglio adopts (``proposta``: sent for adoption, number and
date of the resolution still blank) and the adopted text: no BOZZA mark, the annex mark
instead, and always checked as ``--final`` checks a plan (no open field: the organ adopts
exactly this text, DOMAIN.md section 9)."""

WIZARD_SECTION_PARTS: dict[WizardSection, tuple[PlanSection, ...]] = {
    "comune": ("comune",),
    "periodo": ("plan",),
    "territorio": ("context",),
    "attori": ("stakeholders",),
    "relazioni": ("relations",),
    "governance": ("governance", "organization"),
    "bisogni": ("needs",),
    "strategia": ("strategy",),
    "misure": ("measures",),
    "monitoraggio": ("monitoring",),
    "percorso": ("process",),
}
"""The parts of the plan file each wizard section fills."""

VOCABULARIES: dict[str, tuple[tuple[str, ...], Mapping[str, object]]] = {
    "plan status": (PLAN_STATUSES, words.PLAN_STATUSES),
    "adoption organ": (ADOPTION_ORGANS, words.ADOPTION_ORGANS),
    "adoption act": (ADOPTION_ORGANS, words.ADOPTION_ACTS),
    "level": (LEVELS, words.LEVELS),
    "engagement": (ENGAGEMENT_LEVELS, words.ENGAGEMENT_LEVELS),
    "relation kind": (RELATION_KINDS, words.RELATION_KINDS),
    "indicator kind": (INDICATOR_KINDS, words.INDICATOR_KINDS),
    "indicator kind phrase": (INDICATOR_KINDS, words.INDICATOR_KIND_PHRASES),
    "meeting kind": (MEETING_KINDS, words.MEETING_KINDS),
    "budget status": (BUDGET_STATUSES, words.BUDGET_STATUSES),
    "measure state": (MEASURE_STATES, words.MEASURE_STATES),
    "report status": (REPORT_STATUSES, words.REPORT_STATUSES),
    "plan section": (PLAN_SECTIONS, words.PLAN_SECTIONS),
    "wizard section": (WIZARD_SECTIONS, words.WIZARD_SECTIONS),
    "workforce category": (WORKFORCE_CATEGORIES, words.WORKFORCE),
}
"""Every vocabulary with its words: the values and, keyed by value, what names them."""

K = TypeVar("K", bound=str)


def terms(values: tuple[K, ...], named: Mapping[str, Term]) -> dict[K, Term]:
    """``{value: Term}`` in the vocabulary's order (a value without words is a bug)."""
    return {value: named[value] for value in values}
