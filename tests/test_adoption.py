"""The adoption form: the ``proposta`` status and its annex mark, the refusal of an adopted
plan with open fields, and the findings about the resolution's number and date."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from incas_cli.catalog import load_catalog
from incas_cli.checks import check_data
from incas_cli.document.model import Paragraph, plain
from incas_cli.document.outline import plan_document
from incas_cli.messages import checks as checks_msg
from incas_cli.messages import render as msg
from incas_cli.models.vocab import FINAL_STATUSES, PLAN_STATUSES
from incas_cli.writers.text import write_text
from tests.conftest import Cli
from tests.helpers import minimal_plan, write_plan
from tests.render_support import example_data, open_docx, plan_from, xml_parts

TODAY = dt.date(2025, 6, 30)
BLANK_MARK = "Allegato A alla deliberazione della Giunta comunale n. ___ del ___"


def saluzzo(**plan_fields: Any) -> dict[str, Any]:
    """The complete Saluzzo example with some of its ``plan`` fields replaced (None drops one)."""
    data = copy.deepcopy(example_data("saluzzo"))
    for key, value in plan_fields.items():
        if value is None:
            data["plan"].pop(key, None)
        else:
            data["plan"][key] = value
    return dict(data)


def codes(data: dict[str, Any], **kwargs: Any) -> dict[str, str]:
    """``{code: severity}`` of the findings of ``data``, checked on :data:`TODAY`."""
    _, findings = check_data(data, today=TODAY, **kwargs)
    return {f.code: f.severity.value for f in findings}


# --- the status ----------------------------------------------------------------------------


def test_proposta_is_a_status_between_consultation_and_adoption() -> None:
    assert PLAN_STATUSES == ("bozza", "in_consultazione", "proposta", "adottato")
    assert FINAL_STATUSES == ("proposta", "adottato")
    plan = plan_from(saluzzo(status="proposta", adoption=None))
    assert plan.final and plan.effective_status == "proposta"


def test_proposta_renders_without_bozza_and_with_the_blank_annex_mark() -> None:
    plan = plan_from(saluzzo(status="proposta", adoption=None))
    document = plan_document(plan, load_catalog())
    assert not document.draft
    assert document.running_header[-1] == BLANK_MARK
    assert all(h.startswith(BLANK_MARK) for h in document.running_header)
    first = document.blocks[0]
    assert isinstance(first, Paragraph) and plain(first.content) == BLANK_MARK
    text = write_text(document)
    assert "BOZZA" not in text and "[da completare" not in text
    assert "Stato: proposta" in text
    assert "Adozione: proposta alla Giunta comunale per l'adozione" in text
    assert "Questo testo è la proposta alla Giunta comunale per l'adozione" in text


def test_proposta_docx_has_the_mark_on_the_cover_and_in_the_header() -> None:
    from incas_cli.render import render_docx

    data = render_docx(plan_from(saluzzo(status="proposta", adoption={"organ": "consiglio"})))
    mark = "Allegato A alla deliberazione del Consiglio comunale n. ___ del ___"
    document = open_docx(data)
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert header.startswith(mark)
    assert document.paragraphs[0].text == mark
    assert not any(b"BOZZA" in part for part in xml_parts(data).values())


def test_adopted_plan_fills_number_date_and_letter_of_the_annex_mark() -> None:
    adoption = {"organ": "giunta", "number": "112/2025", "date": "2025-03-12", "annex": "b"}
    plan = plan_from(saluzzo(adoption=adoption, period={"start": "2025-01", "end": "2027-12"}))
    document = plan_document(plan, load_catalog())
    mark = "Allegato B alla deliberazione della Giunta comunale n. 112/2025 del 12 marzo 2025"
    assert document.running_header[-1] == mark
    assert plain(document.blocks[0].content) == mark  # type: ignore[union-attr]
    assert not document.draft


def test_a_final_plan_numbers_its_own_annexes_within_the_resolution_annex() -> None:
    adoption = {"organ": "giunta", "number": "212", "date": "2023-11-28", "annex": "C"}
    final = plan_document(plan_from(saluzzo(adoption=adoption)), load_catalog(), edition="interna")
    text = write_text(final)
    assert "## Allegato C.1 – Composizione della cabina di regia" in text
    assert "## Allegato C.2 – Contatti dei referenti" in text
    assert "(elenco nell'Allegato C.1)" in text
    draft = write_text(plan_document(plan_from(saluzzo(status="bozza")), load_catalog()))
    assert "## Allegato A – Composizione della cabina di regia" in draft


def test_a_draft_has_no_annex_mark() -> None:
    for status in ("bozza", "in_consultazione"):
        document = plan_document(plan_from(saluzzo(status=status)), load_catalog())
        assert document.draft
        assert all(h.startswith("BOZZA") for h in document.running_header)
        assert "Allegato A alla deliberazione" not in write_text(document)


# --- the resolution's number and date --------------------------------------------------------


def test_a_number_typed_with_its_n_gets_a_finding_and_prints_once() -> None:
    adoption = {"organ": "giunta", "number": "n. 112/2025", "date": "2025-03-12"}
    data = saluzzo(adoption=adoption, period={"start": "2025-01", "end": "2027-12"})
    _, findings = check_data(data, today=TODAY)
    found = next(f for f in findings if f.code == "ADOPTION_NUMBER_PREFIX")
    assert not found.blocking and found.loc == ("plan", "adoption", "number")
    assert found.hint == 'scrivi solo il numero: number: "112/2025"'
    text = write_text(plan_document(plan_from(data), load_catalog()))
    assert "n. n." not in text
    assert "delibera della Giunta comunale n. 112/2025 del 12 marzo 2025" in text
    assert "deliberazione della Giunta comunale n. 112/2025 del 12 marzo 2025" in text


@pytest.mark.parametrize(
    ("typed", "printed"),
    [("N° 45", "45"), ("nr. 7/2024", "7/2024"), ("numero 12", "12"), ("212", "212")],
)
def test_act_numbers_lose_their_own_prefix(typed: str, printed: str) -> None:
    from incas_cli.formats import act_number

    assert act_number(typed) == printed


def test_a_resolution_dated_after_today_is_refused_for_an_adopted_plan() -> None:
    adoption = {"organ": "giunta", "number": "112", "date": "2025-07-01"}
    data = saluzzo(adoption=adoption, period={"start": "2025-01", "end": "2027-12"})
    assert codes(data)["ADOPTION_DATE_FUTURE"] == "error"
    _, findings = check_data(data, today=TODAY)
    found = next(f for f in findings if f.code == "ADOPTION_DATE_FUTURE")
    assert (
        found.message == "la data della delibera (01/07/2025) è nel futuro (oggi è il 30/06/2025)"
    )
    _, later = check_data(data, today=dt.date(2025, 7, 1))
    assert "ADOPTION_DATE_FUTURE" not in {f.code for f in later}
    proposed = saluzzo(status="proposta", adoption=adoption)
    assert codes(proposed)["ADOPTION_DATE_FUTURE"] == "warning"


def test_a_resolution_dated_after_the_plan_ends_gets_a_finding() -> None:
    adoption = {"organ": "giunta", "number": "112", "date": "2025-01-01"}
    data = saluzzo(adoption=adoption, period={"start": "2022-01", "end": "2024-12"})
    _, findings = check_data(data, today=TODAY)
    found = next(f for f in findings if f.code == "ADOPTION_AFTER_PERIOD")
    assert not found.blocking
    assert found.message == (
        "la data della delibera (1° gennaio 2025) viene dopo la fine del periodo del piano "
        "(dicembre 2024)"
    )
    on_the_last_day = saluzzo(
        adoption=adoption | {"date": "2024-12-31"}, period={"start": "2022-01", "end": "2024-12"}
    )
    assert "ADOPTION_AFTER_PERIOD" not in codes(on_the_last_day)


# --- final statuses are checked as final -------------------------------------------------------


@pytest.mark.parametrize("status", ["proposta", "adottato"])
def test_a_final_status_is_checked_as_final_without_the_option(status: str) -> None:
    data = minimal_plan()
    data["plan"]["status"] = status
    data["plan"]["adoption"] = {"organ": "giunta", "number": "45", "date": "2025-01-10"}
    found = codes(data)
    assert found["OPEN_FIELD"] == "error"
    assert found["MEASURE_WITHOUT_INDICATORS"] == "error"
    draft = minimal_plan()
    assert "OPEN_FIELD" not in codes(draft)
    assert codes(draft, final=True)["OPEN_FIELD"] == "error"


def test_validate_of_a_proposta_with_open_fields_fails(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["plan"]["status"] = "proposta"
    path = write_plan(tmp_path / "piano.yaml", data)
    result = cli("plan", "validate", str(path))
    assert result.exit_code == 3
    assert "[OPEN_FIELD]" in result.output
    assert "con stato «proposta» o «adottato»" in result.output


@pytest.mark.parametrize("status", ["proposta", "adottato"])
def test_render_refuses_a_final_plan_with_open_fields_naming_them(
    cli: Cli, tmp_path: Path, status: str
) -> None:
    data = minimal_plan()
    data["plan"]["status"] = status
    data["plan"]["adoption"] = {"organ": "giunta", "number": "45", "date": "2025-01-10"}
    path = write_plan(tmp_path / "piano.yaml", data)
    out = tmp_path / "piano.docx"
    result = cli("plan", "render", str(path), "-o", str(out))
    assert result.exit_code == 3
    assert not out.exists()
    assert f"il piano è «{status}» ma ha " in result.stderr
    assert "campi ancora aperti: versione (plan.version); ufficio responsabile (plan.office)" in (
        result.stderr
    )
    assert "e altri " in result.stderr
    assert "riporta lo stato a «bozza»" in result.stderr
    # the hint's command works from where the user is: the path as given, not the bare name
    assert f"«incas plan status {path}» li elenca" in result.stderr


def test_render_of_a_complete_proposta_succeeds(cli: Cli, tmp_path: Path) -> None:
    path = write_plan(tmp_path / "piano.yaml", saluzzo(status="proposta", adoption=None))
    out = tmp_path / "piano.docx"
    result = cli("plan", "render", str(path), "-o", str(out), "--no-toc-update")
    assert result.exit_code == 0, result.output
    assert "bozza" not in result.stdout
    header = " ".join(p.text for p in open_docx(out.read_bytes()).sections[0].header.paragraphs)
    assert BLANK_MARK in header


def test_open_field_hint_names_the_final_statuses() -> None:
    assert "«proposta» o «adottato»" in checks_msg.OPEN_FIELD_FINAL_HINT
    assert msg.STATUSES["proposta"] == "proposta"


# --- where statuses are listed --------------------------------------------------------------


def test_schema_and_init_list_proposta(cli: Cli, tmp_path: Path) -> None:
    schema = cli("schema")
    assert schema.exit_code == 0 and '"proposta"' in schema.stdout
    out = tmp_path / "piano.yaml"
    init = cli("plan", "init", str(out), "--comune", "Saluzzo")
    assert init.exit_code == 0, init.output
    text = out.read_text(encoding="utf-8")
    assert "bozza | in_consultazione | proposta | adottato" in text
    assert "annex: A" in text


# --- the wizard ---------------------------------------------------------------------------


def test_wizard_offers_proposta_asks_only_the_organ_and_runs_the_final_check() -> None:
    from incas_cli.messages import wizard as wizard_msg
    from tests.test_wizard_flow import Run, plain_of, replace_step, script

    steps = replace_step(script("completo"), "Stato del piano", "proposta")
    at = next(i for i, s in enumerate(steps) if s[0] == "Stato del piano") + 1
    steps[at:at] = [["Organo che adotterà", "Consiglio comunale"]]
    run = Run(steps, mode="completo")()
    status = next(a for a in run.prompter.asked if a.message == wizard_msg.ASK_STATUS)
    assert status.kind == "select"
    asked = [a.message for a in run.prompter.asked]
    assert wizard_msg.ASK_ADOPTION_NUMBER not in asked and wizard_msg.ASK_ADOPTION_DATE not in asked
    said = [str(s) for s in run.prompter.shown if isinstance(s, str)]
    assert any(s.startswith("Un piano «proposta» è il testo della delibera") for s in said)
    data = plain_of(run.result)
    assert data["plan"]["status"] == "proposta"
    assert data["plan"]["adoption"] == {"organ": "consiglio"}


def test_wizard_stores_an_adopted_number_without_its_n() -> None:
    from incas_cli.wizard.scripted import ENTER
    from tests.test_wizard_flow import Run, plain_of, replace_step, script

    steps = replace_step(script("completo"), "Stato del piano", "adottato")
    at = next(i for i, s in enumerate(steps) if s[0] == "Stato del piano") + 1
    steps[at:at] = [
        ["Organo", ENTER],
        ["Numero della delibera", "n. 112/2025"],
        ["Data della delibera", "12/03/2025"],
    ]
    data = plain_of(Run(steps, mode="completo")().result)
    assert data["plan"]["adoption"]["number"] == "112/2025"


def test_a_proposal_that_already_names_an_act_prints_blanks_and_gets_a_finding() -> None:
    """The resolution's number and date are the secretariat's, once adopted: a proposal
    that holds them (copied from an old plan) must not look adopted."""
    adoption = {"organ": "giunta", "number": "212", "date": "2023-11-28"}
    data = saluzzo(status="proposta", adoption=adoption)
    found = codes(data)
    assert found["ADOPTION_IN_PROPOSAL"] == "warning"
    text = write_text(plan_document(plan_from(data), load_catalog()))
    assert "Allegato A alla deliberazione della Giunta comunale n. ___ del ___" in text
    assert "n. 212" not in text
    assert "ADOPTION_IN_PROPOSAL" not in codes(saluzzo(status="adottato", adoption=adoption))
