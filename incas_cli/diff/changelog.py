"""The rows of the "Registro delle versioni" annex: one sentence per kind of change.

The public edition never tells how a named organisation is rated (power, interest,
engagement: internal working material, DOMAIN.md section 9): its register says that the
ratings changed, without naming whom, and the internal edition names them like any other
change.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from incas_cli.diff.result import PlanDiff
from incas_cli.formats import money, signed_money
from incas_cli.messages import diff as msg

if TYPE_CHECKING:
    from incas_cli.models import Plan
    from incas_cli.render import ChangeEntry, Edition

RATINGS = frozenset({"power", "interest", "engagement"})
"""Fields of a stakeholder that rate a named organisation: internal edition only."""


def without_ratings(diff: PlanDiff) -> tuple[PlanDiff, bool]:
    """``diff`` without the changes to the actors' ratings, and whether there were any."""
    kept = []
    dropped = False
    for change in diff.stakeholders.changed:
        fields = tuple(c for c in change.changes if c.field not in RATINGS)
        dropped = dropped or len(fields) < len(change.changes)
        if fields:
            kept.append(dataclasses.replace(change, changes=fields))
    people = dataclasses.replace(diff.stakeholders, changed=tuple(kept))
    return dataclasses.replace(diff, stakeholders=people), dropped


# --- "Registro delle versioni" ---------------------------------------------------------------


def _few(names: Sequence[str], limit: int = 8) -> str:
    """``a, b, c`` or, for long lists, ``a, b, … e altri 12``."""
    if len(names) <= limit:
        return msg.LIST_SEPARATOR.join(names)
    shown = msg.LIST_SEPARATOR.join(names[:limit])
    return msg.AND_OTHERS.format(names=shown, count=len(names) - limit)


def change_summary(diff: PlanDiff) -> list[str]:
    """One Italian sentence per kind of change, for the "Registro delle versioni"."""
    if diff.is_empty:
        return [msg.CHANGELOG_NO_CHANGES]
    lines = []
    if diff.plan:
        fields = msg.LIST_SEPARATOR.join(c.label.lower() for c in diff.plan)
        lines.append(msg.CHANGELOG_PLAN.format(fields=fields))
    for item in diff.measures.added:
        lines.append(msg.CHANGELOG_MEASURE_ADDED.format(id=item.id, title=item.label))
    for item in diff.measures.removed:
        lines.append(msg.CHANGELOG_MEASURE_REMOVED.format(id=item.id, title=item.label))
    for change in diff.measures.changed:
        fields = msg.LIST_SEPARATOR.join(c.label.lower() for c in change.changes)
        lines.append(
            msg.CHANGELOG_MEASURE_CHANGED.format(id=change.id, title=change.label, fields=fields)
        )
    total = diff.budget.total
    if total.delta:
        lines.append(
            msg.CHANGELOG_BUDGET.format(
                old=money(total.old), new=money(total.new), delta=signed_money(total.delta)
            )
        )
    cov = diff.coverage
    if cov.changed:
        lines.append(
            msg.CHANGELOG_COVERAGE.format(old=cov.old_count, new=cov.new_count, total=cov.total)
        )
    people = diff.stakeholders
    for items, template in (
        (people.added, msg.CHANGELOG_STAKEHOLDERS_ADDED),
        (people.removed, msg.CHANGELOG_STAKEHOLDERS_REMOVED),
        (people.changed, msg.CHANGELOG_STAKEHOLDERS_CHANGED),
    ):
        if items:
            lines.append(template.format(names=_few([i.label for i in items])))
    needs = diff.needs
    for needs_items, template in (
        (needs.added, msg.CHANGELOG_NEEDS_ADDED),
        (needs.removed, msg.CHANGELOG_NEEDS_REMOVED),
        (needs.changed, msg.CHANGELOG_NEEDS_CHANGED),
    ):
        if needs_items:
            lines.append(template.format(ids=_few([i.id for i in needs_items])))
    if diff.sections:
        names = msg.LIST_SEPARATOR.join(msg.SECTIONS[s].lower() for s in diff.sections)
        lines.append(msg.CHANGELOG_SECTIONS.format(sections=names))
    return lines


def register_summary(diff: PlanDiff, edition: Edition) -> list[str]:
    """The register's sentences for ``edition``: in the public one, a change of ratings is
    one sentence that names no organisation, and a version whose only changes are ratings
    says so (never «no changes»)."""
    if edition == "interna":
        return change_summary(diff)
    public, withheld = without_ratings(diff)
    if not withheld:
        return change_summary(diff)
    lines = [] if public.is_empty else change_summary(public)
    return [*lines, msg.CHANGELOG_RATINGS]


def version_date(plan: Plan) -> dt.date | None:
    """The date of a version: the date its document carries (never the clock)."""
    from incas_cli.facts import plan_dates

    return plan_dates(plan).document


def register_date(plan: Plan) -> dt.date | None:
    """The date a version has in the "Registro delle versioni": its adoption's, once it is
    adopted. A draft has no date of its own (the document's date falls back to the period's
    start, which a reader would take for the day the version was written): none is shown."""
    adoption = plan.plan.adoption
    if plan.effective_status != "adottato" or adoption is None:
        return None
    return adoption.date


def changelog_entries(
    old: Plan, new: Plan, diff: PlanDiff, *, edition: Edition = "pubblica"
) -> list[ChangeEntry]:
    """Rows of the "Registro delle versioni" of ``edition``: the previous version, then
    this one."""
    from incas_cli.render import ChangeEntry

    previous = msg.CHANGELOG_PREVIOUS.format(status=msg.STATUSES[old.effective_status])
    return [
        ChangeEntry(old.plan.version, register_date(old), (previous,)),
        ChangeEntry(new.plan.version, register_date(new), tuple(register_summary(diff, edition))),
    ]
