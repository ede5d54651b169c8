"""The plan document's outline: what the document says, checked through the document model
and the text writer (no .docx opened).

The headings of each example are pinned in ``tests/golden/outline/<example>.txt``; after a
reviewed change, regenerate with ``INCAS_UPDATE_GOLDEN=1 pytest tests/test_outline.py``.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from incas_cli import formats as fmt
from incas_cli.catalog import load_catalog
from incas_cli.document.law import law_on
from incas_cli.document.model import (
    Document,
    Figure,
    ItemList,
    Mark,
    Paragraph,
    Placeholder,
    Section,
    Table,
    plain,
    walk,
)
from incas_cli.document.narrative import narrative, parse_blocks
from incas_cli.document.outline.premessa import region_name
from incas_cli.messages import contents as contents_msg
from incas_cli.messages import figures as fig_msg
from incas_cli.messages import render as msg
from incas_cli.models import Plan
from incas_cli.render import plan_document
from incas_cli.writers.text import write_text
from tests.helpers import minimal_plan
from tests.render_support import EXAMPLE_NAMES, example_plan, outline_headings, plan_from

NBSP = "\u00a0"
GOLDEN = Path(__file__).parent / "golden" / "outline"
UPDATE_GOLDEN = os.environ.get("INCAS_UPDATE_GOLDEN") == "1"


def outline(plan: Plan, **kwargs: object) -> Document:
    return plan_document(plan, load_catalog(), **kwargs)  # type: ignore[arg-type]


def table(document: Document, title: str) -> Table:
    return next(b for b in walk(document.blocks) if isinstance(b, Table) and b.title == title)


def titles(document: Document) -> set[str]:
    return {b.title for b in walk(document.blocks) if isinstance(b, Table)}


def money(text: str) -> Decimal:
    return Decimal(text.removesuffix(f"{NBSP}€").replace(".", "").replace(",", "."))


# --- budget ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_budget_tables_add_up_exactly(name: str) -> None:
    plan = example_plan(name)
    document = outline(plan)
    lines = sum(
        (b.amount for m in plan.measures for b in m.budget if b.amount is not None), Decimal(0)
    )
    if not any(m.budget for m in plan.measures):
        assert msg.TC_BUDGET_MEASURE not in titles(document)
        return
    for title in (msg.TC_BUDGET_MEASURE, msg.TC_BUDGET_SOURCE, msg.TC_BUDGET_AXIS):
        found = table(document, title)
        assert found.total is not None
        assert sum((money(plain(r[2])) for r in found.rows), Decimal(0)) == lines
        assert found.total[2] == fmt.money(lines)


def test_budget_by_source_uses_catalogue_labels_and_italian_money() -> None:
    by_source = table(outline(example_plan("saluzzo")), msg.TC_BUDGET_SOURCE)
    pnrr = load_catalog().funding_sources["pnrr-m5c2-i2.2"].label
    row = next(r for r in by_source.rows if r[0] == pnrr)
    assert row[2] == f"1.693.747,15{NBSP}€"


def test_budget_by_axis_follows_the_primary_action() -> None:
    data = minimal_plan()
    data["measures"][0]["actions"] = [9, 5]
    data["measures"][0]["budget"] = [{"amount": "100.10", "source": "fnpm"}]
    data["measures"].append(
        {"id": "M2", "title": "Navetta", "actions": [6], "budget": [{"amount": "0.05"}]}
    )
    by_axis = table(outline(plan_from(data)), msg.TC_BUDGET_AXIS)
    amounts = {r[0]: money(plain(r[2])) for r in by_axis.rows}
    national = load_catalog().default_plan
    axis9 = national.axis_of_action(9)
    axis6 = national.axis_of_action(6)
    assert axis9 is not None and axis6 is not None
    assert amounts[f"Asse {axis9.number} – {axis9.label}"] == Decimal("100.10")
    assert amounts[f"Asse {axis6.number} – {axis6.label}"] == Decimal("0.05")
    assert by_axis.total is not None and by_axis.total[2] == fmt.money(Decimal("100.15"))


# --- ordering, coverage, timeline -------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_needs_are_ranked_by_severity_times_urgency(name: str) -> None:
    plan = example_plan(name)
    if not plan.needs:
        return
    needs = table(outline(plan), msg.TC_NEEDS)
    priorities = [int(plain(r[5])) if plain(r[5]).isdigit() else 0 for r in needs.rows]
    assert priorities == sorted(priorities, reverse=True)
    assert [r[0] for r in needs.rows] == [str(n) for n in range(1, len(plan.needs) + 1)]


def test_coherence_marks_primary_and_secondary_actions() -> None:
    data = minimal_plan()  # M1 actions [5, 8, 9, 10]
    document = outline(plan_from(data))
    matrix = table(document, msg.TC_MATRIX)
    cells = matrix.rows[0][1:]
    assert len(cells) == 10 and all(c.fixed for c in matrix.columns[1:])
    assert isinstance(cells[4], Mark) and cells[4].text == msg.MARK_PRIMARY
    assert [plain(c) for c in (cells[7], cells[8], cells[9])] == [msg.MARK_SECONDARY] * 3
    assert cells[0] is None
    actions = table(document, msg.TC_ACTIONS)
    none = msg.COVERAGE_KINDS[None]
    uncovered = {int(plain(r[0]).split()[0][2:]) for r in actions.rows if r[4] == none}
    assert uncovered == {1, 2, 3, 4, 6, 7}
    assert "AP1 " in write_text(document)


def _coverage_plan(*measures: tuple[str, list[int], str | None]) -> Plan:
    """A plan whose measures have these ids, actions and amounts (None: no budget line)."""
    data = minimal_plan()
    base = data["measures"][0]
    data["measures"] = [
        base
        | {
            "id": mid,
            "actions": actions,
            "budget": [{"amount": amount, "source": "fnpm"}] if amount is not None else [],
        }
        for mid, actions, amount in measures
    ]
    return plan_from(data)


def _said(text: str) -> str:
    return text.replace(NBSP, " ")


def test_coverage_tells_primary_and_secondary_only_apart_with_their_budget() -> None:
    plan = _coverage_plan(
        ("M1", [5, 1, 7], "1000.00"), ("M2", [5, 7], "500.00"), ("M3", [9], "200.00")
    )
    document = outline(plan)
    coverage = (
        "Delle dieci azioni prioritarie del Piano triennale, due sono l'azione principale di "
        "almeno una misura. AP1 e AP7 compaiono solo come azioni secondarie delle misure M1 e "
        "M2, le cui risorse (1.500,00 €) sono attribuite alle rispettive azioni principali. "
        "AP2, AP3, AP4, AP6, AP8 e AP10 non sono coperte da alcuna misura."
    )
    text = _said(write_text(document))
    # the plan's introduction and the coherence chapter say it in the same words
    assert text.count(coverage) == 2
    assert "coprono" not in text and "delle dieci azioni" not in text
    actions = {
        plain(r[0]).split()[0]: [_said(plain(c)) for c in r[2:]]
        for r in table(document, msg.TC_ACTIONS).rows
    }
    assert actions["AP5"] == ["M1 e M2", "–", "Principale", "1.500,00 €"]
    assert actions["AP7"] == ["–", "M1 e M2", "Solo secondaria", "–"]
    assert actions["AP1"] == ["–", "M1", "Solo secondaria", "–"]
    assert actions["AP2"] == ["–", "–", "Nessuna", "–"]
    total = table(document, msg.TC_ACTIONS).total
    assert total is not None and _said(plain(total[-1])) == "1.700,00 €"
    axes = {plain(r[0]): [plain(c) for c in r[1:]] for r in table(document, msg.TC_AXES).rows}
    assert axes["Asse 1 – Prevenzione"] == ["7", "AP5", "AP1 e AP7", "AP2, AP3, AP4 e AP6", "2"]
    assert axes["Asse 3 – Protezione e assistenza"] == ["1", "AP9", "–", "–", "1"]
    assert (
        "Azioni prioritarie coperte solo come azione secondaria, senza risorse proprie: "
        "AP1 Sistema informativo per il mercato del lavoro agricolo; "
        "AP7 Campagna di comunicazione e sensibilizzazione."
    ) in text


def test_coverage_wording_for_one_measure_all_actions_and_no_budget() -> None:
    one = _said(write_text(outline(_coverage_plan(("M1", [5, 2], "70000.00")))))
    assert (
        "Delle dieci azioni prioritarie del Piano triennale, una sola è l'azione principale di "
        "almeno una misura. AP2 compare solo come azione secondaria della misura M1, le cui "
        "risorse (70.000,00 €) sono attribuite alla sua azione principale. AP1, AP3, AP4, AP6, "
        "AP7, AP8, AP9 e AP10 non sono coperte da alcuna misura."
    ) in one
    every = _coverage_plan(*((f"M{n}", [n], "10.00") for n in range(1, 11)))
    text = _said(write_text(outline(every)))
    assert (
        text.count(
            "Ognuna delle dieci azioni prioritarie del Piano triennale è l'azione principale di "
            "almeno una misura."
        )
        == 2
    )
    assert "10 delle 10" not in text and "solo come azion" not in text
    open_budget = _said(write_text(outline(_coverage_plan(("M1", [5, 2], None)))))
    assert "AP2 compare solo come azione secondaria della misura M1." in open_budget
    assert msg.T_RESOURCES not in [
        c.header
        for c in table(outline(_coverage_plan(("M1", [5, 2], None))), msg.TC_ACTIONS).columns
    ]


def test_strategy_lists_the_axis_measures_the_coherence_table_counts() -> None:
    plan = example_plan("saluzzo")
    document = outline(plan)
    text = _said(write_text(document))
    strategy = text.split("# 5. ")[1].split("\n# 6. ")[0]
    axes = {plain(r[0]): plain(r[-1]) for r in table(document, msg.TC_AXES).rows}
    parts = strategy.split("\n## ")[1:]
    # the chapter opens with the plan's own objectives, then the axes
    assert [p.splitlines()[0].split(" ", 1)[1] for p in parts[:2]] == [
        contents_msg.H_GENERAL_OBJECTIVE,
        contents_msg.H_SPECIFIC_OBJECTIVES,
    ]
    for part in parts[2:]:
        heading = part.splitlines()[0].split(" ", 1)[1]
        listed = sum(1 for line in part.splitlines() if line.startswith("- M"))
        assert axes[heading] == str(listed), heading
    assert (
        "Contribuiscono all'asse anche, con un'azione secondaria, le misure M2, M4 e M6 "
        "(collocate sugli assi delle rispettive azioni principali)."
    ) in strategy


def _gantts(plan: Plan) -> list[Table]:
    return [
        t
        for t in walk(outline(plan).blocks)
        if isinstance(t, Table) and t.title.startswith("Cronoprog")
    ]


def test_the_gantt_has_a_table_per_year_and_a_column_per_month() -> None:
    data = minimal_plan()
    data["plan"]["period"] = {"start": "2025-01", "end": "2025-12"}
    data["measures"][0].update(start="2025-03", end="2025-06")
    (gantt,) = _gantts(plan_from(data))
    assert [c.header for c in gantt.columns[1:]] == list(fmt.MONTH_ABBREVIATIONS)
    assert tuple(isinstance(c, Mark) for c in gantt.rows[0][1:]) == tuple(
        3 <= m <= 6 for m in range(1, 13)
    )
    assert not any(isinstance(b, Section) for b in outline(plan_from(data)).blocks)  # portrait

    data["plan"]["period"] = {"start": "2025-01", "end": "2027-12"}
    data["measures"][0].update(start="2025-11", end="2026-02")
    gantts = _gantts(plan_from(data))
    assert [g.title for g in gantts] == [
        f"Cronoprogramma delle misure, {y}" for y in (2025, 2026, 2027)
    ]
    marked = [[isinstance(c, Mark) for c in g.rows[0][1:]] for g in gantts]
    assert marked[0] == [m >= 11 for m in range(1, 13)]
    assert marked[1] == [m <= 2 for m in range(1, 13)]
    assert not any(marked[2])

    data["plan"]["period"] = {"start": "2025-01", "end": "2034-12"}
    (long_plan,) = _gantts(plan_from(data))
    assert [c.header for c in long_plan.columns[1:3]] == ["2025", "2026"]
    assert long_plan.title == msg.TC_GANTT


def test_crop_calendar_is_month_by_month_with_demand() -> None:
    plan = example_plan("saluzzo")
    document = outline(plan)
    crops = table(document, msg.TC_CROPS)
    assert crops.columns[1].header == "gen" and sum(c.fixed for c in crops.columns) == 12
    assert all(len(r) == 14 for r in crops.rows)
    august = table(document, msg.TC_DEMAND).rows[7]
    assert august[0] == "Agosto"
    assert plan.context is not None
    expected = sum(c.workers or 0 for c in plan.context.crops if 8 in c.peak_months)
    assert august[2] == fmt.integer(expected)


# --- drafts, editions, text ---------------------------------------------------------------


def test_open_fields_become_placeholders() -> None:
    document = outline(example_plan("bozza-iniziale"))
    assert document.draft
    card = table(document, msg.TC_MEASURE.format(id=example_plan("bozza-iniziale").measures[0].id))
    objective = card.rows[0][1]
    assert isinstance(objective, Placeholder)
    assert plain(objective) == "[da completare: obiettivo della misura]"
    assert document.running_header[0].startswith("BOZZA")


def test_public_outline_holds_no_contacts_internal_outline_does() -> None:
    plan = example_plan("saluzzo")
    emails = {s.contact.email for s in plan.stakeholders if s.contact and s.contact.email}
    assert emails
    public = outline(plan, edition="pubblica")
    assert not public.restricted and msg.TC_CONTACTS not in titles(public)
    assert not any(e in write_text(public) for e in emails)
    internal = outline(plan, edition="interna")
    assert internal.restricted == msg.INTERNAL_MARK
    contacts = table(internal, msg.TC_CONTACTS)
    assert {r[2] for r in contacts.rows} >= emails


QUADRANTS = (
    fig_msg.QUADRANT_MANAGE,
    fig_msg.QUADRANT_SATISFY,
    fig_msg.QUADRANT_INFORM,
    fig_msg.QUADRANT_MONITOR,
)
RATING_HEADERS = {msg.T_POWER, msg.T_INTEREST, msg.T_QUADRANT, msg.T_ENGAGEMENT}
COUNT_HEADERS = {msg.T_RANK, msg.T_MEETINGS}  # numbers that rate no one


def rating_leaks(document: Document, plan: Plan) -> list[str]:
    """Every place where the document rates a named organisation: a score, a quadrant's
    strategy or an engagement level in a row that names it, a rating column, the grid."""
    names = {s.name for s in plan.stakeholders}
    labels = {*QUADRANTS, *(level.label for level in load_catalog().engagement_levels.values())}
    scores = {str(n) for n in range(1, 6)}
    leaks: list[str] = []
    for block in walk(document.blocks):
        if isinstance(block, Figure) and (
            block.title == msg.FIG_GRID_TITLE or any(q in block.alt for q in QUADRANTS)
        ):
            leaks.append(f"figura: {block.title}")
        if not isinstance(block, Table):
            continue
        headers = [c.header for c in block.columns]
        leaks += [f"colonna: {h}" for h in headers if h in RATING_HEADERS]
        for row in block.rows:
            cells = [plain(c) for c in row]
            if not names.intersection(cells):
                continue
            for header, cell in zip(headers, cells, strict=True):
                if cell in labels or (cell in scores and header not in COUNT_HEADERS):
                    leaks.append(f"{block.title}: {cells[:2]} {header}={cell}")
    text = write_text(document)
    leaks += [f"testo: {q}" for q in QUADRANTS if q in text]
    return leaks


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_public_edition_rates_no_named_organisation_internal_edition_does(name: str) -> None:
    plan = example_plan(name)
    public = outline(plan, edition="pubblica")
    assert rating_leaks(public, plan) == []
    internal = outline(plan, edition="interna")
    assert rating_leaks(internal, plan)
    grid = table(internal, msg.TC_GRID)
    rated = [s for s in plan.stakeholders if s.power is not None and s.interest is not None]
    rows = {plain(r[1]): [plain(c) for c in r] for r in grid.rows}
    for s in rated:
        assert rows[s.name][2:4] == [str(s.power), str(s.interest)]
        assert rows[s.name][4] in QUADRANTS


def test_public_edition_shows_roles_and_commitments_and_says_ratings_are_internal() -> None:
    plan = example_plan("saluzzo")
    public = outline(plan, edition="pubblica")
    actors = table(public, msg.TC_STAKEHOLDERS)
    assert [c.header for c in actors.columns][-2:] == [msg.T_ROLE, msg.T_COMMITMENTS]
    committed = next(s for s in plan.stakeholders if s.commitments)
    row = next(r for r in actors.rows if r[1] == committed.name)
    assert row[-1] == committed.commitments
    text = write_text(public)
    assert "non sono pubblicati e si trovano nell'edizione interna" in text
    assert msg.H_NETWORK_GRID not in text
    internal_text = write_text(outline(plan, edition="interna"))
    assert "non sono pubblicati" not in internal_text
    assert f"## 4.3 {msg.H_NETWORK_GRID}" in internal_text


def test_internal_grid_table_lists_actors_rated_only_in_part() -> None:
    data = minimal_plan()
    data["stakeholders"] = [
        {"id": "comune", "name": "Comune di Prova", "type": "comune", "power": 5, "interest": 4},
        {"id": "caritas", "name": "Caritas", "type": "terzo-settore", "engagement": "informare"},
        {"id": "coop", "name": "Cooperativa", "type": "terzo-settore"},
    ]
    plan = plan_from(data)
    internal = outline(plan, edition="interna")
    rows = {plain(r[1]): [plain(c) for c in r] for r in table(internal, msg.TC_GRID).rows}
    assert set(rows) == {"Comune di Prova", "Caritas"}
    assert rows["Caritas"][2:] == [
        "[da completare: potere (1-5)]",
        "[da completare: interesse (1-5)]",
        "–",
        "Informare",
    ]
    assert rating_leaks(outline(plan, edition="pubblica"), plan) == []


def test_properties_come_from_the_plan_not_the_clock() -> None:
    plan = example_plan("saluzzo")
    props = outline(plan).properties
    assert plan.plan.adoption is not None and plan.plan.adoption.date is not None
    assert props.created is not None
    assert props.created.date() == plan.plan.adoption.date
    assert props.title == plan.plan.title
    assert plan.comune.name in props.subject and plan.comune.name in props.keywords
    assert "python-docx" not in props.author


def test_user_text_is_data_in_the_narrative_templates() -> None:
    region = "{{ 7 * 7 }} {% if true %}x{% endif %}\n- elenco"
    blocks = narrative(
        "quadro_normativo.md.j2", region=region, prefecture="dalla Prefettura", law=law_on(None)
    )
    paragraphs = [plain(b.content) for b in blocks if isinstance(b, Paragraph)]
    joined = " ".join(paragraphs)
    assert "{{ 7 * 7 }} {% if true %}x{% endif %} - elenco" in joined
    assert "49" not in joined
    assert not any(isinstance(b, ItemList) for b in blocks[-1:])
    assert all(not p.startswith("elenco") for p in paragraphs)


def test_a_placeholder_prints_in_the_narrative() -> None:
    region = region_name(Placeholder("regione"))
    blocks = narrative(
        "quadro_normativo.md.j2", region=region, prefecture="dalla Prefettura", law=law_on(None)
    )
    assert "Regione [da completare: regione] in materia" in plain(blocks[-1].content)  # type: ignore[union-attr]


def test_block_parser_reads_paragraphs_bullets_and_numbers() -> None:
    blocks = parse_blocks("Uno\ndue.\n\n- a\n- b\n  continua\n\n1. x\n2. y\n\nFine.")
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Uno due."),
        ("bullet", "a"),
        ("bullet", "b continua"),
        ("number", "x"),
        ("number", "y"),
        ("paragraph", "Fine."),
    ]
    assert blocks[3].group == blocks[4].group != blocks[1].group


# --- the whole outline, as text -----------------------------------------------------------


def test_saluzzo_outline_says_measures_budget_and_coverage() -> None:
    plan = example_plan("saluzzo")
    text = write_text(outline(plan))
    for m in plan.measures:
        assert f"Misura {m.id}: {m.title}" in text
    # The narrative prints every value on one line: the money's no-break space too.
    total = fmt.money(plan.total_budget).replace(NBSP, " ")
    assert f"Il budget complessivo del piano è di {total}." in text
    primary = {m.primary_action for m in plan.measures} & set(range(1, 11))
    count = fmt.in_words(len(primary))
    assert f"Delle dieci azioni prioritarie del Piano triennale, {count} sono" in text
    assert "delle dieci azioni" not in text.replace("Delle dieci azioni", "")
    mark = "Allegato A alla deliberazione della Giunta comunale n. 212 del 28 novembre 2023"
    assert text.startswith(f"{mark}\n\nComune di Saluzzo (CN)")


def test_text_writer_shows_tables_marks_and_figures_as_text() -> None:
    text = write_text(outline(example_plan("saluzzo")))
    calendar = text.split("| Coltura | gen | feb |")[1].split("\n\n")[0]
    assert f"| {msg.MARK_PEAK} |" in calendar and msg.ACTIVE_MARK not in calendar
    figure = next(b for b in walk(outline(example_plan("saluzzo")).blocks) if isinstance(b, Figure))
    assert f"[{figure.title}: {figure.alt}]" in text
    assert figure.data is not None and f"**{figure.data.title}**" in text
    assert "# Allegati" in text and "**Totale**" in text


def test_an_unknown_national_plan_is_an_input_error() -> None:
    from incas_cli.errors import InputError

    data = minimal_plan()
    data["plan"]["national_plan"] = "piano-inesistente"
    with pytest.raises(InputError):
        outline(plan_from(data))


def test_chapters_come_in_order() -> None:
    text = write_text(outline(example_plan("breve")))
    chapters = [line for line in text.splitlines() if line.startswith("# ")]
    assert chapters[0] == f"# 1. {msg.H_PREMESSA}" and chapters[-1] == f"# {msg.H_ANNEXES}"
    assert chapters.index(f"# 9. {msg.H_GANTT}") == chapters.index(f"# 8. {msg.H_COHERENCE}") + 1


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_outline_matches_the_golden_file(name: str) -> None:
    headings = outline_headings(outline(example_plan(name)))
    actual = "".join(f"{'  ' * (level - 1)}{text}\n" for level, text in headings)
    golden = GOLDEN / f"{name}.txt"
    if UPDATE_GOLDEN or not golden.exists():
        if not UPDATE_GOLDEN:
            pytest.fail(f"manca {golden}: rigeneralo con INCAS_UPDATE_GOLDEN=1")
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("status", "label"), [("bozza", "bozza"), ("in_consultazione", "in consultazione")]
)
def test_a_draft_says_its_status_in_plain_italian(status: str, label: str) -> None:
    data = minimal_plan()
    data["plan"]["status"] = status
    text = write_text(outline(plan_from(data)))
    assert f"Il documento non è ancora definitivo (stato: {label})" in text
    assert "in stato di" not in text
