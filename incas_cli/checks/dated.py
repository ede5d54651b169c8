"""Dated facts in the plan's own text: an act cited before the day it applies.

The document's legal framework follows the plan's date (:mod:`incas_cli.document.law`);
the texts the plan writes itself (a role, a risk's mitigation, a measure) must too. A plan
adopted on 24 October 2023 that promises information «sull'art. 18-ter» cites a permit
that came a year later: a warning, with the words and where they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from incas_cli import formats
from incas_cli.catalog.law import LEGAL_ACTS
from incas_cli.checks.findings import Finding, Loc, warning
from incas_cli.checks.rules import RuleContext
from incas_cli.messages import checks as msg

_PRIVATE = "contact"
"""Personal data: never read for this (nor repeated in a message)."""


def _texts(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every text of the plan's data (``model_dump(by_alias=True)``: the file's keys) with
    its path in the file."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != _PRIVATE:
                yield from _texts(item, (*loc, key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _texts(item, (*loc, index))


def law_at_plan_date(ctx: RuleContext) -> Iterator[Finding]:
    """An act the plan's text cites, on a date the act did not apply yet (the same date
    the document's legal framework is written on: adoption, else the period's start)."""
    from incas_cli.facts import plan_dates

    dates = plan_dates(ctx.plan)
    date = dates.adoption or dates.document
    if date is None:
        return
    later = [act for act in LEGAL_ACTS if act.cited_as and act.applies_from > date]
    if not later:
        return
    # one search over the whole plan first (most plans cite none of them), then, text by
    # text, one for all the acts, then the act that matched
    anyone = re.compile("|".join(f"(?:{act.cited_as})" for act in later), re.IGNORECASE)
    if anyone.search(ctx.plan.model_dump_json()) is None:
        return
    for loc, text in _texts(ctx.plan.model_dump(by_alias=True), ()):
        if anyone.search(text) is None:
            continue
        for act in later:
            words = act.cited_in(text)
            if words is None:
                continue
            yield warning(
                "LAW_AFTER_PLAN_DATE",
                loc,
                msg.LAW_AFTER_PLAN_DATE.format(
                    words=words,
                    act=act.name,
                    applies=formats.date_after("dal", act.applies_from),
                    date=formats.date_after("del", date),
                    what=msg.PLAN_DATE_ADOPTION if dates.adoption else msg.PLAN_DATE_START,
                ),
                msg.LAW_AFTER_PLAN_DATE_HINT,
            )
