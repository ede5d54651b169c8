"""The document's figures: stakeholder network and power/interest grid as PNG, with alt texts."""

from __future__ import annotations

import copy
import io
import random
import shutil
import struct
import subprocess
import sys
from typing import Any

import pytest
from PIL import Image

from incas_cli.document.figures import (
    CENTRE_FILL,
    PALETTE,
    QUADRANT_COLOURS,
    SHAPES,
    WHITE,
    FigureEdge,
    FigureNode,
    GridPoint,
    network_alt_text,
    network_png,
    power_interest_alt_text,
    power_interest_png,
    power_interest_quadrant,
)

GROUPS = ("Istituzioni", "Sindacati", "Terzo settore", "Imprese", "Forze dell'ordine", "Sanità")


# --- helpers ----------------------------------------------------------------------------------


def comune(name: str = "Comune di Saluzzo") -> FigureNode:
    return FigureNode("comune", name, "Comune", central=True)


def actors(count: int) -> list[FigureNode]:
    return [
        FigureNode(f"a{i}", f"Soggetto {i} della rete territoriale", GROUPS[i % len(GROUPS)])
        for i in range(count)
    ]


def spokes(nodes: list[FigureNode], every: int = 1) -> list[FigureEdge]:
    kinds = ("protocollo", "convenzione", "tavolo", "accordo")
    return [
        FigureEdge("comune", n.id, kinds[i % len(kinds)])
        for i, n in enumerate(nodes)
        if i % every == 0
    ]


def grid(count: int, seed: int = 7) -> list[GridPoint]:
    rnd = random.Random(seed)
    return [
        GridPoint(
            f"Soggetto {i} con un nome di media lunghezza", rnd.randint(1, 5), rnd.randint(1, 5)
        )
        for i in range(count)
    ]


def png(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def chunk_types(data: bytes) -> list[str]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    types, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        types.append(data[pos + 4 : pos + 8].decode("ascii"))
        pos += 12 + length
    return types


def has_colour(image: Image.Image, hex_colour: str, tolerance: int = 0, minimum: int = 50) -> bool:
    """At least ``minimum`` pixels within ``tolerance`` of the colour."""
    target = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    count = 0
    for n, rgb in image.convert("RGB").getcolors(1 << 20) or []:
        assert isinstance(rgb, tuple)
        if max(abs(c - t) for c, t in zip(rgb, target, strict=True)) <= tolerance:
            count += n
    return count >= minimum


def luminance(hex_colour: str) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# --- the stakeholder network ------------------------------------------------------------------


def test_network_is_a_png_of_the_requested_width_with_a_16_cm_resolution() -> None:
    nodes = [comune(), *actors(8)]
    data = network_png(nodes, spokes(nodes[1:]))
    image = png(data)
    assert image.format == "PNG"
    assert image.width == 1600
    assert 600 < image.height < 4000
    dpi = image.info["dpi"][0]
    assert 1600 / dpi * 2.54 == pytest.approx(16, abs=0.05)
    assert png(network_png(nodes, [], width_px=1890)).width == 1890


def test_network_png_carries_no_metadata_but_the_resolution() -> None:
    nodes = [comune(), *actors(5)]
    types = chunk_types(network_png(nodes, spokes(nodes[1:])))
    assert set(types) <= {"IHDR", "PLTE", "tRNS", "pHYs", "IDAT", "IEND"}


def test_network_is_deterministic_and_independent_of_input_order() -> None:
    nodes = [comune(), *actors(20)]
    edges = [*spokes(nodes[1:], every=2), FigureEdge("a3", "a7", "accordo")]
    first = network_png(nodes, edges)
    assert network_png(nodes, edges) == first
    shuffled_nodes, shuffled_edges = list(nodes), list(edges)
    random.Random(3).shuffle(shuffled_nodes)
    random.Random(4).shuffle(shuffled_edges)
    assert network_png(shuffled_nodes, shuffled_edges) == first


def test_network_ignores_duplicates_self_loops_and_unknown_endpoints() -> None:
    nodes = [comune(), *actors(6)]
    edges = spokes(nodes[1:])
    noisy = [
        *edges,
        *edges,  # duplicates
        FigureEdge(edges[0].target, "comune", edges[0].label),  # the same, reversed
        FigureEdge("a1", "a1", "con sé stesso"),
        FigureEdge("comune", "sconosciuto", "protocollo"),
        FigureEdge("fantasma", "a2", None),
    ]
    assert network_png(nodes, noisy) == network_png(nodes, edges)
    assert network_alt_text(nodes, noisy) == network_alt_text(nodes, edges)
    assert "6 relazioni" in network_alt_text(nodes, noisy)


def test_network_keeps_two_different_relations_between_the_same_actors() -> None:
    nodes = [comune(), *actors(2)]
    one = [FigureEdge("comune", "a0", "protocollo")]
    two = [*one, FigureEdge("a0", "comune", "convenzione")]
    assert "2 relazioni" in network_alt_text(nodes, two)
    assert network_png(nodes, two) != network_png(nodes, one)


def test_network_duplicate_node_ids_keep_the_first() -> None:
    nodes = [comune(), *actors(3)]
    doubled = [*nodes, FigureNode("a0", "Un altro nome", "Altro gruppo")]
    assert network_png(doubled, []) == network_png(nodes, [])


@pytest.mark.parametrize("count", [0, 1, 2, 5, 12, 24, 40, 90])
def test_network_draws_any_number_of_actors(count: int) -> None:
    nodes = [comune(), *actors(count)]
    image = png(network_png(nodes, spokes(nodes[1:], every=2)))
    assert image.width == 1600
    assert image.convert("RGB").getpixel((0, 0)) == (255, 255, 255)  # a white background
    assert has_colour(image, CENTRE_FILL)


def test_network_without_any_actor_is_a_small_valid_image() -> None:
    image = png(network_png([], []))
    assert image.width == 1600
    assert image.height < 400
    assert network_alt_text([], []) == "Rete degli attori: nessun attore indicato."


def test_network_without_a_central_actor_has_no_centre_badge() -> None:
    nodes = actors(7)
    image = png(network_png(nodes, [FigureEdge("a0", "a3", "accordo")]))
    assert not has_colour(image, CENTRE_FILL)
    assert "Nessun attore è indicato al centro" in network_alt_text(nodes, [])


def test_network_uses_the_group_colours() -> None:
    nodes = [comune(), *actors(6)]
    image = png(network_png(nodes, []))
    for colour in PALETTE[: len(GROUPS)]:
        assert has_colour(image, colour, minimum=20), colour


def test_network_with_30_actors_stays_small() -> None:
    nodes = [comune(), *actors(30)]
    edges = spokes(nodes[1:]) + [
        FigureEdge(f"a{i}", f"a{(i * 7) % 30}", "accordo") for i in range(30)
    ]
    data = network_png(nodes, edges)
    assert len(data) < 400_000


@pytest.mark.parametrize(
    "label",
    [
        "جمعية العمال المهاجرين في الزراعة",
        "עמותת עובדים",
        "Associazione 👷‍♀️🌾 lavoratrici 🇮🇹",
        "中文名称的组织",
        '{{ jinja }} {% if %} <w:p> & "virgolette"',
        "Nome\ncon\ta capo\x00 e controllo\u200b\u202e invertito",
        "Supercalifragilistichespiralidosoassociazionedeilavoratoriagricolistagionali" * 3,
        "x" * 10_000,
        "   ",
        "\ud800 surrogato",
    ],
)
def test_network_accepts_any_unicode_label(label: str) -> None:
    nodes = [
        FigureNode("comune", label, "Comune", central=True),
        FigureNode("a", label, label),
        FigureNode("b", "Prefettura", "Istituzioni"),
    ]
    edges = [FigureEdge("comune", "a", label), FigureEdge("comune", "b", "protocollo")]
    image = png(network_png(nodes, edges))
    assert image.width == 1600
    alt = network_alt_text(nodes, edges)
    assert "3 attori e 2 relazioni" in alt
    assert len(alt) < 1200


def test_network_alt_text_names_the_centre_the_counts_and_the_main_relations() -> None:
    nodes = [
        comune(),
        FigureNode("pref", "Prefettura - UTG di Cuneo", "Prefettura"),
        FigureNode("flai", "FLAI-CGIL Cuneo", "Sindacato"),
        FigureNode("fai", "FAI-CISL Cuneo", "Sindacato"),
        FigureNode("caritas", "Caritas diocesana di Saluzzo", "Terzo settore"),
    ]
    edges = [
        FigureEdge("pref", "comune", "protocollo"),
        FigureEdge("comune", "caritas", "convenzione"),
        FigureEdge("flai", "fai", None),
    ]
    alt = network_alt_text(nodes, edges)
    assert alt.startswith("Rete degli attori del piano: 5 attori e 3 relazioni.")
    assert "Al centro: Comune di Saluzzo, in relazione diretta con 2 attori." in alt
    assert "Sindacato 2" in alt
    assert "Comune di Saluzzo – Prefettura - UTG di Cuneo (protocollo)" in alt
    assert "FAI-CISL Cuneo – FLAI-CGIL Cuneo." in alt  # no label, actors in a fixed order
    # relations of the centre come first
    assert alt.index("Caritas") < alt.index("FAI-CISL Cuneo –")


def test_network_alt_text_summarises_many_relations() -> None:
    nodes = [comune(), *actors(12)]
    alt = network_alt_text(nodes, spokes(nodes[1:]))
    assert "13 attori e 12 relazioni" in alt
    assert "in relazione diretta con 12 attori" in alt
    assert alt.endswith("e altre 7.")


def test_network_alt_text_singulars() -> None:
    nodes = [comune(), FigureNode("a", "Prefettura", "Prefettura")]
    alt = network_alt_text(nodes, [FigureEdge("comune", "a", "tavolo")])
    assert "2 attori e 1 relazione." in alt
    assert "in relazione diretta con 1 attore." in alt
    lonely = network_alt_text([comune()], [])
    assert "1 attore e nessuna relazione" in lonely
    assert "senza relazioni dirette" in lonely


def test_network_rejects_a_silly_width() -> None:
    with pytest.raises(ValueError):
        network_png([comune()], [], width_px=10)


# --- the power/interest grid ------------------------------------------------------------------


def test_grid_is_a_png_of_the_requested_width() -> None:
    image = png(power_interest_png(grid(10)))
    assert image.format == "PNG"
    assert image.width == 1400
    assert image.height > 1300  # the square plot, axes and legend
    assert png(power_interest_png(grid(3), width_px=1890)).width == 1890


def test_grid_is_deterministic_and_independent_of_input_order() -> None:
    points = grid(30)
    first = power_interest_png(points)
    assert power_interest_png(points) == first
    shuffled = list(points)
    random.Random(5).shuffle(shuffled)
    assert power_interest_png(shuffled) == first
    assert set(chunk_types(first)) <= {"IHDR", "PLTE", "tRNS", "pHYs", "IDAT", "IEND"}


def test_grid_draws_the_four_quadrants() -> None:
    image = png(power_interest_png(grid(4)))
    assert image.convert("RGB").getpixel((0, 0)) == (255, 255, 255)
    for ink, tint in QUADRANT_COLOURS.values():
        assert has_colour(image, tint, minimum=10_000), tint
        assert has_colour(image, ink, minimum=20), ink


def test_grid_clamps_extreme_values() -> None:
    extreme = [GridPoint("Zero", 0, 0), GridPoint("Enorme", 99, 1000), GridPoint("Negativo", -5, 7)]
    clamped = [GridPoint("Zero", 1, 1), GridPoint("Enorme", 5, 5), GridPoint("Negativo", 1, 5)]
    assert power_interest_png(extreme) == power_interest_png(clamped)
    assert power_interest_alt_text(extreme) == power_interest_alt_text(clamped)


@pytest.mark.parametrize("count", [0, 1, 2, 9, 31, 45, 120])
def test_grid_draws_any_number_of_actors(count: int) -> None:
    image = png(power_interest_png(grid(count)))
    assert image.width == 1400


def test_grid_with_many_actors_in_one_cell() -> None:
    crowded = [GridPoint(f"Soggetto {i}", 3, 3) for i in range(45)]
    data = power_interest_png(crowded)
    assert png(data).width == 1400
    assert "Monitorare (potere e interesse bassi), 45 attori" in power_interest_alt_text(crowded)


def test_grid_with_30_actors_stays_small() -> None:
    data = power_interest_png(grid(30))
    assert len(data) < 400_000


def test_grid_accepts_any_unicode_label() -> None:
    points = [
        GridPoint("جمعية العمال", 5, 1),
        GridPoint("👷‍♀️🌾", 5, 1),
        GridPoint("", 2, 5),
        GridPoint("x" * 5000, 2, 5),
        GridPoint("a\nb\tc\x07", 4, 4),
    ]
    assert png(power_interest_png(points)).width == 1400
    alt = power_interest_alt_text(points)
    assert "5 attori" in alt
    assert "(senza nome)" in alt


def test_grid_quadrants() -> None:
    assert power_interest_quadrant(5, 5) == "Gestire da vicino"
    assert power_interest_quadrant(4, 3) == "Tenere soddisfatti"
    assert power_interest_quadrant(3, 4) == "Tenere informati"
    assert power_interest_quadrant(3, 3) == "Monitorare"
    assert power_interest_quadrant(1, 1) == "Monitorare"
    assert power_interest_quadrant(9, -2) == "Tenere soddisfatti"


def test_grid_alt_text_lists_each_quadrant() -> None:
    points = [
        GridPoint("Comune di Saluzzo", 5, 5),
        GridPoint("Prefettura - UTG di Cuneo", 5, 4),
        GridPoint("Regione Piemonte", 4, 3),
        GridPoint("FLAI-CGIL Cuneo", 3, 4),
    ]
    alt = power_interest_alt_text(points)
    assert alt.startswith("Griglia potere/interesse con 4 attori")
    assert (
        "Gestire da vicino (potere e interesse alti), 2 attori: "
        "Comune di Saluzzo e Prefettura - UTG di Cuneo." in alt
    )
    assert "Tenere soddisfatti (potere alto, interesse basso), 1 attore: Regione Piemonte." in alt
    assert "Tenere informati (potere basso, interesse alto), 1 attore: FLAI-CGIL Cuneo." in alt
    assert "Monitorare (potere e interesse bassi): nessun attore." in alt


def test_grid_alt_text_shortens_long_lists() -> None:
    points = [GridPoint(f"Soggetto {i}", 5, 5) for i in range(1, 10)]
    alt = power_interest_alt_text(points)
    assert (
        "9 attori: Soggetto 1, Soggetto 2, Soggetto 3, Soggetto 4, Soggetto 5, "
        "Soggetto 6 e altri 3." in alt
    )


def test_grid_alt_text_without_actors() -> None:
    assert power_interest_alt_text([]).startswith("Griglia potere/interesse: nessun attore")


# --- colours ----------------------------------------------------------------------------------


def test_colours_have_enough_contrast() -> None:
    for colour in (*PALETTE, CENTRE_FILL):
        assert contrast(colour, WHITE) >= 4.5, colour
    for ink, tint in QUADRANT_COLOURS.values():
        assert contrast(ink, tint) >= 4.5
        assert contrast(ink, WHITE) >= 4.5
        assert contrast("#1A1A1A", tint) >= 4.5


def test_groups_are_told_apart_by_shape_and_colour() -> None:
    pairs = {(SHAPES[i % len(SHAPES)], PALETTE[i % len(PALETTE)]) for i in range(40)}
    assert len(pairs) == 40


# --- fonts ------------------------------------------------------------------------------------


_DRAW_FIGURES = """
import hashlib, pathlib
from incas_cli.document.figures import FigureEdge, FigureNode, GridPoint
from incas_cli.document.figures import network_png, power_interest_png
nodes = [FigureNode("c", "Comune di Città Sant'Angelo", "Comune", central=True)]
nodes += [FigureNode(f"a{i}", f"Società agricola Àèìòù {i}", f"Gruppo {i % 3}") for i in range(8)]
edges = [FigureEdge("c", n.id, "protocollo d'intesa") for n in nodes[1:]]
points = [GridPoint(f"Cooperativa sociale È{i}", 1 + i % 5, 1 + i * 2 % 5) for i in range(9)]
for data in (network_png(nodes, edges), power_interest_png(points)):
    print(hashlib.sha256(data).hexdigest())
print(sorted(p.name for p in pathlib.Path("/usr/share/fonts").rglob("DejaVuSans*.ttf")))
"""


def _draw_in_subprocess(*prefix: str) -> list[str]:
    done = subprocess.run(
        [*prefix, sys.executable, "-c", _DRAW_FIGURES],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_figures_are_the_same_without_the_systems_fonts() -> None:
    """Drawn again with /usr/share/fonts hidden (a private mount namespace), same bytes."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare (util-linux) is needed to hide the system's fonts")
    hide = 'mount -t tmpfs none /usr/share/fonts && exec "$@"'
    probe = subprocess.run(
        [unshare, "-rm", "sh", "-c", hide, "sh", "true"], capture_output=True, check=False
    )
    if probe.returncode != 0:
        pytest.skip("this machine does not allow a private mount namespace")
    normal = _draw_in_subprocess()
    hidden = _draw_in_subprocess(unshare, "-rm", "sh", "-c", hide, "sh")
    assert hidden[-1] == "[]"  # no DejaVu on the system for that run
    assert hidden[:2] == normal[:2]


def test_figures_never_open_a_font_file_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every font comes from the package's bytes: opening any font file by name fails here."""
    from PIL import ImageFont

    from incas_cli.fonts import figure_font

    nodes = [comune("Comune di Città Sant'Angelo"), *actors(6)]
    nodes.append(FigureNode("x", "Società agricola Àèìòù", "Imprese"))

    def draw() -> tuple[bytes, bytes]:
        return network_png(nodes, spokes(nodes[1:])), power_interest_png(grid(12))

    figure_font.cache_clear()
    normal = draw()
    real_init = ImageFont.FreeTypeFont.__init__

    def file_objects_only(self: ImageFont.FreeTypeFont, font: object, *a: Any, **kw: Any) -> None:
        if not hasattr(font, "read"):
            raise OSError(f"no font files on this machine: {font!r}")
        real_init(self, font, *a, **kw)  # type: ignore[arg-type]

    def no_default(*args: object, **kw: object) -> None:
        raise AssertionError("Pillow's default font was asked for")

    monkeypatch.setattr(ImageFont.FreeTypeFont, "__init__", file_objects_only)
    monkeypatch.setattr(ImageFont, "load_default", no_default)
    figure_font.cache_clear()
    try:
        assert draw() == normal
    finally:
        figure_font.cache_clear()


# --- the caller's numbers: one numbering for both figures and the tables -----------------------


def test_network_uses_the_callers_numbers_when_it_numbers_its_nodes() -> None:
    nodes = [comune(), *actors(30)]  # crowded: numbered markers
    auto = network_png(nodes, [FigureEdge("comune", n.id) for n in nodes[1:]], width_px=600)
    # the numbers the figure would choose itself (group, then name) give the same picture
    ring = sorted(nodes[1:], key=lambda n: (n.group, int(n.label.split()[1])))
    same = {n.id: i for i, n in enumerate(ring, start=1)}
    given = [comune(), *(FigureNode(n.id, n.label, n.group, number=same[n.id]) for n in nodes[1:])]
    edges = [FigureEdge("comune", n.id) for n in given[1:]]
    assert network_png(given, edges, width_px=600) == auto
    # other numbers, other marks
    other = [
        comune(),
        *(FigureNode(n.id, n.label, n.group, number=100 + k) for k, n in enumerate(nodes[1:])),
    ]
    assert network_png(other, edges, width_px=600) != auto


def test_repeated_or_missing_numbers_fall_back_to_the_figures_own() -> None:
    nodes = [comune(), *actors(30)]
    edges = [FigureEdge("comune", n.id) for n in nodes[1:]]
    auto = network_png(nodes, edges, width_px=600)
    repeated = [comune(), *(FigureNode(n.id, n.label, n.group, number=7) for n in nodes[1:])]
    assert network_png(repeated, edges, width_px=600) == auto
    points = [GridPoint(f"Attore {i}", 3, 3) for i in range(40)]
    partial = [
        GridPoint(p.label, p.power, p.interest, 5 if i else None) for i, p in enumerate(points)
    ]
    assert power_interest_png(partial, width_px=600) == power_interest_png(points, width_px=600)


def test_grid_uses_the_callers_numbers() -> None:
    points = [GridPoint(f"Attore {i}", 1 + i % 5, 1 + (i * 2) % 5) for i in range(40)]
    auto = power_interest_png(points, width_px=600)
    numbered = [GridPoint(p.label, p.power, p.interest, 200 - i) for i, p in enumerate(points)]
    assert power_interest_png(numbered, width_px=600) != auto
    assert power_interest_png(numbered, width_px=600) == power_interest_png(
        list(reversed(numbered)), width_px=600
    )  # the order of the input does not matter, the numbers do


@pytest.mark.parametrize(
    ("name", "relations"), [("saluzzo", None), ("siracusa", None), ("saluzzo", 3)]
)
def test_network_text_prints_at_8_pt_or_more(
    monkeypatch: pytest.MonkeyPatch, name: str, relations: int | None
) -> None:
    """Every font the network figure asks for (labels, numbers in the markers, legends,
    relation codes), at the size the document prints the picture, is 8 pt or more: for
    the examples' networks (numbered) and for a small one (names beside the markers)."""
    import re
    import zipfile

    from incas_cli.document.figures import network
    from incas_cli.document.figures.values import MIN_TEXT_PT, printed_points
    from incas_cli.document.model import Figure, walk
    from incas_cli.fonts import figure_font
    from incas_cli.render import plan_document, render_docx
    from tests.render_support import example_data, plan_from

    sizes: list[int] = []
    original = figure_font

    def recording(size: int, bold: bool = False) -> Any:
        sizes.append(size)
        return original(size, bold)

    monkeypatch.setattr("incas_cli.document.figures.text.figure_font", recording)
    data = copy.deepcopy(example_data(name))
    if relations is not None:
        data["relations"] = data["relations"][:relations]
    plan = plan_from(data)
    figures = [b for b in walk(plan_document(plan).blocks) if isinstance(b, Figure)]
    assert len(figures) == 1 and figures[0].image is not None  # the public edition: the network
    canvas_px = png(figures[0].image).width * network.SUPERSAMPLING
    with zipfile.ZipFile(io.BytesIO(render_docx(plan))) as docx:
        body = docx.read("word/document.xml").decode()
    (extent,) = re.findall(r'<wp:extent cx="(\d+)" cy="\d+"', body)
    printed_width_pt = int(extent) / 12700
    assert printed_width_pt == pytest.approx(16 / 2.54 * 72, rel=0.01)  # never shrunk
    smallest = printed_points(min(sizes), canvas_px, printed_width_pt)
    assert smallest >= MIN_TEXT_PT, (name, smallest)


def test_network_relations_between_ring_actors_bend_around_the_centre_box() -> None:
    """A relation between two actors facing each other across the centre is drawn as a
    curve that clears the centre's box, not as a line hidden behind it."""
    from incas_cli.document.figures.network_layout import (
        _crosses,
        _edge_path,
        _layout_network,
        _prepare_network,
    )

    nodes = [comune(), *actors(8)]
    ring = [n.id for n in nodes[1:]]
    edges = [FigureEdge(ring[i], ring[i + 4], "Accordo") for i in range(4)]
    net = _prepare_network(nodes, [*spokes(nodes), *edges])
    layout = _layout_network(net, 2.0)
    spots = {s.node.id: s for s in layout.spots}
    assert layout.centre_rect is not None
    curved = 0
    for edge in net.edges:
        path = _edge_path(layout, spots, edge, 2.0)
        if "comune" in (edge.source, edge.target):
            assert path[1] is None  # a spoke ends at the centre, under its box
        else:
            assert not _crosses(path, layout.centre_rect), edge
            curved += path[1] is not None
    assert curved  # some straight lines would have crossed the box
    assert network_png(nodes, [*spokes(nodes), *edges], width_px=800)
