"""Chapter 1: the plan (what is specific to it, with the InCaS method it follows in one
paragraph), the national plan in brief (its axes and actions are listed where the plan
uses them: the strategy and the coherence chapters) and the law of the plan's date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from incas_cli import formats as fmt
from incas_cli.document.law import plan_law
from incas_cli.document.model import Block, Column, Heading, Paragraph, Table, plain
from incas_cli.document.narrative import narrative
from incas_cli.document.outline.common import (
    COHERENCE,
    PROCESS,
    STRATEGY,
    Context,
    Value,
    open_value,
    ref,
    risk_sentence,
)
from incas_cli.document.outline.cover import adoption, period, status_label
from incas_cli.facts import plan_dates
from incas_cli.messages import document as doc_msg
from incas_cli.messages import render as msg

if TYPE_CHECKING:
    from incas_cli.catalog import NationalPlan
    from incas_cli.models import Plan


@dataclass(frozen=True)
class ActionRef:
    number: int
    label: str

    @property
    def text(self) -> str:
        return msg.ACTION_REF.format(number=self.number, label=self.label)


@dataclass(frozen=True)
class AxisView:
    number: int
    label: str
    actions: tuple[ActionRef, ...]


@dataclass(frozen=True)
class NationalView:
    """The national plan as the narrative tells it."""

    title: str
    period: str
    approval: tuple[str, ...]
    still_in_force: str | None  # for plans that start after the national plan's period
    developments: tuple[str, ...]
    """What followed the national plan, up to the plan's date (catalogue data)."""
    axes: tuple[AxisView, ...]
    action_count: int


@dataclass(frozen=True)
class Intro:
    """The plan as the narrative introduces it."""

    comune: str
    partners: tuple[str, ...]
    region: Value
    period: Value
    status_label: str
    adopted: bool
    adoption: str
    proposal: str | None
    """ "proposta alla Giunta comunale per l'adozione" for a plan sent for adoption."""
    budget_open: bool
    national: NationalView


def national_view(national: NationalPlan, plan: Plan) -> NationalView:
    axes = tuple(
        AxisView(
            axis.number,
            axis.label,
            tuple(ActionRef(a.number, a.label) for a in national.actions_of_axis(axis.id)),
        )
        for axis in national.axes
    )
    approval = tuple(
        msg.APPROVAL_STEP.format(
            on_date=_on_date(step.date), body=step.body, act=step.act[:1].lower() + step.act[1:]
        )
        for step in national.approval
    )
    return NationalView(
        title=national.title,
        period=msg.YEARS.format(start=national.period.start, end=national.period.end),
        approval=approval,
        still_in_force=_still_in_force(national, plan),
        developments=_developments(national, plan),
        axes=axes,
        action_count=len(national.actions),
    )


def _reference_year(plan: Plan) -> int | None:
    """The year the document speaks from: its period's start, else its own date."""
    dates = plan_dates(plan)
    if dates.start:
        return dates.start.year
    return dates.document.year if dates.document is not None else None


def _still_in_force(national: NationalPlan, plan: Plan) -> str | None:
    """A neutral sentence for a plan that starts after the national plan's period.

    Never the catalogue's status note: that is dated (it cites acts of later years) and a
    document must not state facts dated after its own reference date.
    """
    year = _reference_year(plan)
    if year is None or year <= int(national.period.end):
        return None
    day = plan_law(plan).date
    known = national.status_as_of
    if known is not None and (day is None or day > known):
        # the catalogue knows of no later plan up to its own date, not up to the plan's
        return msg.NATIONAL_STILL_IN_FORCE_AS_OF.format(
            plan=national.short_title, in_month=fmt.in_month(fmt.month(known))
        )
    return msg.NATIONAL_STILL_IN_FORCE.format(plan=national.short_title)


def _developments(national: NationalPlan, plan: Plan) -> tuple[str, ...]:
    """The catalogue's facts about what followed the national plan, dated on or before the
    plan's own date (its adoption, else its start; every fact when it has no date), as the
    legal framework is (:func:`incas_cli.document.law.plan_law`)."""
    day = plan_law(plan).date
    return tuple(d.text for d in national.developments if day is None or d.date <= day)


def _on_date(value: str) -> str:
    """When a step happened, as a sentence says it: «il 20 febbraio 2020», «l'8 …», «a
    maggio 2020», «ad aprile 2020», «nel 2020» (the catalogue may know only the month or
    the year)."""
    parts = value.split("-")
    if len(parts) == 3:
        return fmt.date_after("il", dt.date(int(parts[0]), int(parts[1]), int(parts[2])))
    if len(parts) == 2:
        return fmt.in_month(fmt.month(value))
    return msg.IN_YEAR.format(year=value)


def intro(ctx: Context) -> Intro:
    plan = ctx.plan
    return Intro(
        comune=ctx.comune,
        partners=tuple(p.name for p in plan.comune.partners),
        region=open_value(plan.comune.region, "comune.region"),
        period=period(plan),
        status_label=status_label(plan),
        adopted=plan.effective_status == "adottato",
        adoption=adoption(plan),
        proposal=adoption(plan) if plan.effective_status == "proposta" else None,
        budget_open=not ctx.facts.has_budget,
        national=national_view(ctx.national, plan),
    )


def risks_summary(ctx: Context) -> tuple[Block, ...]:
    """The «Criticità» the checks find, in one table (each also in its measure's card)."""
    if not ctx.risks:
        return ()
    count = len(ctx.risks)
    sentences = [
        doc_msg.RISKS_INTRO_ONE
        if count == 1
        else doc_msg.RISKS_INTRO_MANY.format(count=fmt.in_words(count))
    ]
    in_cards = sum(1 for r in ctx.risks if r.measure is not None)
    if in_cards == count:
        sentences.append(doc_msg.RISKS_IN_CARD_ONE if count == 1 else doc_msg.RISKS_IN_CARD)
    elif in_cards:
        sentences.append(doc_msg.RISKS_IN_CARDS_SOME)
    blocks: list[Block] = [Heading(2, doc_msg.H_RISKS), Paragraph((" ".join(sentences),))]
    if ctx.public_risks_only:
        blocks.append(Paragraph((doc_msg.RISKS_INTRO_PUBLIC,), "note"))
    blocks.append(
        Table(
            doc_msg.TC_RISKS,
            (
                Column(doc_msg.T_RISK_WHERE),
                Column(doc_msg.T_RISK_TOPIC),
                Column(doc_msg.T_RISK_TEXT),
            ),
            tuple(
                (
                    doc_msg.RISK_MEASURE.format(id=r.measure) if r.measure else doc_msg.RISK_PLAN,
                    doc_msg.RISK_TOPICS[r.topic],
                    risk_sentence(r),
                )
                for r in ctx.risks
            ),
        )
    )
    return tuple(blocks)


def region_name(region: Value) -> str:
    """The Region as an institution: «Regione Piemonte», «Regione Siciliana»."""
    if not isinstance(region, str):
        return doc_msg.REGION_NAME.format(name=plain(region))
    return doc_msg.REGION_OFFICIAL_NAMES.get(region, doc_msg.REGION_NAME.format(name=region))


def regional_authority(plan: Plan, region: Value) -> str:
    """Whose rules on labour, Centri per l'impiego, health and social policy the plan
    follows: the Region, or in Trentino-Alto Adige the autonomous Province."""
    province = plan.comune.province
    if province in doc_msg.AUTONOMOUS_PROVINCES:
        return doc_msg.AUTONOMOUS_PROVINCES[province]
    return region_name(region)


def premessa(ctx: Context) -> tuple[Block, ...]:
    about = intro(ctx)
    law = plan_law(ctx.plan)
    return (
        Heading(1, msg.H_PREMESSA),
        Heading(2, msg.H_PREMESSA_PLAN),
        *narrative(
            "premessa.md.j2",
            intro=about,
            counts=ctx.counts,
            coverage=ctx.coverage,
            process=ref(PROCESS),
            law=law,
        ),
        *risks_summary(ctx),
        Heading(2, msg.H_PREMESSA_NATIONAL),
        *narrative(
            "quadro_nazionale.md.j2",
            national=about.national,
            law=law,
            strategy=ref(STRATEGY),
            coherence=ref(COHERENCE),
        ),
        Heading(2, msg.H_PREMESSA_LAW),
        *narrative(
            "quadro_normativo.md.j2",
            region=regional_authority(ctx.plan, about.region),
            prefecture=doc_msg.BY_PREFECTURE_WHERE_NONE.get(
                ctx.plan.comune.province or "", doc_msg.BY_PREFECTURE
            ),
            law=law,
        ),
    )
