"""Money mentions: exact spans and normalised values on French phrasings of our own."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from extractors.money import extract_money
from extractors.records import MoneyMention

NBSP, THIN = "\u00a0", "\u202f"


def _expect(span: str, value: float | None = None, *, low: float | None = None, high: float | None = None,
            currency: str | None = "EUR", qualifier: str | None = None, per: str | None = None,
            explicit: bool = True) -> dict[str, Any]:
    return {"text": span, "value": value, "low": low, "high": high, "currency": currency,
            "qualifier": qualifier, "per": per, "explicit_currency": explicit}


def _fields(mention: MoneyMention) -> dict[str, Any]:
    return {key: getattr(mention, key) for key in
            ("text", "value", "low", "high", "currency", "qualifier", "per", "explicit_currency")}


def _assert_same(found: dict[str, Any], expected: dict[str, Any]) -> None:
    for key in ("value", "low", "high"):
        if expected[key] is None:
            assert found[key] is None, key
        else:
            assert found[key] == pytest.approx(expected[key], rel=1e-9), key
    rest = ("text", "currency", "qualifier", "per", "explicit_currency")
    assert {k: found[k] for k in rest} == {k: expected[k] for k in rest}


SINGLE = [
    # digits, scale words, currency after
    ("La région a reçu 12 milliards d'euros de l'État.", _expect("12 milliards d'euros", 12e9)),
    ("Le groupe a levé 750 millions d’euros cette année.", _expect("750 millions d’euros", 7.5e8)),
    ("Un chèque de 1,25 milliard de dollars a été signé.", _expect("1,25 milliard de dollars", 1.25e9, currency="USD")),
    ("Le fonds pèse 2,5 milliards de dollars américains.",
     _expect("2,5 milliards de dollars américains", 2.5e9, currency="USD")),
    ("Il a payé 1 250 000 € pour le terrain.", _expect("1 250 000 €", 1.25e6)),
    (f"Il a payé 1{NBSP}250{NBSP}000 € pour le terrain.", _expect(f"1{NBSP}250{NBSP}000 €", 1.25e6)),
    (f"Il a payé 1{THIN}250{THIN}000{NBSP}€ pour le terrain.", _expect(f"1{THIN}250{THIN}000{NBSP}€", 1.25e6)),
    ("La licence coûte 300 euros.", _expect("300 euros", 300.0)),
    ("La carte se vend 1 999 dollars.", _expect("1 999 dollars", 1999.0, currency="USD")),
    ("Un abonnement à 49 € seulement.", _expect("49 €", 49.0)),
    ("Le ticket vaut 12,50 €.", _expect("12,50 €", 12.5)),
    ("Le contrat atteint 3 milliards USD selon la presse.", _expect("3 milliards USD", 3e9, currency="USD")),
    ("Une enveloppe de 40 millions EUR est prévue.", _expect("40 millions EUR", 4e7)),
    ("La banque prête 800 millions de livres sterling.", _expect("800 millions de livres sterling", 8e8,
                                                                 currency="GBP")),
    ("Le rachat se monte à 2 milliards de francs suisses.", _expect("2 milliards de francs suisses", 2e9,
                                                                    currency="CHF")),
    ("Tokyo injecte 10 000 milliards de yens.", _expect("10 000 milliards de yens", 1e13, currency="JPY")),
    ("Pékin promet 50 milliards de yuans aux fondeurs.", _expect("50 milliards de yuans", 5e10, currency="CNY")),
    ("Le budget est de 15 millions CHF.", _expect("15 millions CHF", 1.5e7, currency="CHF")),
    ("Une usine à 2 milliards de £ est prévue.", _expect("2 milliards de £", 2e9, currency="GBP")),
    ("La dotation atteint 900 millions de dollars canadiens.",
     _expect("900 millions de dollars canadiens", 9e8, currency="CAD")),
    # currency before
    ("OpenAI vise $500 milliards de contrats.", _expect("$500 milliards", 5e11, currency="USD")),
    ("Le lot part à $4.5 milliards.", _expect("$4.5 milliards", 4.5e9, currency="USD")),
    ("The deal is worth $7 billion.", _expect("$7 billion", 7e9, currency="USD")),
    ("Le marché atteindra $1 trillion.", _expect("$1 trillion", 1e12, currency="USD")),
    ("Il a vendu pour €300 millions.", _expect("€300 millions", 3e8)),
    ("Le total atteint £2,5 milliards.", _expect("£2,5 milliards", 2.5e9, currency="GBP")),
    ("Le prix est de $200.", _expect("$200", 200.0, currency="USD")),
    ("Le chèque de US$ 3 milliards est arrivé.", _expect("US$ 3 milliards", 3e9, currency="USD")),
    ("L'opération valait USD 40 millions.", _expect("USD 40 millions", 4e7, currency="USD")),
    ("Le rachat se fait pour $1,000.", _expect("$1,000", 1000.0, currency="USD")),
    # abbreviations
    ("Le tour de table atteint 4,5 Md€.", _expect("4,5 Md€", 4.5e9)),
    ("Le fonds gère 12 Mds$ d'actifs.", _expect("12 Mds$", 1.2e10, currency="USD")),
    ("Un contrat de 30 Md$ signé hier.", _expect("30 Md$", 3e10, currency="USD")),
    ("La start-up a levé 15 M€ en amorçage.", _expect("15 M€", 1.5e7)),
    ("Une rallonge de 8 M$ est votée.", _expect("8 M$", 8e6, currency="USD")),
    ("Une prime de 50 k€ par salarié.", _expect("50 k€ par salarié", 5e4, per="employee")),
    ("Le groupe a investi $5bn en Inde.", _expect("$5bn", 5e9, currency="USD")),
    ("Le groupe a investi 3 Md € en Inde.", _expect("3 Md €", 3e9)),
    # number words
    ("Le plan prévoit cinq milliards d'euros.", _expect("cinq milliards d'euros", 5e9)),
    ("Il faudra mille milliards de dollars.", _expect("mille milliards de dollars", 1e12, currency="USD")),
    ("Un milliard de dollars a été promis.", _expect("Un milliard de dollars", 1e9, currency="USD")),
    ("Elle a obtenu deux cents millions d'euros.", _expect("deux cents millions d'euros", 2e8)),
    ("Ils ont trouvé vingt et un millions d'euros.", _expect("vingt et un millions d'euros", 2.1e7)),
    ("La facture monte à trois mille euros.", _expect("trois mille euros", 3000.0)),
    ("Il a reçu un milliard et demi d'euros.", _expect("un milliard et demi d'euros", 1.5e9)),
    ("Une rallonge de 2 millions et demi d'euros.", _expect("2 millions et demi d'euros", 2.5e6)),
    ("Le coût atteint 3 trillions de dollars.", _expect("3 trillions de dollars", 3e12, currency="USD")),
    ("La capitalisation dépasse les 4 mille milliards de dollars.",
     _expect("4 mille milliards de dollars", 4e12, currency="USD", qualifier="more_than")),
    # ranges
    ("Le projet coûtera de 50 à 60 milliards d'euros.", _expect("de 50 à 60 milliards d'euros", low=5e10, high=6e10)),
    ("Un marché estimé entre 3 et 4 trillions de dollars.",
     _expect("entre 3 et 4 trillions de dollars", low=3e12, high=4e12, currency="USD")),
    ("It costs $50 to $60 billion.", _expect("$50 to $60 billion", low=5e10, high=6e10, currency="USD")),
    ("Un ticket de 50-60 M€ est attendu.", _expect("50-60 M€", low=5e7, high=6e7)),
    ("Un ticket de 50 – 60 M€ est attendu.", _expect("50 – 60 M€", low=5e7, high=6e7)),
    ("La levée irait de 500 millions à 1 milliard d'euros.",
     _expect("de 500 millions à 1 milliard d'euros", low=5e8, high=1e9)),
    ("Il faudra 2 à 3 milliards de dollars.", _expect("2 à 3 milliards de dollars", low=2e9, high=3e9,
                                                        currency="USD")),
    ("Le chantier vaut entre 1,5 et 2 milliards d’euros.",
     _expect("entre 1,5 et 2 milliards d’euros", low=1.5e9, high=2e9)),
    ("Compter entre cinq et six millions d'euros.", _expect("entre cinq et six millions d'euros", low=5e6,
                                                            high=6e6)),
    ("Un budget de 10 ou 12 millions d'euros.", _expect("10 ou 12 millions d'euros", low=1e7, high=1.2e7)),
    ("Un ticket compris entre 5 M€ et 10 M€.", _expect("entre 5 M€ et 10 M€", low=5e6, high=1e7)),
    ("Une offre de 2 milliards de dollars à 3 milliards de dollars.",
     _expect("de 2 milliards de dollars à 3 milliards de dollars", low=2e9, high=3e9, currency="USD")),
    # qualifiers
    ("Le rachat se fera pour environ 390 millions d'euros.",
     _expect("environ 390 millions d'euros", 3.9e8, qualifier="approx")),
    ("Une dette de près de 2 milliards d'euros.", _expect("près de 2 milliards d'euros", 2e9, qualifier="approx")),
    ("Une valeur autour de 25 milliards de dollars.",
     _expect("autour de 25 milliards de dollars", 2.5e10, currency="USD", qualifier="approx")),
    ("Il a levé quelque 300 millions d'euros.", _expect("quelque 300 millions d'euros", 3e8, qualifier="approx")),
    ("Un coût de ~40 millions d'euros.", _expect("~40 millions d'euros", 4e7, qualifier="approx")),
    ("Un coût de ~ 40 millions d'euros.", _expect("~ 40 millions d'euros", 4e7, qualifier="approx")),
    ("Nvidia engagerait jusqu’à 100 milliards de dollars.",
     _expect("jusqu’à 100 milliards de dollars", 1e11, currency="USD", qualifier="up_to")),
    ("Nvidia engagerait jusqu'à 100 milliards de dollars.",
     _expect("jusqu'à 100 milliards de dollars", 1e11, currency="USD", qualifier="up_to")),
    ("Un plan pouvant atteindre 75 milliards d'euros.",
     _expect("pouvant atteindre 75 milliards d'euros", 7.5e10, qualifier="up_to")),
    ("Des commandes de plus de 80 milliards de dollars.",
     _expect("plus de 80 milliards de dollars", 8e10, currency="USD", qualifier="more_than")),
    ("Des engagements dépassant 100 milliards de dollars.",
     _expect("dépassant 100 milliards de dollars", 1e11, currency="USD", qualifier="more_than")),
    ("Des pertes au-delà de 5 milliards d'euros.",
     _expect("au-delà de 5 milliards d'euros", 5e9, qualifier="more_than")),
    ("Le projet a coûté moins de 10 millions d'euros.",
     _expect("moins de 10 millions d'euros", 1e7, qualifier="less_than")),
    ("Le projet a coûté moins d'un million d'euros.",
     _expect("moins d'un million d'euros", 1e6, qualifier="less_than")),
    ("Un coût de 100 millions d'euros environ.",
     _expect("100 millions d'euros environ", 1e8, qualifier="approx")),
    ("Le tout approche, selon les analystes, la barre des $2 trillion.",
     _expect("$2 trillion", 2e12, currency="USD", qualifier="approx")),
    ("Le total a dépassé cette année les 3 milliards d'euros.",
     _expect("3 milliards d'euros", 3e9, qualifier="more_than")),
    ("La facture finale dépasserait 2,4 milliards d’euros.",
     _expect("2,4 milliards d’euros", 2.4e9, qualifier="more_than")),
    ("Les ventes avoisinent désormais 900 millions d'euros.",
     _expect("900 millions d'euros", 9e8, qualifier="approx")),
    ("Le budget pourrait atteindre 6 milliards d'euros.", _expect("6 milliards d'euros", 6e9, qualifier="up_to")),
    ("Le chiffre frôle les 10 milliards de dollars.",
     _expect("10 milliards de dollars", 1e10, currency="USD", qualifier="approx")),
    ("Il faudra environ $50 to $60 billion per gigawatt.",
     _expect("environ $50 to $60 billion per gigawatt", low=5e10, high=6e10, currency="USD",
             qualifier="approx", per="GW")),
    # per-unit rates
    ("L'offre Pro coûte 200 $/mois.", _expect("200 $/mois", 200.0, currency="USD", per="month")),
    ("Le loyer est de 1,25 milliard de dollars par mois.",
     _expect("1,25 milliard de dollars par mois", 1.25e9, currency="USD", per="month")),
    ("Elle facture 20 € par an.", _expect("20 € par an", 20.0, per="year")),
    ("Une redevance de 3 millions d'euros par année.", _expect("3 millions d'euros par année", 3e6, per="year")),
    ("Le modèle coûte 2 $ par million de tokens.",
     _expect("2 $ par million de tokens", 2.0, currency="USD", per="million_tokens")),
    ("Le modèle coûte 0,5 $ per million tokens.",
     _expect("0,5 $ per million tokens", 0.5, currency="USD", per="million_tokens")),
    ("Il faut 10 milliards de dollars par gigawatt.",
     _expect("10 milliards de dollars par gigawatt", 1e10, currency="USD", per="GW")),
    ("Il faut 10 milliards de dollars par GW installé.",
     _expect("10 milliards de dollars par GW", 1e10, currency="USD", per="GW")),
    ("Le service vaut 30 €/mois.", _expect("30 €/mois", 30.0, per="month")),
    ("Le service vaut 30 € / an.", _expect("30 € / an", 30.0, per="year")),
    ("Chaque GPU se loue 2 $/h.", _expect("2 $/h", 2.0, currency="USD", per="hour")),
    ("L'électricité revient à 60 € par MWh.", _expect("60 € par MWh", 60.0, per="MWh")),
    ("Le forfait est de 5 € par utilisateur.", _expect("5 € par utilisateur", 5.0, per="user")),
    ("La taxe rapporte 2 milliards d'euros annuels.", _expect("2 milliards d'euros annuels", 2e9, per="year")),
    ("La plateforme facture 0,002 $ par token.", _expect("0,002 $ par token", 0.002, currency="USD",
                                                         per="token")),
    ("Il a dépensé 40 millions de dollars par jour.",
     _expect("40 millions de dollars par jour", 4e7, currency="USD", per="day")),
    ("Le courant se négocie à 90 € le MWh.", _expect("90 € le MWh", 90.0, per="MWh")),
    ("La redevance rapporte 3 milliards d'euros l'an.", _expect("3 milliards d'euros l'an", 3e9, per="year")),
    ("La redevance rapporte 3 milliards d’euros l’an.", _expect("3 milliards d’euros l’an", 3e9, per="year")),
    ("Le forfait passe à 15 € le mois.", _expect("15 € le mois", 15.0, per="month")),
    ("Ils ont levé 3 milliards d'euros l'an dernier.", _expect("3 milliards d'euros", 3e9)),
    ("Une levée de 40 M€ le mois prochain.", _expect("40 M€", 4e7)),
    ("It charges $20 a month.", _expect("$20 a month", 20.0, currency="USD", per="month")),
    ("Le serveur se loue 2 000 € HT par mois.", _expect("2 000 € HT par mois", 2000.0, per="month")),
    ("Le serveur se loue 2 400 € TTC.", _expect("2 400 € TTC", 2400.0)),
    # vague amounts
    ("Il investit des milliards de dollars dans le cloud.",
     _expect("des milliards de dollars", currency="USD", qualifier="vague")),
    ("Ce sont plusieurs milliards d'euros en jeu.", _expect("plusieurs milliards d'euros", qualifier="vague")),
    ("On parle de contrats à milliards de dollars.", _expect("milliards de dollars", currency="USD",
                                                             qualifier="vague")),
    ("Des centaines de millions d'euros d'amendes.", _expect("Des centaines de millions d'euros",
                                                             qualifier="vague")),
    ("Ils mobilisent des dizaines de milliards de dollars.",
     _expect("des dizaines de milliards de dollars", currency="USD", qualifier="vague")),
    ("Il reste quelques millions d'euros.", _expect("quelques millions d'euros", qualifier="vague")),
    ("Ces startups lèvent des millions de dollars chaque mois.",
     _expect("des millions de dollars chaque mois", currency="USD", qualifier="vague", per="month")),
    ("Ils ont perdu plusieurs centaines de millions de livres sterling.",
     _expect("plusieurs centaines de millions de livres sterling", currency="GBP", qualifier="vague")),
]


@pytest.mark.parametrize(("sentence", "expected"), SINGLE)
def test_one_money_mention(nlp: Language, sentence: str, expected: dict[str, Any]) -> None:
    mentions = extract_money(nlp(sentence))
    assert len(mentions) == 1, [m.text for m in mentions]
    found = mentions[0]
    assert sentence[found.start : found.end] == found.text
    assert found.text in found.sentence
    _assert_same(_fields(found), expected)


def test_vague_amounts_carry_their_unit_as_magnitude(nlp: Language) -> None:
    [found] = extract_money(nlp("Ils ont investi des centaines de millions d'euros."))
    assert (found.value, found.magnitude) == (None, 1e6)
    [found] = extract_money(nlp("Ils ont investi des dizaines de milliards de dollars."))
    assert found.magnitude == 1e9


IMPLIED = [
    # (text, span, value, currency): currency from the most recent explicit amount
    ("Le plan totalise 109 milliards d’euros, dont 3 milliards pour un opérateur.", "3 milliards", 3e9, "EUR"),
    ("Les géants dépenseront 600 milliards de dollars, contre environ 390 milliards l'an dernier.",
     "environ 390 milliards", 3.9e11, "USD"),
    ("Le chiffre d'affaires est passé de 1 milliard de dollars en 2024 à 47 milliards cette année.",
     "47 milliards", 4.7e10, "USD"),
    ("Le fonds a 20 milliards d'euros. Il a investi 2 milliards dans une usine.", "2 milliards", 2e9, "EUR"),
    ("La banque dispose de 5 milliards de dollars. Elle a déjà dépensé plusieurs milliards en puces.",
     "plusieurs milliards", None, "USD"),
    ("Le groupe a 8 milliards d'euros. Ses pertes atteignent 900 millions sur l'année.",
     "900 millions", 9e8, "EUR"),
    ("Après 30 milliards de dollars l'an passé, Nvidia a investi des dizaines de milliards dans le secteur.",
     "des dizaines de milliards", None, "USD"),
    ("Après 1 milliard d'euros investi, le groupe vise 3 milliards de chiffre d'affaires.",
     "3 milliards", 3e9, "EUR"),
    ("Le pays a 5 milliards de dollars de réserves ; il paiera 2 milliards de droits de douane.",
     "2 milliards", 2e9, "USD"),
    ("Il a investi 3 milliards dans le cloud, sur un total de 8 milliards de dollars.", "3 milliards", 3e9, "USD"),
    ("Avec 2 milliards d'euros en caisse, l'État promet des centaines de milliards d'investissements.",
     "des centaines de milliards", None, "EUR"),
]


@pytest.mark.parametrize(("text", "span", "value", "currency"), IMPLIED)
def test_currency_implied_by_context(nlp: Language, text: str, span: str, value: float | None,
                                     currency: str) -> None:
    implied = [m for m in extract_money(nlp(text)) if not m.explicit_currency]
    assert [m.text for m in implied] == [span]
    assert implied[0].currency == currency
    assert implied[0].value == (None if value is None else pytest.approx(value))
    assert implied[0].qualifier == ("vague" if value is None else implied[0].qualifier)


def test_implied_amount_with_no_earlier_currency_needs_a_money_word(nlp: Language) -> None:
    [found] = extract_money(nlp("L'entreprise a investi 3 milliards dans ses usines."))
    assert (found.text, found.value, found.currency, found.explicit_currency) == ("3 milliards", 3e9, None, False)


NOT_MONEY = [
    "Les marges atteignent 70 % sur ces puces.",
    "Un tarif douanier de 25 % frappe les importations.",
    "L'État détient 10 % du capital de l'entreprise.",
    "Le cluster aligne 100 000 GPU H100.",
    "Le centre compte 4000 GPU.",
    "En 2026, le marché a changé.",
    "Voir la page 26 du rapport.",
    "Le GB200 NVL72 remplace le H100 et la HBM4 arrive.",
    "Le coût est trente fois inférieur à celui de ses rivaux.",
    "Les puces contiennent des milliards de transistors.",
    "Des milliards de requêtes sont traitées chaque jour.",
    "Le pays compte 450 millions de consommateurs.",
    "Le modèle compte 70 milliards de paramètres.",
    "Une machine d’1 exaflops, soit un milliard de milliards d'opérations par seconde.",
    "Nvidia en a écoulé des millions avec des marges confortables.",
    "Le service a atteint 2 milliards d'utilisateurs.",
    "Il faudra des milliers de techniciens.",
    "Le projet couvre 2 250 acres au Texas.",
    "La réunion a eu lieu en 2025, 300 participants étaient là.",
    "Il a écrit 5 livres sur le sujet.",
    "Un contrat de cinq ans avec un partenaire.",
    "La puissance atteint 5 gigawatts.",
    "Le prix est en baisse de 30 %.",
    "Combien coûtent ces machines ? Des millions, répond-il.",
    "Ce modèle d'une grande valeur pour les chercheurs du monde entier compte 70 milliards.",
    "Amazon annonce 8 milliards, puis 4 milliards supplémentaires.",
]


@pytest.mark.parametrize("sentence", NOT_MONEY)
def test_not_money(nlp: Language, sentence: str) -> None:
    assert [m.text for m in extract_money(nlp(sentence))] == []


def test_mentions_are_sorted_and_do_not_overlap(nlp: Language) -> None:
    text = ("Le fonds de 20 milliards d'euros financera 3 usines à 2 milliards d'euros chacune, "
            "puis jusqu'à 5 M€ par projet et $4.5 milliards ailleurs.")
    found = extract_money(nlp(text))
    assert [m.text for m in found] == ["20 milliards d'euros", "2 milliards d'euros", "jusqu'à 5 M€ par projet",
                                      "$4.5 milliards"]
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_text_and_offsets_agree(nlp: Language) -> None:
    text = "Intro.\n\nLe plan prévoit environ 12 milliards d’euros par an.\n"
    [found] = extract_money(nlp(text))
    assert text[found.start : found.end] == found.text == "environ 12 milliards d’euros par an"
    assert found.sentence.endswith("Le plan prévoit environ 12 milliards d’euros par an.")


def test_amounts_with_their_own_currency_are_no_range_without_an_opener(nlp: Language) -> None:
    found = extract_money(nlp("Le budget passe 10 milliards d'euros à 20 milliards d'euros en un an."))
    assert [(m.text, m.value) for m in found] == [("10 milliards d'euros", 1e10), ("20 milliards d'euros", 2e10)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("Une amende de 4,1 milliards d'euros.", 4.1e9), ("Un prêt de 0,3 million d'euros.", 3e5),
     ("Un coût de 1,15 Md€.", 1.15e9)],
)
def test_values_carry_no_binary_noise(nlp: Language, sentence: str, value: float) -> None:
    [found] = extract_money(nlp(sentence))
    assert found.value == value


_CURRENCY_STYLES = [("{} milliards de dollars", 1e9, "USD"), ("{} millions d'euros", 1e6, "EUR"),
                    ("${} milliards", 1e9, "USD"), ("{} Md€", 1e9, "EUR"), ("{} M$", 1e6, "USD"),
                    ("{} €", 1.0, "EUR"), ("£{}bn", 1e9, "GBP"), ("{} k€", 1e3, "EUR")]


@settings(max_examples=60, deadline=None)
@given(
    integer=st.integers(min_value=1, max_value=999_999),
    decimals=st.sampled_from(["", "5", "25"]),
    comma=st.booleans(),
    style=st.sampled_from(_CURRENCY_STYLES),
    space=st.sampled_from([" ", NBSP, THIN]),
)
def test_any_written_amount_is_found_with_its_value(nlp: Language, integer: int, decimals: str, comma: bool,
                                                    style: tuple[str, float, str], space: str) -> None:
    template, factor, currency = style
    digits = f"{integer:,}".replace(",", space) if comma else str(integer)
    figure = digits + ("," + decimals if decimals else "")
    text = f"Le groupe a annoncé {template.format(figure)} pour son projet."
    [found] = extract_money(nlp(text))
    assert found.text == template.format(figure)
    assert found.value == pytest.approx(float(f"{integer}.{decimals or 0}") * factor, rel=1e-9)
    assert found.currency == currency
