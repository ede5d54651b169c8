"""Hand edits made while the wizard is open survive its saves (two writers, one file)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from incas_cli.io import dump_yaml, load_yaml, parse_yaml
from incas_cli.wizard.merge import merge_hand_edits
from tests.test_wizard_terminal import REPO, _finish, _spawn

BASE = """\
schema_version: 1
plan:
  title: Piano
  office: Servizi sociali
stakeholders:
  - id: comune
    name: Comune di Lagnasco
  - id: caritas
    name: Caritas
"""


def _trees(hand: str) -> tuple[Any, Any, Any]:
    base = parse_yaml(BASE, "base.yaml")
    live = parse_yaml(BASE, "live.yaml").data
    disk = parse_yaml(hand, "disk.yaml").data
    return live, base.plain(), disk


def test_a_renamed_actor_and_a_comment_by_hand_stay_beside_the_wizards_answer() -> None:
    hand = BASE.replace("name: Caritas", "name: Caritas diocesana  # verificato al telefono")
    hand = hand.replace("plan:\n", "# bozza per la Giunta\nplan:\n")
    live, base, disk = _trees(hand)
    live["plan"]["office"] = "Settore Politiche sociali"  # the wizard's answer
    result = merge_hand_edits(live, base, disk)
    assert result.conflicts == []
    assert result.taken == ["stakeholders[1].name"]
    text = dump_yaml(live)
    assert "office: Settore Politiche sociali" in text
    assert "name: Caritas diocesana  # verificato al telefono" in text
    assert "# bozza per la Giunta" in text


def test_an_actor_added_by_hand_and_one_added_by_the_wizard_are_both_kept() -> None:
    hand = BASE + "  - id: prefettura-cn\n    name: Prefettura di Cuneo\n"
    live, base, disk = _trees(hand)
    live["stakeholders"].append(parse_yaml("{id: asl, name: ASL CN1}", "x").data)
    result = merge_hand_edits(live, base, disk)
    assert result.conflicts == []
    ids = [s["id"] for s in load(live)["stakeholders"]]
    assert ids == ["comune", "caritas", "asl", "prefettura-cn"]


def test_the_same_field_changed_by_hand_and_by_the_wizard_is_a_conflict_and_nothing_moves() -> None:
    hand = BASE.replace("office: Servizi sociali", "office: Ufficio di piano")
    live, base, disk = _trees(hand)
    live["plan"]["office"] = "Settore Politiche sociali"
    result = merge_hand_edits(live, base, disk)
    assert result.conflicts == ["plan.office"]
    assert live["plan"]["office"] == "Settore Politiche sociali"


def load(tree: Any) -> Any:
    return parse_yaml(dump_yaml(tree), "x").plain()


@pytest.mark.terminal
def test_a_hand_edit_made_during_plan_edit_survives_the_next_save(tmp_path: Path) -> None:
    target = tmp_path / "breve.yaml"
    shutil.copy(REPO / "examples" / "breve.yaml", target)
    child = _spawn("plan", "edit", str(target), "--section", "periodo", cwd=tmp_path)
    child.expect("Inizio del periodo")
    # The second writer: a colleague renames an actor and adds a comment in an editor.
    text = target.read_text(encoding="utf-8")
    assert "name: Prefettura di Cuneo" in text
    text = text.replace(
        "name: Prefettura di Cuneo", "name: Prefettura - UTG di Cuneo  # nome ufficiale"
    )
    target.write_text(text, encoding="utf-8")
    child.send("\r")
    child.expect("Fine del periodo")
    child.send("2027-06\r")
    child.expect("Stato del piano")
    child.send("\r")
    child.expect("Versione")
    child.send("\r")
    child.expect("Ufficio comunale")
    child.send("Settore Politiche sociali\r")
    child.expect("Chi redige")
    child.send("\r")
    child.expect("è stato modificato fuori dalla procedura")
    child.expect("Piano salvato")
    assert _finish(child) == 0
    saved = target.read_text(encoding="utf-8")
    assert "name: Prefettura - UTG di Cuneo  # nome ufficiale" in saved
    plan = load_yaml(target).plain()["plan"]
    assert plan["period"]["end"] == "2027-06"
    assert plan["office"] == "Settore Politiche sociali"


@pytest.mark.terminal
def test_a_conflicting_hand_edit_stops_and_keeps_both_versions(tmp_path: Path) -> None:
    target = tmp_path / "breve.yaml"
    shutil.copy(REPO / "examples" / "breve.yaml", target)
    child = _spawn("plan", "edit", str(target), "--section", "periodo", cwd=tmp_path)
    child.expect("Inizio del periodo")
    text = target.read_text(encoding="utf-8")
    hand = text.replace("end: 2027-12", "end: 2026-12")
    assert hand != text
    target.write_text(hand, encoding="utf-8")
    child.send("\r")
    child.expect("Fine del periodo")
    child.send("2027-06\r")
    for question in ("Stato del piano", "Versione", "Ufficio comunale", "Chi redige"):
        child.expect(question)
        child.send("\r")
    child.expect("non lo sovrascrivo")
    assert _finish(child) == 1
    assert target.read_text(encoding="utf-8") == hand  # the hand edit, untouched
    aside = load_yaml(tmp_path / "breve.yaml.procedura.yaml").plain()
    assert aside["plan"]["period"]["end"] == "2027-06"
