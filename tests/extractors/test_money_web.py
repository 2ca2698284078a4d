"""Money on web text (issue 15): symbol/suffix/qualifier typography, the world's currencies, the French
decimal comma, per-share amounts, the article's currency context and page furniture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from extractors.money import CURRENCY_SYMBOLS, CURRENCY_WORDS, extract_money
from extractors.numbers import parse_digits
from extractors.rules import load_json
from tests.extractors.money_cases import one_money

TYPOGRAPHY = [
    # (sentence, span, value, currency, qualifier)
    ("Le marché a atteint 3,2 mrds€ l'an dernier.", "3,2 mrds€", 3.2e9, "EUR", None),
    ("Le néocloud revendique €450M+ de contrats.", "€450M+", 4.5e8, "EUR", "more_than"),
    ("Sa levée atteindrait >€80M selon nos informations.", ">€80M", 8e7, "EUR", "more_than"),
    ("CoreWeave revendique $1,5+ Mds de commandes.", "$1,5+ Mds", 1.5e9, "USD", "more_than"),
    ("Les start-up ont levé >90 Mds$ sur la période.", ">90 Mds$", 9e10, "USD", "more_than"),
    ("Un budget de ~2 Md€ est évoqué.", "~2 Md€", 2e9, "EUR", "approx"),
    ("Le coût reste <5 M€ par site.", "<5 M€ par site", 5e6, "EUR", "less_than"),
    ("Le carnet dépasse ≥ 12 Md$ cette année.", "≥ 12 Md$", 1.2e10, "USD", "more_than"),
    ("Ils visent + de 500 M€ de revenus.", "+ de 500 M€", 5e8, "EUR", "more_than"),
    ("Un tour de 30 M€+ est en préparation.", "30 M€+", 3e7, "EUR", "more_than"),
    ("Le fonds pèse 1,2 Mrd€ environ.", "1,2 Mrd€ environ", 1.2e9, "EUR", "approx"),
    ("La banque suisse prête CHF 45 Mio au projet.", "CHF 45 Mio", 4.5e7, "CHF", None),
    ("La facture serait proche de 600 millions de GBP.", "proche de 600 millions de GBP", 6e8, "GBP", "approx"),
    ("Le contrat vaut pas moins de 2 milliards d'euros.", "pas moins de 2 milliards d'euros", 2e9, "EUR",
     "more_than"),
    ("Le chantier coûtera 40 millions d'euros au bas mot.", "40 millions d'euros au bas mot", 4e7, "EUR",
     "more_than"),
    ("Un ticket de 5 M€ maximum par dossier.", "5 M€ maximum", 5e6, "EUR", "up_to"),
]


@pytest.mark.parametrize(("sentence", "span", "value", "currency", "qualifier"), TYPOGRAPHY)
def test_web_typography(nlp: Language, sentence: str, span: str, value: float, currency: str,
                        qualifier: str | None) -> None:
    found = one_money(nlp, sentence)
    assert (found["text"], found["currency"], found["qualifier"]) == (span, currency, qualifier)
    assert found["value"] == pytest.approx(value, rel=1e-9)


def test_a_plus_between_two_amounts_is_a_sum_not_a_qualifier(nlp: Language) -> None:
    found = extract_money(nlp("Le plan réunit 5 M€ + 3 M€ de subventions."))
    assert [(m.text, m.qualifier) for m in found] == [("5 M€", None), ("3 M€", None)]


_SYMBOL_FORMS = [("€{n}{s}", "EUR"), ("{n}{s}€", "EUR"), ("{n} {s}€", "EUR"), ("${n}{s}", "USD"),
                 ("{n} {s}$", "USD"), ("{n}{s}$", "USD"), ("£{n}{s}", "GBP")]
_SCALES = {"M": 1e6, "Md": 1e9, "Mds": 1e9, "mrds": 1e9, "Mrd": 1e9, "k": 1e3}
_QUALIFIERS = {"": None, ">": "more_than", "> ": "more_than", "<": "less_than", "~": "approx",
               "plus de ": "more_than", "environ ": "approx", "jusqu'à ": "up_to"}


@settings(max_examples=80, deadline=None)
@given(
    integer=st.integers(min_value=1, max_value=999),
    decimals=st.sampled_from(["", "5", "25", "75"]),
    form=st.sampled_from(_SYMBOL_FORMS),
    scale=st.sampled_from(sorted(_SCALES)),
    before=st.sampled_from(sorted(_QUALIFIERS)),
    plus=st.booleans(),
)
def test_typography_grammar(nlp: Language, integer: int, decimals: str, form: tuple[str, str], scale: str,
                            before: str, plus: bool) -> None:
    """Any symbol position, glued or spaced suffix, qualifier word or sign before, '+' after."""
    template, currency = form
    number = f"{integer},{decimals}" if decimals else str(integer)
    amount = before + template.format(n=number, s=scale) + ("+" if plus and not before else "")
    found = one_money(nlp, f"Le groupe annonce {amount} pour son campus.")
    assert found["text"] == amount
    assert found["value"] == pytest.approx(float(f"{integer}.{decimals or 0}") * _SCALES[scale], rel=1e-9)
    assert found["currency"] == currency
    assert found["qualifier"] == ("more_than" if plus and not before else _QUALIFIERS[before])


CURRENCIES = [
    ("Le fonds apporte 740 millions de francs suisses.", "CHF"),
    ("Une ligne de 120 millions de CHF est ouverte.", "CHF"),
    ("Le groupe est valorisé 1,1 milliard de livres sterling.", "GBP"),
    ("Ottawa promet 2 milliards de dollars canadiens.", "CAD"),
    ("Séoul engage 18 000 milliards de wons.", "KRW"),
    ("Kioxia investit 729 milliards de yens.", "JPY"),
    ("Le fondeur lève 18 milliards de yuans.", "CNY"),
    ("New Delhi débloque 100 milliards de roupies.", "INR"),
    ("Riyad investit 40 milliards de riyals saoudiens.", "SAR"),
    ("La filiale vaut 3 milliards de couronnes suédoises.", "SEK"),
    ("Le contrat atteint 2 milliards de zlotys.", "PLN"),
    ("Le projet coûte 900 millions de rands.", "ZAR"),
    ("Un prêt de 5 milliards de roupies indonésiennes.", "IDR"),
    ("Brasília offre 4 milliards de reais.", "BRL"),
    ("Le site coûte 12 milliards de dollars taïwanais.", "TWD"),
    ("L'usine coûtera 6 milliards de livres turques.", "TRY"),
    ("Le data center coûte 300 millions de dirhams marocains.", "MAD"),
    ("Un budget de 500 milliards de francs CFA.", "XOF"),
    ("Un chèque de NZ$ 80 millions.", "NZD"),
    ("Le rachat de R$ 2 milliards est signé.", "BRL"),
]


@pytest.mark.parametrize(("sentence", "currency"), CURRENCIES)
def test_currencies_in_words_and_codes(nlp: Language, sentence: str, currency: str) -> None:
    assert one_money(nlp, sentence)["currency"] == currency


def test_currency_table_holds_the_main_currencies_with_french_names() -> None:
    table = load_json("currencies.json")["currencies"]
    assert len(table) >= 40
    assert all(len(code) == 3 and code.isupper() and entry["names"] for code, entry in table.items())
    assert CURRENCY_WORDS.get("francs suisses") == "CHF" and CURRENCY_SYMBOLS.get("₩") == "KRW"
    assert CURRENCY_WORDS.get("dollars") == "USD"  # the guidelines' default dollar


@pytest.mark.parametrize(
    ("sentence", "span", "value", "per"),
    [
        ("Vireon entre au capital à 9,875 $ par action.", "9,875 $ par action", 9.875, "share"),
        ("Le dividende atteint 1,250 € par action.", "1,250 € par action", 1.25, "share"),
        ("L'offre valorise chaque titre à 42,5 euros.", "42,5 euros", 42.5, "share"),
        ("L'action Nvidia a terminé la séance à 187,25 $.", "187,25 $", 187.25, "share"),
        ("Le titre a clôturé à 12,40 € vendredi.", "12,40 €", 12.4, "share"),
        ("Le bénéfice par action ressort à 2,15 $.", "2,15 $", 2.15, "share"),
        ("Le rachat se fait pour $1,000.", "$1,000", 1000.0, None),
        ("La carte coûte 9,875 € pièce.", "9,875 € pièce", 9.875, "unit"),  # own_web gold: "6 500 € pièce" per unit
    ],
)
def test_decimal_comma_and_per_share(nlp: Language, sentence: str, span: str, value: float, per: str | None) -> None:
    found = one_money(nlp, sentence)
    assert (found["text"], found["per"]) == (span, per)
    assert found["value"] == pytest.approx(value)


def test_share_price_rule_skips_scaled_amounts(nlp: Language) -> None:
    [found] = extract_money(nlp("L'action a bondi après un contrat de 3 milliards de dollars."))
    assert found.per is None


@pytest.mark.parametrize(
    ("text_", "decimal_comma", "value"),
    [("9,875", True, 9.875), ("9,875", False, 9875.0), ("1.000", True, 1000.0), ("1,250,000", True, 1.25e6),
     ("12,5", False, 12.5)],
)
def test_parse_digits_decimal_comma(text_: str, decimal_comma: bool, value: float) -> None:
    assert parse_digits(text_, decimal_comma=decimal_comma) == value


CONTEXT = [
    # (text, span, currency): an amount with no currency takes the article's currency context
    ("Helvion obtient 740 millions de francs suisses.\n\nLe groupe a réalisé un chiffre d'affaires de "
     "212 millions en 2025 (+18 %), et vise 400 millions en 2029.", "400 millions", "CHF"),
    ("Le marché pèse 3,2 Md€. Kalvane a signé €450M+ de contrats.\n\nCoreWeave revendique $2 Mds.\n\n"
     "Bpifrance prépare un appel à projets doté de 300 millions.", "300 millions", "EUR"),
    ("Les start-up ont levé 900 millions d'euros.\n\nSur le trimestre, le ticket moyen atteint 18,4 millions "
     "(+12 %).", "18,4 millions", "EUR"),
    ("Le projet coûte 85 millions d'euros.\nEnedis doit chiffrer le raccordement, estimé entre 4 et 6 millions.",
     "entre 4 et 6 millions", "EUR"),
    ("L'enveloppe atteint 1,8 milliard d'euros, dont jusqu'à 400 millions pour le calcul.", "jusqu'à 400 millions",
     "EUR"),
    ("Le fonds a levé 50 millions de dollars.\n- Brumea a levé 14 millions auprès d'Alven ;\n"
     "- Tessora finalise un tour de 25 à 30 millions.", "de 25 à 30 millions", "USD"),
]


@pytest.mark.parametrize(("text_", "span", "currency"), CONTEXT)
def test_article_currency_context(nlp: Language, text_: str, span: str, currency: str) -> None:
    implied = {m.text: m for m in extract_money(nlp(text_)) if not m.explicit_currency}
    assert span in implied, list(implied)
    assert implied[span].currency == currency


@pytest.mark.parametrize(
    "line",
    ["Offre découverte : 1 € le premier mois, sans engagement", "Abonnez-vous dès 9,99 € par mois",
     "Déjà abonné ? Se connecter — 4,99 €/mois"],
)
def test_subscription_lines_are_page_furniture(nlp: Language, line: str) -> None:
    text = f"Le projet coûte 85 millions d'euros.\n\n{line}\n"
    assert [m.text for m in extract_money(nlp(text))] == ["85 millions d'euros"]


def test_an_article_about_subscription_prices_keeps_them(nlp: Language) -> None:
    text = "OpenAI facture son offre Pro 200 $ par mois, sans engagement de durée, aux entreprises qui l'adoptent."
    assert [m.text for m in extract_money(nlp(text))] == ["200 $ par mois"]


OWN_WEB = Path(__file__).resolve().parents[1] / "gold" / "own_web"


def test_own_web_gold_offsets_are_exact() -> None:
    for path in OWN_WEB.glob("*.jsonl"):
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        for line in path.read_text(encoding="utf-8").splitlines():
            fact = json.loads(line)
            assert text[fact["start"] : fact["end"]] == fact["text"], fact


@pytest.mark.parametrize(
    ("text_", "span", "currency"),
    [
        ("Le fonds a levé 20 millions d'euros en 2024.\nVous avez levé des fonds ?\n"
         "Oui, 9 millions auprès de Bpifrance.",
         "9 millions", "EUR"),
        ("Le projet coûte 1,3 milliard d'euros. Le Département participe à hauteur de 6 millions à la voirie ; "
         "l'agglomération prend en charge le réseau de chaleur, pour 2,5 millions.", "2,5 millions", "EUR"),
        ("Le plan atteint 2 milliards de dollars, dont 500 millions investis dans le refroidissement.", "500 millions",
         "USD"),
    ],
)
def test_money_words_after_the_amount_and_money_paragraphs(nlp: Language, text_: str, span: str,
                                                          currency: str) -> None:
    implied = {m.text: m.currency for m in extract_money(nlp(text_)) if not m.explicit_currency}
    assert implied.get(span) == currency, implied


def test_a_count_in_a_money_paragraph_stays_a_count(nlp: Language) -> None:
    text = "Le service facture 20 € par mois et revendique 3 millions d'abonnés."
    assert [m.text for m in extract_money(nlp(text))] == ["20 € par mois"]


def test_a_change_between_two_amounts_is_no_range(nlp: Language) -> None:
    text = "Sa facture est passée de 18 000 à 26 000 euros par mois à cause des frais de sortie."
    found = [(m.text, m.value, m.low, m.currency, m.explicit_currency) for m in extract_money(nlp(text))]
    assert found == [("18 000", 18_000.0, None, "EUR", False), ("26 000 euros par mois", 26_000.0, None, "EUR", True)]


def test_a_range_after_de_stays_a_range(nlp: Language) -> None:
    [found] = extract_money(nlp("Le site coûtera de 70 à 80 millions d'euros."))
    assert (found.value, found.low, found.high) == (None, 7e7, 8e7)


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [("Résultat net 2025 : -2,1 M€", "-2,1 M€", -2.1e6), ("Le solde ressort à −450 000 €.", "−450 000 €", -4.5e5),
     ("Une fourchette de 50-60 M€ est évoquée.", "50-60 M€", None)],
)
def test_negative_amounts(nlp: Language, sentence: str, span: str, value: float | None) -> None:
    found = one_money(nlp, sentence)
    assert found["text"] == span
    assert found["value"] == (None if value is None else pytest.approx(value))


def test_an_amount_from_a_named_lender_is_money(nlp: Language) -> None:
    text = "Le groupe a levé 10 millions d'euros. Il a obtenu un prêt vert de 25 millions de la Banque européenne."
    assert "25 millions" in [m.text for m in extract_money(nlp(text))]


def test_promises_are_money(nlp: Language) -> None:
    text = "Le sommet a réuni 20 milliards d'euros ; 6,2 milliards de promesses visent le numérique."
    assert [(m.value, m.currency) for m in extract_money(nlp(text))] == [(2e10, "EUR"), (6.2e9, "EUR")]
