"""Small things the wizard says and asks: the sections reported after Ctrl-C, counted
nouns in agreement, the months of a seasonal measure (scripted, through the CLI)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from incas_cli.catalog import load_catalog
from incas_cli.document.model import Table
from incas_cli.io import dump_yaml, load_yaml, new_document_data, parse_yaml
from incas_cli.messages import wizard as msg
from incas_cli.wizard.scripted import CTRL_C, ScriptedPrompter
from incas_cli.wizard.summary import compute_summary, summary_blocks
from tests.conftest import Cli
from tests.test_wizard_back import index_of, insert
from tests.test_wizard_flow import BREVE, Run, plain_of, replace_step, script


def _answer_with(monkeypatch: pytest.MonkeyPatch, steps: list[Any]) -> None:
    import incas_cli.cli.wizard as command
    import incas_cli.wizard.questionary_prompter as terminal

    monkeypatch.setattr(terminal, "QuestionaryPrompter", lambda: ScriptedPrompter(steps))
    monkeypatch.setattr(command, "require_terminal", lambda: None)


def _done_line(output: str) -> str:
    return next(line for line in output.splitlines() if "già complete" in line)


# --- Ctrl-C: only the sections answered are "già complete" ------------------------------


def test_ctrl_c_after_the_comune_lists_only_the_comune(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "piano.yaml"
    _answer_with(
        monkeypatch,
        [["procedere", "rapido"], ["Comune", "Lagnasco"], ["Inizio del periodo", CTRL_C]],
    )
    result = cli("plan", "new", str(target))
    assert result.exit_code == 130
    # Relations and the participatory path were never asked: their empty lists have no
    # open field, but they are not complete.
    assert _done_line(result.output) == "Sezioni già complete: Comune."
    assert "Sezione in corso: Periodo e stato" in result.output
    assert load_yaml(target).plain()["comune"]["istat_code"] == "004104"

    # plan edit of that file, interrupted after the period: Comune and Periodo only.
    _answer_with(
        monkeypatch,
        [
            ["Inizio del periodo", "2025-01"],
            ["Fine del periodo", "2027-12"],
            ["Descrizione del territorio", CTRL_C],
        ],
    )
    edited = cli("plan", "edit", str(target))
    assert edited.exit_code == 130
    assert _done_line(edited.output) == "Sezioni già complete: Comune, Periodo e stato."


# --- counted nouns agree with their number ----------------------------------------------


def _summary_lines(plain: Any) -> list[str]:

    return [b for b in summary_blocks(compute_summary(plain, load_catalog())) if isinstance(b, str)]


def test_the_summary_says_one_error_in_the_singular() -> None:
    plain = load_yaml(BREVE).plain()
    plain["stakeholders"][0]["power"] = "tanto"
    lines = _summary_lines(plain)
    assert "Il piano non è ancora leggibile: 1 errore di struttura." in lines
    plain["stakeholders"][1]["power"] = "poco"
    assert "Il piano non è ancora leggibile: 2 errori di struttura." in _summary_lines(plain)


def test_the_summary_counts_findings_as_label_and_number() -> None:
    plain = load_yaml(BREVE).plain()
    # One axis left uncovered: exactly one warning.
    plain["measures"][0]["actions"] = [5, 8]
    plain["measures"][1]["actions"] = [6, 9]
    lines = _summary_lines(plain)
    assert "Problemi: bloccanti 0, non bloccanti 1." in lines
    assert not any(" 1 bloccanti" in line or "1 non bloccanti" in line for line in lines)
    assert any(
        line.startswith("Non ancora pronto per l'adozione: con --final, ")
        and line.endswith("problemi bloccanti.")
        for line in lines
    )


def test_resuming_a_draft_counts_the_answers_kept_as_label_and_number() -> None:

    steps = script("breve")
    cut = index_of(steps, "Descrizione della misura", occurrence=1)
    run = Run([*steps[:cut], [steps[cut][0], CTRL_C]])
    with pytest.raises(KeyboardInterrupt):
        run()
    start = parse_yaml(dump_yaml(new_document_data(run.saved[-1])), "s.yaml").data
    resumed = Run(steps[cut:], start)()
    said = [s for s in resumed.prompter.shown if isinstance(s, str) and "in bozza" in s]
    assert said == [
        "Riprendo da dove si era interrotto: la misura «M2 Navetta estiva verso i frutteti», "
        "in bozza; risposte tenute: 3 (Azione principale; Azioni nazionali; Titolo)."
    ]


# --- the months of a seasonal measure ---------------------------------------------------


def _measure_review(run: Any, label: str) -> Any:

    reviews = [s for s in run.prompter.shown if isinstance(s, Table)]
    return next(r for r in reviews if str(r.title).startswith(f"Riepilogo: la misura «{label}"))


def test_the_full_path_asks_the_months_of_a_measure_and_reviews_them() -> None:

    run = Run(script("completo"), mode="completo")()
    asked = [a for a in run.prompter.asked if a.message == msg.ASK_MEASURE_SEASON]
    assert len(asked) == 1 and "tutto l'anno" in str(asked[0].instruction)
    assert plain_of(run.result)["measures"][0]["months"] == [6, 7, 8, 9, 10]
    review = _measure_review(run, "M1")
    assert ("Mesi di attività", "giugno; luglio; agosto; settembre; ottobre") in review.rows


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Sett.; ott", [9, 10]),
        ("lug-ago", [7, 8]),
        ("da novembre a febbraio", [1, 2, 11, 12]),
        ("tutto l'anno", None),  # active in every month between start and end
        ("Tutto l’anno", None),
        ("gennaio-dicembre", None),
        ("Sett.; tutto l'anno", None),  # the whole year holds September
    ],
)
def test_measure_months_read_the_italian_way(typed: str, stored: list[int] | None) -> None:

    steps = replace_step(script("completo"), "Mesi dell'anno in cui la misura", typed)
    run = Run(steps, mode="completo")()
    assert run.prompter.rejections == []
    assert plain_of(run.result)["measures"][0].get("months") == stored


def test_a_word_that_is_not_a_month_is_refused_and_asked_again() -> None:

    steps = insert(
        script("completo"),
        "Mesi dell'anno in cui la misura",
        ["Mesi dell'anno in cui la misura", "estate"],
    )
    run = Run(steps, mode="completo")()
    assert [r.error.split(":")[0] for r in run.prompter.rejections] == ["«estate» non è un mese"]
    assert plain_of(run.result)["measures"][0]["months"] == [6, 7, 8, 9, 10]


def test_the_essential_path_does_not_ask_the_months_of_a_measure() -> None:

    run = Run(script("breve"))()
    assert msg.ASK_MEASURE_SEASON not in [a.message for a in run.prompter.asked]
    assert len(run.prompter.asked) < 60


@pytest.mark.parametrize(
    "typed", ["Sett.; tutto l'anno", "tutto l'anno, agosto", "ago e tutti i mesi"]
)
def test_crop_peak_months_with_the_whole_year_beside_a_month_are_every_month(
    typed: str,
) -> None:

    run = Run(replace_step(script("breve"), "Mesi di picco", typed))()
    assert run.prompter.rejections == []
    crop = plain_of(run.result)["context"]["crops"][0]
    assert crop["peak_months"] == list(range(1, 13))


# --- the commands the user is told to run can be pasted, whatever the file's name -------


def _command_in(output: str, start: str) -> list[str]:
    """The arguments of the suggested «incas …» command on the line that has ``start``."""
    import shlex

    line = next(line for line in output.splitlines() if start in line)
    return shlex.split(line[line.index("incas ") :].rstrip("»."))[1:]


def test_a_file_name_with_spaces_is_quoted_in_the_commands_suggested(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "Piani Comunità"
    folder.mkdir()
    _answer_with(
        monkeypatch,
        [
            ["procedere", "rapido"],
            ["Comune", "Lagnasco"],
            ["Nome del file", "Piano Lagnasco è.yaml"],
            ["Inizio del periodo", CTRL_C],
        ],
    )
    result = cli("plan", "new", cwd=folder)
    assert result.exit_code == 130
    resume = _command_in(result.output, "Per riprendere")
    assert resume == ["plan", "edit", "Piano Lagnasco è.yaml"]

    # plan init says which command comes next: pasted, it works on the draft.
    init = cli("plan", "init", "piano di l'aquila.yaml", "--comune", "L'Aquila", cwd=folder)
    assert init.exit_code == 0, init.output
    status = _command_in(init.output, "Prossimi passi")
    assert status == ["plan", "status", "piano di l'aquila.yaml"]
    assert cli(*status, cwd=folder).exit_code == 0
    draft = (folder / "piano di l'aquila.yaml").read_text(encoding="utf-8")
    assert '`incas plan status "piano di l\'aquila.yaml"`' in draft


def test_a_file_name_in_a_missing_folder_is_asked_again(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command used to stop with an error after the Comune was typed."""
    from incas_cli.wizard.scripted import ScriptedPrompter

    steps: list[Any] = [
        ["procedere", "rapido"],
        ["Comune", "Lagnasco"],
        ["Nome del file", "nuova cartella/piano.yaml"],
        ["Nome del file", "piano.yaml"],
        ["Inizio del periodo", CTRL_C],
    ]
    prompter = ScriptedPrompter(steps)
    import incas_cli.cli.wizard as command
    import incas_cli.wizard.questionary_prompter as terminal

    monkeypatch.setattr(terminal, "QuestionaryPrompter", lambda: prompter)
    monkeypatch.setattr(command, "require_terminal", lambda: None)
    result = cli("plan", "new", cwd=tmp_path)
    assert result.exit_code == 130, result.output
    assert [(r.answer, r.error) for r in prompter.rejections] == [
        ("nuova cartella/piano.yaml", msg.FILE_FOLDER_MISSING.format(folder="nuova cartella"))
    ]
    assert load_yaml(tmp_path / "piano.yaml").plain()["comune"]["name"] == "Lagnasco"


def test_plan_new_of_a_file_in_a_missing_folder_stops_before_any_question(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer_with(monkeypatch, [])  # no question may be asked
    result = cli("plan", "new", "manca/piano.yaml", cwd=tmp_path)
    assert result.exit_code == 1, result.output
    assert "la cartella «manca» non esiste" in result.output
