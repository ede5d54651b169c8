"""Whatever validates, renders: extreme values are rendered or refused with a position."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from incas_cli import formats
from tests.conftest import Cli
from tests.helpers import minimal_plan, write_plan

POSITION = re.compile(r"piano\.yaml:\d+:\d+:")


def _plan_with(**changes: Any) -> dict[str, Any]:
    data = minimal_plan()
    for dotted, value in changes.items():
        node: Any = data
        *parents, last = dotted.split("__")
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[last] = value
    return data


def _render(cli: Cli, folder: Path) -> tuple[int, str]:
    result = cli("plan", "render", "piano.yaml", "--no-toc-update", cwd=folder)
    return result.exit_code, result.output


@pytest.mark.parametrize(
    "value", ["1e25", "12345678901234567890123456789", "10000000000000000000000000", "1e-30"]
)
def test_absurd_indicator_values_are_findings_with_a_position(
    cli: Cli, tmp_path: Path, value: str
) -> None:
    data = minimal_plan()
    data["measures"][0]["indicators"] = [
        {"name": "posti", "kind": "output", "target": value, "baseline": 0}
    ]
    write_plan(tmp_path / "piano.yaml", data)
    validated = cli("plan", "validate", "piano.yaml", cwd=tmp_path)
    assert validated.exit_code == 3
    assert POSITION.search(validated.output)
    assert "indicators[0].target" in validated.output


def test_large_but_plausible_figures_render_and_compare(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["measures"][0]["indicators"] = [
        {"name": "euro", "kind": "outcome", "target": "999999999999999.999999", "baseline": 0}
    ]
    data["context"] = {"workforce": {"seasonal": 10**25}}
    write_plan(tmp_path / "piano.yaml", data)
    write_plan(tmp_path / "vecchio.yaml", minimal_plan())
    code, output = _render(cli, tmp_path)
    assert code == 0, output
    compared = cli("plan", "diff", "vecchio.yaml", "piano.yaml", cwd=tmp_path)
    assert compared.exit_code == 0, compared.output
    assert "999.999.999.999.999,999999" in compared.output


def test_formats_keep_every_digit_of_huge_figures() -> None:
    assert formats.number(Decimal("12345678901234567890123456.5")) == (
        "12.345.678.901.234.567.890.123.456,5"
    )
    assert formats.money(Decimal("1E+25")) == "10.000.000.000.000.000.000.000.000,00\xa0€"
    assert formats.percent(Decimal("1E+25"), Decimal("4E+25")) == "25,0%"


@pytest.mark.parametrize(
    ("key", "value"),
    [("plan__period__start", "0000-01"), ("measures__0__end", "0000-12")],
)
def test_year_zero_is_a_finding(cli: Cli, tmp_path: Path, key: str, value: str) -> None:
    write_plan(tmp_path / "piano.yaml", _plan_with(**{key: value}))
    code, output = _render(cli, tmp_path)
    assert code == 3
    assert POSITION.search(output)
    assert "l'anno va dal 1900 al 2100" in output


def test_year_zero_review_month_is_a_finding(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["monitoring"] = {"reviews": ["0000-06"]}
    write_plan(tmp_path / "piano.yaml", data)
    code, output = _render(cli, tmp_path)
    assert code == 3
    assert "monitoring.reviews[0]" in output


def test_year_month_has_no_year_zero() -> None:
    from incas_cli.models import YearMonth

    with pytest.raises(ValueError, match="0000"):
        YearMonth("0000-05")


def test_long_title_version_office_and_authors_render_whole(cli: Cli, tmp_path: Path) -> None:
    comuni = ", ".join(f"Comune numero {i} della valle" for i in range(12))
    title = f"Piano Locale Multisettoriale del distretto di {comuni}"
    assert len(title) > 255
    data = minimal_plan()
    data["plan"].update(
        title=title, version="1" * 300, office="Ufficio " * 40, authors=["Autore " * 40] * 2
    )
    write_plan(tmp_path / "piano.yaml", data)
    code, output = _render(cli, tmp_path)
    assert code == 0, output
    with zipfile.ZipFile(tmp_path / "piano.docx") as package:
        core = package.read("docProps/core.xml").decode()
        body = package.read("word/document.xml").decode()
    shown = re.search(r"<dc:title>(.*?)</dc:title>", core)
    assert shown is not None
    assert len(shown.group(1)) == 255 and shown.group(1).endswith("…")
    assert "Comune numero 11 della valle" in body  # the text in the document stays whole


@pytest.mark.parametrize("where", ["value", "key"])
def test_lone_surrogate_is_refused_at_load_with_a_position(
    cli: Cli, tmp_path: Path, where: str
) -> None:
    body = write_plan(tmp_path / "piano.yaml", minimal_plan()).read_text(encoding="utf-8")
    if where == "value":
        body = body.replace("title: Piano di prova", 'title: "Piano \\uD800 di prova"')
    else:
        body += '"x-nota\\uDC00": 1\n'
    (tmp_path / "piano.yaml").write_text(body, encoding="utf-8")
    for command in (("plan", "validate"), ("plan", "status"), ("plan", "render")):
        result = cli(*command, "piano.yaml", cwd=tmp_path)
        assert result.exit_code == 1, result.output
        assert POSITION.search(result.output), result.output
        assert "\\uD800" in result.output


def test_the_same_object_twice_is_dumped_twice_without_aliases(tmp_path: Path) -> None:
    from incas_cli.io import dump_yaml, load_yaml, new_document_data

    data = minimal_plan()
    amount = Decimal("60000.00")
    row = {"amount": amount, "source": "fnpm"}
    data["measures"][0]["budget"] = [row, {"amount": amount, "source": "fnpm"}, row]
    text = dump_yaml(new_document_data(data))
    assert "&" not in text and "*" not in text
    path = tmp_path / "piano.yaml"
    path.write_text(text, encoding="utf-8")
    budget = load_yaml(path).plain()["measures"][0]["budget"]
    assert [b["amount"] for b in budget] == [amount] * 3


# --- smaller faults ----------------------------------------------------------------------


def test_a_full_disk_during_a_save_leaves_the_plan_intact_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from incas_cli.errors import InputError
    from incas_cli.io import atomic_write_text

    plan = write_plan(tmp_path / "piano.yaml", minimal_plan())
    before = plan.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(InputError) as info:
        atomic_write_text(plan, "schema_version: 1\n", force=True)
    assert "disco pieno" in info.value.message
    assert "intatto" in info.value.message
    assert plan.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["piano.yaml"]


def test_saving_through_a_symlink_writes_its_target(tmp_path: Path) -> None:
    from incas_cli.io import atomic_write_text

    (tmp_path / "piani").mkdir()
    target = write_plan(tmp_path / "piani" / "piano.yaml", minimal_plan())
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    atomic_write_text(link, "schema_version: 1\n", force=True)
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "schema_version: 1\n"


def test_an_unusable_or_full_temporary_folder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil
    import tempfile

    from incas_cli import scratch
    from incas_cli.errors import InputError

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "manca"))
    with pytest.raises(InputError) as info:
        scratch.temp_dir("lo")
    assert str(tmp_path / "manca") in info.value.message
    assert "TMPDIR" in (info.value.hint or "")

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage._replace(free=10 * 2**20))
    with pytest.raises(InputError) as info:
        scratch.temp_dir("lo", need=200 * 2**20)
    assert "meno di 200 MB liberi" in info.value.message
    assert list(tmp_path.iterdir()) == []  # the folder it made is gone again


def test_a_contact_written_as_text_is_never_repeated(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["stakeholders"][1]["contact"] = "Mario Rossi, 333 1234567, mario@example.it"
    write_plan(tmp_path / "piano.yaml", data)
    for args in (("plan", "validate", "piano.yaml"), ("plan", "validate", "piano.yaml", "--json")):
        result = cli(*args, cwd=tmp_path)
        assert result.exit_code == 3
        assert "stakeholders[1].contact" in result.output
        assert "Mario" not in result.output and "333" not in result.output


def test_a_file_named_dot_yaml_is_found_by_a_folder_scan(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "piani").mkdir()
    write_plan(tmp_path / "piani" / ".yaml", minimal_plan())
    result = cli("plan", "validate", "piani", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert ".yaml" in result.output


def test_an_impossible_day_is_a_finding_at_its_place(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["process"] = {"meetings": [{"date": "2023-02-28", "kind": "tavolo"}]}
    path = write_plan(tmp_path / "piano.yaml", data)
    text = path.read_text(encoding="utf-8").replace("2023-02-28", "2023-02-30")
    path.write_text(text, encoding="utf-8")
    result = cli("plan", "validate", "piano.yaml", cwd=tmp_path)
    assert result.exit_code == 3
    assert POSITION.search(result.output)
    assert "process.meetings[0].date" in result.output
    assert "2023-02-30 non esiste" in result.output


def test_diff_of_a_changed_list_section_names_it(cli: Cli, tmp_path: Path) -> None:
    # found by the fuzz harness: a relation repeated made plan diff crash
    relation = {"from": "comune", "to": "caritas", "kind": "tavolo", "label": "Tavolo"}
    old = minimal_plan()
    old["relations"] = [relation]
    new = minimal_plan()
    new["relations"] = [relation, dict(relation)]
    write_plan(tmp_path / "vecchio.yaml", old)
    write_plan(tmp_path / "nuovo.yaml", new)
    result = cli("plan", "diff", "vecchio.yaml", "nuovo.yaml", "--json", cwd=tmp_path)
    assert result.exit_code == 0, result.output
