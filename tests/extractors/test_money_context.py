"""Money rules added for the own_money held-out set (issue 15): scale abbreviations glued to a currency code,
"$ CA", names several currencies share, a leading "+", "pour un GW" rates, cents, a currency stated after the
amount, a price closing its clause, legal and newsletter furniture."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from tests.extractors.money_cases import money_fields, one_money

GLUED = [
    # (sentence, span, value, currency)
    ("Chiffre d'affaires 2025 : 38,2 MCHF", "38,2 MCHF", 38.2e6, "CHF"),
    ("La start-up a levé 30 MDH auprès de business angels.", "30 MDH", 30e6, "MAD"),
    ("Le budget atteint 12 MEUR sur trois ans.", "12 MEUR", 12e6, "EUR"),
    ("Un contrat de 4,5 MUSD a été signé.", "4,5 MUSD", 4.5e6, "USD"),
    ("Le fonds gère 2 MdsEUR d'actifs.", "2 MdsEUR", 2e9, "EUR"),
    ("La ligne de crédit est de 250 kCHF.", "250 kCHF", 250e3, "CHF"),
    ("Maplegrid a levé 48 M$ CA en série B.", "48 M$ CA", 48e6, "CAD"),
    ("La valorisation atteint 310 M$ CA.", "310 M$ CA", 310e6, "CAD"),
    ("Le contrat vaut 20 M$ US.", "20 M$ US", 20e6, "USD"),
    ("Un prêt de 15 millions $ CAN a été accordé.", "15 millions $ CAN", 15e6, "CAD"),
    ("Le prix plancher est de 0,9 c€/kWh.", "0,9 c€/kWh", 0.009, "EUR"),
    ("La taxe baisse de 50 centimes d'euro.", "50 centimes d'euro", 0.5, "EUR"),
]


@pytest.mark.parametrize(("sentence", "span", "value", "currency"), GLUED)
def test_scale_glued_to_a_code_and_regional_dollars(nlp: Language, sentence: str, span: str, value: float,
                                                    currency: str) -> None:
    found = one_money(nlp, sentence)
    assert (found["text"], found["currency"]) == (span, currency)
    assert found["value"] == pytest.approx(value)


def test_a_word_after_a_scale_is_no_code(nlp: Language) -> None:
    assert money_fields(nlp, "Le site compte 3 MWh de stockage et 40 Mbps de bande passante.") == []


SHARED = [
    # (text, spans and currencies in reading order)
    ("Helvetia lève 85 millions de francs suisses. Le tour la valorise à 640 millions de francs.",
     [("85 millions de francs suisses", "CHF"), ("640 millions de francs", "CHF")]),
    ("La Côte d'Ivoire a prévu 500 milliards de francs CFA, dont 80 milliards de francs pour le numérique.",
     [("500 milliards de francs CFA", "XOF"), ("80 milliards de francs", "XOF")]),
    ("Le projet coûtera 300 millions de francs.", [("300 millions de francs", "CHF")]),
    ("Atlas Sigma a levé 30 MDH. Sa levée de 30 millions de dirhams sera complétée par un prêt.",
     [("30 MDH", "MAD"), ("30 millions de dirhams", "MAD")]),
    ("G42 investit 2 milliards de dirhams à Abou Dhabi.", [("2 milliards de dirhams", "AED")]),
    ("Le Maroc investit 10 milliards de dirhams dans le cloud.", [("10 milliards de dirhams", "MAD")]),
    ("À Genève, le site coûtera 300 millions de francs.", [("300 millions de francs", "CHF")]),
    ("À Dakar, l'État prévoit 80 milliards de francs pour le numérique.", [("80 milliards de francs", "XOF")]),
    ("Le contrat atteint 400 millions de couronnes norvégiennes, plus 50 millions de couronnes d'options.",
     [("400 millions de couronnes norvégiennes", "NOK"), ("50 millions de couronnes", "NOK")]),
]


@pytest.mark.parametrize(("text", "expected"), SHARED)
def test_shared_currency_names_follow_the_article(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m["text"], m["currency"]) for m in money_fields(nlp, text)] == expected


QUALIFIED = [
    # (sentence, span, value, qualifier)
    ("Les plans publics totalisent déjà +30 Md€.", "+30 Md€", 30e9, "more_than"),
    ("Un fonds de +500 M€ est annoncé.", "+500 M€", 500e6, "more_than"),
    ("Le résultat ressort à -2,1 M€.", "-2,1 M€", -2.1e6, None),
    ("Le groupe a gagné 12 Mds€ (+3 Mds€ sur un an).", "+3 Mds€", 3e9, None),
    ("L'once se maintient au-dessus de 2 600 dollars.", "au-dessus de 2 600 dollars", 2600.0, "more_than"),
    ("Le prix est tombé au-dessous de 40 € le MWh.", "au-dessous de 40 € le MWh", 40.0, "less_than"),
]


@pytest.mark.parametrize(("sentence", "span", "value", "qualifier"), QUALIFIED)
def test_signs_and_position_words(nlp: Language, sentence: str, span: str, value: float, qualifier: str | None) -> None:
    [found] = [m for m in money_fields(nlp, sentence) if m["text"] == span]
    assert found["qualifier"] == qualifier
    assert found["value"] == pytest.approx(value)


def test_a_percent_change_is_not_a_plus_amount(nlp: Language) -> None:
    found = money_fields(nlp, "Le chiffre d'affaires atteint 2,1 milliards d'euros (+12 %).")
    assert [(m["text"], m["qualifier"]) for m in found] == [("2,1 milliards d'euros", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "La région a levé 20 millions d'euros pour un projet de campus.",
        "Le groupe a investi 3 milliards d'euros pour le site de Fos.",
        "Il a payé 40 millions de dollars pour une usine au Texas.",
        "Ils ont obtenu 5 M€ pour chaque site retenu... en théorie.",
    ],
)
def test_pour_a_purpose_is_no_rate(nlp: Language, sentence: str) -> None:
    assert [m["per"] for m in money_fields(nlp, sentence)] == [None]


IMPLIED = [
    # (text, span, value, currency)
    ("- 12 milliards : c'est, en dollars, le montant des commandes de turbines.", "12 milliards", 12e9, "USD"),
    ("Les aides atteignent 4 milliards, en euros constants.", "4 milliards", 4e9, "EUR"),
    ("Le budget est de 2 milliards d'euros. Le Land prendra en charge les routes, pour environ 250 millions.",
     "environ 250 millions", 250e6, "EUR"),
    ("Le contrat porte sur 5 millions d'euros. Le site a été cédé moyennant 800 000 euros, revendu pour 3 millions.",
     "3 millions", 3e6, "EUR"),
    ("Le budget atteint 1,3 milliard d'euros. S'y ajoutent chaque année environ 1,2 million de taxe foncière.",
     "environ 1,2 million", 1.2e6, "EUR"),
]


@pytest.mark.parametrize(("text", "span", "value", "currency"), IMPLIED)
def test_amounts_whose_currency_is_elsewhere(nlp: Language, text: str, span: str, value: float, currency: str) -> None:
    [found] = [m for m in money_fields(nlp, text) if m["text"] == span]
    assert (found["value"], found["currency"], found["explicit"]) == (pytest.approx(value), currency, False)


@pytest.mark.parametrize(
    "text",
    [
        "Le Land a présenté un plan pour 2 millions d'habitants.",
        "Le réseau est dimensionné pour 3 millions, selon l'opérateur.",
        "L'usine produira 12 milliards de puces, en partie pour l'export.",
    ],
)
def test_counts_stay_counts(nlp: Language, text: str) -> None:
    assert money_fields(nlp, text) == []


def test_change_range_shares_its_rate(nlp: Language) -> None:
    found = money_fields(nlp, "Sa facture est passée de 18 000 à 26 000 euros par mois.")
    assert [(m["text"], m["value"], m["per"]) for m in found] == [
        ("18 000", 18000.0, "month"), ("26 000 euros par mois", 26000.0, "month")]


@pytest.mark.parametrize(
    "line",
    [
        "Mentions légales | CGU | Cookies | © 2026 TechMédia SAS, capital de 150 000 €",
        "Newsletter : recevez chaque matin l'essentiel. Offre spéciale : 3 mois pour 9,99 € au lieu de 29,97 €.",
        "Vous recevez cette lettre car vous êtes abonné(e). Soutenez-nous : 5 €/mois ou 50 €/an. Se désabonner.",
    ],
)
def test_page_furniture_is_no_money(nlp: Language, line: str) -> None:
    text = f"Le groupe a levé 40 millions d'euros.\n\n{line}\n"
    assert [m["text"] for m in money_fields(nlp, text)] == ["40 millions d'euros"]


_SEPARATORS = st.sampled_from([" ", "\u00a0", "\u202f"])
_GLUED_FORMS = [  # (template, factor, currency): {n} is the figure
    ("{n} MCHF", 1e6, "CHF"), ("{n} MEUR", 1e6, "EUR"), ("{n} M$ CA", 1e6, "CAD"), ("+{n} Md€", 1e9, "EUR"),
    ("{n} c€", 0.01, "EUR"), ("{n} Mds KRW", 1e9, "KRW"), ("{n} MDH", 1e6, "MAD"),
]


@settings(max_examples=60, deadline=None)
@given(
    whole=st.integers(min_value=1, max_value=999_999), cents=st.one_of(st.none(), st.integers(0, 99)),
    separator=_SEPARATORS, form=st.sampled_from(_GLUED_FORMS),
)
def test_typography_grammar(nlp: Language, whole: int, cents: int | None, separator: str,
                            form: tuple[str, float, str]) -> None:
    """Any figure, grouped by a normal, no-break or thin space, with a French decimal comma, in any glued form."""
    template, factor, currency = form
    digits = f"{whole:,}".replace(",", separator) + ("" if cents is None else f",{cents:02d}")
    span = template.format(n=digits)
    found = one_money(nlp, f"Le groupe annonce {span} pour ce projet.")
    assert (found["text"], found["currency"]) == (span, currency)
    assert found["value"] == pytest.approx((whole + (cents or 0) / 100) * factor)
    assert found["qualifier"] == ("more_than" if template.startswith("+") else None)


TABLE = """Compte de résultat simplifié {header}

| | 2025 | 2024 |
|---|---|---|
| Chiffre d'affaires | 186,4 | 154,0 |
| Résultat net | 14,7 | -3,2 |
| Effectif (personnes) | n.c. | 2 300 |
"""


@pytest.mark.parametrize(
    ("header", "factor", "currency"),
    [("(en millions d'euros)", 1e6, "EUR"), ("(en M€)", 1e6, "EUR"), ("en milliards de dollars", 1e9, "USD"),
     ("(en milliers d'euros)", 1e3, "EUR"), ("(en k€)", 1e3, "EUR")],
)
def test_table_figures_take_the_unit_stated_above(nlp: Language, header: str, factor: float, currency: str) -> None:
    found = money_fields(nlp, TABLE.format(header=header))
    assert [m["text"] for m in found] == ["186,4", "154,0", "14,7", "-3,2"]  # not the staff row: its own unit
    assert [m["value"] for m in found] == pytest.approx([v * factor for v in (186.4, 154.0, 14.7, -3.2)])
    assert {(m["currency"], m["explicit"]) for m in found} == {(currency, False)}


def test_table_columns_that_are_no_amounts(nlp: Language) -> None:
    text = """Projets annoncés (en millions d'euros)

| Projet | Mise en service | Puissance (MW) | Coût |
|---|---|---|---|
| Alpha | 2027 | 120 | 450 |
| Beta | 2028 | 80 | 310,5 |
"""
    assert [(m["text"], m["value"]) for m in money_fields(nlp, text)] == [("450", 450e6), ("310,5", 310.5e6)]


def test_a_table_without_a_unit_has_no_amounts(nlp: Language) -> None:
    assert money_fields(nlp, TABLE.format(header="(données publiées)")) == []


def test_a_unit_far_from_the_table_does_not_apply(nlp: Language) -> None:
    far = "Les montants sont exprimés en millions d'euros.\n\nLe tableau suivant résume l'activité.\n\n"
    text = far + TABLE.format(header="")
    assert money_fields(nlp, text) == []


ONE_AND_HALF = [
    # (sentence, span, value, qualifier)
    ("Les contrats dépassent souvent le million d'euros.", "le million d'euros", 1e6, "more_than"),
    ("Le groupe a franchi la barre du milliard de dollars de revenus.", "du milliard de dollars", 1e9, "more_than"),
    ("Une obligation verte d'un demi-milliard d'euros a été placée.", "un demi-milliard d'euros", 5e8, None),
    ("L'État apporte un demi-million d'euros.", "un demi-million d'euros", 5e5, None),
    ("Le marché pèse à peine 2 milliards de dollars.", "à peine 2 milliards de dollars", 2e9, "approx"),
    ("Un emprunt d'un montant maximal de 9 000 000 euros est autorisé.", "maximal de 9 000 000 euros", 9e6, "up_to"),
    ("Il investit un peu plus de 6 millions d'euros.", "un peu plus de 6 millions d'euros", 6e6, "more_than"),
    ("L'État apporte pas moins de 40 millions d'euros.", "pas moins de 40 millions d'euros", 4e7, "more_than"),
]


@pytest.mark.parametrize(("sentence", "span", "value", "qualifier"), ONE_AND_HALF)
def test_one_and_half_scales_and_more_qualifiers(nlp: Language, sentence: str, span: str, value: float,
                                                  qualifier: str | None) -> None:
    found = one_money(nlp, sentence)
    assert (found["text"], found["qualifier"]) == (span, qualifier)
    assert found["value"] == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Le fonds a levé 20 millions d'euros.\n👉 une usine (investissement : un peu plus de 6 millions)",
         "un peu plus de 6 millions"),
        ("Le budget est de 20 millions d'euros. Il faut inscrire les crédits, soit 3,5 millions pour 2026.",
         "3,5 millions"),
    ],
)
def test_money_labels_and_credits(nlp: Language, text: str, span: str) -> None:
    assert span in [m["text"] for m in money_fields(nlp, text)]


@pytest.mark.parametrize(
    "text",
    ["Compte de résultat (en millions d'euros)", "Les chiffres sont donnés en milliards de dollars courants.",
     "Le premier million de visiteurs est attendu en mai.", "Nombre d'abonnés : un peu plus de 6 millions."],
)
def test_units_of_measure_and_counts_are_not_amounts(nlp: Language, text: str) -> None:
    assert money_fields(nlp, text) == []
