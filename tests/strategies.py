"""Hypothesis strategies: valid plans as plain data, and mutations of them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st


def examples(n: int) -> int:
    """``max_examples`` for a test written for ``n``: ``n`` in the ``dev`` and ``ci``
    profiles, ten times ``n`` in ``long`` (the profile's own count, relative to 100)."""
    return max(1, n * settings().max_examples // 100)


ACTOR_TYPES = ["comune", "prefettura", "itl", "inps", "asl", "cpi", "sindacato", "terzo-settore"]
AREAS = ["alloggio", "trasporto", "salute", "documenti", "lavoro", "informazione"]
SOURCES = ["fnpm", "pnrr-m5c2-i2.2", "regione", "bilancio-comunale", "fondi propri del Comune"]

# Text users may type: accents, emoji, RTL, markup-looking strings; no control characters.
_alphabet = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\ufeff"
)
texts = st.text(_alphabet, min_size=1, max_size=40).map(str.strip).filter(bool)
tricky = st.sampled_from(
    ["{{ x }}", "{% if %}", "<w:p>", "&amp;", "🌾 raccolta", "مرحبا", "a" * 120]
)
free_text = st.one_of(texts, tricky)


@st.composite
def months(draw: st.DrawFn, start_year: int = 2025, years: int = 3) -> str:
    year = draw(st.integers(start_year, start_year + years - 1))
    return f"{year}-{draw(st.integers(1, 12)):02d}"


@st.composite
def valid_plans(draw: st.DrawFn) -> dict[str, Any]:
    n_stake = draw(st.integers(1, 6))
    stakeholders = [
        {
            "id": "comune" if i == 0 else f"attore-{i}",
            "name": draw(free_text),
            "type": "comune" if i == 0 else draw(st.sampled_from(ACTOR_TYPES)),
            "power": draw(st.integers(1, 5)),
            "interest": draw(st.integers(1, 5)),
        }
        for i in range(n_stake)
    ]
    ids = [s["id"] for s in stakeholders]
    n_needs = draw(st.integers(0, 4))
    needs = [
        {
            "id": f"N{i + 1}",
            "area": draw(st.sampled_from(AREAS)),
            "description": draw(free_text),
            "severity": draw(st.integers(1, 5)),
            "urgency": draw(st.integers(1, 5)),
        }
        for i in range(n_needs)
    ]
    measures = []
    for i in range(draw(st.integers(0, 5))):
        start, end = sorted([draw(months()), draw(months())])
        cents = draw(st.integers(0, 10**9))
        measures.append(
            {
                "id": f"M{i + 1}",
                "title": draw(free_text),
                "actions": draw(st.lists(st.integers(1, 10), min_size=1, max_size=3, unique=True)),
                "needs": [n["id"] for n in needs],
                "lead": draw(st.sampled_from(ids)),
                "start": start,
                "end": end,
                "budget": [
                    {
                        "amount": Decimal(cents) / 100,
                        "source": draw(st.sampled_from(SOURCES)),
                    }
                ],
                "indicators": [{"name": draw(free_text), "kind": "output", "target": 10}],
            }
        )
    return {
        "schema_version": 1,
        "plan": {
            "national_plan": "piano-triennale-2020-2022",
            "title": draw(free_text),
            "period": {"start": "2025-01", "end": "2027-12"},
            "status": "bozza",
        },
        "comune": {"name": "Saluzzo", "istat_code": "004203", "province": "CN"},
        "stakeholders": stakeholders,
        "needs": needs,
        "measures": measures,
    }
