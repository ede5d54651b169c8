"""Benchmark of ``render_docx`` against a floor measured in the same run.

Run from the repository root: ``python benchmarks/bench_render.py [--repeat N]``.

For the largest example and for generated plans with 10, 50 and 100 measures it prints the
render time, the time of the two figures inside it (the network chapter of the outline,
which draws them), and the *floor*: raw python-docx writing
the same number of paragraphs, tables and table cells (same shapes, no styles looked up, no
incas) and saving. The ratio render/floor is the price of everything incas adds (outline,
Italian formats, styles, accessibility markup, deterministic package); the aim is within
1.5x for 100 measures (figures excluded, since the floor draws none). Growth is checked to be
linear in the number of measures: rendering 400 measures must take at most 4.4x the time of
100 (4x the measures, 10% of slack).

Times are CPU seconds of this process (``time.process_time``), the median of ``--repeat``
runs: on a machine shared with other work they move less than wall-clock seconds, and the
render is single-threaded, so on a quiet machine the two agree.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docx import Document as new_document  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

from incas_cli.catalog import load_catalog  # noqa: E402
from incas_cli.checks import check_data  # noqa: E402
from incas_cli.document.outline.common import Context  # noqa: E402
from incas_cli.document.outline.rete import rete  # noqa: E402
from incas_cli.io import load_yaml  # noqa: E402
from incas_cli.models import Plan  # noqa: E402
from incas_cli.render import render_docx  # noqa: E402

SIZES = (10, 100, 400)
GOAL_RATIO = 1.5
GOAL_AT = 100
"""The ratio to the floor is the goal for this many measures (smaller plans are shown)."""
GROWTH = (100, 400)
GROWTH_GOAL = 4.4


@dataclass(frozen=True)
class Shape:
    """What a document holds: body paragraphs and the (rows, columns) of each table."""

    paragraphs: int
    tables: tuple[tuple[int, int], ...]

    @property
    def cells(self) -> int:
        return sum(r * c for r, c in self.tables)


def shape_of(docx: bytes) -> Shape:
    document = new_document(io.BytesIO(docx))
    body = document.element.body
    paragraphs = len(body.findall(qn("w:p")))
    tables = []
    for tbl in body.findall(qn("w:tbl")):
        rows = tbl.findall(qn("w:tr"))
        tables.append((len(rows), len(rows[0].findall(qn("w:tc"))) if rows else 0))
    return Shape(paragraphs, tuple(tables))


def floor(shape: Shape) -> bytes:
    """Raw python-docx: the same paragraphs and table cells, one short text each."""
    document = new_document()
    for index in range(shape.paragraphs):
        document.add_paragraph(f"Paragrafo {index} con un testo di lunghezza media.")
    for rows, cols in shape.tables:
        table = document.add_table(rows=rows, cols=cols)
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                cell.text = f"{r}.{c}"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def generated_plan(measures: int) -> Plan:
    """A plausible plan with ``measures`` measures (2 budget lines, 2 indicators, a risk)."""
    plan, findings = check_data(generated_data(measures))
    if plan is None:
        raise SystemExit(f"generated plan is not valid: {[f.message for f in findings]}")
    return plan


def generated_data(measures: int) -> dict[str, Any]:
    """The plan file data of :func:`generated_plan`."""
    stakeholders: list[dict[str, Any]] = [
        {"id": "comune", "name": "Comune di Saluzzo", "type": "comune", "power": 5, "interest": 5}
    ]
    for i in range(1, 25):
        stakeholders.append(
            {
                "id": f"attore-{i}",
                "name": f"Organizzazione partner numero {i}",
                "type": "terzo-settore",
                "level": "locale",
                "role": "Servizi di accoglienza e orientamento per i lavoratori stagionali.",
                "power": 1 + i % 5,
                "interest": 1 + (i * 3) % 5,
                "engagement": "collaborare",
            }
        )
    needs = [
        {
            "id": f"N{i}",
            "area": "alloggio",
            "description": "Mancano posti letto dignitosi nei mesi di picco della raccolta.",
            "target_group": "lavoratori stagionali",
            "people": 100 + i,
            "severity": 1 + i % 5,
            "urgency": 1 + (i * 2) % 5,
        }
        for i in range(1, max(2, measures // 2) + 1)
    ]
    plan_measures = [
        {
            "id": f"M{i}",
            "title": f"Misura di prova numero {i} per l'accoglienza e il lavoro",
            "description": "Descrizione della misura con le attività previste e i servizi.",
            "objective": "Ridurre il numero di lavoratori senza alloggio dignitoso.",
            "actions": [1 + i % 10, 1 + (i + 3) % 10],
            "needs": [f"N{1 + i % len(needs)}"],
            "lead": "comune",
            "partners": [f"attore-{1 + i % 24}", f"attore-{1 + (i + 7) % 24}"],
            "start": f"2024-{1 + i % 12:02d}",
            "end": "2026-12",
            "budget": [
                {"amount": Decimal(10000 + i) + Decimal("0.15"), "source": "fnpm", "note": "x"},
                {"amount": Decimal(5000 + i), "source": "bilancio-comunale"},
            ],
            "indicators": [
                {"name": "persone raggiunte", "kind": "output", "unit": "persone", "target": 100},
                {
                    "name": "contratti regolari",
                    "kind": "outcome",
                    "unit": "contratti",
                    "target": 20,
                },
            ],
            "risks": [{"risk": "Ritardi", "mitigation": "Cronoprogramma mensile"}],
        }
        for i in range(1, measures + 1)
    ]
    data = {
        "schema_version": 1,
        "plan": {
            "national_plan": "piano-triennale-2020-2022",
            "title": f"Piano di prova con {measures} misure",
            "period": {"start": "2024-01", "end": "2026-12"},
            "status": "adottato",
            "version": "1.0",
            "adoption": {"organ": "giunta", "number": "1", "date": "2023-12-01"},
            "office": "Ufficio di piano",
        },
        "comune": {"name": "Saluzzo", "istat_code": "004203", "province": "CN"},
        "stakeholders": stakeholders,
        "relations": [
            {"from": "comune", "to": f"attore-{i}", "kind": "accordo", "label": "Accordo"}
            for i in range(1, 13)
        ],
        "needs": needs,
        "measures": plan_measures,
        "monitoring": {"reviews": ["2025-06", "2026-06"], "reporting": "Relazione annuale."},
    }
    return data


def largest_example() -> tuple[str, Plan]:
    best: tuple[int, str, Plan] | None = None
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        plan, _ = check_data(load_yaml(path).plain())
        if plan is not None and (best is None or len(plan.measures) > best[0]):
            best = (len(plan.measures), path.name, plan)
    if best is None:
        raise SystemExit("no example plan found in examples/")
    return best[1], best[2]


def timed(func: Callable[[], object], repeat: int) -> float:
    """Median CPU time of ``repeat`` calls, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        func()
        times.append(time.process_time() - start)
    return statistics.median(times)


@dataclass(frozen=True)
class Row:
    name: str
    measures: int
    shape: Shape
    render: float
    figures: float
    floor: float

    @property
    def ratio(self) -> float:
        return (self.render - self.figures) / self.floor


def measure(name: str, plan: Plan, repeat: int) -> Row:
    catalog = load_catalog()
    render_docx(plan, catalog=catalog)  # warm up: templates, styles, fonts
    output = render_docx(plan, catalog=catalog)
    shape = shape_of(output)
    national = catalog.national_plan(plan.plan.national_plan)
    assert national is not None
    context = Context(plan, catalog, national, edition="pubblica", changelog=())

    def figures() -> None:
        rete(context)

    return Row(
        name=name,
        measures=len(plan.measures),
        shape=shape,
        render=timed(lambda: render_docx(plan, catalog=catalog), repeat),
        figures=timed(figures, repeat),
        floor=timed(lambda: floor(shape), repeat),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (median)")
    args = parser.parse_args(argv)

    name, example = largest_example()
    rows = [measure(name, example, args.repeat)]
    rows += [measure(f"generato-{n}", generated_plan(n), args.repeat) for n in SIZES]

    header = (
        f"{'piano':<18}{'misure':>7}{'paragr.':>9}{'tabelle':>9}{'celle':>8}"
        f"{'render s':>10}{'figure s':>10}{'floor s':>9}{'rapporto':>10}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        print(
            f"{r.name:<18}{r.measures:>7}{r.shape.paragraphs:>9}{len(r.shape.tables):>9}"
            f"{r.shape.cells:>8}{r.render:>10.3f}{r.figures:>10.3f}{r.floor:>9.3f}"
            f"{r.ratio:>9.2f}x"
        )
    print("(rapporto = (render - figure) / floor)")

    generated = {r.measures: r for r in rows[1:]}
    small, big = (generated[n] for n in GROWTH)
    growth = big.render / small.render
    linear = growth <= GROWTH_GOAL
    print(
        f"crescita {GROWTH[0]}→{GROWTH[1]} misure: {growth:.2f}x il tempo per "
        f"{GROWTH[1] / GROWTH[0]:.0f}x le misure "
        f"({'entro' if linear else 'oltre'} l'obiettivo di {GROWTH_GOAL}x)"
    )
    ratio = generated[GOAL_AT].ratio
    within = ratio <= GOAL_RATIO
    print(
        f"rapporto sul floor con {GOAL_AT} misure: {ratio:.2f}x "
        f"({'entro' if within else 'oltre'} l'obiettivo di {GOAL_RATIO}x)"
    )
    return 0 if linear and within else 1


if __name__ == "__main__":
    raise SystemExit(main())
