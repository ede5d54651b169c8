"""What the document says about the field is true on the plan's own date (DOMAIN.md): the
acts in force, the national plan and what followed it, the funds of the plan's Region.

Each test renders a plan dated at some moment (a copy of the Saluzzo example moved in time
or to another Comune) and reads the document's text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from incas_cli.catalog import load_catalog
from incas_cli.io import load_yaml
from incas_cli.render import plan_document
from incas_cli.writers.text import write_text
from tests.conftest import Cli
from tests.render_support import example_path, plan_from


def saluzzo_data() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(example_path("saluzzo")).plain()
    return data


def dated(adoption: str | None, start: str, end: str = "2027-12") -> dict[str, Any]:
    """The Saluzzo example adopted on ``adoption`` (a draft when None), its period and its
    measures from ``start``."""
    data = saluzzo_data()
    data["plan"]["period"] = {"start": start, "end": end}
    for m in data["measures"]:
        m["start"], m["end"] = start, end
        for line in m["budget"]:
            line.pop("year", None)
    data["monitoring"]["reviews"] = []
    data["process"]["meetings"] = []
    if adoption is None:
        data["plan"]["status"] = "bozza"
        del data["plan"]["adoption"]
    else:
        data["plan"]["adoption"]["date"] = adoption
        for partner in data["comune"]["partners"]:
            partner["adhesion"]["date"] = adoption
    return data


def document_text(data: dict[str, Any]) -> str:
    return write_text(plan_document(plan_from(data), load_catalog()))


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def test_the_regional_framework_is_a_paragraph_of_its_own_after_art_18_ter() -> None:
    for adoption in ("2025-03-10", "2026-02-01"):  # 18-ter alone, then with DL 146/2025
        found = paragraphs(document_text(dated(adoption, adoption[:7])))
        region = next(p for p in found if "Il piano tiene conto inoltre" in p)
        assert region.startswith("Il piano tiene conto inoltre delle norme"), region[:120]
        ter = next(p for p in found if "18-ter" in p and "Dall'11 ottobre 2024" in p)
        assert "Regione Piemonte" not in ter


# --- the catalogue says what DOMAIN.md says, with the same dates and sources --------------


def test_the_catalogue_dates_the_tavolo_extension_as_domain_does(cli: Cli) -> None:
    result = cli("catalog", "plans", "--json")
    assert result.exit_code == 0, result.output
    (plan,) = json.loads(result.stdout)["national_plans"]
    note = plan["status_note"]
    assert "decreto interministeriale del 17 giugno 2022" in note
    assert "fino al 3 settembre 2025" in note
    assert "convertito dal Parlamento il 26 novembre 2025" in note
    assert "decreto ministeriale fino al 2025" not in note


def test_the_pnrr_fund_tells_its_first_deadline_and_the_risk(cli: Cli) -> None:
    result = cli("catalog", "funding", "--json")
    assert result.exit_code == 0, result.output
    sources = {s["id"]: s for s in json.loads(result.stdout)["funding_sources"]}
    pnrr = sources["pnrr-m5c2-i2.2"]
    assert pnrr["end_date"] == "2026-06-30"
    assert "T1-2025" in pnrr["notes"]
    assert "Delibera 30 del 14 febbraio 2025" in pnrr["notes"]
    assert "12 progetti" in pnrr["notes"] and "rischio" in pnrr["notes"]
    # DM 55 of 2022 did not set the 30 June 2026 deadline: the extension of 2025 did
    sources_cited = load_catalog().sources
    dm55 = next(s for s in sources_cited if s.title.startswith("Decreto ministeriale n. 55"))
    assert dm55.note is not None and "Delibera 30/2025" in dm55.note


# --- funds and the plan's Region -------------------------------------------------------------


COMUNI = {
    "Latina": ("059011", "LT", "Lazio"),
    "Acate": ("088001", "RG", "Sicilia"),
    "Merano": ("021051", "BZ", "Trentino-Alto Adige/Südtirol"),
    "Aosta": ("007003", "AO", "Valle d'Aosta/Vallée d'Aoste"),
}


def elsewhere(name: str, source: str) -> dict[str, Any]:
    """The Saluzzo example moved to another Comune of :data:`COMUNI` (no partners), its
    Common Ground lines (a project of five Regions of the North) on ``source``."""
    data = saluzzo_data()
    code, province, region = COMUNI[name]
    data["comune"] = {
        "name": name,
        "istat_code": code,
        "province": province,
        "region": region,
        "partners": [],
    }
    for measure in data["measures"]:
        for line in measure["budget"]:
            if line["source"] == "common-ground":
                line["source"] = source
    return data


def test_a_lazio_plan_is_nel_lazio_and_soleil_lists_nelle_marche() -> None:
    text = document_text(elsewhere("Latina", "supreme2"))
    assert (
        "solo progetti in Basilicata, Calabria, Campania, Puglia e Sicilia, ma il piano è nel Lazio"
        in text
    )
    assert "è in Lazio" not in text
    text = document_text(elsewhere("Acate", "soleil"))
    assert (
        "solo progetti nel Lazio, in Abruzzo, nelle Marche, in Molise e in Toscana, "
        "ma il piano è in Sicilia"
    ) in text
    assert "in Lazio" not in text and "in Marche" not in text


# --- the national plan on the plan's date --------------------------------------------------


def test_a_plan_dated_before_the_national_plan_was_approved_says_so(cli: Cli) -> None:
    adopted_2018 = document_text(dated("2018-12-15", "2019-01", "2021-12"))
    assert (
        "La delibera del 15 dicembre 2018 precede l'approvazione del Piano triennale "
        "2020-2022 (20 febbraio 2020), che il piano prende a riferimento."
    ) in adopted_2018
    draft_2019 = document_text(dated(None, "2019-01", "2021-12"))
    assert (
        "Il periodo del piano comincia a gennaio 2019, prima dell'approvazione del Piano "
        "triennale 2020-2022 (20 febbraio 2020)"
    ) in draft_2019
    for later in (dated("2020-02-20", "2020-03", "2022-12"), dated(None, "2021-01")):
        assert "prima dell'approvazione del Piano" not in document_text(later)
        assert "precede l'approvazione del Piano" not in document_text(later)


TAVOLO_EXTENDED = "Il decreto interministeriale del 17 giugno 2022 ha prorogato il Tavolo"
SOMMERSO = "Con il DM 58 del 6 aprile 2023 il Piano nazionale per la lotta al lavoro sommerso"


def test_what_followed_the_national_plan_is_told_from_its_own_date_on() -> None:
    during = document_text(dated("2021-11-30", "2021-12", "2024-11"))
    assert TAVOLO_EXTENDED not in during and SOMMERSO not in during
    assert "resta il riferimento nazionale" not in during
    mid_2022 = document_text(dated("2022-07-01", "2022-07", "2025-06"))
    assert TAVOLO_EXTENDED in mid_2022 and "fino al 3 settembre 2025" in mid_2022
    assert SOMMERSO not in mid_2022
    after = document_text(dated("2023-11-28", "2024-01"))  # the Saluzzo example's dates
    assert "resta il riferimento nazionale in assenza di un piano successivo" in after
    assert TAVOLO_EXTENDED in after
    assert (
        "(DM 221 del 19 dicembre 2022, PNRR M5C1 Riforma 1.2) attua anche le azioni "
        "prioritarie del Piano triennale, soprattutto sugli insediamenti abusivi e sulle "
        "politiche attive del lavoro."
    ) in after
    assert "146/2025" not in after
    later = paragraphs(document_text(dated(None, "2026-01")))
    assert any(p.startswith(TAVOLO_EXTENDED) for p in later)
    # "permanent" is the Ministry's word for it (DOMAIN.md section 1): the document says whose
    assert (
        "Secondo il Ministero del lavoro e delle politiche sociali, il DL 146/2025 (art. 8), "
        "convertito dal Parlamento il 26 novembre 2025, ha reso il Tavolo caporalato un "
        "organismo permanente;"
    ) in "\n".join(later)


def test_the_ministry_is_named_as_the_catalogue_and_the_law_name_it() -> None:
    text = document_text(dated("2023-11-28", "2024-01"))
    assert "presieduto dal Ministro del lavoro e delle politiche sociali" in text
    assert "finanziato dal Ministero del lavoro e delle politiche sociali" in text
    assert "del Lavoro e delle politiche" not in text


def test_the_incas_method_is_named_only_from_the_project_s_start() -> None:
    """InCaS phase 1 ran from August 2021 (DOMAIN.md section 1)."""
    before = document_text(dated("2021-03-15", "2021-04", "2023-12"))
    assert "InCaS" not in before.split("## 1.2")[0]
    assert "Il piano è costruito in più fasi: adesione della Giunta e task force comunale" in before
    after = document_text(dated("2021-08-01", "2021-09", "2023-12"))
    assert "Il piano segue il metodo del progetto InCaS, promosso da ANCI" in after


# --- whose rules: the Region, or the autonomous Province --------------------------------------


def test_a_comune_of_alto_adige_follows_its_autonomous_province() -> None:
    """Merano/Meran (BZ): labour, employment services, health and social policy are the
    Province's, and the Commissariato del Governo acts where elsewhere the Prefettura does."""
    text = document_text(elsewhere("Merano", "common-ground"))
    assert (
        "delle norme e della programmazione della Provincia autonoma di Bolzano in materia di "
        "lavoro, Centri per l'impiego, salute, politiche sociali e migratorie, e dei protocolli "
        "promossi dal Commissariato del Governo per la provincia di Bolzano."
    ) in text
    assert "Regione Trentino-Alto Adige/Südtirol in materia" not in text
    assert "della Regione Lazio in materia di lavoro" in document_text(
        elsewhere("Latina", "soleil")
    )


def test_plan_init_names_the_body_that_exists_where_there_is_no_prefettura(
    cli: Cli, tmp_path: Path
) -> None:
    for comune, names in {
        "Merano": (
            "Commissariato del Governo per la provincia di Bolzano",
            "Ispettorato del lavoro della Provincia autonoma di Bolzano",
        ),
        "Aosta": ("Presidenza della Regione Valle d'Aosta (funzioni prefettizie)",),
        "Saluzzo": ("Prefettura di Cuneo", "Ispettorato territoriale del lavoro di Cuneo"),
    }.items():
        path = tmp_path / f"{comune}.yaml"
        result = cli("plan", "init", str(path), "--comune", comune)
        assert result.exit_code == 0, result.output
        stakeholders = {s["name"] for s in load_yaml(path).plain()["stakeholders"]}
        assert set(names) <= stakeholders, stakeholders
        assert not any(
            s.startswith(("Prefettura di Bolzano", "Prefettura di Valle")) for s in stakeholders
        )


# --- the wizard offers the funds of the plan's Region -----------------------------------------


def test_the_wizard_offers_no_fund_of_another_region() -> None:
    """The short scenario is Lagnasco (CN, Piemonte): Common Ground is offered for its
    measure, Su.Pr.Eme.2 (five Regions of the South) and Soleil are not."""
    from incas_cli.wizard.scripted import ScriptError
    from tests.test_wizard_flow import Run, replace_step, script

    steps = replace_step(script("breve"), "Fonte di finanziamento", "common-ground")
    run = Run(steps)()
    assert run.result["measures"][0]["budget"][0]["source"] == "common-ground"
    for elsewhere_only in ("supreme2", "soleil"):
        steps = replace_step(script("breve"), "Fonte di finanziamento", elsewhere_only)
        with pytest.raises(ScriptError) as refused:
            Run(steps)()
        offered = str(refused.value).split("choices: ")[1]
        assert "'common-ground'" in offered and "'fnpm'" in offered
        assert "'supreme2'" not in offered and "'soleil'" not in offered


def test_small_counts_of_the_national_plan_are_words_in_every_chapter() -> None:
    text = document_text(dated("2023-11-28", "2024-01"))
    assert "La strategia del piano segue i quattro assi del Piano triennale." in text
    assert "segue i 4 assi" not in text


def test_the_catalogue_has_every_fund_domain_lists(cli: Cli) -> None:
    """DOMAIN.md section 7: A.L.T. Caporalato D.U.E. (INL with IOM), the Fondo contro il
    reclutamento illegale (L. 207/2024, c. 888-890), PN Inclusione's housing priority."""
    result = cli("catalog", "funding", "--json")
    sources = {s["id"]: s for s in json.loads(result.stdout)["funding_sources"]}
    assert "OIM" in sources["alt-caporalato-due"]["full_name"]
    assert "L. 207/2024, commi 888-890" in sources["fondo-reclutamento-illegale"]["full_name"]
    assert "Priorità 4 (RSO4.3)" in sources["pn-inclusione"]["description"]
    data = dated("2025-03-10", "2025-01")
    data["measures"][0]["budget"][0]["source"] = "alt-caporalato-due"
    text = document_text(data)
    assert "| A.L.T. Caporalato D.U.E. |" in text


# --- the ISTAT list is dated ---------------------------------------------------------------------


def test_a_comune_missing_from_istat_s_list_is_told_with_the_list_s_date(
    cli: Cli, tmp_path: Path
) -> None:
    """The packaged list is as of 4 December 2024 (comuni-source.json): a Comune merged or
    created since is not «non esistente», it is not in that list."""
    from incas_cli.catalog import comuni_source
    from tests.helpers import minimal_plan, write_plan

    assert comuni_source().data_date == "2024-12-04"
    data = minimal_plan()
    data["comune"] = {"name": "Saluzzo", "istat_code": "004299"}
    write_plan(tmp_path / "piano.yaml", data)
    result = cli("plan", "validate", "piano.yaml", cwd=tmp_path)
    assert (
        "il codice ISTAT 004299 non è nell'elenco ISTAT dei Comuni (aggiornato al 4 dicembre 2024)"
    ) in result.stdout
    assert "non esiste" not in result.stdout
    result = cli("plan", "init", str(tmp_path / "nuovo.yaml"), "--comune", "Saluzo")
    assert "(elenco aggiornato al 4 dicembre 2024)" in result.output


def test_the_2021_guidelines_list_every_actor_of_preliminary_identification() -> None:
    """DOMAIN.md section 4: labour inspectors, INPS, ASL, police, magistrates, unions, the
    Consigliera di parità and front-line operators."""
    text = document_text(dated("2023-11-28", "2024-01"))
    assert (
        "l'identificazione preliminare da parte di ispettori del lavoro, INPS, ASL, forze "
        "dell'ordine, magistratura, sindacati, Consigliera di parità e operatori di prima linea;"
    ) in text


def test_the_document_says_the_axis_of_actions_8_to_10_is_inferred() -> None:
    """DOMAIN.md section 2: seven actions are prevention (press); the axis of 8, 9 and 10 is
    inferred from their titles. The coverage by axis must not present it as the plan's."""
    text = document_text(dated("2023-11-28", "2024-01"))
    assert (
        "L'asse delle azioni AP8, AP9 e AP10 è dedotto dal loro titolo: le fonti pubbliche sul "
        "piano nazionale non lo indicano."
    ) in text


def test_a_plan_after_the_catalogue_s_date_does_not_claim_today_s_state() -> None:
    """DOMAIN.md: no newer national plan "as of December 2025". A plan of 2024 may say there
    is none; a plan of 2027 can only say there was none then."""
    of_2024 = document_text(dated("2024-02-01", "2024-03"))
    assert "resta il riferimento nazionale in assenza di un piano successivo." in of_2024
    of_2027 = document_text(dated(None, "2027-01", "2029-12"))
    assert (
        "Il Piano triennale 2020-2022 resta il riferimento nazionale: a dicembre 2025 non "
        "risultava un piano successivo."
    ) in of_2027
    assert "in assenza di un piano successivo" not in of_2027


def test_the_pnrr_deadline_binds_the_projects_not_the_source() -> None:
    data = dated("2025-03-10", "2025-01", "2027-12")
    text = document_text(data)
    assert (
        "ma i progetti finanziati da PNRR M5C2 Investimento 2.2.a devono concludersi entro il "
        "30 giugno 2026"
    ) in text
    assert "va spesa" not in text


def test_pnrr_money_cannot_be_secured_before_dm_55_assigned_it() -> None:
    """DOMAIN.md section 7: EUR 200 million for 37 Comuni, DM 55 of 29 March 2022. The
    Saluzzo example's PNRR lines are «assicurato»: true in 2023, not in 2021."""
    text = document_text(dated("2021-11-30", "2021-12", "2024-11"))
    assert (
        "La misura M1 ha risorse «assicurate» da PNRR M5C2 Investimento 2.2.a, assegnate solo "
        "il 29 marzo 2022: dopo la data del piano (30 novembre 2021)."
    ) in text
    assert "assegnate solo il 29 marzo 2022" not in document_text(dated("2023-11-28", "2024-01"))
    requested = dated("2021-11-30", "2021-12", "2024-11")
    for measure in requested["measures"]:
        for line in measure["budget"]:
            if line["source"] == "pnrr-m5c2-i2.2":
                line["status"] = "richiesto"
    assert "assegnate solo il 29 marzo 2022" not in document_text(requested)


def test_in_valle_d_aosta_the_president_of_the_region_acts_as_prefect() -> None:
    text = document_text(elsewhere("Aosta", "common-ground"))
    assert (
        "della Regione Autonoma Valle d'Aosta in materia di lavoro, Centri per l'impiego, "
        "salute, politiche sociali e migratorie, e dei protocolli promossi dalla Presidenza "
        "della Regione, che in Valle d'Aosta esercita le funzioni prefettizie."
    ) in text
