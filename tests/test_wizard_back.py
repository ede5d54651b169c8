"""Going back, correcting one field, and drafts: the wizard loses nothing (scripted)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from incas_cli.document.model import Table
from incas_cli.io import dump_yaml, load_yaml, new_document_data, parse_yaml
from incas_cli.messages import wizard as msg
from incas_cli.wizard import MARKER_KEY
from incas_cli.wizard.lists import FIX
from incas_cli.wizard.scripted import BACK, CTRL_C, ENTER
from incas_cli.wizard.scripted import ScriptedPrompter as ScriptedPrompterBase
from tests.conftest import Cli
from tests.test_wizard_flow import BREVE, Run, plain_of, script


def index_of(steps: list[Any], fragment: str, occurrence: int = 0) -> int:
    seen = 0
    for index, step in enumerate(steps):
        if fragment.casefold() in str(step[0]).casefold():
            if seen == occurrence:
                return index
            seen += 1
    raise AssertionError(fragment)


def insert(steps: list[Any], before: str, *new: Any, occurrence: int = 0) -> list[Any]:
    at = index_of(steps, before, occurrence)
    return [*steps[:at], *new, *steps[at:]]


def messages(run: Run) -> list[str]:
    return [a.message for a in run.prompter.asked]


# --- the "domanda precedente" key -------------------------------------------------------


def test_back_inside_a_measure_asks_the_previous_question_again() -> None:
    steps = script("breve")
    # At the first measure's start month: back to the lead (a select), then forward again.
    steps = insert(
        steps,
        "Inizio della misura",
        ["Inizio della misura", BACK],
        ["Capofila", ENTER],
    )
    run = Run(steps)()
    asked = messages(run)
    at = asked.index(msg.ASK_MEASURE_START)
    assert asked[at : at + 3] == [
        msg.ASK_MEASURE_START,
        msg.ASK_MEASURE_LEAD,
        msg.ASK_MEASURE_START,
    ]
    assert plain_of(run.result) == load_yaml(BREVE).plain()


def test_a_typed_less_than_is_the_back_key_and_a_corrected_answer_is_kept() -> None:
    steps = script("breve")
    # «Gravità» 5, then «<» at «Urgenza»: Gravità again, corrected to 4.
    steps = insert(steps, "Urgenza", ["Urgenza", "<"], ["Gravità", "4"])
    run = Run(steps)()
    assert plain_of(run.result)["needs"][0]["severity"] == 4
    assert run.prompter.rejections == []


def test_back_from_the_next_opener_reopens_the_last_question_of_the_item_before() -> None:
    steps = script("breve")
    # After the Prefettura (5 questions), «<» at the next actor type: its engagement again.
    steps = insert(
        steps,
        "Tipo del prossimo attore",
        ["Tipo del prossimo attore", BACK],
        ["Coinvolgimento", "informare"],
        occurrence=1,
    )
    run = Run(steps)()
    prefettura = plain_of(run.result)["stakeholders"][1]
    assert prefettura["engagement"] == "informare"
    assert len(plain_of(run.result)["stakeholders"]) == 3


def test_back_from_the_first_question_of_a_section_goes_to_the_section_before() -> None:
    steps = script("breve")
    # The first question of «Periodo»: back to the Comune, then the period again.
    steps = insert(
        steps,
        "Inizio del periodo",
        ["Inizio del periodo", BACK],
        ["Comune", ENTER],
    )
    run = Run(steps)()
    assert plain_of(run.result) == load_yaml(BREVE).plain()


def test_back_at_the_very_first_question_says_there_is_none() -> None:
    steps = [["procedere", BACK], *script("breve")]
    run = Run(steps)()
    assert msg.AT_FIRST_QUESTION in run.prompter.shown
    assert plain_of(run.result) == load_yaml(BREVE).plain()


# --- review and one field corrected -------------------------------------------------------


def test_each_new_item_is_reviewed_and_one_field_can_be_corrected_from_the_next_opener() -> None:
    steps = script("breve")
    steps = insert(
        steps,
        "Tipo del prossimo attore",
        ["Tipo del prossimo attore", FIX],
        ["Quale campo di «Prefettura di Cuneo»", 4],  # the fields' index: power
        ["Potere", "4"],
        occurrence=1,
    )
    offered: dict[str, list[str]] = {}

    class Recording(ScriptedPrompterBase):
        def select(self, message: str, choices: Any, default: Any = None) -> Any:
            offered[message] = [c.title for c in choices]
            return super().select(message, choices, default)

    run = Run(steps)
    run.prompter = Recording(steps)
    run()
    assert plain_of(run.result)["stakeholders"][1]["power"] == 4
    # The question after each new item is its review, and also asks the next item's first
    # answer: no question is added to the path.
    asked = messages(run)
    review = (
        "Confermi l'attore «Prefettura di Cuneo» o correggi un campo? "
        "Se confermi: tipo del prossimo attore"
    )
    assert asked.count(review) == 2  # corrected, then reviewed again
    assert offered[review][:2] == [
        "Confermo; nessun altro attore: avanti",
        "Correggo un campo",
    ]
    assert "Regione" in offered[review][2:]  # the next actor's type, when confirmed
    assert asked[asked.index(review) - 1].startswith("Coinvolgimento di «Prefettura")
    assert any(m.startswith("Confermi il bisogno «N1 [Alloggio]") for m in asked)
    assert any(m.startswith("Confermi la misura «M1 ") for m in asked)
    # The first question of a list reviews nothing.
    assert msg.ASK_ACTOR_TYPE in asked and msg.ASK_NEED_AREA in asked
    assert len(asked) == 57 + 3
    reviews = [s for s in run.prompter.shown if isinstance(s, Table)]
    titles = [r.title for r in reviews]
    assert "Riepilogo: l'attore «Prefettura di Cuneo»" in titles
    assert any(str(t).startswith("Riepilogo: il bisogno «N1 [Alloggio]") for t in titles)
    measure = next(r for r in reviews if str(r.title).startswith("Riepilogo: la misura «M1"))
    assert ("Capofila", "Comune di Lagnasco") in measure.rows  # actors by name, not id
    assert ("Inizio", "2025-05") in measure.rows
    # Money as the user wrote it, the source by its name (not 60000.00 and «fnpm»).
    assert ("Voci di spesa", "60.000,00\u00a0€ (FNPM)") in measure.rows


def test_plan_edit_jumps_to_one_field_of_one_item() -> None:
    breve = load_yaml(BREVE)
    steps = [
        ["Misure: cosa vuoi fare?", "edit:1"],
        ["cosa vuoi modificare", 11],  # the end month only
        ["Fine della misura", "2026-10"],
        ["Misure: cosa vuoi fare?", "next"],
    ]
    run = Run(steps, breve.data, sections=["misure"])()
    data = plain_of(run.result)
    assert data["measures"][1]["end"] == "2026-10"
    expected = load_yaml(BREVE).plain()
    expected["measures"][1]["end"] = "2026-10"
    assert data == expected


# --- drafts -------------------------------------------------------------------------------


def _interrupted_in_the_second_measure() -> tuple[list[Any], int, Run]:
    steps = script("breve")
    cut = index_of(steps, "Importo", occurrence=1)
    run = Run([*steps[:cut], [steps[cut][0], CTRL_C]])
    with pytest.raises(KeyboardInterrupt):
        run()
    return steps, cut, run


def test_ctrl_c_inside_a_measure_keeps_it_as_a_draft_with_every_answer(tmp_path: Any) -> None:
    _, _, run = _interrupted_in_the_second_measure()
    saved = run.saved[-1]
    draft = saved["measures"][1]
    assert draft["draft"] is True
    assert draft["title"] == "Navetta estiva verso i frutteti"
    assert (draft["start"], draft["end"]) == ("2025-06", "2027-12")
    assert "budget" not in draft
    place = saved[MARKER_KEY]
    assert place["resume"][0] == "misure"
    assert place["adding"] == "measures"
    assert place["draft"]["list"] == "measures" and place["draft"]["id"] == "M2"


def test_a_draft_is_reported_by_validate_and_blocks_final(tmp_path: Any, cli: Cli) -> None:
    _, _, run = _interrupted_in_the_second_measure()
    target = tmp_path / "bozza.yaml"
    target.write_text(dump_yaml(new_document_data(run.saved[-1])), encoding="utf-8")
    result = cli("plan", "validate", str(target))
    assert "DRAFT_ITEM" in result.output or "è una bozza" in result.output
    assert "La misura «M2» è una bozza" in result.output
    final = cli("plan", "validate", "--final", str(target))
    assert final.exit_code != 0
    assert "La misura «M2» è una bozza" in final.output


def test_plan_edit_resumes_inside_the_draft_with_every_answer_kept() -> None:
    steps, cut, run = _interrupted_in_the_second_measure()
    start = parse_yaml(dump_yaml(new_document_data(run.saved[-1])), "saved.yaml").data
    resumed = Run(steps[cut:], start)()
    # The first question asked is the one interrupted: the amount of the second measure.
    assert resumed.prompter.asked[0].message == msg.ASK_BUDGET_AMOUNT
    said = [s for s in resumed.prompter.shown if isinstance(s, str)]
    assert any(s.startswith("Riprendo da dove si era interrotto: la misura «M2") for s in said)
    assert any("Titolo" in s and "Descrizione" in s for s in said)
    assert plain_of(resumed.result) == load_yaml(BREVE).plain()


def test_ctrl_c_before_the_required_title_keeps_no_half_measure() -> None:
    steps = script("breve")
    cut = index_of(steps, "Titolo della misura", occurrence=1)
    run = Run([*steps[:cut], [steps[cut][0], CTRL_C]])
    with pytest.raises(KeyboardInterrupt):
        run()
    # The file holds the first measure, complete, and no measure without a title.
    last = run.saved[-1]
    assert [m["id"] for m in last["measures"]] == ["M1"]
    assert "draft" not in last["measures"][0]


# --- the participatory path ---------------------------------------------------------------


def test_the_participatory_path_entered_in_the_wizard_reaches_the_document(
    tmp_path: Any, cli: Cli
) -> None:
    import docx

    run = Run(script("completo"), mode="completo")()
    meeting = plain_of(run.result)["process"]["meetings"][0]
    assert meeting == {
        "date": dt.date(2024, 10, 15),
        "kind": "tavolo",
        "table": "Tavolo alloggio",
        "participants": ["comune", "prefettura-cn"],  # the table's members, ticked
        "summary": "Mappati gli alloggi disponibili.",
    }
    plan = tmp_path / "piano.yaml"
    plan.write_text(dump_yaml(run.result), encoding="utf-8")
    out = tmp_path / "piano.docx"
    result = cli("plan", "render", str(plan), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    tables = "\n".join(
        cell.text for t in docx.Document(str(out)).tables for row in t.rows for cell in row.cells
    )
    assert "Mappati gli alloggi disponibili." in text + tables


def test_final_needs_a_recorded_path_and_tables_with_participants(tmp_path: Any, cli: Cli) -> None:
    result = cli("plan", "validate", "--final", str(BREVE))
    assert "PROCESS_NOT_RECORDED" in result.output
    assert "il percorso partecipativo non è documentato" in result.output
    data = load_yaml(BREVE).plain()
    data["process"] = {"meetings": [{"date": "2025-02-10", "kind": "tavolo", "table": "Alloggi"}]}
    plan = tmp_path / "p.yaml"
    plan.write_text(dump_yaml(new_document_data(data)), encoding="utf-8")
    draft = cli("plan", "validate", str(plan))
    assert "Tavolo tematico «Alloggi» non ha partecipanti" in draft.output
    final = cli("plan", "validate", "--final", str(plan))
    assert "PROCESS_NOT_RECORDED" not in final.output
    assert "MEETING_WITHOUT_PARTICIPANTS" in final.output
    assert final.exit_code != 0


def test_section_names_any_case_and_an_italian_error_with_the_close_one(cli: Cli) -> None:
    result = cli("plan", "edit", str(BREVE), "--section", "misura")
    assert result.exit_code == 2
    assert "«misura» non è una sezione (forse «misure»?)" in result.output
    assert "Value error" not in result.output
    upper = cli("plan", "edit", str(BREVE), "--section", "Misure")
    assert "non è una sezione" not in upper.output  # accepted (then: no terminal here)


# --- numbers, dates, months and names as planners write them -----------------------------


def test_italian_thousands_in_an_integer_field_of_the_file_are_refused(
    tmp_path: Any, cli: Cli
) -> None:
    text = BREVE.read_text(encoding="utf-8").replace("workers: 350", "workers: 3.000")
    assert "workers: 3.000" in text
    plan = tmp_path / "p.yaml"
    plan.write_text(text, encoding="utf-8")
    result = cli("plan", "validate", str(plan))
    assert result.exit_code != 0
    assert "«3.000» sembra scritto con il punto delle migliaia" in result.output
    assert "scrivi 3000" in result.output


@pytest.mark.parametrize(
    ("fragment", "wrong", "error", "right"),
    [
        ("Lavoratori impiegati", "circa 3.000", "«circa 3.000» non è un numero", "3.000"),
        ("Importo", "sessantamila", "«sessantamila» non è un numero", "60.000"),
        ("Potere", "alta", "da 1 (basso) a 5 (alto)", "5"),
        # A count: no decimals, and a percentage is not a number of people.
        ("Lavoratori impiegati", "1.500,50", "«1.500,50» non è un numero intero", "350"),
        ("Lavoratori impiegati", "30%", "«30%» non è un numero intero", "350"),
        ("Lavoratori impiegati", "circa tremila", "es. 3000 o 3.000", "350"),
        # An amount of money is not a percentage either.
        ("Importo", "30%", "«30%» non è un numero", "60.000"),
        # A date where a month is asked: its month, unless the day does not exist.
        ("Inizio del periodo", "31/06/2025", "il 31 giugno 2025 non esiste", "2025-01"),
    ],
)
def test_wrong_numbers_get_a_message_that_agrees_with_what_is_accepted(
    fragment: str, wrong: str, error: str, right: str
) -> None:
    from tests.test_wizard_flow import replace_step

    run = Run(replace_step(script("breve"), fragment, wrong, right))()
    assert len(run.prompter.rejections) == 1
    rejected = run.prompter.rejections[0].error
    assert error in rejected
    for refused in ("1.200", "150000.00", "AAAA-MM"):  # forms that are accepted
        assert refused not in rejected
    if fragment == "Lavoratori impiegati":  # no decimals offered for a count
        assert "1.500,50" not in rejected.replace(f"«{wrong}»", "")
    reference = load_yaml(BREVE).plain()
    if right == "3.000":
        reference["context"]["crops"][0]["workers"] = 3000
    assert plain_of(run.result) == reference


def test_a_percentage_answers_a_quantity() -> None:
    from tests.test_wizard_flow import replace_step

    run = Run(replace_step(script("completo"), "Valore obiettivo", "40%"), mode="completo")()
    assert run.prompter.rejections == []
    indicators = [i for m in plain_of(run.result)["measures"] for i in m.get("indicators", [])]
    assert 40 in [i.get("target") for i in indicators]


def test_a_whole_date_typed_for_a_month_gives_its_month() -> None:
    from tests.test_wizard_flow import replace_step

    run = Run(replace_step(script("breve"), "Inizio del periodo", "15/01/2025"))()
    assert run.prompter.rejections == []
    assert plain_of(run.result)["plan"]["period"]["start"] == "2025-01"


def test_dates_months_and_names_as_written() -> None:
    from incas_cli.wizard.answers import existing_day, iso_date, read_months

    assert iso_date("12 marzo 2025") == "2025-03-12"
    with pytest.raises(ValueError, match="il 31 giugno 2025 non esiste: giugno ha 30 giorni"):
        existing_day(iso_date("31/06/2025"))
    assert read_months("Sett.") == [9]
    assert read_months("tutto l'anno") == list(range(1, 13))
    from tests.test_wizard_flow import replace_step

    steps = replace_step(script("breve"), "Comune", "San Severo di Puglia", "Lagnasco")
    run = Run(steps)()
    assert "forse San Severo (FG)?" in run.prompter.rejections[0].error


def test_an_email_with_a_comma_is_refused() -> None:
    from incas_cli.wizard.network_steps import email_error

    assert email_error("a@esempio.it, b@esempio.it") is not None
    assert email_error("referente@comune.esempio.it") is None


def test_the_end_summary_names_the_open_fields_and_says_if_ready_for_final() -> None:
    run = Run(script("breve"))()
    lines = [s for s in run.prompter.shown if isinstance(s, str)]
    assert any(line.strip() == "ufficio responsabile (plan.office)" for line in lines)
    assert any(line.startswith("Non ancora pronto per l'adozione: con --final, ") for line in lines)
    # 13 open fields: all named (a line «… e altri 1» would take the place of the last).
    named = [line for line in lines if re.fullmatch(r"  [^!].* \([\w.\[\]]+\)", line)]
    assert len(named) == 13, named
    assert not any("e altri" in line for line in lines)


def test_each_line_of_a_multi_line_answer_is_a_paragraph() -> None:
    from tests.test_wizard_flow import replace_step

    steps = replace_step(
        script("breve"), "Descrizione del territorio", "Meleti e pescheti.\nRaccolta estiva."
    )
    run = Run(steps)()
    description = plain_of(run.result)["context"]["description"]
    assert description == "Meleti e pescheti.\n\nRaccolta estiva."


# --- an unexpected error ------------------------------------------------------------------


class _Broken(ScriptedPrompterBase):
    """Answers from a script, then fails the way a bug would at one question."""

    def select(self, message: str, choices: Any, default: Any = None) -> Any:
        if message.startswith("Fonte di finanziamento"):
            raise RuntimeError("a bug")
        return super().select(message, choices, default)


class _BrokenAtOnce(ScriptedPrompterBase):
    def select(self, message: str, choices: Any, default: Any = None) -> Any:
        raise RuntimeError("a bug")


def test_an_unexpected_error_saves_the_item_in_progress_and_speaks_italian(
    tmp_path: Any, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import incas_cli.cli.wizard as command
    import incas_cli.wizard.questionary_prompter as terminal

    target = tmp_path / "breve.yaml"
    target.write_text(BREVE.read_text(encoding="utf-8"), encoding="utf-8")
    steps = [
        ["Misure: cosa vuoi fare?", "add"],
        ["Azione nazionale principale", 3],
        ["Altre azioni", []],
        ["Punto di partenza", None],
        ["Titolo della misura", "Sportello nei campi"],
        ["Descrizione della misura", ENTER],
        ["Obiettivo della misura", ENTER],
        ["Bisogni a cui risponde", []],
        ["Capofila", ENTER],
        ["Partner", []],
        ["Inizio della misura", ENTER],
        ["Fine della misura", ENTER],
        ["Mesi dell'anno in cui la misura", ENTER],
        ["Importo", "1.000"],
    ]
    monkeypatch.setattr(terminal, "QuestionaryPrompter", lambda: _Broken(steps))
    monkeypatch.setattr(command, "require_terminal", lambda: None)
    result = cli("plan", "edit", str(target), "--section", "misure")
    assert result.exit_code == 1
    assert "Errore imprevisto" in result.output
    assert "Traceback" not in result.output and "RuntimeError" not in result.output
    assert "In bozza (misura M3 «Sportello nei campi»)" in result.output
    saved = load_yaml(target).plain()
    assert saved["measures"][2]["draft"] is True
    assert saved["measures"][2]["budget"] == [{"amount": 1000}]
    # With --debug the error and its traceback go through (to be reported).
    monkeypatch.setattr(terminal, "QuestionaryPrompter", lambda: _BrokenAtOnce([]))
    with pytest.raises(RuntimeError):
        cli("plan", "edit", str(target), "--section", "misure", "--debug")
