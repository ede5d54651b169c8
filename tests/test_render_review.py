"""The document as a Giunta reads it (second review of issue 4): no fact dated after the
plan, no "0 indicatori" in a draft, annexes announced as they are, the internal edition
marked on every page, dates that do not wrap, one casing for values in table cells."""

from __future__ import annotations

import re

import pytest
from docx.oxml.ns import qn

from incas_cli.messages import render as msg
from incas_cli.render import RenderOptions, render_docx
from incas_cli.writers.measure import text_twips
from tests.helpers import minimal_plan
from tests.render_support import (
    body_text,
    example_plan,
    open_docx,
    plan_from,
    rendered,
    xml_parts,
)

NBSP = "\u00a0"


def _paragraphs(data: bytes) -> list[str]:
    document = open_docx(data)
    return [
        "".join(t.text or "" for t in p.iter(qn("w:t")))
        for p in document.element.body.iter(qn("w:p"))
    ]


def _table(data: bytes, first_header: str, second_header: str | None = None) -> list[list[str]]:
    document = open_docx(data)
    for table in document.tables:
        header = [c.text for c in table.rows[0].cells]
        if header[0] == first_header and (second_header is None or header[1] == second_header):
            return [[c.text for c in row.cells] for row in table.rows]
    raise AssertionError(f"no table with header {first_header!r}")


# --- 1. the national plan, as of the plan's own date -----------------------------------------


def test_a_plan_after_the_national_period_says_it_neutrally_without_later_facts() -> None:
    text = body_text(open_docx(rendered("saluzzo")))  # adopted on 28/11/2023
    assert msg.NATIONAL_STILL_IN_FORCE.format(plan="Piano triennale 2020-2022") in text
    assert "146/2025" not in text
    assert "A fine 2025" not in text
    assert "Nota: " not in text


def test_a_plan_within_the_national_period_has_no_such_sentence() -> None:
    data = minimal_plan()
    data["plan"]["period"] = {"start": "2021-01", "end": "2022-12"}
    text = body_text(open_docx(render_docx(plan_from(data), RenderOptions())))
    assert "resta il riferimento nazionale" not in text
    assert "146/2025" not in text


def test_approval_steps_do_not_capitalise_after_a_colon_nor_repeat_the_word() -> None:
    """Not «Tappe della sua approvazione: approvazione del Piano del 20 febbraio 2020»."""
    text = "\n".join(_paragraphs(rendered("saluzzo")))
    assert (
        "Tappe principali: approvazione del Piano (Tavolo caporalato) il 20 febbraio 2020 e "
        "intesa sul Piano (Conferenza Unificata) il 21 maggio 2020."
    ) in text


# --- 2. drafts: what is missing is said, never counted as zero --------------------------------

_ZERO = re.compile(
    r"(?<![\d.,])0 (misure|bisogni|attori|incontri|organizzazioni|indicatori|tavoli|azioni)\b"
)


def test_drafts_say_what_is_missing_instead_of_counting_zero() -> None:
    for name in ("bozza-iniziale", "breve"):
        plan = example_plan(name)
        text = "\n".join(_paragraphs(render_docx(plan, RenderOptions())))
        assert not _ZERO.search(text), (name, _ZERO.search(text))
        assert "gli indicatori delle misure sono ancora da definire" in text, name


def test_a_draft_without_budget_has_a_plan_level_placeholder() -> None:
    texts = _paragraphs(rendered("bozza-iniziale"))
    chapter = next(i for i, t in enumerate(texts) if t.endswith(". Piano finanziario"))
    assert texts[chapter + 1] == "[da completare: piano finanziario delle misure]"
    summary = _table(rendered("bozza-iniziale"), "Misura", "Capofila")
    assert summary[0] == ["Misura", "Capofila", "Tempi"]  # the money is the finance chapter's
    assert not any("0,00" in cell for row in summary for cell in row)  # never counted as zero


def test_an_empty_plan_reads_as_a_plan_to_complete() -> None:
    data = minimal_plan()
    data["stakeholders"] = []
    data["needs"] = []
    data["measures"] = []
    text = "\n".join(_paragraphs(render_docx(plan_from(data), RenderOptions())))
    assert not _ZERO.search(text), _ZERO.search(text)
    assert "L'analisi dei bisogni e le misure del piano sono ancora da definire." in text
    assert "I bisogni del territorio" in text and "sono ancora da individuare" in text


def test_a_same_year_span_names_the_year_once() -> None:
    text = body_text(open_docx(rendered("bozza-iniziale")))
    assert "dal 14 ottobre al 4 novembre 2026" in text


# --- 3. the steering body's cadence ----------------------------------------------------------


def test_the_cadence_reads_as_a_labelled_value() -> None:
    texts = _paragraphs(rendered("saluzzo"))
    assert not any("cadenza:" in t for t in texts)
    assert any(
        t.startswith("Cadenza delle riunioni della cabina di regia: mensile da maggio")
        for t in texts
    )


# --- 4. the annexes: the introduction names those present; chapter 4 counts ------------------


def _annex_chapter(data: bytes) -> list[str]:
    texts = _paragraphs(data)
    return texts[len(texts) - 1 - texts[::-1].index("Allegati") :]


def test_the_annexes_introduction_names_exactly_the_annexes_of_the_edition() -> None:
    # Saluzzo is adopted: the plan is Allegato A of the resolution, its annexes A.1, A.2
    public = _annex_chapter(rendered("saluzzo"))
    assert public[1] == (
        "L'Allegato A.1 riporta la composizione della cabina di regia e dei tavoli tematici."
    )
    assert [t for t in public if t.startswith("Allegato ")] == [
        "Allegato A.1 – Composizione della cabina di regia e dei tavoli tematici"
    ]
    internal = _annex_chapter(rendered("saluzzo", "interna"))
    assert internal[1] == (
        "Gli allegati riportano la composizione della cabina di regia e dei tavoli tematici "
        "(Allegato A.1) e i contatti dei referenti delle organizzazioni, presenti solo in "
        "questa edizione interna (Allegato A.2)."
    )
    assert [t for t in internal if t.startswith("Allegato ")] == [
        "Allegato A.1 – Composizione della cabina di regia e dei tavoli tematici",
        "Allegato A.2 – Contatti dei referenti (edizione interna)",
    ]


def test_chapter_4_counts_the_members_and_the_annex_lists_them() -> None:
    data = rendered("saluzzo")
    plan = example_plan("saluzzo")
    assert plan.governance is not None and plan.governance.steering_body is not None
    steering = _table(data, "Denominazione")  # a card: no header row, labels as row headers
    members = next(row[1] for row in steering if row[0] == "Componenti")
    count = len(plan.governance.steering_body.members)
    assert members == f"{count} organizzazioni (elenco nell'Allegato A.1)"
    tables = _table(data, "Tavolo", "Area")
    assert tables[0] == ["Tavolo", "Area", "Componenti"]
    for row, table in zip(tables[1:], plan.governance.tables, strict=True):
        assert row[2] == f"{len(table.members)} organizzazioni (elenco nell'Allegato A.1)"
    annex = _annex_chapter(data)
    for table in plan.governance.tables:
        assert table.name in annex


# --- 5. the internal edition is marked on every page -----------------------------------------


def _footers(data: bytes) -> dict[str, str]:
    return {
        name: "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml.decode()))
        for name, xml in xml_parts(data).items()
        if name.startswith("word/footer")
    }


def test_the_internal_edition_is_marked_in_every_footer_of_every_section() -> None:
    data = rendered("saluzzo", "interna")
    document = open_docx(data)
    for section in document.sections:
        parts = [section.footer]
        if section.different_first_page_header_footer:
            parts.append(section.first_page_footer)  # the cover too
        for part in parts:
            assert msg.INTERNAL_MARK in "\n".join(p.text for p in part.paragraphs)
    footers = _footers(data)
    assert footers and all(msg.INTERNAL_MARK in text for text in footers.values())


def test_the_public_edition_carries_no_internal_mark() -> None:
    data = rendered("saluzzo")
    assert all(msg.INTERNAL_MARK.encode() not in xml for xml in xml_parts(data).values())
    assert any("Pagina" in text for text in _footers(data).values())


# --- 7. dates do not wrap -------------------------------------------------------------------


def test_meeting_dates_stay_on_one_line_and_their_column_fits_the_longest() -> None:
    data = rendered("saluzzo")
    rows = _table(data, "Data", "Tipo")
    dates = [row[0] for row in rows[1:]]
    assert dates and all(" " not in d and NBSP in d for d in dates)
    document = open_docx(data)
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Data")
    first_column = int(table._tbl.tblGrid.findall(qn("w:gridCol"))[0].get(qn("w:w")))
    assert first_column >= max(text_twips(d, 9.5) for d in dates)


def test_measure_timings_break_only_between_start_and_end() -> None:
    rows = _table(rendered("saluzzo"), "Misura", "Capofila")
    timings = [row[2] for row in rows[1:-1]]
    # a seasonal measure adds its months in words (", ogni anno da giugno a ottobre")
    dates = rf"\w+{NBSP}\d{{4}} – \w+{NBSP}\d{{4}}(, ogni anno [\w ]+)?"
    assert all(re.fullmatch(dates, t) for t in timings)
    assert any(", ogni anno da giugno a ottobre" in t for t in timings)


# --- 8. one casing for values that fill a cell -------------------------------------------------


def test_vocabulary_values_in_cells_start_with_a_capital() -> None:
    data = rendered("saluzzo")
    kinds = [row[1] for row in _table(data, "Data", "Tipo")[1:]]
    relations = [row[2] for row in _table(data, "Da", "A")[1:]]
    covered = [row[4] for row in _table(data, "Azione prioritaria", "Asse")[1:-1]]
    for value in (*kinds, *relations, *covered):
        assert value[:1].isupper(), value
    assert set(covered) <= {"Principale", "Solo secondaria", "Nessuna"}
    indicator_kinds = {
        row.cells[1].text
        for table in open_docx(data).tables
        if [c.text for c in table.rows[0].cells][:2] == ["Indicatore", "Tipo"]
        for row in table.rows[1:]
    }
    assert indicator_kinds <= {"Realizzazione (output)", "Risultato (outcome)"}
    breve = body_text(open_docx(render_docx(example_plan("breve"), RenderOptions())))
    assert "Nessun partner indicato" in breve
    assert "nessun partner indicato" not in breve


def test_strategy_items_do_not_capitalise_after_a_colon() -> None:
    texts = _paragraphs(rendered("saluzzo"))
    # the axis's list (the specific objectives' table names the measure alone first)
    item = next(
        t for t in texts if t.startswith("M1 Nuovi posti di accoglienza finanziati dal PNRR (")
    )
    assert item.startswith("M1 Nuovi posti di accoglienza finanziati dal PNRR (AP5) – Ridurre")


# --- 9. each thing said once, where the reader looks for it ----------------------------------


@pytest.mark.parametrize("name", ["saluzzo", "siracusa"])
def test_a_measure_budget_and_its_indicators_are_said_once(name: str) -> None:
    """A measure's budget lines are one table (its card's) and its total one row of the
    finance chapter; each indicator is one row (its card's); the document body says each
    once."""
    from incas_cli import formats as fmt

    plan = example_plan(name)
    document = open_docx(rendered(name))
    paragraphs = _paragraphs(rendered(name))  # every paragraph, those of table cells too
    budget_tables = [
        t for t in document.tables if [c.text for c in t.rows[0].cells][:2] == ["Fonte", "Importo"]
    ]
    assert len(budget_tables) == sum(1 for m in plan.measures if m.budget)
    for m in plan.measures:
        heading = msg.H_MEASURE_BUDGET.format(id=m.id)
        assert paragraphs.count(heading) == 1, heading
        # the measure's total beside its name: the finance chapter's row, nowhere else
        named = msg.MEASURE_REF.format(id=m.id, title=m.title)
        total = fmt.money(m.total_budget)
        rows = [
            [c.text for c in row.cells]
            for table in document.tables
            for row in table.rows
            if row.cells[0].text == named
        ]
        assert sum(total in cells for cells in rows) == 1, (m.id, rows)
        for indicator in m.indicators:
            said = paragraphs.count(indicator.name)  # its own cell, wherever it is
            assert said == 1, (m.id, indicator.name, said)
    text = "\n".join(paragraphs)
    assert "Budget complessivo" not in text  # no budget row in a measure's card


@pytest.mark.parametrize("name", ["saluzzo", "siracusa"])
def test_a_need_card_says_what_the_needs_table_does_not(name: str) -> None:
    plan = example_plan(name)
    paragraphs = _paragraphs(rendered(name))
    for need in plan.needs:
        description = " ".join((need.description or "").split())
        if description:
            assert sum(p.count(description) for p in paragraphs) == 1, need.id
    ranking = _table(rendered(name), msg.T_RANK, msg.T_NEED)[0]
    assert {msg.T_DESCRIPTION, msg.T_PEOPLE, msg.T_PRIORITY} <= set(ranking)
    cards = [
        t
        for t in open_docx(rendered(name)).tables
        if t.rows[0].cells[0].text == msg.T_TARGET  # a need's card starts with its targets
    ]
    assert len(cards) == len(plan.needs)
    for card in cards:
        assert {r.cells[0].text for r in card.rows}.isdisjoint(
            {msg.T_DESCRIPTION, msg.T_PEOPLE, msg.T_PRIORITY}
        )


def test_chapter_one_says_only_once_what_other_chapters_list() -> None:
    """The national plan's axes and actions are listed where the plan uses them (the
    strategy and the coherence chapters), which chapter 1 names by number."""
    text = "\n".join(_paragraphs(rendered("saluzzo")))
    premessa = text[text.index("1. Premessa") : text.index("2. Profilo del territorio\n")]
    premessa = premessa[premessa.index("1.1 Il piano locale") :]  # after the table of contents
    assert "AP5" not in premessa and "aree tematiche" not in premessa
    assert f"il capitolo{NBSP}5" not in premessa  # a chapter reference keeps a plain space
    assert "il capitolo 5 colloca le misure" in premessa
    assert "il capitolo 9 le confronta" in premessa
    assert "Il percorso di questo piano è descritto nel capitolo 3." in premessa
