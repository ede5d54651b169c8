"""`incas plan render --previous OLD.yaml`: the "Registro delle versioni" annex."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from tests.conftest import Cli
from tests.helpers import EXAMPLES

DIFF = Path(__file__).parent / "data" / "diff"


def _revision(tmp_path: Path) -> Path:
    """Version 2 as a revision under way (``in_consultazione``): as ``adottato`` it would be
    refused, since it leaves a need unaddressed and a measure without needs, and an adopted
    plan is checked as final."""
    text = (DIFF / "saluzzo-v2.yaml").read_text(encoding="utf-8")
    assert "\n  status: adottato\n" in text
    path = tmp_path / "saluzzo-v2.yaml"
    path.write_text(text.replace("\n  status: adottato\n", "\n  status: in_consultazione\n"))
    return path


def _all_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def test_previous_version_adds_the_change_register(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "piano.docx"
    result = cli(
        "plan",
        "render",
        str(_revision(tmp_path)),
        "-o",
        str(out),
        "--no-toc-update",
        "--previous",
        str(DIFF / "saluzzo-v1.yaml"),
    )
    assert result.exit_code == 0, result.output
    text = _all_text(out)
    assert "Registro delle versioni" in text
    assert "Aggiunta la misura M16" in text
    assert "Eliminata la misura M11" in text
    register = next(t for t in Document(str(out)).tables if "Versione" in t.rows[0].cells[0].text)
    dates = [row.cells[1].text for row in register.rows[1:]]
    # the adopted version has its resolution's date; the revision under way has none (its
    # document date would be the period's start, not the day it was written)
    assert dates[0] not in ("", "–") and dates[1] == "–"


def test_without_previous_there_is_no_change_register(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "piano.docx"
    args = ["plan", "render", str(_revision(tmp_path)), "-o", str(out), "--no-toc-update"]
    assert cli(*args).exit_code == 0
    assert "Registro delle versioni" not in _all_text(out)


def test_a_broken_previous_version_is_reported(cli: Cli, tmp_path: Path) -> None:
    broken = tmp_path / "vecchio.yaml"
    broken.write_text("schema_version: 1\nplan: {}\n", encoding="utf-8")
    out = tmp_path / "piano.docx"
    result = cli(
        "plan",
        "render",
        str(_revision(tmp_path)),
        "-o",
        str(out),
        "--previous",
        str(broken),
    )
    assert result.exit_code == 3
    assert "non ha la struttura di un piano" in result.output
    assert not out.exists()


def test_a_previous_version_of_another_comune_is_told(cli: Cli, tmp_path: Path) -> None:
    """``--previous`` names the other file of ``plan diff``: a plan of another Comune gets
    the same warning, since the register would call it this plan's previous version."""
    out = tmp_path / "piano.docx"
    args = ["plan", "render", str(_revision(tmp_path)), "-o", str(out), "--no-toc-update"]
    result = cli(*args, "--previous", str(EXAMPLES / "breve.yaml"))
    assert result.exit_code == 0, result.output
    assert "avviso:" in result.stderr and "Lagnasco" in result.stderr, result.stderr
    assert "Saluzzo" in result.stderr and "--previous" in result.stderr
    same = cli(*args, "--force", "--previous", str(DIFF / "saluzzo-v1.yaml"))
    assert same.exit_code == 0 and "Lagnasco" not in same.stderr
    assert "quello di" not in same.stderr


def _register(path: Path) -> list[str]:
    """The "Registro delle versioni" table's rows, as text (version, date, changes)."""
    document = Document(str(path))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Versione")
    return [" | ".join(c.text for c in row.cells) for row in table.rows[1:]]


def test_a_version_that_only_rerates_an_organisation_says_so_without_naming_it(
    cli: Cli, tmp_path: Path
) -> None:
    from incas_cli.messages import diff as diff_msg

    text = (EXAMPLES / "saluzzo.yaml").read_text(encoding="utf-8")
    rated = "name: FLAI-CGIL Cuneo\n    type: sindacato\n    level: provinciale\n"
    rating = "    power: 3\n    interest: 5\n    engagement: collaborare\n"
    assert text.count(rating) >= 1 and rated in text
    start = text.index(rated)
    at = text.index(rating, start)
    old = tmp_path / "v1.yaml"
    old.write_text(text, encoding="utf-8")
    new = tmp_path / "v2.yaml"
    rerated = "    power: 1\n    interest: 2\n    engagement: informare\n"
    new.write_text(text[:at] + rerated + text[at + len(rating) :], encoding="utf-8")
    rows = {}
    for edition in ("pubblica", "interna"):
        out = tmp_path / f"{edition}.docx"
        args = ["plan", "render", str(new), "-o", str(out), "--no-toc-update"]
        result = cli(*args, "--previous", str(old), "--edition", edition)
        assert result.exit_code == 0, result.output
        rows[edition] = _register(out)[-1]
    public, internal = rows["pubblica"], rows["interna"]
    assert diff_msg.CHANGELOG_RATINGS in public  # an honest line: something changed
    assert diff_msg.CHANGELOG_NO_CHANGES not in public
    assert "FLAI-CGIL" not in public  # but not whose rating
    assert "FLAI-CGIL Cuneo" in internal and diff_msg.CHANGELOG_RATINGS not in internal
