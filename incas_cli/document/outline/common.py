"""What every chapter of the plan document shares: the context (plan, catalogue, edition,
counts, annexes) and small pieces (open fields, free text as paragraphs, dates that do
not break, key/value cards).

Personal data (contact persons, e-mails, phones) is read only by the internal edition's
annex: the public document cannot leak what its outline never reads.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from incas_cli import formats as fmt
from incas_cli.checks.risks import Risk, plan_risks
from incas_cli.document.model import Cell, Column, Inline, Placeholder, Ref, Table, plain
from incas_cli.facts import plan_facts
from incas_cli.messages import document as doc_msg
from incas_cli.messages import render as msg
from incas_cli.messages.checks import OPEN_LABELS

if TYPE_CHECKING:
    from incas_cli.catalog import Catalog, NationalPlan
    from incas_cli.facts import PlanFacts
    from incas_cli.models import Measure, Plan
    from incas_cli.render import ChangeEntry, Edition

DASH = "–"
NBSP = "\u00a0"  # a phone number or a date is never split across lines
ANNEX_LETTERS = "ABCDEFGH"
ANNEX_DEFAULT = "A"
Value = str | Placeholder
AnnexKey = Literal["bodies", "changelog", "contacts"]

# Anchors of the headings other chapters refer to (each thing is said once, where the
# reader looks for it, and the other places point there)
PROCESS = "percorso"
ACTORS = "attori"
STRATEGY = "strategia"
NEEDS_RANKING = "bisogni-priorita"
MEASURES = "misure"
COHERENCE = "coerenza"
COHERENCE_ACTIONS = "coerenza-azioni"
BUDGET_BY_MEASURE = "risorse-per-misura"
INDICATORS = "indicatori"


def measure_anchor(measure_id: str) -> str:
    """The anchor of a measure's section (its card)."""
    return f"misura-{measure_id}"


def ref(anchor: str) -> Ref:
    """A cross-reference to the heading ``anchor``: «§ 11.1», «capitolo 8»."""
    return Ref("", anchor=anchor)


def with_refs(template: str, **refs: Ref) -> tuple[Inline, ...]:
    """A message whose ``{name}`` fields are cross-references, as inline content."""
    parts: list[Inline] = []
    for text, name, _, _ in string.Formatter().parse(template):
        if text:
            parts.append(text)
        if name is not None:
            parts.append(refs[name])
    return tuple(parts)


def resolution_annex(plan: Plan) -> str | None:
    """The letter of the resolution's annex this plan is (``A`` unless the plan names
    another) when it is sent for adoption or adopted; None for a draft."""
    if not plan.final:
        return None
    act = plan.plan.adoption
    return (act.annex.upper() if act is not None and act.annex else None) or ANNEX_DEFAULT


def open_value(value: object, kind: str) -> Value:
    """``value`` as text, or the placeholder of the open field ``kind``."""
    if value is None or value == "" or value == []:
        return Placeholder(OPEN_LABELS.get(kind, kind))
    return str(value)


def open_text(kind: str) -> str:
    """The printed placeholder of the open field ``kind``, inside a longer text."""
    return plain(Placeholder(OPEN_LABELS.get(kind, kind)))


def nowrap(value: str) -> str:
    """``value`` with no-break spaces: a date or a month never splits across lines, and
    the column sizing counts it as one word, so a date column is as wide as its longest
    date."""
    return NBSP.join(value.split(" "))


def paragraphs(raw: str | None) -> tuple[str, ...]:
    """Free text -> paragraphs: blank lines separate them, single newlines are wrapping."""
    if not raw:
        return ()
    blocks: list[str] = []
    current: list[str] = []
    for line in raw.splitlines():
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return tuple(blocks)


def joined(items: Iterable[str]) -> str:
    """ "A, B e C": every list the document prints, in a sentence or a cell."""
    return fmt.join_and(list(items))


def card(title: str, facts: Sequence[tuple[str, Cell]], *, caption: bool = False) -> Table:
    """A key/value card: each row names its field (a measure, a need, the steering body);
    the labels are row headers, and there is no header row."""
    return Table(
        title,
        (Column(""), Column("")),
        tuple((label, value) for label, value in facts),
        row_headers=True,
        header_row=False,
        caption=caption,
    )


@dataclass(frozen=True)
class Counts:
    """How many of each thing the plan holds (the narrative's figures)."""

    stakeholders: int
    needs: int
    measures: int
    meetings: int
    indicators: int
    actions_total: int
    total_budget: str


@dataclass(frozen=True)
class AnnexRef:
    """An annex of this edition: its letter, heading title and what it holds (a phrase
    for the chapter's introduction)."""

    key: AnnexKey
    letter: str
    title: str
    content: str

    @property
    def heading(self) -> str:
        return msg.ANNEX_HEADING.format(letter=self.letter, title=self.title)

    @property
    def ref(self) -> str:
        return msg.ANNEX_REF.format(letter=self.letter)


class Context:
    """The plan, its facts (:class:`~incas_cli.facts.PlanFacts`: every figure, computed
    once), the catalogue and the edition, with the lookups every chapter needs."""

    def __init__(
        self,
        plan: Plan,
        catalog: Catalog,
        national: NationalPlan,
        *,
        edition: Edition,
        changelog: Sequence[ChangeEntry],
    ) -> None:
        self.plan = plan
        self.catalog = catalog
        self.national = national
        self.edition: Edition = edition
        self.changelog = tuple(changelog)
        self.facts = plan_facts(plan, catalog)
        self.draft = self.facts.draft
        self._stakeholders = {s.id: s for s in plan.stakeholders}
        self._measures_by_need: dict[str, list[str]] = {}
        for m in plan.measures:
            for n in m.needs:
                self._measures_by_need.setdefault(n, []).append(m.id)
        self.counts = Counts(
            stakeholders=len(plan.stakeholders),
            needs=len(plan.needs),
            measures=len(plan.measures),
            meetings=len(plan.process.meetings) if plan.process else 0,
            indicators=sum(len(m.indicators) for m in plan.measures),
            actions_total=len(national.actions),
            total_budget=fmt.money(self.facts.total),
        )
        present: list[tuple[AnnexKey, str, str]] = [
            ("bodies", msg.ANNEX_BODIES, msg.ANNEX_BODIES_CONTENT)
        ]
        if self.changelog:
            present.append(("changelog", msg.ANNEX_CHANGELOG, msg.ANNEX_CHANGELOG_CONTENT))
        if edition == "interna":
            present.append(("contacts", msg.ANNEX_CONTACTS, msg.ANNEX_CONTACTS_CONTENT))
        # A plan sent for adoption is itself "Allegato A" of the resolution: its own annexes
        # are A.1, A.2, ... so that no two documents of the act bear the same name.
        within = resolution_annex(plan)
        letters = (
            [msg.ANNEX_WITHIN.format(annex=within, number=n) for n in range(1, len(present) + 1)]
            if within is not None
            else list(ANNEX_LETTERS)
        )
        self.annexes = tuple(
            AnnexRef(key, letter, title, content)
            for letter, (key, title, content) in zip(letters, present, strict=False)
        )
        self.coverage = coverage_text(self.facts, len(national.actions))
        # the risks the checks know: all of them for drafts and the internal edition, those
        # about funds and dates in the public edition of a final plan
        everything = edition == "interna" or self.draft
        self.risks = tuple(r for r in plan_risks(plan, catalog) if everything or r.public)
        self.public_risks_only = not everything

    def measure_risks(self, measure_id: str) -> tuple[Risk, ...]:
        """The risks about one measure (its card's «Criticità»)."""
        return tuple(r for r in self.risks if r.measure == measure_id)

    @property
    def comune(self) -> str:
        return msg.COMUNE_OF.format(name=self.plan.comune.name)

    def stakeholder(self, stakeholder_id: str) -> str:
        found = self._stakeholders.get(stakeholder_id)
        return found.name if found is not None else stakeholder_id

    def stakeholders(self, ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(self.stakeholder(i) for i in ids)

    def actor_type(self, type_id: str | None) -> str:
        if type_id is None:
            return DASH
        found = self.catalog.actor_types.get(type_id)
        return found.label if found is not None else type_id

    def level(self, level_id: str | None) -> str:
        if level_id is None:
            return DASH
        found = self.catalog.levels.get(level_id)
        return found.label if found is not None else level_id

    def engagement(self, engagement_id: str | None) -> Value:
        if engagement_id is None:
            return open_value(None, "stakeholder.engagement")
        found = self.catalog.engagement_levels.get(engagement_id)
        return found.label if found is not None else engagement_id

    def need_area(self, area_id: str | None) -> Value:
        if area_id is None:
            return open_value(None, "need.area")
        found = self.catalog.need_areas.get(area_id)
        return found.label if found is not None else area_id

    def funding(self, source: str | None) -> Value:
        if source is None:
            return open_value(None, "budget.source")
        found = self.catalog.funding_sources.get(source)
        return found.label if found is not None else source

    def measures_for_need(self, need_id: str) -> tuple[str, ...]:
        return tuple(self._measures_by_need.get(need_id, ()))

    def need_short(self, need_id: str) -> str:
        need = self.plan.need(need_id)
        if need is None:
            return need_id
        return msg.NEED_REF.format(id=need_id, area=plain(self.need_area(need.area)))

    def annex_ref(self, key: AnnexKey) -> str:
        return next(a.ref for a in self.annexes if a.key == key)


def action_codes(numbers: Iterable[int]) -> str:
    """ "AP1, AP2 e AP7"."""
    return fmt.join_and([msg.ACTION_CODE.format(number=n) for n in numbers])


def coverage_text(facts: PlanFacts, total: int) -> str:
    """How the measures cover the national plan's actions, primary and secondary apart,
    with the money behind the secondary-only ones: the same sentences wherever the
    document says it (the plan's introduction, the coherence chapter)."""
    if not facts.by_measure:
        return msg.COVERAGE_NO_MEASURES.format(total=fmt.in_words(total))
    primary = len(facts.primary_actions)
    if primary == total:
        sentences = [msg.COVERAGE_ALL_PRIMARY.format(total=fmt.in_words(total))]
    elif primary == 0:
        sentences = [msg.COVERAGE_PRIMARY_NONE.format(total=fmt.in_words(total))]
    elif primary == 1:
        sentences = [msg.COVERAGE_PRIMARY_ONE.format(total=fmt.in_words(total))]
    else:
        sentences = [
            msg.COVERAGE_PRIMARY.format(count=fmt.in_words(primary), total=fmt.in_words(total))
        ]
    if primary and facts.has_budget and facts.primary_budget != facts.total:
        sentences.append(msg.COVERAGE_PRIMARY_BUDGET.format(budget=fmt.money(facts.primary_budget)))
    secondary = facts.secondary_only_actions
    if secondary:
        measures = facts.secondary_only_measures
        one = len(measures) == 1
        template = msg.COVERAGE_SECONDARY_ONE if len(secondary) == 1 else msg.COVERAGE_SECONDARY
        of = msg.COVERAGE_OF_MEASURE if one else msg.COVERAGE_OF_MEASURES
        coverage = template.format(
            actions=action_codes(secondary), measures=of.format(ids=fmt.join_and(measures))
        )
        if facts.has_budget:
            sentences.append(
                msg.COVERAGE_SECONDARY_BUDGET.format(
                    coverage=coverage,
                    budget=fmt.money(facts.measures_budget(measures)),
                    attribution=msg.COVERAGE_TO_ITS_PRIMARY
                    if one
                    else msg.COVERAGE_TO_THEIR_PRIMARY,
                )
            )
        else:
            sentences.append(msg.COVERAGE_SECONDARY_END.format(coverage=coverage))
    uncovered = facts.uncovered_actions
    if uncovered:
        template = msg.COVERAGE_UNCOVERED_ONE if len(uncovered) == 1 else msg.COVERAGE_UNCOVERED
        sentences.append(template.format(actions=action_codes(uncovered)))
    return " ".join(sentences)


def risk_sentence(risk: Risk) -> str:
    """A check's message as a sentence of the document: capital first, full stop last."""
    text = risk.finding.message.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def measure_ref(measure: Measure) -> str:
    return msg.MEASURE_REF.format(id=measure.id, title=measure.title)


def timing(measure: Measure) -> Value:
    """ "marzo 2024 – dicembre 2025", months that never break across lines."""
    if measure.start is None and measure.end is None:
        return Placeholder(msg.TIMING_OPEN)
    start = nowrap(fmt.month(measure.start)) if measure.start else open_text("measure.start")
    end = nowrap(fmt.month(measure.end)) if measure.end else open_text("measure.end")
    text = msg.RANGE.format(start=start, end=end)
    return f"{text}, {season(measure.months)}" if 0 < len(set(measure.months)) < 12 else text


def season(months: Iterable[int]) -> str:
    """ "ogni anno da giugno a ottobre": a seasonal measure's months as runs, read round
    the year (November to February is one run)."""
    chosen = set(months)
    firsts = sorted(m for m in chosen if (m - 2) % 12 + 1 not in chosen)
    runs = []
    for first in firsts:
        last = first
        while last % 12 + 1 in chosen:
            last = last % 12 + 1
        if last == first:
            runs.append(doc_msg.SEASON_MONTH.format(in_month=fmt.in_month(fmt.month_name(first))))
        else:
            runs.append(
                doc_msg.SEASON_RUN.format(
                    first=fmt.month_name(first), to_last=fmt.in_month(fmt.month_name(last))
                )
            )
    return doc_msg.SEASON.format(months=fmt.join_and(runs))


def indicator_table(title: str, measure: Measure) -> Table:
    """A measure's indicators (its card: the only place that lists them)."""
    columns = (
        Column(msg.T_INDICATOR),
        Column(msg.T_KIND),
        Column(msg.T_UNIT),
        Column(msg.T_BASELINE, "right"),
        Column(msg.T_TARGET_VALUE, "right"),
        Column(msg.T_VERIFICATION),
    )
    rows = tuple(
        (
            i.name,
            msg.INDICATOR_KINDS[i.kind] if i.kind else open_value(None, "indicator.kind"),
            i.unit or DASH,
            fmt.number(i.baseline) if i.baseline is not None else DASH,
            fmt.number(i.target) if i.target is not None else open_value(None, "indicator.target"),
            i.verification or DASH,
        )
        for i in measure.indicators
    )
    return Table(title, columns, rows, caption=False)
