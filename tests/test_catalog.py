"""The national catalogue and the list of Comuni, through incas_cli.catalog's public API."""

from __future__ import annotations

import copy
import datetime as dt
import importlib.util
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from incas_cli.catalog import (
    Catalog,
    ComuniIndex,
    comuni_source,
    load_catalog,
    load_catalog_from,
    load_comuni,
    load_comuni_from,
    load_national_plan,
    normalize_name,
)
from incas_cli.errors import InputError, UsageError

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "incas_cli" / "catalog" / "data"
REFERENCE = "piano-triennale-2020-2022"
FAKE = "piano-fittizio-2026-2028"

V1_ACTOR_TYPES = {
    "comune", "prefettura", "regione", "itl", "forze-ordine", "magistratura", "inps",
    "inail", "asl", "cpi", "sindacato", "associazione-datoriale", "ente-bilaterale",
    "impresa", "terzo-settore", "antitratta", "ong-sanitaria", "cpia",
    "organizzazione-internazionale", "universita-ricerca", "consigliera-parita", "altro",
}  # fmt: skip
V1_NEED_AREAS = {
    "alloggio", "trasporto", "salute", "documenti", "lavoro", "informazione",
    "tutela-vittime", "lingua-integrazione", "vigilanza", "filiera", "dati", "governance",
    "altro",
}  # fmt: skip
V1_FUNDING = {
    "fnpm", "pnrr-m5c2-i2.2", "pon-inclusione", "supreme", "supreme2", "fami",
    "pn-inclusione", "pon-legalita", "regione", "bilancio-comunale", "ente-bilaterale",
    "privati", "altro",
}  # fmt: skip
V1_ENGAGEMENT = ["informare", "consultare", "coinvolgere", "collaborare", "delegare"]
V1_LEVELS = {"nazionale", "regionale", "provinciale", "locale"}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def comuni() -> ComuniIndex:
    return load_comuni()


# --- helpers -------------------------------------------------------------------------------


def fake_plan() -> dict[str, Any]:
    """A small second national plan: 3 axes, 6 actions."""
    axes = [
        {"id": "conoscere", "number": 1, "label": "Conoscere", "description": "Dati."},
        {"id": "proteggere", "number": 2, "label": "Proteggere", "description": "Tutela."},
        {"id": "includere", "number": 3, "label": "Includere", "description": "Inclusione."},
    ]
    axis_of = ["conoscere", "conoscere", "proteggere", "proteggere", "includere", "includere"]
    actions = [
        {
            "number": n,
            "label": f"Azione fittizia {n}",
            "wording": None,
            "axis": axis_of[n - 1],
            "expected_result": f"Risultato fittizio {n}.",
            "typical_measures": [{"title": f"Misura {n}", "description": "Descrizione."}],
        }
        for n in range(1, 7)
    ]
    return {
        "id": FAKE,
        "title": "Piano fittizio 2026-2028",
        "short_title": "Piano fittizio",
        "period": {"start": 2026, "end": 2028},
        "axes": axes,
        "actions": actions,
        "need_area_actions": {"alloggio": [3], "dati": [1, 2]},
    }


def packaged_text(*parts: str) -> str:
    return resources.files("incas_cli.catalog").joinpath("data", *parts).read_text("utf-8")


def data_dir(tmp_path: Path, *plans: dict[str, Any], reference: bool = True) -> Path:
    """A data folder: the packaged catalog.json, the reference plan, and these plans."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "catalog.json").write_text(packaged_text("catalog.json"), encoding="utf-8")
    if reference:
        name = f"{REFERENCE}.json"
        (tmp_path / "plans" / name).write_text(packaged_text("plans", name), encoding="utf-8")
    for plan in plans:
        path = tmp_path / "plans" / f"{plan['id']}.json"
        path.write_text(json.dumps(plan, ensure_ascii=False, indent=2), encoding="utf-8")
    return tmp_path


def load_error(tmp_path: Path, plan: dict[str, Any]) -> InputError:
    with pytest.raises(InputError) as info:
        load_catalog_from(data_dir(tmp_path, plan))
    return info.value


# --- the packaged catalogue ----------------------------------------------------------------


def test_packaged_catalogue_loads_once_and_validates(catalog: Catalog) -> None:
    assert load_catalog() is catalog
    again = Catalog.model_validate(catalog.model_dump())
    assert again == catalog
    assert load_catalog_from(DATA) == catalog


def test_importing_the_catalogue_package_does_not_import_pydantic() -> None:
    code = "import sys, incas_cli.catalog; print('pydantic' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


ADDED_REGIONAL_FUNDING = {"common-ground", "soleil", "inlav", "caslis-plus", "umbria-legale-sicura"}
"""The Ministry's regional projects, added since v1."""
ADDED_FUNDING = ADDED_REGIONAL_FUNDING | {"alt-caporalato-due", "fondo-reclutamento-illegale"}
"""Funding sources added since v1 (ids may be added, none renamed or removed)."""


def test_catalogue_has_exactly_the_v1_ids(catalog: Catalog) -> None:
    assert set(catalog.actor_types) == V1_ACTOR_TYPES
    assert set(catalog.need_areas) == V1_NEED_AREAS
    assert set(catalog.funding_sources) == V1_FUNDING | ADDED_FUNDING
    assert list(catalog.engagement_levels) == V1_ENGAGEMENT
    assert [e.rank for e in catalog.engagement_levels.values()] == [1, 2, 3, 4, 5]
    assert set(catalog.levels) == V1_LEVELS
    for actor in catalog.actor_types.values():
        assert actor.default_level in V1_LEVELS
        assert actor.label and actor.usual_role


def test_every_data_file_is_shipped_in_the_wheel() -> None:
    """pyproject's package-data globs must match every catalogue file (plans/ included)."""
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    package_data = config["tool"]["setuptools"]["package-data"]
    shipped = {
        path
        for name, globs in package_data.items()
        for pattern in globs
        for path in REPO.joinpath(*name.split(".")).glob(pattern)
        if path.is_file()
    }
    data_files = {p for p in DATA.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    missing = sorted(str(p.relative_to(REPO)) for p in data_files - shipped)
    assert not missing, f"add to [tool.setuptools.package-data]: {missing}"


def test_data_files_are_pretty_printed_utf8_json() -> None:
    for path in [DATA / "catalog.json", *sorted((DATA / "plans").glob("*.json"))]:
        text = path.read_text(encoding="utf-8")
        canonical = json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
        assert text == canonical, f"{path.name}: run json.dumps(indent=2, ensure_ascii=False)"


def test_reference_plan_structure(catalog: Catalog) -> None:
    assert catalog.default_national_plan == REFERENCE
    plan = catalog.default_plan
    assert plan is catalog.national_plan(REFERENCE)
    assert plan.title == (
        "Piano triennale di contrasto allo sfruttamento lavorativo in agricoltura "
        "e al caporalato 2020-2022"
    )
    assert (plan.period.start, plan.period.end) == (2020, 2022)
    assert [(s.date, s.body) for s in plan.approval] == [
        ("2020-02-20", "Tavolo caporalato"),
        ("2020-05-21", "Conferenza Unificata"),
    ]
    assert [a.id for a in plan.axes] == [
        "prevenzione",
        "vigilanza-contrasto",
        "protezione-assistenza",
        "reintegrazione",
    ]
    assert plan.action_numbers == list(range(1, 11))
    assert {k: [a.number for a in v] for k, v in plan.actions_by_axis().items()} == {
        "prevenzione": [1, 2, 3, 4, 5, 6, 7],
        "vigilanza-contrasto": [8],
        "protezione-assistenza": [9],
        "reintegrazione": [10],
    }
    assert [a.number for a in plan.actions if a.axis_inferred] == [8, 9, 10]
    assert any("8, 9 e 10" in note and "dedotto" in note for note in plan.notes)


def test_reference_plan_actions_carry_label_wording_and_measures(catalog: Catalog) -> None:
    plan = catalog.default_plan
    first, second = plan.action(1), plan.action(2)
    assert first is not None and second is not None
    assert first.wording is not None and first.wording.startswith("Un sistema informativo")
    assert second.wording == (
        "Gli interventi strutturali, investimenti in innovazione e valorizzazione prodotti agricoli"
    )
    # No official wording is invented for the others.
    assert [a.number for a in plan.actions if a.wording is None] == list(range(3, 11))
    action5 = plan.action(5)
    assert action5 is not None and action5.label == "Alloggi dignitosi"
    for action in plan.actions:
        assert action.label != action.wording
        assert action.expected_result
        assert 3 <= len(action.typical_measures) <= 5, action.number
    assert plan.cross_cutting_measures


def test_reference_plan_areas_and_sources(catalog: Catalog) -> None:
    plan = catalog.default_plan
    assert len(plan.thematic_areas) == 7
    assert len(plan.transversal_areas) == 3
    covered = sorted(n for area in plan.areas for n in area.actions)
    assert covered == list(range(1, 11))
    assert any(s.url and "lavoro.gov.it" in s.url for s in plan.sources)
    assert any(s.publisher == "ANSA" and s.date == "2020-02-20" for s in plan.sources)


def test_lookups_on_a_plan(catalog: Catalog) -> None:
    plan = catalog.default_plan
    axis = plan.axis_of_action(9)
    assert axis is not None and axis.id == "protezione-assistenza"
    assert plan.axis("vigilanza-contrasto") is not None
    assert plan.axis("nessuno") is None
    assert plan.action(11) is None and plan.axis_of_action(0) is None
    assert [a.number for a in plan.actions_for_need_area("alloggio")] == [5]
    assert [a.number for a in plan.actions_for_need_area("documenti")] == [9, 10]
    assert plan.actions_for_need_area("governance") == []
    assert plan.need_areas_of_action(9) == ["salute", "documenti", "tutela-vittime"]
    assert set(plan.need_area_actions) == V1_NEED_AREAS
    with pytest.raises(UsageError) as info:
        plan.require_action(11)
    assert "11" in info.value.message and info.value.hint and "1 a 10" in info.value.hint


def test_unknown_national_plan_lists_known_ids(catalog: Catalog) -> None:
    assert catalog.national_plan("piano-2099") is None
    assert catalog.require_national_plan(None) is catalog.default_plan
    with pytest.raises(UsageError) as info:
        catalog.require_national_plan("piano-2099")
    assert "piano-2099" in info.value.message
    assert info.value.hint is not None and REFERENCE in info.value.hint


def test_funding_sources_facts(catalog: Catalog) -> None:
    pnrr = catalog.funding_sources["pnrr-m5c2-i2.2"]
    assert pnrr.end_date == dt.date(2026, 6, 30)
    assert "200 milioni" in pnrr.description and "37 Comuni" in pnrr.description
    assert "DM 55 del 29 marzo 2022" in pnrr.description
    assert catalog.funding_sources["supreme2"].period == "2021-2027"


def test_regional_funding_sources_name_istat_regions(catalog: Catalog, comuni: ComuniIndex) -> None:
    """Su.Pr.Eme.2 serves five Regions of the South (DOMAIN 7), named as ISTAT names them,
    so that the check against the plan's Region compares like with like."""
    south = ("Basilicata", "Calabria", "Campania", "Puglia", "Sicilia")
    assert catalog.funding_sources["supreme2"].regions == south
    istat_regions = {record.region for record in comuni}
    regional = [s for s in catalog.funding_sources.values() if s.regions]
    assert {s.id for s in regional} == {
        "supreme",
        "supreme2",
        "pon-legalita",
    } | ADDED_REGIONAL_FUNDING
    assert all(set(s.regions) <= istat_regions for s in regional)
    assert catalog.funding_sources["fami"].regions == ()


def test_usual_stakeholders_named_for_a_comune(catalog: Catalog, comuni: ComuniIndex) -> None:
    saluzzo = comuni.by_code("004203")
    assert saluzzo is not None
    suggested = catalog.usual_stakeholders_for(saluzzo)
    assert [s.type for s in suggested] == [
        "comune", "prefettura", "itl", "inps", "asl", "cpi", "sindacato",
        "associazione-datoriale", "terzo-settore",
    ]  # fmt: skip
    by_type = {s.type: s for s in suggested}
    assert by_type["comune"].name == "Comune di Saluzzo"
    assert (by_type["prefettura"].id, by_type["prefettura"].name) == (
        "prefettura-cn",
        "Prefettura di Cuneo",
    )
    assert by_type["prefettura"].level == "provinciale"
    assert by_type["terzo-settore"].level == "locale"
    assert by_type["itl"].role == catalog.actor_types["itl"].usual_role


# --- a new national plan is a new data file ------------------------------------------------


def test_a_second_national_plan_is_just_a_data_file(tmp_path: Path) -> None:
    catalog = load_catalog_from(data_dir(tmp_path, fake_plan()))
    assert list(catalog.national_plans) == [FAKE, REFERENCE]
    assert catalog.default_national_plan == REFERENCE
    fake = catalog.national_plan(FAKE)
    assert fake is not None
    assert [a.id for a in fake.axes] == ["conoscere", "proteggere", "includere"]
    assert fake.action_numbers == [1, 2, 3, 4, 5, 6]
    axis = fake.axis_of_action(6)
    assert axis is not None and axis.id == "includere"
    assert [a.number for a in fake.actions_for_need_area("dati")] == [1, 2]
    assert fake.actions_for_need_area("trasporto") == []


def test_with_national_plans_adds_a_plan_file(tmp_path: Path) -> None:
    path = tmp_path / f"{FAKE}.json"
    path.write_text(json.dumps(fake_plan()), encoding="utf-8")
    extended = load_catalog().with_national_plans(load_national_plan(path))
    assert list(extended.national_plans) == [REFERENCE, FAKE]
    with pytest.raises(InputError, match="due volte"):
        extended.with_national_plans(load_national_plan(path))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda p: p["actions"].pop(3), "da 1 a 5 senza salti, trovate: 1, 2, 3, 5, 6"),
        (lambda p: p["actions"][0].update(axis="altrove"), "all'asse «altrove», che non esiste"),
        (lambda p: p["axes"][2].update(id="conoscere"), "id «conoscere» ripetuto"),
        (lambda p: p["actions"][0].update(colore="rosso"), "actions[0].colore: campo non previsto"),
        (lambda p: p.pop("title"), "title: campo obbligatorio mancante"),
        (lambda p: p["need_area_actions"].update(dati=[9]), "«dati» rimanda all'azione 9"),
        (
            lambda p: [a.update(axis="conoscere") for a in p["actions"][4:]],
            "l'asse «includere» non ha nessuna azione",
        ),
    ],
)
def test_broken_plan_file_is_reported_with_file_and_place(
    tmp_path: Path, change: Any, expected: str
) -> None:
    plan = fake_plan()
    change(plan)
    err = load_error(tmp_path, plan)
    assert err.file is not None and err.file.endswith(f"{FAKE}.json")
    assert expected in err.message
    assert err.hint


def test_need_area_unknown_to_the_catalogue_is_an_error(tmp_path: Path) -> None:
    plan = fake_plan()
    plan["need_area_actions"]["acqua"] = [1]
    err = load_error(tmp_path, plan)
    assert err.file is not None and err.file.endswith("catalog.json")
    assert "l'area di bisogno «acqua»" in err.message


def test_plan_file_must_be_named_after_its_id(tmp_path: Path) -> None:
    folder = data_dir(tmp_path, fake_plan())
    (folder / "plans" / f"{FAKE}.json").rename(folder / "plans" / "altro-nome.json")
    with pytest.raises(InputError, match=f"plans/{FAKE}.json"):
        load_catalog_from(folder)


def test_bad_json_and_duplicate_keys(tmp_path: Path) -> None:
    folder = data_dir(tmp_path)
    bad = folder / "plans" / "rotto.json"
    bad.write_text('{\n  "id": "rotto",\n  "title": \n}', encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_catalog_from(folder)
    assert (info.value.line, info.value.column) == (4, 1)
    assert "non è JSON valido" in info.value.message
    bad.write_text('{"id": "rotto", "id": "rotto"}', encoding="utf-8")
    with pytest.raises(InputError, match="«id» ripetuto"):
        load_catalog_from(folder)


def test_duplicate_ids_in_catalog_json(tmp_path: Path) -> None:
    folder = data_dir(tmp_path)
    data = json.loads((folder / "catalog.json").read_text(encoding="utf-8"))
    data["actor_types"].append(copy.deepcopy(data["actor_types"][0]))
    data["usual_stakeholders"][1]["name"] = "Prefettura di {citta}"
    (folder / "catalog.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_catalog_from(folder)
    assert "actor_types: id «comune» ripetuto" in info.value.message
    assert "segnaposto «{citta}» non previsto" in info.value.message


def test_missing_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"manca catalog\.json"):
        load_catalog_from(tmp_path)
    empty = tmp_path / "senza-piani"
    empty.mkdir()
    folder = data_dir(empty, reference=False)
    with pytest.raises(InputError, match="nessun piano nazionale"):
        load_catalog_from(folder)


# --- Comuni --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code", "province", "region"),
    [
        ("Saluzzo", "004203", "CN", "Piemonte"),
        ("Lagnasco", "004104", "CN", "Piemonte"),
        ("Siracusa", "089017", "SR", "Sicilia"),
        ("Castel Volturno", "061027", "CE", "Campania"),
        ("Corigliano-Rossano", "078157", "CS", "Calabria"),
    ],
)
def test_comuni_by_code_and_name(
    comuni: ComuniIndex, name: str, code: str, province: str, region: str
) -> None:
    record = comuni.by_code(code)
    assert record is not None
    assert (record.name, record.province, record.region) == (name, province, region)
    assert comuni.by_name(name) == [record]
    assert record.matches_name(name.upper())


def test_comuni_names_ignore_case_accents_and_apostrophes(comuni: ComuniIndex) -> None:
    expected = comuni.by_code("111071")
    assert expected is not None and expected.name == "Sant'Antioco"
    for typed in ["sant'antioco", "Sant’Antioco", "SANT ANTIOCO", "Santantioco", " sant-antioco "]:
        assert comuni.by_name(typed) == [expected], typed
    cantu = comuni.by_name("cantu'")
    assert [r.name for r in cantu] == ["Cantù"]
    assert normalize_name("Forlì-Cesena") == "forli cesena"


def test_comuni_bilingual_and_repeated_names(comuni: ComuniIndex) -> None:
    bolzano = comuni.by_code("021008")
    assert bolzano is not None and bolzano.other_name == "Bozen"
    assert bolzano.official_name == "Bolzano/Bozen"
    assert comuni.by_name("Bozen") == comuni.by_name("bolzano/bozen") == [bolzano]
    castro = comuni.by_name("Castro")
    assert [(r.province, r.region) for r in castro] == [("BG", "Lombardia"), ("LE", "Puglia")]
    assert comuni.by_name("Atlantide") == []


def test_comuni_suggestions_for_a_typo(comuni: ComuniIndex) -> None:
    assert comuni.suggest("Saluzo")[0].name == "Saluzzo"
    assert [r.name for r in comuni.suggest("Siracus", 1)] == ["Siracusa"]
    assert comuni.suggest("Corigliano")[0].name == "Corigliano-Rossano"
    assert len(comuni.suggest("Castel Voltuno", 5)) <= 5
    assert comuni.suggest("zzzzqqq") == []
    assert comuni.suggest("Saluzo", 0) == []


def test_comuni_suggestions_for_a_wrong_code(comuni: ComuniIndex) -> None:
    # 004230 exists (Treiso); 004236 and 004320 do not.
    assert [r.name for r in comuni.suggest("004230")] == ["Treiso"]
    assert comuni.by_code("004236") is None
    near = comuni.suggest("004236")
    assert [r.istat_code for r in near] == ["004235", "004237", "004234"]
    swapped = comuni.suggest("004320")
    assert swapped[0].istat_code == "004230"  # two neighbouring digits swapped
    assert all(r.province == "CN" for r in swapped)
    named = comuni.suggest("004236", name="Saluzzo")
    assert named[0].istat_code == "004203"


def test_comuni_search_for_autocomplete(comuni: ComuniIndex) -> None:
    found = comuni.search("Salu", 5)
    assert "Saluzzo" in [r.name for r in found]
    # Salorno comes in by its other official name, Salurn.
    assert all(
        any(normalize_name(n).startswith("salu") for n in (r.name, r.other_name or ""))
        for r in found
    )
    assert comuni.search("saluzzo", 3)[0].name == "Saluzzo"
    assert [r.name for r in comuni.search("antioco", 3)] == ["Sant'Antioco"]
    assert [r.istat_code for r in comuni.search("00420", 3)] == ["004200", "004201", "004202"]
    assert comuni.search("", 5) == [] and comuni.search("Sa", 0) == []
    assert len(comuni.search("San", 12)) == 12


def test_every_packaged_comune_is_valid(comuni: ComuniIndex) -> None:
    records = list(comuni)  # builds and validates every record
    source = comuni_source()
    assert len(records) == len(comuni) == source.count
    assert len({r.istat_code for r in records}) == len(records)
    assert len(comuni.provinces()) == 107
    assert source.licence == "CC BY 4.0" and source.data_date == "2024-12-04"
    assert source.publisher is not None and "ISTAT" in source.publisher


def test_comuni_are_validated_only_when_a_lookup_returns_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What keeps loading the whole list cheap: a record is built once, when first returned."""
    from incas_cli.catalog.model import ComuneRecord

    built: list[str] = []

    def counting(**fields: Any) -> ComuneRecord:
        built.append(fields["istat_code"])
        return ComuneRecord(**fields)

    monkeypatch.setattr("incas_cli.catalog.comuni.ComuneRecord", counting)
    index = load_comuni_from(DATA / "comuni.csv")
    assert built == []
    assert index.by_code("089017") is not None
    assert index.by_code("089017") is not None
    assert built == ["089017"]


def test_broken_comuni_file(tmp_path: Path) -> None:
    path = tmp_path / "comuni.csv"
    path.write_text("codice,nome\n", encoding="utf-8")
    with pytest.raises(InputError, match="riga 1"):
        load_comuni_from(path)
    header = "istat_code,name,province,province_name,region,other_name\n"
    path.write_text(header + "4203,Saluzzo,CN,Cuneo,Piemonte,\n", encoding="utf-8")
    with pytest.raises(InputError, match="riga 2"):
        load_comuni_from(path)


# --- scripts/update_comuni.py --------------------------------------------------------------


def update_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_comuni", REPO / "scripts/update_comuni.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ISTAT_HEADER = (
    "Codice Regione;\"Codice dell'Unità territoriale sovracomunale \n(valida a fini "
    'statistici)";Codice Comune formato alfanumerico;Denominazione (Italiana e straniera);'
    "Denominazione in italiano;Denominazione altra lingua;Denominazione Regione;"
    '"Denominazione dell\'Unità territoriale sovracomunale \n(valida a fini statistici)";'
    "Sigla automobilistica\r\n"
)


def test_update_script_builds_the_compact_list(tmp_path: Path) -> None:
    rows = [
        "19;089;089017;Siracusa;Siracusa;;Sicilia;Siracusa;SR",
        "01;004;004203;Saluzzo;Saluzzo;;Piemonte;Cuneo;CN",
        "06;031;031019;San Floriano del Collio-Števerjan;San Floriano del Collio;Števerjan;"
        "Friuli-Venezia Giulia;Gorizia;GO",
    ]
    source = tmp_path / "Elenco-comuni-italiani.csv"
    source.write_bytes((ISTAT_HEADER + "\r\n".join(rows) + "\r\n").encode("cp1252"))
    out = tmp_path / "out"
    code = update_script().main(
        [str(source), "--output-dir", str(out), "--data-date", "2024-12-04"]
    )
    assert code == 0
    assert (out / "comuni.csv").read_text(encoding="utf-8").splitlines() == [
        "istat_code,name,province,province_name,region,other_name",
        "004203,Saluzzo,CN,Cuneo,Piemonte,",
        "031019,San Floriano del Collio,GO,Gorizia,Friuli-Venezia Giulia,Števerjan",
        "089017,Siracusa,SR,Siracusa,Sicilia,",
    ]
    meta = json.loads((out / "comuni-source.json").read_text(encoding="utf-8"))
    assert (meta["licence"], meta["data_date"], meta["count"]) == ("CC BY 4.0", "2024-12-04", 3)
    index = load_comuni_from(out / "comuni.csv")
    assert [r.istat_code for r in index.by_name("Števerjan")] == ["031019"]


def test_update_script_rejects_a_file_that_is_not_the_istat_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "altro.csv"
    source.write_text("a;b;c\n1;2;3\n", encoding="utf-8")
    code = update_script().main([str(source), "--output-dir", str(tmp_path / "out")])
    assert code == 1
    assert "manca la colonna" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
