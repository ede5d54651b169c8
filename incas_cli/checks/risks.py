"""Risks a reader of the plan must see: the warnings of the checks about funds, dates and
the plan's content, each with its topic and the measure it concerns.

The same findings ``plan validate`` and ``plan status`` print (one computation: the rules
of :mod:`incas_cli.checks.rules`), kept for the document's «Criticità». The public edition
of a final plan shows the risks about funds and dates; drafts and the internal edition
show them all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from incas_cli.checks import Finding, check_plan

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog
    from incas_cli.models import Plan

RiskTopic = Literal["fondi", "date", "contenuto"]

RISK_TOPICS: dict[str, RiskTopic] = {
    "FUNDING_AFTER_DEADLINE": "fondi",
    "FUNDING_OUTSIDE_REGION": "fondi",
    "FUNDING_BEFORE_ASSIGNED": "fondi",
    "ADOPTION_AFTER_PERIOD": "date",
    "PLAN_BEFORE_NATIONAL_PLAN": "date",
    "REVIEW_OUTSIDE_PERIOD": "date",
    "NEED_NOT_ADDRESSED": "contenuto",
    "AXIS_NOT_COVERED": "contenuto",
}
"""The finding codes a reader must know of, by topic. Others concern the file (an unknown
key, a catalogue id) or the clock (a resolution dated in the future): not the reader's."""

PUBLIC_TOPICS: frozenset[RiskTopic] = frozenset({"fondi", "date"})
"""What the public edition of a final plan shows."""


@dataclass(frozen=True)
class Risk:
    """A warning for the reader: the finding, its topic and the measure it is about (None:
    the plan as a whole)."""

    finding: Finding
    topic: RiskTopic
    measure: str | None

    @property
    def public(self) -> bool:
        return self.topic in PUBLIC_TOPICS


def plan_risks(plan: Plan, catalog: Catalog) -> tuple[Risk, ...]:
    """The reader's risks of ``plan``, in the order of the checks.

    The document never depends on the clock: no date counts as "in the future" here. A
    finding repeated for several budget lines of one measure (three PNRR lines, one
    deadline) is told once.
    """
    risks: list[Risk] = []
    seen: set[tuple[str | None, str]] = set()
    for finding in check_plan(plan, catalog=catalog, today=dt.date.max):
        topic = RISK_TOPICS.get(finding.code)
        if topic is None or finding.blocking:
            continue
        loc = finding.loc
        about_measure = len(loc) >= 2 and loc[0] == "measures" and isinstance(loc[1], int)
        index = loc[1] if about_measure and isinstance(loc[1], int) else len(plan.measures)
        measure = plan.measures[index].id if index < len(plan.measures) else None
        if (measure, finding.message) in seen:
            continue
        seen.add((measure, finding.message))
        risks.append(Risk(finding, topic, measure))
    return tuple(risks)
