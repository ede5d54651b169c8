"""Benchmark of ``monitor report`` against ``plan render`` of the same plan, in one run.

Run from the repository root: ``python benchmarks/bench_monitor.py [--repeat N]``.

The plan is the generated 100-measure plan of ``bench_render.py`` (two budget lines and two
indicators per measure); three reports (2024, 2025, 2026) give every measure a state and
spending on both sources and every indicator a value, so the *Relazione di monitoraggio*
has a chart per indicator (200) and the full series in its tables. Both documents are made
through the same pipeline as docx without the LibreOffice index pass (``--no-toc-update``),
from models already checked: the time is outline + figures + writer. The two alternate,
median of ``--repeat`` runs; the aim is ``monitor report`` within 2x of ``plan render``.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_render import generated_plan, timed  # noqa: E402

from incas_cli.catalog import load_catalog  # noqa: E402
from incas_cli.models import Plan  # noqa: E402
from incas_cli.monitor.facts import monitor_facts  # noqa: E402
from incas_cli.monitor.model import MonitoringReport, parse_report  # noqa: E402
from incas_cli.monitor.outline import report_document  # noqa: E402
from incas_cli.monitor.rules import check_against_plan  # noqa: E402
from incas_cli.pipeline import Target, produce, produce_document  # noqa: E402

MEASURES = 100
GOAL_RATIO = 2.0
YEARS = (2024, 2025, 2026)
CENT = Decimal("0.01")


def report_for(plan: Plan, year: int, step: int) -> MonitoringReport:
    measures: list[dict[str, Any]] = []
    indicators: list[dict[str, Any]] = []
    for m in plan.measures:
        measures.append(
            {
                "id": m.id,
                "status": "completata" if year == 2026 else "in-corso",
                "progress": 30 * step + 10,
                "started": m.start,
                "ended": f"{year}-12" if year == 2026 else None,
                "spending": [
                    {
                        "source": line.source,
                        "committed": ((line.amount or Decimal(0)) / 4).quantize(CENT),
                        "paid": ((line.amount or Decimal(0)) / 5).quantize(CENT),
                    }
                    for line in m.budget
                ],
                "issues": "Ritardo nella consegna dei materiali." if step == 1 else None,
                "corrective": "Nuovo fornitore individuato." if step == 1 else None,
            }
        )
        indicators += [
            {
                "measure": m.id,
                "indicator": i.name,
                "value": 10 * (step + 1),
                "date": f"{year}-11",
                "source": "Registro",
            }
            for i in m.indicators
        ]
    data = {
        "schema_version": 1,
        "report": {
            "plan": {"file": "piano.yaml", "version": plan.plan.version},
            "period": {"start": f"{year}-01", "end": f"{year}-12"},
            "date": f"{year + 1}-02-01",
            "status": "approvato",
        },
        "measures": measures,
        "indicators": indicators,
        "meetings": [
            {
                "date": f"{year}-0{month}-10",
                "kind": "tavolo",
                "table": "Tavolo permanente",
                "participants": ["comune", "attore-1"],
                "summary": "Verifica dello stato del piano.",
            }
            for month in (3, 6, 9)
        ],
    }
    report = parse_report(data)
    errors = [f for f in check_against_plan(report, plan) if f.blocking]
    if errors:
        raise SystemExit(f"generated report is not valid: {[f.message for f in errors]}")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    plan = generated_plan(MEASURES)
    reports = [report_for(plan, year, step) for step, year in enumerate(YEARS)]
    catalog = load_catalog()
    target = Target(toc_update=False)

    def monitor() -> bytes:
        facts = monitor_facts(plan, reports, catalog)
        return produce_document(report_document(facts, catalog), target).data

    def render() -> bytes:
        return produce(plan, target).data

    monitor(), render()  # warm up: imports, fonts, catalogue
    times = {"monitor": [], "render": []}  # type: dict[str, list[float]]
    for _ in range(args.repeat):
        times["monitor"].append(timed(monitor, 1))
        times["render"].append(timed(render, 1))
    monitor_s = sorted(times["monitor"])[len(times["monitor"]) // 2]
    render_s = sorted(times["render"])[len(times["render"]) // 2]
    ratio = monitor_s / render_s
    size = len(monitor()) / 1e6
    print(f"{'what':<46} {'seconds':>8}")
    print(f"{'plan render (100 measures)':<46} {render_s:>8.3f}")
    print(f"{'monitor report (100 measures, 3 reports)':<46} {monitor_s:>8.3f}")
    print(f"ratio {ratio:.2f}x (goal {GOAL_RATIO:.0f}x); report docx {size:.1f} MB")
    if ratio > GOAL_RATIO:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
