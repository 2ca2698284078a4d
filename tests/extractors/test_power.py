"""Power mentions: figures in W to TW, converted to gigawatts, on French phrasings of our own."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from extractors.power import extract_power

NBSP = "\u00a0"


def _expect(span: str, value: float | None = None, *, low: float | None = None, high: float | None = None,
            qualifier: str | None = None) -> dict[str, Any]:
    return {"text": span, "value_gw": value, "low_gw": low, "high_gw": high, "qualifier": qualifier}


SINGLE = [
    ("Le site offrira 5 gigawatts de capacité.", _expect("5 gigawatts", 5.0)),
    ("Un datacenter de 1 gigawatt est prévu.", _expect("1 gigawatt", 1.0)),
    ("La centrale fournit 800 MW au réseau.", _expect("800 MW", 0.8)),
    ("Le campus visera 1,4 GW en 2027.", _expect("1,4 GW", 1.4)),
    ("Le campus visera 1.4GW en 2027.", _expect("1.4GW", 1.4)),
    (f"Le campus visera 2{NBSP}GW en 2027.", _expect(f"2{NBSP}GW", 2.0)),
    ("Le réacteur délivre 300 mégawatts.", _expect("300 mégawatts", 0.3)),
    ("Le réacteur délivre 300 megawatts.", _expect("300 megawatts", 0.3)),
    ("Une baie consomme 120 kW.", _expect("120 kW", 1.2e-4)),
    ("Une baie consomme 120 kilowatts.", _expect("120 kilowatts", 1.2e-4)),
    ("Une puce consomme 700 W en pointe.", _expect("700 W", 7e-7)),
    ("Une puce consomme 1 000 watts en pointe.", _expect("1 000 watts", 1e-6)),
    ("Le pays vise 1 TW de capacités.", _expect("1 TW", 1000.0)),
    ("Le parc installé dépasse 2 térawatts.", _expect("2 térawatts", 2000.0, qualifier="more_than")),
    ("L'ambition est de produire un térawatt de calcul.", _expect("un térawatt", 1000.0)),
    ("Ils bâtiront cinq gigawatts de centres.", _expect("cinq gigawatts", 5.0)),
    ("Ils bâtiront deux GW de centres.", _expect("deux GW", 2.0)),
    ("Le parc compte vingt-cinq mégawatts.", _expect("vingt-cinq mégawatts", 0.025)),
    ("Le site affiche 250 MWe.", _expect("250 MWe", 0.25)),
    ("La ferme solaire produit 40 MWc.", _expect("40 MWc", 0.04)),
    ("Le chantier passera à 1 200 MW.", _expect("1 200 MW", 1.2)),
    # ranges
    ("Ces petits réacteurs font 50 à 300 MW.", _expect("50 à 300 MW", low=0.05, high=0.3)),
    ("Ces petits réacteurs font de 50 à 300 MW.", _expect("de 50 à 300 MW", low=0.05, high=0.3)),
    ("Le site accueillera entre 1 et 2 GW.", _expect("entre 1 et 2 GW", low=1.0, high=2.0)),
    ("Le site accueillera 1-2 GW.", _expect("1-2 GW", low=1.0, high=2.0)),
    ("Le site passera de 500 MW à 1 GW.", _expect("de 500 MW à 1 GW", low=0.5, high=1.0)),
    ("Un projet entre cinq et dix gigawatts.", _expect("entre cinq et dix gigawatts", low=5.0, high=10.0)),
    ("Un projet de 3 ou 4 GW.", _expect("3 ou 4 GW", low=3.0, high=4.0)),
    # qualifiers
    ("Microsoft a sécurisé plus de 800 MW par contrat.", _expect("plus de 800 MW", 0.8, qualifier="more_than")),
    ("Il bâtira jusqu'à cinq gigawatts de centres.", _expect("jusqu'à cinq gigawatts", 5.0, qualifier="up_to")),
    ("Il bâtira jusqu’à 5 GW de centres.", _expect("jusqu’à 5 GW", 5.0, qualifier="up_to")),
    ("Le site consomme environ 1,2 GW.", _expect("environ 1,2 GW", 1.2, qualifier="approx")),
    ("Le site consomme près de 2 GW.", _expect("près de 2 GW", 2.0, qualifier="approx")),
    ("Le site consomme autour de 600 MW.", _expect("autour de 600 MW", 0.6, qualifier="approx")),
    ("Le site consomme ~600 MW.", _expect("~600 MW", 0.6, qualifier="approx")),
    ("Le site consomme moins de 100 MW.", _expect("moins de 100 MW", 0.1, qualifier="less_than")),
    ("Un parc pouvant atteindre 3 GW.", _expect("pouvant atteindre 3 GW", 3.0, qualifier="up_to")),
    ("Un parc dépassant 4 GW.", _expect("dépassant 4 GW", 4.0, qualifier="more_than")),
    ("Un parc au-delà de 4 GW.", _expect("au-delà de 4 GW", 4.0, qualifier="more_than")),
    ("À terme, le campus pourrait atteindre 1,5 GW.", _expect("1,5 GW", 1.5, qualifier="up_to")),
    ("La demande approcherait bientôt 30 GW.", _expect("30 GW", 30.0, qualifier="approx")),
    ("La capacité a franchi la barre des 2 GW.", _expect("2 GW", 2.0, qualifier="more_than")),
    ("Le site consomme 1 GW environ.", _expect("1 GW environ", 1.0, qualifier="approx")),
    # vague
    ("Il faudra plusieurs dizaines de gigawatts.", _expect("plusieurs dizaines de gigawatts", qualifier="vague")),
    ("Ils visent des centaines de mégawatts.", _expect("des centaines de mégawatts", qualifier="vague")),
    ("Ils visent plusieurs gigawatts.", _expect("plusieurs gigawatts", qualifier="vague")),
    ("Ils visent quelques térawatts.", _expect("quelques térawatts", qualifier="vague")),
    ("Il faudra des dizaines de GW.", _expect("des dizaines de GW", qualifier="vague")),
]


@pytest.mark.parametrize(("sentence", "expected"), SINGLE)
def test_one_power_mention(nlp: Language, sentence: str, expected: dict[str, Any]) -> None:
    mentions = extract_power(nlp(sentence))
    assert len(mentions) == 1, [m.text for m in mentions]
    found = mentions[0]
    assert sentence[found.start : found.end] == found.text
    assert found.text in found.sentence
    assert found.text == expected["text"]
    assert found.qualifier == expected["qualifier"]
    for key in ("value_gw", "low_gw", "high_gw"):
        if expected[key] is None:
            assert getattr(found, key) is None, key
        else:
            assert getattr(found, key) == pytest.approx(expected[key], rel=1e-9), key


@pytest.mark.parametrize(
    ("sentence", "magnitude"),
    [
        ("Il faudra plusieurs dizaines de gigawatts.", 10.0),
        ("Ils visent des centaines de mégawatts.", 0.1),
        ("Ils visent plusieurs gigawatts.", 1.0),
    ],
)
def test_vague_power_magnitude(nlp: Language, sentence: str, magnitude: float) -> None:
    [found] = extract_power(nlp(sentence))
    assert found.magnitude == pytest.approx(magnitude)


NOT_POWER = [
    "La France produit 360 TWh par an.",
    "Le centre consomme 20 GWh par mois.",
    "Un foyer consomme 4 500 kWh par an.",
    "Le prix atteint 90 € le MWh.",
    "La machine atteint 1 exaflops.",
    "Le supercalculateur délivre 500 pétaflops.",
    "La disponibilité de GW de puissance change la donne.",
    "L'accès à des mégawatts stables est décisif.",
    "Il faut compter 50 milliards de dollars par gigawatt.",
    "Combien coûte un gigawatt d'IA ?",
    "Chaque gigawatt de data center coûte cher.",
    "La course aux gigawatts structure le secteur.",
    "Il faut mobiliser des gigawatts rapidement.",
    "Le coût par GW baisse.",
    "Le cluster aligne 100 000 GPU H100.",
    "Les marges atteignent 70 %.",
    "Le GB200 NVL72 consomme beaucoup.",
    "Le Wi-Fi 7 arrive en 2026.",
]


@pytest.mark.parametrize("sentence", NOT_POWER)
def test_not_power(nlp: Language, sentence: str) -> None:
    assert [m.text for m in extract_power(nlp(sentence))] == []


def test_mentions_are_sorted_and_do_not_overlap(nlp: Language) -> None:
    text = "Le parc passera de 2 GW à 5 GW, puis à plus de 10 gigawatts, soit 10 000 MW."
    found = extract_power(nlp(text))
    assert [m.text for m in found] == ["de 2 GW à 5 GW", "plus de 10 gigawatts", "10 000 MW"]
    assert all(a.end <= b.start for a, b in pairwise(found))


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("Un réacteur de 1 650 MWe.", 1.65), ("Une tranche de 1,1 GW.", 1.1), ("Un rack de 130 kW.", 1.3e-4)],
)
def test_values_carry_no_binary_noise(nlp: Language, sentence: str, value: float) -> None:
    [found] = extract_power(nlp(sentence))
    assert found.value_gw == value


@pytest.mark.parametrize(
    ("sentence", "spans"),
    [
        ("La tranche de 5 GW à 2 MW près.", ["5 GW", "2 MW"]),
        ("De 2025 à 5 GW en cinq ans.", ["5 GW"]),
        ("Le site de 2 GW à Dunkerque.", ["2 GW"]),
    ],
)
def test_a_range_that_does_not_hold_gives_its_figures(nlp: Language, sentence: str, spans: list[str]) -> None:
    assert [m.text for m in extract_power(nlp(sentence))] == spans


@settings(max_examples=40, deadline=None)
@given(
    integer=st.integers(min_value=1, max_value=99_999),
    decimals=st.sampled_from(["", "5", "25"]),
    unit=st.sampled_from([("MW", 1e-3), ("GW", 1.0), ("gigawatts", 1.0), ("mégawatts", 1e-3), ("kW", 1e-6)]),
    space=st.sampled_from([" ", NBSP, "\u202f"]),
)
def test_any_written_power_is_found_in_gigawatts(nlp: Language, integer: int, decimals: str,
                                                 unit: tuple[str, float], space: str) -> None:
    figure = f"{integer:,}".replace(",", space) + ("," + decimals if decimals else "")
    span = f"{figure}{space}{unit[0]}"
    [found] = extract_power(nlp(f"Le site disposera de {span} dès 2027."))
    assert found.text == span
    assert found.value_gw == pytest.approx(float(f"{integer}.{decimals or 0}") * unit[1], rel=1e-9)
