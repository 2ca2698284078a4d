"""What a money amount is per (GUIDELINES.md `per`), every phrasing in one table: the unit inside the
amount's span ("par mois", "pour un GW", "de l'heure", "pièce"), said before it ("Chaque baie", "le forfait
mensuel", a share move), after it ("12 € par carte"), as the subject of a price verb ("L'heure de GPU se
négocie entre..."), or carried from the amount it is compared with ("..., contre près de 90 euros")."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extractors.money_cases import per_of

PER = [
    # (sentence, span, per)
    # the unit after "pour un"
    ("Le modèle coûte 0,15 $ pour 1 million de tokens en entrée.", "0,15 $ pour 1 million de tokens", "million_tokens"),
    ("Comptez 0,60 $ pour un million de tokens.", "0,60 $ pour un million de tokens", "million_tokens"),
    ("Il faut 10 milliards de dollars pour un GW de capacité.", "10 milliards de dollars pour un GW", "GW"),
    ("Le stockage revient à 20 € pour 1 To.", "20 € pour 1 To", "TB"),
    ("La location est de 2 $ pour une heure de GPU.", "2 $ pour une heure", "hour"),
    ("Un serveur vaut 300 000 dollars, soit 37 500 $ par GPU.", "37 500 $ par GPU", "GPU"),
    ("Les A100 reconditionnées sont à 6 500 € pièce.", "6 500 € pièce", "unit"),
    # said before the amount
    ("À Séoul, SK Hynix a gagné 3 %, à 241 500 wons.", "241 500 wons", "share"),
    ("ASML a pris 1,9 % à Amsterdam, à 912,40 €.", "912,40 €", "share"),
    ("Barclays a relevé son objectif de cours à 190 dollars.", "190 dollars", "share"),
    ("Chaque baie équipée rapporte entre 20 000 et 35 000 euros.", "entre 20 000 et 35 000 euros", "rack"),
    ("Chaque abonné paie 12 € au fournisseur.", "12 €", "user"),
    ("Le chiffre d'affaires a progressé de 3 % à 2 milliards d'euros.", "2 milliards d'euros", None),
    ("Lambda affiche 2,49 $ de l'heure pour la même carte.", "2,49 $ de l'heure", "hour"),
    ("Le forfait mensuel démarre à 1 500 €.", "1 500 €", "month"),
    ("Le budget annuel atteint 3 M€.", "3 M€", "year"),
    # the unit after the amount: a card is a GPU, a square metre
    ("Un serveur à huit GPU coûte environ 300 000 dollars, soit près de 37 000 $ par carte.",
     "près de 37 000 $ par carte", "GPU"),
    ("Le revendeur facture 31 000 € la carte graphique.", "31 000 € la carte graphique", "GPU"),
    ("Le loyer atteint 140 euros le mètre carré.", "140 euros le mètre carré", "m2"),
    ("Les bureaux se louent 210 € par m2 et par an.", "210 € par m2", "m2"),
    # a rate unit as the subject of a price verb
    ("L'heure de GPU H100 se négocie désormais entre 1,80 et 2,20 € chez la plupart des acteurs.",
     "entre 1,80 et 2,20 €", "hour"),
    ("L'heure de calcul sur une grappe de huit cartes se facture entre 21 et 24 euros.", "entre 21 et 24 euros",
     "hour"),
    ("Le mégawattheure se vend désormais autour de 65 euros sur le marché de gros.", "autour de 65 euros", "MWh"),
    ("Le kilowattheure coûte 0,21 € aux particuliers.", "0,21 €", "kWh"),
    ("Le mois d'hébergement revient à 900 euros pour une baie.", "900 euros", "month"),
    # a thing as the subject is priced whole
    ("La carte se vend 1 999 dollars.", "1 999 dollars", None),
    ("La licence coûte 300 euros.", "300 euros", None),
    ("L'heure de gloire de la start-up a coûté 3 millions d'euros.", "3 millions d'euros", None),
    # carried from the amount it is compared with or listed after
    ("La chaleur sera vendue moins de 40 euros le mégawattheure, contre près de 90 euros avec le fioul.",
     "près de 90 euros", "MWh"),
    ("Le GPU se loue 2 € de l'heure chez nous, contre plus de 4 dollars il y a un an.", "plus de 4 dollars", "hour"),
    ("L'inférence coûte 0,30 € par million de tokens en entrée, 0,90 € en sortie.", "0,90 €", "million_tokens"),
    ("Le forfait coûte 30 € par mois, et les frais d'installation 200 €.", "200 €", None),
    ("L'abonnement coûte 9 € par mois, contre un investissement de 4 millions d'euros.", "4 millions d'euros", None),
    # a closing price is a share price
    ("À Taïwan, TSMC a terminé à 1 085 dollars taïwanais, un record.", "1 085 dollars taïwanais", "share"),
    ("Soitec a clôturé à 48,50 euros après sa publication.", "48,50 euros", "share"),
    ("Le chantier a terminé à 12 millions d'euros, au-dessus du budget.", "12 millions d'euros", None),
]


@pytest.mark.parametrize(("sentence", "span", "per"), PER)
def test_per_units(nlp: Language, sentence: str, span: str, per: str | None) -> None:
    assert per_of(nlp, sentence, span) == per
