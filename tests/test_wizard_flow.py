"""The wizard's flow, driven by a scripted prompter: no terminal involved."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import pytest

from incas_cli.catalog import load_catalog
from incas_cli.checks import check_data, open_fields
from incas_cli.document.model import plain as cell_text
from incas_cli.formats import money
from incas_cli.io import dump_yaml, load_yaml, new_document_data, parse_yaml
from incas_cli.messages import models as models_msg
from incas_cli.messages import wizard as msg
from incas_cli.wizard import MARKER_KEY, SECTIONS, incomplete_sections, read_marker, run_wizard
from incas_cli.wizard.answers import iso_date, iso_months, read_months
from incas_cli.wizard.lists import FIX
from incas_cli.wizard.prompter import Choice, search_choices
from incas_cli.wizard.scripted import CTRL_C, CTRL_D, ENTER, ScriptedPrompter, ScriptError
from incas_cli.wizard.summary import (
    compute_summary,
    coverage_table,
    sections_table,
    summary_blocks,
)
from tests.conftest import Cli

T = TypeVar("T")

REPO = Path(__file__).resolve().parent.parent
SCRIPTS = Path(__file__).resolve().parent / "wizard_scripts"
BREVE = REPO / "examples" / "breve.yaml"


def script(name: str) -> list[Any]:
    steps = load_yaml(SCRIPTS / f"{name}.yaml").plain()["steps"]
    assert isinstance(steps, list)
    return steps


def plain_of(tree: Any) -> Any:
    """The data a reader of the saved file gets back."""
    return parse_yaml(dump_yaml(tree), "wizard").plain()


class Run:
    """One wizard run: the prompter, every saved tree (as plain data) and the result."""

    def __init__(
        self,
        steps: Sequence[Any],
        start: Any = None,
        *,
        sections: Sequence[str] | None = None,
        mode: Any = None,
    ) -> None:
        self.prompter = ScriptedPrompter(steps)
        self.saved: list[Any] = []
        self.result: Any = None
        self.start = new_document_data({"schema_version": 1}) if start is None else start
        self.sections = sections
        self.mode = mode

    def __call__(self) -> Run:
        self.result = run_wizard(
            self.prompter,
            load_catalog(),
            self.start,
            on_save=lambda data: self.saved.append(plain_of(data)),
            sections=self.sections,
            mode=self.mode,
        )
        self.prompter.close()
        return self


def section_starts(prompter: ScriptedPrompter) -> dict[str, int]:
    """Section -> index of its first question, from the headers the wizard showed."""
    starts: dict[str, int] = {}
    for shown, at in zip(prompter.shown, prompter.shown_at, strict=True):
        for section, label in msg.SECTION_LABELS.items():
            if shown == msg.SECTION_HEADER.format(label=label):
                starts[section] = at
    return starts


# --- the bundled short scenario ---------------------------------------------------------


def test_short_scenario_gives_the_reference_plan_in_under_60_prompts() -> None:
    run = Run(script("breve"))()
    assert plain_of(run.result) == load_yaml(BREVE).plain()
    assert len(run.prompter.asked) < 60
    assert len(run.prompter.asked) == 57
    assert run.prompter.rejections == []
    # Saved after every group: comune, each section, each actor, need and measure.
    assert len(run.saved) >= 9 + 3 + 2 + 2
    assert MARKER_KEY not in run.saved[-1]
    assert run.saved[-1] == load_yaml(BREVE).plain()


def test_short_scenario_reference_file_validates(cli: Cli) -> None:
    result = cli("plan", "validate", str(BREVE))
    assert result.exit_code == 0, result.output
    assert "valido" in result.output


def test_short_scenario_has_three_actors_two_needs_two_measures() -> None:
    data = load_yaml(BREVE).plain()
    assert len(data["stakeholders"]) == 3
    assert len(data["needs"]) == 2
    assert len(data["measures"]) == 2
    plan, findings = check_data(data)
    assert plan is not None
    assert not [f for f in findings if f.blocking]


# --- wrong answers are asked again ------------------------------------------------------


def replace_step(steps: list[Any], fragment: str, *answers: Any, occurrence: int = 0) -> list[Any]:
    """``steps`` with the ``occurrence``-th step for ``fragment`` answered by ``answers``."""
    seen = 0
    for index, step in enumerate(steps):
        if fragment.casefold() in str(step[0]).casefold():
            if seen == occurrence:
                return [*steps[:index], *([step[0], a] for a in answers), *steps[index + 1 :]]
            seen += 1
    raise AssertionError(f"no step for {fragment!r}")


def answer_of(steps: list[Any], fragment: str) -> Any:
    """The scripted answer of the first step for ``fragment``."""
    return next(s[1] for s in steps if fragment.casefold() in str(s[0]).casefold())


def test_wrong_answers_are_asked_again_with_the_italian_message() -> None:
    steps = script("breve")
    steps = replace_step(steps, "Inizio del periodo", "2025-13", "gennaio", "2025-01")
    steps = replace_step(steps, "Fine del periodo", "2024-12", "2027-12")
    need = answer_of(steps, "Descrizione del bisogno")
    steps = replace_step(steps, "Descrizione del bisogno", "   ", need)
    steps = replace_step(steps, "Potere", "7", "alto", "5")
    steps = replace_step(steps, "Gravità", "0", "5")
    steps = replace_step(steps, "Inizio della misura", "2024-11", "2025-05")
    steps = replace_step(steps, "Fine della misura", "2028-01", "2025-04", ENTER)
    steps = replace_step(steps, "Importo", "12,345", "60.000")
    run = Run(steps)()
    rejected = [(r.answer, r.error) for r in run.prompter.rejections]
    assert rejected == [
        ("2025-13", "valore non valido: il mese va da 01 a 12, ad esempio 2025-03"),
        ("gennaio", "valore non valido: usa il formato AAAA-MM, ad esempio 2025-03"),
        ("2024-12", "la fine (2024-12) precede l'inizio (2025-01)"),
        ("7", "valore non valido: serve un punteggio da 1 a 5"),
        ("alto", "valore non valido: " + models_msg.SCORE_EXPECTED),
        ("   ", msg.REQUIRED),
        ("0", "valore non valido: serve un punteggio da 1 a 5"),
        (
            "2024-11",
            "la misura M1 (2024-11 – ?) esce dal periodo del piano (2025-01 – 2027-12)",
        ),
        (
            "2028-01",
            "la misura M1 (2025-05 – 2028-01) esce dal periodo del piano (2025-01 – 2027-12)",
        ),
        ("2025-04", "la fine (2025-04) precede l'inizio (2025-05)"),
        (
            "12,345",
            "valore non valido: «12.345» è scritto con i punti delle migliaia: scrivi "
            "12345.00 (il punto separa solo i centesimi)",
        ),
    ]
    # The corrected answers are the ones kept: the result is the reference plan.
    assert plain_of(run.result) == load_yaml(BREVE).plain()


def test_italian_amounts_and_counts_are_understood() -> None:
    steps = replace_step(script("breve"), "Importo", "1.693.747,15")
    steps = replace_step(steps, "Lavoratori impiegati", "1.200")
    data = plain_of(Run(steps)().result)
    assert data["measures"][0]["budget"][0]["amount"] == Decimal("1693747.15")
    assert data["context"]["crops"][0]["workers"] == 1200


def test_comune_by_code_by_name_with_province_and_ambiguous_name() -> None:
    steps = replace_step(script("breve"), "Comune", "Castro", "Lagnasq", "004104")
    run = Run(steps)()
    errors = [r.error for r in run.prompter.rejections]
    assert errors[0].startswith("ci sono più Comuni con questo nome: scegli Castro (BG) o Castro")
    assert "forse Lagnasco (CN)" in errors[1]
    assert plain_of(run.result)["comune"]["istat_code"] == "004104"
    steps = replace_step(script("breve"), "Comune", "lagnasco (cn)")
    assert plain_of(Run(steps)().result)["comune"]["name"] == "Lagnasco"
    # The start of a name only one Comune has: the single entry of the menu shown.
    steps = replace_step(script("breve"), "Comune", "Lagn")
    run = Run(steps)()
    assert plain_of(run.result)["comune"]["istat_code"] == "004104"
    assert "Lagnasco: codice ISTAT 004104, provincia di Cuneo (CN), Piemonte." in run.prompter.shown


# --- defaults: named in the hint, taken by an empty answer, refused with "-" ------------


def test_a_suggestion_is_named_in_the_hint_and_an_empty_answer_takes_it() -> None:
    run = Run(script("breve"))()
    names = [a for a in run.prompter.asked if a.message == msg.ASK_ACTOR_NAME]
    assert [a.instruction for a in names] == [
        "(Invio per «Prefettura di Cuneo», → per modificarlo; < indietro)",
        "(Invio per «Enti del terzo settore del territorio», → per modificarlo; < indietro)",
    ]
    # Enter took the first suggestion; the typed name replaced the second one.
    assert [s["name"] for s in plain_of(run.result)["stakeholders"]] == [
        "Comune di Lagnasco",
        "Prefettura di Cuneo",
        "Associazione Accoglienza Frutteti",
    ]
    # An optional field says what Enter does; a suggestion for one can be refused with "-".
    asked = {a.message: a.instruction for a in run.prompter.asked}
    assert asked[msg.ASK_PERIOD_START] == f"({msg.MONTH_HINT}; {msg.OPEN_HINT}; < indietro)"
    assert asked[msg.ASK_MEASURE_END] == (
        f"({msg.MONTH_HINT}; Invio per «2027-12», → per modificarlo, - per lasciare vuoto; "
        "< indietro)"
    )


def test_edit_enter_keeps_a_value_and_dash_empties_an_optional_one() -> None:
    doc = parse_yaml(COMMENTED, "prova.yaml")
    steps = [
        ["Inizio del periodo", ""],  # an empty answer keeps the current value
        ["Fine del periodo", "-"],
        ["Stato del piano", ENTER],
        ["Versione", ENTER],
        ["Ufficio", ENTER],
        ["Chi redige", ENTER],
    ]
    run = Run(steps, doc.data, sections=["periodo"])()
    data = plain_of(run.result)
    assert data["plan"]["period"] == {"start": "2025-01"}
    assert run.prompter.asked[0].instruction == (
        f"({msg.MONTH_HINT}; Invio per «2025-01», → per modificarlo, - per lasciare vuoto; "
        "< indietro)"
    )
    # With nothing to keep, an optional field says that Enter skips it.
    assert run.prompter.asked[4].instruction == (
        f"({msg.OFFICE_EXAMPLE}; {msg.SKIP_HINT}; {msg.BACK_HINT})"
    )


def test_a_required_field_refuses_dash() -> None:
    steps = replace_step(script("breve"), "Titolo della misura", "-", ENTER)
    run = Run(steps)()
    assert [(r.answer, r.error) for r in run.prompter.rejections] == [("-", msg.REQUIRED)]
    assert plain_of(run.result) == load_yaml(BREVE).plain()


def test_every_hint_is_one_parenthesis_after_one_space() -> None:
    run = Run(script("completo"), mode="completo")()
    lines = [f"{a.message} {a.instruction}" for a in run.prompter.asked if a.instruction]
    assert len(lines) > 30
    for line in lines:
        assert "  " not in line, line
        assert ") (" not in line, line
        assert line.endswith(")") and line.count("(") >= 1, line


# --- dates and months the Italian way -----------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("28/11/2023", "2023-11-28"),
        ("28-11-2023", "2023-11-28"),
        ("5.3.2024", "2024-03-05"),
        ("2023-11-28", "2023-11-28"),
        ("2023/11/28", "2023-11-28"),
        ("31/02/2025", "2025-02-31"),  # rewritten, then refused by the model
        ("ieri", "ieri"),
    ],
)
def test_iso_date(typed: str, stored: str) -> None:
    assert iso_date(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("03/2025", "2025-03"),
        ("3-2025", "2025-03"),
        ("marzo 2025", "2025-03"),
        ("Marzo 2025", "2025-03"),
        ("mar. 2025", "2025-03"),
        ("2025/3", "2025-03"),
        ("2025-03", "2025-03"),
        ("13/2025", "2025-13"),
        ("gennaio", "gennaio"),
        ("2025-03-15", "2025-03"),  # a whole date where a month is asked: its month
        ("15/03/2025", "2025-03"),
        ("dicembre 2025; giugno 2026, 12/2027", "2025-12; 2026-06, 2027-12"),
    ],
)
def test_iso_months(typed: str, stored: str) -> None:
    assert iso_months(typed) == stored


def test_dates_and_months_written_the_italian_way_are_stored_as_iso() -> None:
    steps = script("completo")
    steps = replace_step(steps, "Inizio del periodo", "01/2025")
    steps = replace_step(steps, "Fine del periodo", "dicembre 2027")
    steps = replace_step(
        steps,
        "Stato del piano",
        "adottato",
    )
    at = next(i for i, s in enumerate(steps) if s[0] == "Stato del piano") + 1
    steps[at:at] = [
        ["Organo", ENTER],
        ["Numero della delibera", "45"],
        ["Data della delibera", "31/02/2025"],
        ["Data della delibera", "28/11/2023"],
    ]
    steps = replace_step(steps, "Inizio della misura", "giugno 2025")
    steps = replace_step(steps, "verifiche di monitoraggio", "dicembre 2025, giugno 2026; 12/2027")
    run = Run(steps, mode="completo")()
    assert [(r.answer, r.message) for r in run.prompter.rejections] == [
        ("31/02/2025", msg.ASK_ADOPTION_DATE)
    ]
    data = plain_of(run.result)
    assert data["plan"]["period"] == {"start": "2025-01", "end": "2027-12"}
    assert str(data["plan"]["adoption"]["date"]) == "2023-11-28"
    assert data["measures"][0]["start"] == "2025-06"
    assert data["monitoring"]["reviews"] == ["2025-12", "2026-06", "2027-12"]
    plan, findings = check_data(data)
    assert plan is not None and [f.message for f in findings if f.blocking] == []


# --- interruption and resume ------------------------------------------------------------


def full_run_starts() -> dict[str, int]:
    return section_starts(Run(script("breve"))().prompter)


@pytest.mark.parametrize("section", SECTIONS)
def test_interrupt_at_each_section_then_resume(section: str) -> None:
    steps = script("breve")
    starts = full_run_starts()
    cut = starts[section]
    run = Run([*steps[:cut], [steps[cut][0], CTRL_C]])
    with pytest.raises(KeyboardInterrupt):
        run()
    position = SECTIONS.index(section)
    if position == 0:
        assert run.saved == []  # nothing complete yet: the command writes no file
        return
    saved = run.saved[-1]
    # The sections before the interrupted one are on disk, complete...
    expected = load_yaml(BREVE).plain()
    keys = {
        "comune": ["comune"],
        "periodo": [],
        "territorio": ["context"],
        "attori": ["stakeholders"],
        "relazioni": [],
        "governance": ["governance"],
        "bisogni": ["needs"],
        "strategia": ["strategy"],
        "misure": ["measures"],
        "monitoraggio": ["monitoring"],
        "percorso": ["process"],
    }
    for done in SECTIONS[:position]:
        for key in keys[done]:
            assert saved[key] == expected[key], key
    if position > SECTIONS.index("periodo"):
        assert saved["plan"] == expected["plan"]
    # ... the later ones are not, and the marker says where to resume.
    for later in SECTIONS[position:]:
        for key in keys[later]:
            assert key not in saved, key
    assert saved[MARKER_KEY]["resume"][0] == section
    assert saved[MARKER_KEY]["mode"] == "rapido"

    # `incas plan edit` on the saved file resumes at that section and ends where a
    # run without interruption ends.
    start = parse_yaml(dump_yaml(new_document_data(saved)), "saved.yaml").data
    resumed = Run(steps[cut:], start)()
    assert resumed.prompter.asked[0].message == steps[cut][0] or (
        steps[cut][0].casefold() in resumed.prompter.asked[0].message.casefold()
    )
    assert plain_of(resumed.result) == expected


@pytest.mark.parametrize(
    ("stop_at", "kept"),
    [
        # Half of «Periodo e stato»: start, end, status, version and office were answered.
        ("Chi redige", {"plan": {"period": {"start": "2025-01", "end": "2027-12"}}}),
        # Half of the workforce, after the crops: residents and seasonal workers answered.
        ("stranieri", {"context": {"workforce": {"resident": 120, "seasonal": 400}}}),
    ],
)
def test_interrupt_inside_a_section_keeps_the_answers_given(
    stop_at: str, kept: dict[str, Any]
) -> None:
    """Nothing typed is lost: Ctrl-C in the middle of a section that is not a list saves
    the answers given so far, and resuming shows them as the defaults."""
    steps = script("completo")
    cut = next(i for i, s in enumerate(steps) if stop_at in s[0])
    run = Run([*steps[:cut], [steps[cut][0], CTRL_C]], mode="completo")
    with pytest.raises(KeyboardInterrupt):
        run()
    saved = run.saved[-1]
    for key, part in kept.items():
        for sub, values in part.items():
            for name, value in values.items():
                assert saved[key][sub][name] == value, (key, sub, name)
    plan, findings = check_data({k: v for k, v in saved.items() if k != MARKER_KEY})
    assert plan is not None and [f.code for f in findings if f.blocking] == []

    if stop_at != "Chi redige":
        return
    # `incas plan edit` asks «Periodo e stato» again with those answers as defaults:
    # Enter keeps each, and the run ends as one without interruption.
    first = next(i for i, s in enumerate(steps) if "Inizio del periodo" in s[0])
    rest = [[q, ENTER] for q, _ in steps[first:cut]] + steps[cut:]
    start = parse_yaml(dump_yaml(new_document_data(saved)), "saved.yaml").data
    resumed = Run(rest, start)()
    assert resumed.prompter.rejections == []
    full = Run(script("completo"), mode="completo")()
    assert plain_of(resumed.result) == plain_of(full.result)


def test_interrupt_in_the_middle_of_a_list_resumes_in_that_list() -> None:
    steps = script("breve")
    second_actor = next(
        i for i, s in enumerate(steps) if s == ["Tipo del prossimo attore", "terzo-settore"]
    )
    run = Run([*steps[:second_actor], ["Tipo del prossimo attore", CTRL_D]])
    with pytest.raises(EOFError):
        run()
    saved = run.saved[-1]
    assert [s["id"] for s in saved["stakeholders"]] == ["comune", "prefettura-cn"]
    assert saved[MARKER_KEY]["resume"][0] == "attori"

    end_of_actors = steps.index(["Tipo del prossimo attore", None])
    start = parse_yaml(dump_yaml(new_document_data(saved)), "saved.yaml").data
    rest = [
        ["Attori della rete", "add"],
        *steps[second_actor:end_of_actors],
        ["Attori della rete", "next"],
        *steps[end_of_actors + 1 :],
    ]
    resumed = Run(rest, start)()
    assert plain_of(resumed.result) == load_yaml(BREVE).plain()


# --- editing an existing plan -----------------------------------------------------------

COMMENTED = """\
# Piano di prova: i commenti devono sopravvivere.
schema_version: 1
plan:
  national_plan: piano-triennale-2020-2022
  title: Piano di prova  # titolo provvisorio
  period:
    start: 2025-01
    end: 2027-12
  status: bozza
comune:
  name: Lagnasco
  istat_code: "004104"
# attori
stakeholders:
  - id: comune
    name: Comune di Lagnasco  # promotore
    type: comune
    x-nota: da confermare
"""


def test_edit_a_section_keeps_comments_key_order_and_current_values() -> None:
    doc = parse_yaml(COMMENTED, "prova.yaml")
    steps = [
        ["Inizio del periodo", ENTER],
        ["Fine del periodo", "2026-12"],
        ["Stato del piano", ENTER],
        ["Versione", ENTER],
        ["Ufficio", "Settore Politiche sociali"],
        ["Chi redige", ENTER],
    ]
    run = Run(steps, doc.data, sections=["periodo"])()
    text = dump_yaml(run.result)
    assert text.startswith("# Piano di prova: i commenti devono sopravvivere.\n")
    assert "title: Piano di prova  # titolo provvisorio\n" in text
    assert "# attori\nstakeholders:" in text
    assert "name: Comune di Lagnasco  # promotore\n" in text
    assert "x-nota: da confermare" in text
    # Current values were the defaults; new keys go where the v1 format puts them.
    asked = {a.message: a for a in run.prompter.asked}
    assert asked["Inizio del periodo del piano"].answer == ENTER
    data = plain_of(run.result)
    assert data["plan"]["period"] == {"start": "2025-01", "end": "2026-12"}
    assert list(data["plan"]) == [
        "national_plan",
        "title",
        "period",
        "status",
        "version",
        "office",
    ]
    assert data["plan"]["version"] == msg.DEFAULT_VERSION
    assert list(data) == ["schema_version", "plan", "comune", "stakeholders"]
    assert MARKER_KEY not in data  # a single section never leaves a resume marker


def test_edit_without_marker_resumes_at_the_first_incomplete_section() -> None:
    breve = load_yaml(BREVE)
    incomplete = incomplete_sections(breve.plain())
    assert incomplete == [
        "periodo",
        "territorio",
        "attori",
        "governance",  # the Comune's organisation
        "strategia",  # the specific objectives
        "misure",
        "monitoraggio",
    ]
    run = Run([["Inizio del periodo", CTRL_C]], breve.data)
    with pytest.raises(KeyboardInterrupt):
        run()
    # The complete path: every question of the first incomplete section, current values shown.
    assert run.prompter.asked[0].message == "Inizio del periodo del piano"
    assert run.saved == []


def test_nothing_incomplete_offers_the_sections_and_the_summary() -> None:
    siracusa = load_yaml(REPO / "examples" / "siracusa.yaml")
    assert incomplete_sections(siracusa.plain()) == []
    steps = [
        ["Quale sezione", "riepilogo"],
        ["Quale sezione", "monitoraggio"],
        ["verifiche", ENTER],
        ["rendiconta", ENTER],
        ["Quale sezione", None],
    ]
    run = Run(steps, siracusa.data)()
    assert msg.NOTHING_MISSING in run.prompter.shown
    # Answers that keep the current values leave the file byte for byte as it was.
    assert dump_yaml(run.result) == siracusa.text


def test_list_menu_edits_adds_and_deletes_with_a_warning_for_references() -> None:
    breve = load_yaml(BREVE)
    steps = [
        ["Attori della rete: cosa vuoi fare?", "edit:1"],
        ["cosa vuoi modificare", None],
        ["Tipo di attore", ENTER],
        ["Nome dell'attore", ENTER],
        ["Ruolo", "Coordina il protocollo provinciale."],
        ["Livello", ENTER],
        ["Potere", ENTER],
        ["Interesse", "4"],
        ["Coinvolgimento", ENTER],
        ["Impegni", ENTER],
        ["referente", False],
        ["Attori della rete: cosa vuoi fare?", "delete"],
        ["Quale vuoi eliminare", 0],
        ["Eliminare «Comune di Lagnasco»?", False],
        ["Attori della rete: cosa vuoi fare?", "delete"],
        ["Quale vuoi eliminare", 2],
        ["Eliminare", True],
        ["Attori della rete: cosa vuoi fare?", "next"],
    ]
    run = Run(steps, breve.data, sections=["attori"])()
    warning = run.prompter.asked[13].message
    assert warning.startswith("«Comune di Lagnasco» è usato in: M1, M2, cabina di regia.")
    data = plain_of(run.result)
    prefettura = data["stakeholders"][1]
    assert prefettura["role"] == "Coordina il protocollo provinciale."
    assert (prefettura["power"], prefettura["interest"]) == (5, 4)
    assert [s["id"] for s in data["stakeholders"]] == ["comune", "prefettura-cn"]


# --- the complete path ------------------------------------------------------------------


def test_complete_path_fills_every_open_field() -> None:
    run = Run(script("completo"), mode="completo")()
    data = plain_of(run.result)
    plan, findings = check_data(data)
    assert plan is not None
    assert [f.message for f in findings if f.blocking] == []
    assert open_fields(plan) == []
    check, _ = check_data(data, final=True)
    assert check is not None
    assert plan.comune.partners[0].name == "Manta"
    assert plan.stakeholders[1].contact is not None
    assert plan.governance is not None and plan.governance.tables[0].topic == "alloggio"
    measure = plan.measures[0]
    assert measure.actions == [5, 9]
    assert measure.partners == ["prefettura-cn"]
    assert [b.source for b in measure.budget] == ["pnrr-m5c2-i2.2", "Fondazione bancaria locale"]
    assert measure.indicators[0].target == Decimal("40")
    assert measure.risks[0].mitigation == "Accordi con più proprietari."
    assert plan.relations[0].kind == "protocollo"
    assert run.prompter.rejections == []


# --- the summary ------------------------------------------------------------------------


def test_summary_counts_open_fields_findings_coverage_and_budget() -> None:
    plain = load_yaml(BREVE).plain()
    plan, _ = check_data(plain)
    assert plan is not None
    summary = compute_summary(plain, load_catalog())
    assert summary.readable
    assert summary.open_count == len(open_fields(plan))
    assert summary.open_by_section["comune"] == 0
    assert summary.open_by_section["misure"] == 4  # objective and indicators of M1 and M2
    assert (len(summary.errors), len(summary.warnings)) == (0, 3)
    assert summary.actions_covered == 2 and summary.axes_covered == 1
    assert [a.measures for a in summary.actions if a.measures] == [("M1",), ("M2",)]
    assert summary.total_budget == Decimal("78000")
    assert money(summary.total_budget) == "78.000,00\xa0€"


def test_summary_tells_an_action_covered_only_as_secondary() -> None:
    plain = load_yaml(BREVE).plain()
    plain["measures"][0]["actions"] = [5, 8]  # 8: only ever a secondary action
    summary = compute_summary(plain, load_catalog())
    action = next(a for a in summary.actions if a.number == 8)
    assert (action.primary, action.secondary) == ((), ("M1",))
    assert summary.actions_covered == 3 and summary.axes_covered == 2
    table = coverage_table(summary)
    assert table in summary_blocks(summary)
    assert cell_text(table.rows[7][0]) == "8"
    assert cell_text(table.rows[7][3]) == msg.SECONDARY_MEASURES.format(ids="M1")


def test_summary_tables_print_in_80_columns_without_colour(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from incas_cli.console import get_console
    from incas_cli.wizard.questionary_prompter import QuestionaryPrompter

    plain_data = load_yaml(BREVE).plain()
    plain_data["measures"][0]["actions"] = [5, 8]
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    get_console.cache_clear()  # a console for this stdout and this width
    try:
        prompter = QuestionaryPrompter()
        for item in summary_blocks(compute_summary(plain_data, load_catalog())):
            prompter.show(item)
    finally:
        get_console.cache_clear()
    lines = [line.rstrip() for line in capsys.readouterr().out.splitlines()]
    assert lines[0] == msg.SUMMARY_TITLE
    assert lines[1] == msg.SUMMARY_SECTIONS_TITLE
    assert lines[2].split() == [msg.COL_SECTION, msg.COL_STATE]
    assert "\x1b" not in "".join(lines)  # no colour, no style codes
    findings = f"  {msg.FINDING_WARNING} "  # plain lines: on one line when not a terminal
    assert all(len(line) <= 80 for line in lines if not line.startswith(findings))
    relations = next(line for line in lines if line.startswith(msg.SECTION_LABELS["relazioni"]))
    assert relations.endswith(msg.STATE_EMPTY["relazioni"])
    coverage = lines.index(msg.SUMMARY_COVERAGE_TITLE)
    eighth = next(line for line in lines[coverage:] if line.lstrip().startswith("8 "))
    assert eighth.rstrip().endswith(msg.SECONDARY_MEASURES.format(ids="M1"))
    assert lines[-2] == msg.SUMMARY_BUDGET.format(amount=money(Decimal("78000")))


def test_run_shows_the_summary_at_the_end() -> None:
    run = Run(script("breve"))()
    shown = [s for s in run.prompter.shown if isinstance(s, str)]
    assert msg.SUMMARY_BUDGET.format(amount=money(Decimal("78000"))) in shown
    assert msg.SUMMARY_COVERAGE.format(actions=2, total_actions=10, axes=1, total_axes=4) in shown


# --- the scripted prompter itself -------------------------------------------------------


def test_scripted_prompter_fails_loudly_on_drift_and_leftovers() -> None:
    with pytest.raises(ScriptError, match="expected a question containing 'Periodo'"):
        Run([["procedere", "rapido"], ["Periodo", "x"]])()
    run = Run([*script("breve"), ["altro", "x"]])
    with pytest.raises(ScriptError, match="1 scripted answer"):
        run()
    with pytest.raises(ScriptError, match="no scripted answer left"):
        Run(script("breve")[:5])()


def test_marker_is_read_back() -> None:
    data = new_document_data({MARKER_KEY: {"resume": ["misure", "nonsense"], "mode": "rapido"}})
    marker = read_marker(data)
    assert marker is not None
    assert marker.sections == ("misure",) and marker.mode == "rapido"
    assert read_marker(new_document_data({MARKER_KEY: {"resume": []}})) is None


# --- peak months: typed, the way planners say them ---------------------------------------


@pytest.mark.parametrize(
    ("typed", "months"),
    [
        ("agosto; settembre; ottobre", [8, 9, 10]),
        ("8, 9, 10", [8, 9, 10]),
        ("giugno-agosto", [6, 7, 8]),
        ("Giugno – Agosto", [6, 7, 8]),
        ("da giugno ad agosto", [6, 7, 8]),
        ("dal 6 al 8", [6, 7, 8]),
        ("ago e set", [8, 9]),
        ("ott. nov. dic.", [10, 11, 12]),
        ("novembre-febbraio", [1, 2, 11, 12]),  # a winter harvest crosses the new year
        ("luglio; giugno-agosto", [6, 7, 8]),  # a month named twice counts once
        ("08", [8]),
    ],
)
def test_read_months(typed: str, months: list[int]) -> None:
    assert read_months(typed) == months


@pytest.mark.parametrize(
    ("typed", "word"), [("novembre; tredici", "tredici"), ("13", "13"), ("estate", "estate")]
)
def test_read_months_names_the_word_it_cannot_read(typed: str, word: str) -> None:
    with pytest.raises(ValueError, match=f"^«{word}» non è un mese: scrivi i nomi"):
        read_months(typed)


def test_peak_months_typed_by_name_are_stored_and_a_wrong_word_is_asked_again() -> None:
    """Typing «novembre; tredici» used to tick «gennaio» silently in a checkbox list."""
    steps = replace_step(
        script("breve"), "Mesi di picco", "novembre; tredici", "13", "agosto-ottobre"
    )
    run = Run(steps)()
    assert [(r.answer, r.error) for r in run.prompter.rejections] == [
        ("novembre; tredici", msg.MONTH_UNKNOWN.format(word="tredici")),
        ("13", msg.MONTH_UNKNOWN.format(word="13")),
    ]
    asked = next(a for a in run.prompter.asked if a.message.startswith("Mesi di picco"))
    assert asked.kind == "text"
    assert asked.instruction == f"({msg.PEAK_MONTHS_HINT}; {msg.SKIP_HINT}; {msg.BACK_HINT})"
    assert plain_of(run.result) == load_yaml(BREVE).plain()  # peak_months: [8, 9, 10]


def test_peak_months_when_editing_are_named_in_the_hint_and_kept_by_enter() -> None:
    breve = load_yaml(BREVE)
    steps = [
        ["Descrizione del territorio", ENTER],
        ["Colture", "edit:0"],
        ["cosa vuoi modificare", None],
        ["Nome della coltura", ENTER],
        ["Mesi di picco", ENTER],
        ["Lavoratori impiegati", ENTER],
        ["Colture", "add"],
        ["Altra coltura", "olive"],
        ["Mesi di picco", "novembre-gennaio"],
        ["Lavoratori impiegati", ENTER],
        ["Colture", "next"],
    ]
    run = Run(steps, breve.data, sections=["territorio"], mode="rapido")()
    months = [a for a in run.prompter.asked if a.message.startswith("Mesi di picco")]
    assert months[0].instruction == (
        f"({msg.PEAK_MONTHS_HINT}; Invio per «agosto; settembre; ottobre», → per modificarlo, "
        "- per lasciare vuoto; < indietro)"
    )
    crops = plain_of(run.result)["context"]["crops"]
    assert crops == [
        {"name": "mele", "peak_months": [8, 9, 10], "workers": 350},
        {"name": "olive", "peak_months": [1, 11, 12]},
    ]


# --- lists filtered by typing; the summary of empty lists --------------------------------


def test_typed_text_never_matches_the_way_out_and_best_matches_come_first() -> None:
    choices = [
        Choice(msg.NO_MORE_ACTORS, None, searchable=False),
        Choice("Organizzazioni datoriali", "datoriali"),
        Choice("Altro", "altro"),
        Choice("Terzo settore e altro volontariato", "terzo"),
        Choice("Sì", True),
    ]
    assert search_choices(choices, "") == [0, 1, 2, 3, 4]
    assert search_choices(choices, "Altro") == [2, 3]  # not «Nessun altro attore»
    assert search_choices(choices, "avanti") == []
    assert search_choices(choices, "si") == [4]  # accents and case ignored
    assert search_choices(choices, "ORG") == [1]


def test_the_way_out_of_every_add_loop_is_not_searchable() -> None:
    offered: dict[str, Sequence[Choice[Any]]] = {}

    class Recording(ScriptedPrompter):
        def select(self, message: str, choices: Sequence[Choice[T]], default: T | None = None) -> T:
            offered[message] = choices
            return super().select(message, choices, default)

    run = Run(script("breve"))
    run.prompter = Recording(script("breve"))
    run()
    loops = [
        (msg.ASK_ACTOR_TYPE, msg.NO_MORE_ACTORS),
        (msg.ASK_RELATION_FROM, msg.NO_MORE_RELATIONS),
        (msg.ASK_NEED_AREA, msg.NO_MORE_NEEDS),
        (msg.ASK_MEASURE_PRIMARY, msg.NO_MORE_MEASURES),
    ]
    for question, way_out in loops:
        first = offered[question][0]
        assert (first.title, first.value, first.searchable) == (way_out, None, False)
        # After the way out, the choice to correct the item just added (not searchable
        # either), then the list's own choices.
        rest = [c for c in offered[question][1:] if c.value != FIX]
        assert all(c.searchable for c in rest)
    # Typing «Altro» at the actor type shows the type Altro first, never the way out.
    actor_types = offered[msg.ASK_ACTOR_TYPE]
    shown = search_choices(actor_types, "Altro")
    assert shown and actor_types[shown[0]].value == "altro"


def test_summary_says_a_list_without_items_is_empty_not_complete() -> None:
    plain = load_yaml(BREVE).plain()
    summary = compute_summary(plain, load_catalog())
    assert summary.empty == ("relazioni",)
    assert summary.open_by_section["relazioni"] == 0
    table = sections_table(summary)
    assert table in summary_blocks(summary)
    states = {cell_text(label): cell_text(state) for label, state in table.rows}
    assert states[msg.SECTION_LABELS["relazioni"]] == "nessuna relazione"
    assert states[msg.SECTION_LABELS["comune"]] == msg.STATE_COMPLETE
    del plain["needs"]
    for measure in plain["measures"]:
        measure.pop("needs", None)
    assert compute_summary(plain, load_catalog()).empty == ("relazioni", "bisogni")
