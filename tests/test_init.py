"""`incas plan init`: a valid, commented draft for a Comune, by name or code, with --from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incas_cli.catalog import load_catalog, load_comuni, normalize_name
from incas_cli.checks import check_document, open_fields
from incas_cli.io import load_yaml, parse_yaml
from incas_cli.scaffold import resolve_comune, yaml_flow_list, yaml_scalar
from incas_cli.schema import schema_json
from tests.conftest import Cli
from tests.helpers import EXAMPLES, minimal_plan, write_plan
from tests.strategies import examples

SCHEMA_LINE = "# yaml-language-server: $schema=plan.schema.json"
USUAL_IDS_CN = [
    "comune",
    "prefettura-cn",
    "itl-cn",
    "inps-cn",
    "asl",
    "cpi",
    "sindacati",
    "associazioni-datoriali",
    "terzo-settore",
]


def _load(path: Path) -> tuple[Any, dict[str, Any]]:
    doc = load_yaml(path)
    return doc, doc.plain()


def test_by_name_writes_a_valid_commented_draft(cli: Cli, tmp_path: Path) -> None:
    ran = cli(
        "plan",
        "init",
        "piano.yaml",
        "--comune",
        "Saluzzo",
        "--period",
        "2025-01:2027-12",
        cwd=tmp_path,
    )
    code, err = ran.exit_code, ran.stderr
    assert code == 0, err
    path = tmp_path / "piano.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    assert (tmp_path / "plan.schema.json").read_text(encoding="utf-8") == schema_json() + "\n"

    doc, data = _load(path)
    result = check_document(doc)
    assert result.ok and result.findings == []
    assert data["comune"] == {
        "name": "Saluzzo",
        "istat_code": "004203",
        "province": "CN",
        "region": "Piemonte",
        "partners": [],
    }
    assert data["plan"]["period"] == {"start": "2025-01", "end": "2027-12"}
    assert data["plan"]["status"] == "bozza"
    assert data["plan"]["national_plan"] == load_catalog().default_national_plan
    assert [s["id"] for s in data["stakeholders"]] == USUAL_IDS_CN
    assert data["stakeholders"][1]["name"] == "Prefettura di Cuneo"
    for s in data["stakeholders"]:
        assert s["role"]  # the catalogue's usual role, editable
        assert s["power"] is None and s["interest"] is None and s["engagement"] is None
        assert "contact" not in s
    body = data["governance"]["steering_body"]
    assert body["coordinator"] == "comune"
    assert body["members"] == USUAL_IDS_CN
    assert data["needs"] == [] and data["measures"] == [] and data["relations"] == []

    # 39 open fields: office, description, crops, workforce, the phenomenon, 9 x (power,
    # interest, engagement), the manager, needs, the general objective, the specific
    # objectives, measures, monitoring reviews and reporting.
    assert result.plan is not None
    assert len(open_fields(result.plan)) == 39
    assert "campi da completare: 39" in err
    assert "Saluzzo (CN); attori: 9;" in err
    # guidance for each section, as comments that survive a round trip
    for heading in ("Il piano", "Il Comune", "Il territorio", "La rete degli attori"):
        assert f"# --- {heading}" in text
    for heading in ("Governance", "Bisogni", "Misure", "Monitoraggio", "Percorso partecipativo"):
        assert f"# --- {heading}" in text
    for heading in ("Organizzazione interna del Comune", "Strategia"):
        assert f"# --- {heading}" in text
    assert data["strategy"] == {"general_objective": None, "specific_objectives": []}
    assert data["organization"] == {"manager": None, "offices": [], "reporting": None}
    assert data["context"]["phenomenon"] is None and data["context"]["data"] == []
    assert "prevenzione | vigilanza-contrasto | protezione-assistenza | reintegrazione" in text
    assert "status: assicurato | richiesto | da-reperire" in text
    assert "incas catalog actions" in text
    assert "informare | consultare | coinvolgere | collaborare | delegare" in text


def test_by_istat_code_without_period_leaves_it_open(cli: Cli, tmp_path: Path) -> None:
    ran = cli("plan", "init", "castro.yaml", "--comune", "075096", cwd=tmp_path)
    code, err = ran.exit_code, ran.stderr
    assert code == 0, err
    doc, data = _load(tmp_path / "castro.yaml")
    assert data["comune"]["name"] == "Castro"
    assert data["comune"]["province"] == "LE"
    assert data["comune"]["region"] == "Puglia"
    assert data["plan"]["period"] == {"start": None, "end": None}
    result = check_document(doc)
    assert result.ok
    assert result.plan is not None
    kinds = [o.kind for o in open_fields(result.plan)]
    assert kinds[:2] == ["plan.period.start", "plan.period.end"]
    assert len(kinds) == 41
    assert [s["id"] for s in data["stakeholders"]][:3] == ["comune", "prefettura-le", "itl-le"]


def test_name_with_province_and_short_code(cli: Cli, tmp_path: Path) -> None:
    assert cli("plan", "init", "a.yaml", "--comune", "Castro (LE)", cwd=tmp_path).exit_code == 0
    assert _load(tmp_path / "a.yaml")[1]["comune"]["istat_code"] == "075096"
    assert cli("plan", "init", "b.yaml", "-c", "4203", cwd=tmp_path).exit_code == 0
    assert _load(tmp_path / "b.yaml")[1]["comune"]["name"] == "Saluzzo"


def test_ambiguous_name_asks_for_the_code(cli: Cli, tmp_path: Path) -> None:
    result = cli("plan", "init", "piano.yaml", "--comune", "Castro", cwd=tmp_path)
    code, out, err = result.exit_code, result.stdout, result.stderr
    assert code == 2
    assert (
        "errore: il nome «Castro» corrisponde a più Comuni: Castro (BG, Lombardia, codice "
        "016065) o Castro (LE, Puglia, codice 075096)"
    ) in err
    assert "suggerimento: indica il codice ISTAT, ad esempio --comune 016065" in err
    assert '(oppure --comune "Castro (BG)")' in err
    assert not (tmp_path / "piano.yaml").exists()
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    ("comune", "message", "hint"),
    [
        (
            "Saluzo",
            "nell'elenco ISTAT non c'è un Comune «Saluzo»",
            "forse intendevi Saluzzo (CN, codice 004203)",
        ),
        (
            "004299",
            "nell'elenco ISTAT non c'è un Comune con codice 004299",
            "forse intendevi ",
        ),
        (
            "Castro (TO)",
            "il Comune «Castro» non è in provincia di TO",
            "Castro (LE, codice 075096)",
        ),
        ("  ", "indica il Comune del piano", "--comune Saluzzo"),
    ],
)
def test_unknown_comune_suggests(
    cli: Cli, tmp_path: Path, comune: str, message: str, hint: str
) -> None:
    result = cli("plan", "init", "piano.yaml", "--comune", comune, cwd=tmp_path)
    code, err = result.exit_code, result.stderr
    assert code == 2
    assert f"errore: {message}" in err
    assert hint in err
    assert not (tmp_path / "piano.yaml").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2025"], 'il periodo "2025" non è nel formato AAAA-MM:AAAA-MM'),
        (
            ["--period", "2027-01:2025-12"],
            "il periodo finisce (2025-12) prima di iniziare (2027-01)",
        ),
        (["--period", "2025-13:2027-12"], "non è nel formato AAAA-MM:AAAA-MM"),
    ],
)
def test_bad_period(cli: Cli, tmp_path: Path, args: list[str], message: str) -> None:
    result = cli("plan", "init", "piano.yaml", "--comune", "Saluzzo", *args, cwd=tmp_path)
    code, err = result.exit_code, result.stderr
    assert code == 2
    assert message in err


def test_not_a_yaml_name(cli: Cli, tmp_path: Path) -> None:
    result = cli("plan", "init", "piano.txt", "--comune", "Saluzzo", cwd=tmp_path)
    code, err = result.exit_code, result.stderr
    assert code == 2
    assert "piano.txt: errore: il file di piano deve avere estensione .yaml o .yml" in err
    assert "incas plan init piano.yaml" in err


def test_never_overwrites_without_force(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "piano.yaml"
    path.write_text("# il mio lavoro\n", encoding="utf-8")
    result = cli("plan", "init", "piano.yaml", "--comune", "Saluzzo", cwd=tmp_path)
    code, err = result.exit_code, result.stderr
    assert code == 2
    assert "piano.yaml: errore: il file esiste già" in err
    assert "--force" in err
    assert path.read_text(encoding="utf-8") == "# il mio lavoro\n"
    result = cli("plan", "init", "piano.yaml", "--comune", "Saluzzo", "--force", cwd=tmp_path)
    code, err = result.exit_code, result.stderr
    assert code == 0, err
    assert path.read_text(encoding="utf-8").startswith(SCHEMA_LINE)
    assert not list(tmp_path.glob(".*.tmp"))


def test_missing_folder_is_an_input_error(cli: Cli, tmp_path: Path) -> None:
    result = cli("plan", "init", "manca/piano.yaml", "--comune", "Saluzzo", cwd=tmp_path)
    code, err = result.exit_code, result.stderr
    assert code == 1
    assert "non esiste" in err


def test_existing_schema_is_left_alone(cli: Cli, tmp_path: Path) -> None:
    schema = tmp_path / "plan.schema.json"
    schema.write_text("{}\n", encoding="utf-8")
    result = cli("plan", "init", "a.yaml", "--comune", "Saluzzo", cwd=tmp_path)
    code, err = result.exit_code, result.stderr
    assert code == 0
    assert schema.read_text(encoding="utf-8") == "{}\n"
    assert "incas schema -o plan.schema.json --force" in err
    schema.write_text(schema_json() + "\n", encoding="utf-8")
    result = cli("plan", "init", "b.yaml", "--comune", "Saluzzo", cwd=tmp_path)
    code, err = result.exit_code, result.stderr
    assert code == 0
    assert "plan.schema.json" not in err


def test_same_inputs_same_bytes(cli: Cli, tmp_path: Path) -> None:
    for folder in ("uno", "due"):
        (tmp_path / folder).mkdir()
        args = ["plan", "init", "piano.yaml", "--comune", "Siracusa", "--period", "2026-01:2028-12"]
        assert cli(*args, cwd=tmp_path / folder).exit_code == 0
    first = (tmp_path / "uno" / "piano.yaml").read_bytes()
    assert first == (tmp_path / "due" / "piano.yaml").read_bytes()


def test_passes_validate_through_the_real_cli(cli: Cli, tmp_path: Path) -> None:
    assert cli("plan", "init", "piano.yaml", "--comune", "Acate", cwd=tmp_path).exit_code == 0
    result = cli("plan", "validate", "--json", str(tmp_path / "piano.yaml"))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["files"][0]["errors"] == 0
    assert report["files"][0]["warnings"] == 0


# --- --from ----------------------------------------------------------------------------------


def _names(data: dict[str, Any]) -> list[str]:
    gov = data["governance"]
    return (
        [s["name"] for s in data["stakeholders"]]
        + [gov["steering_body"]["name"]]
        + [t["name"] for t in gov["tables"]]
    )


def test_from_copies_structure_not_the_old_comune(cli: Cli, tmp_path: Path) -> None:
    source = EXAMPLES / "saluzzo.yaml"
    result = cli(
        "plan", "init", "siracusa.yaml", "--comune", "Siracusa", "--from", str(source), cwd=tmp_path
    )
    code, err = result.exit_code, result.stderr
    assert code == 0, err
    text = (tmp_path / "siracusa.yaml").read_text(encoding="utf-8")
    doc, data = _load(tmp_path / "siracusa.yaml")
    assert check_document(doc).ok
    old = load_yaml(source).plain()

    # ids kept, with the old province, Comune and region translated to the new ones
    assert [s["id"] for s in data["stakeholders"]] == [
        "comune",
        "prefettura-sr",
        "regione-sicilia",
        "itl-sr",
        "carabinieri-nil-sr",
        "questura-sr",
        "inps-sr",
        "asl-sr1",
        "cpi-siracusa",
        "crea",
        "oim",
        "coldiretti-sr",
        "confagricoltura-sr",
        "cia-sr",
        "cooperative-frutticole",
        "ente-bilaterale-sr",
        "flai-cgil-sr",
        "fai-cisl-sr",
        "uila-uil-sr",
        "caritas-siracusa",
        "coop-accoglienza",
        "rete-antitratta",
        "cpia-sr",
        "consigliera-parita-sr",
    ]
    assert [s["type"] for s in data["stakeholders"]] == [
        s["type"] for s in old["stakeholders"] if not s["id"].startswith("comune-")
    ]
    # partner Comuni, contacts, needs, measures, relations and meetings stay behind
    assert not any(s["id"].startswith("comune-") for s in data["stakeholders"])
    assert "esempio.invalid" not in text
    assert data["needs"] == [] and data["measures"] == [] and data["relations"] == []
    assert data["process"] == {"meetings": []}
    assert data["comune"]["partners"] == []
    # no name of the old territory (Saluzzo, Saluzzese, Cuneo, CN1, Piemonte, partners)
    for name in _names(data):
        key = normalize_name(name)
        for old_place in ("saluzz", "cuneo", "piemont", "lagnasco", "revello"):
            assert old_place not in key, name
        assert "CN" not in name.split(), name
    # usual stakeholders renamed from the catalogue for the new Comune
    by_id = {s["id"]: s for s in data["stakeholders"]}
    assert by_id["comune"]["name"] == "Comune di Siracusa"
    assert by_id["prefettura-sr"]["name"] == "Prefettura di Siracusa"
    assert by_id["coldiretti-sr"]["name"] == "Coldiretti (da verificare)"
    assert by_id["oim"]["name"] == "OIM - Organizzazione Internazionale per le Migrazioni"
    # governance: same tables and topics, members mapped to the new ids
    tables = data["governance"]["tables"]
    assert [(t["name"], t["topic"]) for t in tables] == [
        (t["name"], t["topic"]) for t in old["governance"]["tables"]
    ]
    assert tables[0]["members"] == [
        "comune",
        "prefettura-sr",
        "coldiretti-sr",
        "confagricoltura-sr",
        "caritas-siracusa",
        "coop-accoglienza",
    ]
    body = data["governance"]["steering_body"]
    assert body["coordinator"] == "comune"
    assert body["cadence"] == old["governance"]["steering_body"]["cadence"]
    assert body["name"] == "Tavolo permanente per il lavoro agricolo di qualità (da verificare)"
    assert f"# di {source}." in text


def test_from_same_province_keeps_province_names(cli: Cli, tmp_path: Path) -> None:
    source = EXAMPLES / "saluzzo.yaml"
    args = ["plan", "init", "manta.yaml", "--comune", "Manta", "--from", str(source)]
    assert cli(*args, cwd=tmp_path).exit_code == 0
    by_id = {s["id"]: s for s in _load(tmp_path / "manta.yaml")[1]["stakeholders"]}
    assert by_id["coldiretti-cn"]["name"] == "Coldiretti Cuneo"
    assert by_id["cpi-manta"]["name"] == "Centro per l'impiego (da verificare)"


def test_from_a_plan_without_comune_stakeholder(cli: Cli, tmp_path: Path) -> None:
    data = minimal_plan()
    data["stakeholders"] = [{"id": "caritas", "name": "Caritas", "type": "terzo-settore"}]
    data["measures"][0]["lead"] = "caritas"
    data["measures"][0]["partners"] = []
    data["governance"] = {"steering_body": {"coordinator": "caritas", "members": ["caritas"]}}
    source = write_plan(tmp_path / "fonte.yaml", data)
    args = ["plan", "init", "nuovo.yaml", "--comune", "Manta", "--from", str(source)]
    result = cli(*args, cwd=tmp_path)
    code, err = result.exit_code, result.stderr
    assert code == 0, err
    doc, new = _load(tmp_path / "nuovo.yaml")
    assert [s["id"] for s in new["stakeholders"]] == ["comune", "caritas"]
    assert new["governance"]["steering_body"]["members"] == ["caritas"]
    assert check_document(doc).ok


def test_from_an_unreadable_or_broken_plan(cli: Cli, tmp_path: Path) -> None:
    result = cli(
        "plan", "init", "a.yaml", "--comune", "Manta", "--from", "manca.yaml", cwd=tmp_path
    )
    code, err = result.exit_code, result.stderr
    assert code == 1
    assert "manca.yaml: errore: file non trovato" in err
    broken = minimal_plan()
    del broken["plan"]["title"]
    write_plan(tmp_path / "rotto.yaml", broken)
    result = cli(
        "plan", "init", "a.yaml", "--comune", "Manta", "--from", "rotto.yaml", cwd=tmp_path
    )
    code, err = result.exit_code, result.stderr
    assert code == 1
    assert "il piano da cui copiare la struttura non è leggibile come piano" in err
    assert "incas plan validate rotto.yaml" in err
    assert not (tmp_path / "a.yaml").exists()


# --- values in the template --------------------------------------------------------------


@settings(max_examples=examples(200), deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
def test_any_text_is_one_yaml_scalar(text: str) -> None:
    doc = parse_yaml(f"v: {yaml_scalar(text)}  # commento\nw: 1\n", "t.yaml")
    assert doc.plain()["v"] == " ".join(text.split())
    assert doc.plain()["w"] == 1


def test_flow_lists() -> None:
    text = "v: " + yaml_flow_list(["comune", "a, b", "x]y", "ok-1"]) + "\n"
    assert parse_yaml(text, "t.yaml").plain()["v"] == ["comune", "a, b", "x]y", "ok-1"]


def test_resolve_comune_uses_the_istat_list() -> None:
    record = resolve_comune("sant'antioco")
    assert record == load_comuni().by_code(record.istat_code)
    assert record.name == "Sant'Antioco"
