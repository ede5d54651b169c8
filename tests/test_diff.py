"""`incas plan diff`: known changes between pairs of versions, JSON contract, Word annex."""

from __future__ import annotations

import io
import json
import os
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from incas_cli.catalog import load_catalog
from incas_cli.checks import check_document
from incas_cli.cli.diff import print_report
from incas_cli.diff import PlanDiff, changelog_entries, diff_plans, report
from incas_cli.io import load_yaml
from incas_cli.models import Plan
from tests.conftest import Cli
from tests.helpers import example_files, minimal_plan, write_plan
from tests.render_support import plan_from

DATA = Path(__file__).parent / "data" / "diff"
UPDATE = os.environ.get("INCAS_UPDATE_GOLDEN") == "1"
NBSP = "\u00a0"


def load(path: Path) -> Plan:
    result = check_document(load_yaml(path))
    assert result.plan is not None, result.findings
    return result.plan


def pair(name: str) -> PlanDiff:
    return diff_plans(
        load(DATA / f"{name}-v1.yaml"), load(DATA / f"{name}-v2.yaml"), catalog=load_catalog()
    )


def fields(diff_items: Any) -> dict[str, list[str]]:
    return {c.id: [f.field for f in c.changes] for c in diff_items}


# --- the comparison ------------------------------------------------------------------------


def test_saluzzo_pair_gives_exactly_the_known_changes() -> None:
    d = pair("saluzzo")
    assert [(c.field, c.old, c.new) for c in d.plan] == [("version", "1.0", "1.1")]
    assert [i.id for i in d.measures.added] == ["M16"]
    assert [i.id for i in d.measures.removed] == ["M11"]
    assert fields(d.measures.changed) == {
        "M2": ["start", "end", "budget", "budget_lines"],
        "M8": ["needs"],
    }
    m2 = {c.field: c for c in d.measures.changed[0].changes}
    assert (m2["start"].old, m2["start"].new) == ("2024-03", "2024-05")
    assert (m2["end"].old_text, m2["end"].new_text) == ("giugno 2026", "settembre 2026")
    assert (m2["budget"].old, m2["budget"].new) == (Decimal("300000.00"), Decimal("320000.00"))
    m8 = d.measures.changed[1].changes[0]
    assert (m8.old, m8.new) == (["N12"], [])
    assert [i.id for i in d.stakeholders.added] == ["inail-cn"]
    assert d.stakeholders.removed == () and d.stakeholders.changed == ()
    assert [i.id for i in d.needs.removed] == ["N12"]
    assert d.needs.added == () and d.needs.changed == ()
    assert d.sections == ()
    assert not d.is_empty


def test_saluzzo_pair_budget_by_source_and_axis() -> None:
    d = pair("saluzzo")
    total = d.budget.total
    assert (total.old, total.new, total.delta) == (
        Decimal("3359747.15"),
        Decimal("3374747.15"),
        Decimal("15000.00"),
    )
    by_source = {r.key: r.delta for r in d.budget.by_source if r.delta}
    assert by_source == {
        "pnrr-m5c2-i2.2": Decimal("20000.00"),
        "bilancio-comunale": Decimal("-30000.00"),
        "fami": Decimal("25000.00"),
    }
    by_axis = {r.key: r.delta for r in d.budget.by_axis if r.delta}
    # M2's primary action is 7 and M16's is 6 (prevention); M11 was on action 8.
    assert by_axis == {
        "prevenzione": Decimal("45000.00"),
        "vigilanza-contrasto": Decimal("-30000.00"),
    }
    for rows in (d.budget.by_source, d.budget.by_axis):
        assert sum((r.old for r in rows), Decimal(0)) == total.old
        assert sum((r.new for r in rows), Decimal(0)) == total.new


def test_saluzzo_pair_coverage_before_and_after() -> None:
    cov = pair("saluzzo").coverage
    assert (cov.old_count, cov.new_count, cov.total) == (10, 9, 10)
    assert [a.number for a in cov.lost] == [8]
    assert cov.gained == ()


def test_acate_pair_plan_stakeholders_needs_and_other_sections() -> None:
    d = pair("acate")
    assert [(c.field, c.old, c.new) for c in d.plan] == [
        ("status", "bozza", "in_consultazione"),
        ("version", "0.2", "0.3"),
    ]
    assert d.measures.is_empty
    assert fields(d.stakeholders.changed) == {
        "comune": ["contact"],
        "prefettura-rg": ["engagement"],
    }
    assert d.stakeholders.changed[1].changes[0].new_text == "Collaborare"
    assert fields(d.needs.changed) == {"N4": ["severity"]}
    assert (d.needs.changed[0].changes[0].old, d.needs.changed[0].changes[0].new) == (4, 5)
    assert d.sections == ("context", "measures_order")
    assert not d.budget.changed and not d.coverage.changed


def test_personal_data_never_appears_in_a_diff() -> None:
    d = pair("acate")
    contact = d.stakeholders.changed[0].changes[0]
    assert (contact.old, contact.new) == (None, None)
    texts = json.dumps(d.to_json()) + repr(report(d))
    for secret in ("servizi-sociali.acate", "nuovo-recapito.acate", "0932"):
        assert secret not in texts


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
def test_a_plan_compared_with_itself_is_empty(path: Path) -> None:
    plan = load(path)
    d = diff_plans(plan, plan, catalog=load_catalog())
    assert d.is_empty
    assert report(d) == ()
    assert d.coverage.old_count == d.coverage.new_count


def test_comments_and_layout_are_not_changes(tmp_path: Path) -> None:
    source = (DATA / "saluzzo-v1.yaml").read_text(encoding="utf-8")
    edited = "# un commento in più\n" + source.replace(
        "actions: [7, 9, 4]", "actions:\n      - 7\n      - 9\n      - 4"
    )
    assert edited != source
    (tmp_path / "a.yaml").write_text(edited, encoding="utf-8")
    assert diff_plans(
        load(DATA / "saluzzo-v1.yaml"), load(tmp_path / "a.yaml"), catalog=load_catalog()
    ).is_empty


def test_order_of_actions_counts_but_order_of_partners_does_not(tmp_path: Path) -> None:
    base = minimal_plan()
    swapped_partners = minimal_plan()
    swapped_partners["stakeholders"].append({"id": "asl", "name": "ASL", "type": "asl"})
    base["stakeholders"].append({"id": "asl", "name": "ASL", "type": "asl"})
    base["measures"][0]["partners"] = ["caritas", "asl"]
    swapped_partners["measures"][0]["partners"] = ["asl", "caritas"]
    a = load(write_plan(tmp_path / "a.yaml", base))
    b = load(write_plan(tmp_path / "b.yaml", swapped_partners))
    assert diff_plans(a, b, catalog=load_catalog()).is_empty
    swapped_partners["measures"][0]["actions"] = [8, 5, 9, 10]
    c = load(write_plan(tmp_path / "c.yaml", swapped_partners))
    d = diff_plans(a, c, catalog=load_catalog())
    assert fields(d.measures.changed) == {"M1": ["actions"]}
    # The primary action moved from 5 (prevention) to 8 (enforcement): so did the budget axis.
    assert d.measures.changed[0].changes[0].new_text == "AP8, AP5, AP9, AP10"


def test_changelog_entries_for_the_register_of_versions() -> None:
    old, new = load(DATA / "saluzzo-v1.yaml"), load(DATA / "saluzzo-v2.yaml")
    entries = changelog_entries(old, new, diff_plans(old, new, catalog=load_catalog()))
    assert [e.version for e in entries] == ["1.0", "1.1"]
    assert entries[0].date is not None and entries[0].date.isoformat() == "2023-11-28"
    lines = entries[1].summary
    assert "Aggiunta la misura M16 «Bici e navette serali per i turni di raccolta»." in lines
    assert "Eliminata la misura M11 «Vigilanza coordinata su lavoro, alloggi e trasporti»." in lines
    assert any(
        line.startswith("Modificata la misura M2 ") and "budget totale" in line for line in lines
    )
    assert (
        f"Budget complessivo da 3.359.747,15{NBSP}€ a 3.374.747,15{NBSP}€ (+15.000,00{NBSP}€)."
        in lines
    )
    assert (
        "Azioni nazionali coperte, come azione principale o secondaria, da 10 a 9 su 10." in lines
    )
    assert "Bisogni eliminati: N12." in lines


def test_the_public_register_names_no_rerated_organisation() -> None:
    """A rating changed with another field: the organisation is named for the other field,
    and the ratings are one sentence that names nobody; the internal register names both."""
    from incas_cli.diff import register_summary
    from incas_cli.messages import diff as diff_msg

    old_data, new_data = minimal_plan(), minimal_plan()
    old_data["stakeholders"][1] |= {"power": 2, "engagement": "informare"}
    new_data["stakeholders"][1] |= {"power": 4, "engagement": "collaborare"}
    new_data["stakeholders"][0]["role"] = "Promotore del piano"
    old, new = plan_from(old_data), plan_from(new_data)
    diff = diff_plans(old, new, catalog=load_catalog())
    public = register_summary(diff, "pubblica")
    internal = register_summary(diff, "interna")
    first, second = (s.name for s in new.stakeholders[:2])
    assert public[-1] == diff_msg.CHANGELOG_RATINGS
    assert first in " ".join(public) and second not in " ".join(public)
    assert second in " ".join(internal) and diff_msg.CHANGELOG_RATINGS not in internal
    assert register_summary(diff_plans(old, old, catalog=load_catalog()), "pubblica") == [
        diff_msg.CHANGELOG_NO_CHANGES
    ]


# --- the command ---------------------------------------------------------------------------


def test_same_file_says_nessuna_modifica_and_exits_0(cli: Cli) -> None:
    result = cli("plan", "diff", str(DATA / "saluzzo-v1.yaml"), str(DATA / "saluzzo-v1.yaml"))
    code, out = result.exit_code, result.stdout
    assert code == 0
    assert "nessuna modifica" in out


def test_changes_are_shown_as_tables_in_80_columns() -> None:
    d = pair("saluzzo")
    buffer = io.StringIO()
    console = Console(file=buffer, width=80, no_color=True, highlight=False)
    print_report(console, "v1.yaml", "v2.yaml", report(d))
    text = buffer.getvalue()
    assert max(len(line) for line in text.splitlines()) <= 80
    for expected in (
        "MISURE",
        "Misure aggiunte",
        "M16",
        "Misure eliminate",
        "M11",
        "M2 Infopoint per lavoratori stagionali: modifiche",
        "maggio 2024",
        f"+15.000,00{NBSP}€",
        f"−30.000,00{NBSP}€",
        "Non più coperte: AP8 Rafforzamento della vigilanza e del contrasto.",
        "inail-cn",
        "N12",
    ):
        assert expected in text, expected


def test_cli_shows_the_changes_and_exits_0(cli: Cli) -> None:
    result = cli("plan", "diff", "saluzzo-v1.yaml", "saluzzo-v2.yaml", cwd=DATA)
    code, out, err = result.exit_code, result.stdout, result.stderr
    assert code == 0, err
    assert "Confronto tra saluzzo-v1.yaml (prima) e saluzzo-v2.yaml (dopo)" in out
    assert "Bici e navette serali per i turni di raccolta" in out
    assert "nessuna modifica" not in out


def test_two_comuni_are_compared_with_a_warning_naming_plan_compare(
    cli: Cli, tmp_path: Path
) -> None:
    """Two plans of different Comuni (a wrong file picked): still compared, but stderr says
    that plan diff is for two versions of one plan, and names plan compare."""
    other = minimal_plan()
    other["comune"] = {"name": "Sabaudia", "istat_code": "059024"}
    write_plan(tmp_path / "sabaudia.yaml", other)
    result = cli("plan", "diff", str(DATA / "saluzzo-v1.yaml"), str(tmp_path / "sabaudia.yaml"))
    assert result.exit_code == 0, result.output
    assert "è il piano di Saluzzo" in result.stderr
    assert "quello di Sabaudia" in result.stderr
    assert "incas plan compare" in result.stderr
    same = cli("plan", "diff", "saluzzo-v1.yaml", "saluzzo-v2.yaml", cwd=DATA)
    assert "avviso" not in same.stderr


def _shape(value: Any) -> Any:
    """The JSON's shape: key names and value types, with lists reduced to their first item."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return type(value).__name__


def test_json_output_is_pinned(cli: Cli) -> None:
    result = cli("plan", "diff", "saluzzo-v1.yaml", "saluzzo-v2.yaml", "--json", cwd=DATA)
    code, out, err = result.exit_code, result.stdout, result.stderr
    assert code == 0, err
    data = json.loads(out)
    golden = DATA / "saluzzo-v1-v2.json"
    if UPDATE:
        golden.write_text(out, encoding="utf-8")
    assert data == json.loads(golden.read_text(encoding="utf-8"))
    change = {"field": "str", "old": "str", "new": "str"}
    amount = {"key": "str", "label": "str", "old": "str", "new": "str", "delta": "str"}
    assert _shape(data) == {
        "version": "int",
        "kind": "str",
        "old": "str",
        "new": "str",
        "format": "int",
        "empty": "bool",
        "plan": [change],
        "measures": {
            "added": [{"id": "str", "label": "str", "budget": "str", "actions": ["int"]}],
            "removed": [{"id": "str", "label": "str", "budget": "str", "actions": ["int"]}],
            "changed": [{"id": "str", "label": "str", "changes": [change]}],
        },
        "stakeholders": {"added": [{"id": "str", "label": "str"}], "removed": [], "changed": []},
        "needs": {"added": [], "removed": [{"id": "str", "label": "str"}], "changed": []},
        "budget": {"total": amount, "by_source": [amount], "by_axis": [amount]},
        "coverage": {
            "total": "int",
            "old": ["int"],
            "new": ["int"],
            "gained": [],
            "lost": [{"number": "int", "label": "str"}],
        },
        "sections": [],
    }
    assert data["budget"]["total"] == {
        "key": "total",
        "label": "Totale",
        "old": "3359747.15",
        "new": "3374747.15",
        "delta": "15000.00",
    }


def test_json_of_identical_files_is_empty(cli: Cli) -> None:
    result = cli("plan", "diff", str(DATA / "acate-v1.yaml"), str(DATA / "acate-v1.yaml"), "--json")
    code, out = result.exit_code, result.stdout
    assert code == 0
    data = json.loads(out)
    assert data["empty"] is True
    assert data["plan"] == [] and data["sections"] == []


def test_unreadable_file_exits_1(cli: Cli, tmp_path: Path) -> None:
    result = cli("plan", "diff", str(tmp_path / "manca.yaml"), str(DATA / "acate-v1.yaml"))
    code, out, err = result.exit_code, result.stdout, result.stderr
    assert code == 1
    assert "manca.yaml" in out + err
    assert "Traceback" not in out + err


def test_structurally_invalid_file_shows_findings_and_exits_3(cli: Cli, tmp_path: Path) -> None:
    broken = minimal_plan()
    broken["measures"][0]["actions"] = "cinque"
    path = write_plan(tmp_path / "rotto.yaml", broken)
    result = cli("plan", "diff", str(DATA / "acate-v1.yaml"), str(path))
    code, out = result.exit_code, result.stdout
    assert code == 3
    assert "rotto.yaml:" in out and "measures[0].actions" in out
    result = cli("plan", "diff", str(DATA / "acate-v1.yaml"), str(path), "--json")
    code, out = result.exit_code, result.stdout
    assert code == 3
    assert json.loads(out)["files"][0]["status"] == "invalid"


# --- the Word annex ------------------------------------------------------------------------


def _docx_text(path: Path) -> tuple[Any, str]:
    from docx import Document

    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return document, "\n".join(parts)


def test_docx_annex_contains_the_changed_measures(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "confronto.docx"
    result = cli("plan", "diff", "saluzzo-v1.yaml", "saluzzo-v2.yaml", "--docx", str(out), cwd=DATA)
    code, err = result.exit_code, result.stderr
    assert code == 0, err
    assert "Allegato Word scritto in" in err
    document, text = _docx_text(out)
    for title in (
        "Infopoint per lavoratori stagionali",  # changed
        "Bici e navette serali per i turni di raccolta",  # added
        "Vigilanza coordinata su lavoro, alloggi e trasporti",  # removed
    ):
        assert title in text
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    headings = [p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Heading 1" and set(headings) <= {"Heading 1", "Heading 2"}
    props = document.core_properties
    assert props.title.startswith("Confronto tra versioni: Piano Locale Multisettoriale")
    assert props.author and "python-docx" not in (props.author + props.comments)
    header_row = document.tables[0].rows[0]._tr
    assert header_row.xpath("./w:trPr/w:tblHeader")


def test_docx_annex_is_deterministic_and_not_overwritten(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "confronto.docx"
    args = (str(DATA / "acate-v1.yaml"), str(DATA / "acate-v2.yaml"), "--docx", str(out))
    assert cli("plan", "diff", *args).exit_code == 0
    first = out.read_bytes()
    result = cli("plan", "diff", *args)
    code, err = result.exit_code, result.stderr
    assert code == 2
    assert "--force" in err
    assert out.read_bytes() == first
    assert cli("plan", "diff", *args, "--force").exit_code == 0
    assert out.read_bytes() == first
    _, text = _docx_text(out)
    assert "nuovo-recapito" not in text and "servizi-sociali.acate" not in text
    assert "Profilo del territorio" in text


def test_docx_annex_to_dash_is_refused_not_written_as_a_file_named_dash(
    cli: Cli, tmp_path: Path
) -> None:
    """``-`` is the standard output, where the comparison already goes: not «-.docx»."""
    args = (str(DATA / "acate-v1.yaml"), str(DATA / "acate-v2.yaml"), "--docx", "-")
    result = cli("plan", "diff", *args, cwd=tmp_path)
    assert result.exit_code == 2, result.output
    assert "standard output" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_docx_annex_of_identical_files(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "uguali.docx"
    plan = tmp_path / "piano.yaml"
    shutil.copy(DATA / "acate-v1.yaml", plan)
    assert cli("plan", "diff", str(plan), str(plan), "--docx", str(out)).exit_code == 0
    assert "Nessuna modifica" in _docx_text(out)[1]


def test_a_plan_with_one_blocking_problem_is_compared_and_said_in_the_singular(
    cli: Cli, tmp_path: Path
) -> None:
    old = write_plan(tmp_path / "v1.yaml", minimal_plan())
    broken = minimal_plan()
    broken["measures"][0]["lead"] = "nessuno"  # an actor that does not exist
    new = write_plan(tmp_path / "v2.yaml", broken)
    result = cli("plan", "diff", str(old), str(new))
    assert result.exit_code == 0, result.output
    assert "v2.yaml: il piano ha 1 problema bloccante; il confronto resta possibile" in (
        result.stderr
    )
