"""Build the own_orgs4 gold .jsonl files (money and org only) from the hand-written annotations below.

Fourth organisation batch (issue 15, third pass): five articles written for this batch before any rule of the pass
was changed (funding news with investor lists, press release with bullet lists of partners, regional press on a
syndicate, a cooperative and a mutual, market wrap with indices and share prices, pricing page with per-unit rates
and its furniture), annotated per GUIDELINES.md. Money: one line per mention (surface, occurrence index, value,
low, high, currency, explicit, qualifier, per), offsets computed and checked; "à partir de" stays outside the span
(qualifier null, as in own_fresh), a rate with two units ("le To par mois") takes the first. Org: one line per
organisation (canonical, aliases seen, kind, mentions), method of own_orgs2.
Not annotated: page furniture (menu, cookie banner, legal footer with "NuageVert SAS", social links), people and
job titles, places, facilities (campus de Saclay), products (H100, H200, L40S, Instinct MI300X), qualifications
(SecNumCloud), indices (CAC 40, SBF 120, DAX, Euro Stoxx 50, Stoxx Europe 600 Technology, Nasdaq Composite,
S&P 500, Philadelphia Semiconductor Index, MSCI World, Nikkei 225, Kospi), commodities (Brent), funding-round
letters (série A/B/C/D), unnamed groups (pool bancaire, créanciers, hébergeurs).
Run: python tests/gold/own_orgs4/build_gold.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from gold_tools import B, K, M, build_set  # noqa: E402

MONEY = {
    "orgs4_01_levee": [
        ("24 millions d'euros", 0, 24 * M, None, None, "EUR", True, None, None),
        ("24 millions d'euros", 1, 24 * M, None, None, "EUR", True, None, None),
        ("6,5 millions d'euros", 0, 6.5 * M, None, None, "EUR", True, None, None),
        ("environ 1 800 euros par serveur", 0, 1800.0, None, None, "EUR", True, "approx", "server"),
        ("dépassera 3 milliards d'euros", 0, 3 * B, None, None, "EUR", True, "more_than", None),
        ("moins de 800 millions", 0, 800 * M, None, None, "EUR", False, "less_than", None),
        ("autour de 110 millions d'euros", 0, 110 * M, None, None, "EUR", True, "approx", None),
        ("400 millions d'euros", 0, 400 * M, None, None, "EUR", True, None, None),
        ("9 millions d'euros", 0, 9 * M, None, None, "EUR", True, None, None),
        ("130 millions de dollars", 0, 130 * M, None, None, "USD", True, None, None),
    ],
    "orgs4_02_communique": [
        ("180 millions d'euros", 0, 180 * M, None, None, "EUR", True, None, None),
        ("35 millions d'euros", 0, 35 * M, None, None, "EUR", True, None, None),
        ("1 350 € par mois", 0, 1350.0, None, None, "EUR", True, None, "month"),
        ("180 M€", 0, 180 * M, None, None, "EUR", True, None, None),
        ("41 millions d'euros", 0, 41 * M, None, None, "EUR", True, None, None),
    ],
    "orgs4_03_regional": [
        ("14,2 millions d'euros", 0, 14.2 * M, None, None, "EUR", True, None, None),
        ("800 000 euros", 0, 800 * K, None, None, "EUR", True, None, None),
        ("95 000 euros par an", 0, 95 * K, None, None, "EUR", True, None, "year"),
        ("autour de 0,11 € le kilowattheure", 0, 0.11, None, None, "EUR", True, "approx", "kWh"),
        ("moins de 40 euros le mégawattheure", 0, 40.0, None, None, "EUR", True, "less_than", "MWh"),
        ("près de 90 euros", 0, 90.0, None, None, "EUR", True, "approx", "MWh"),  # "contre" the rate before
        ("environ 60 000 euros chaque année", 0, 60 * K, None, None, "EUR", True, "approx", "year"),
    ],
    "orgs4_04_marches": [
        ("27,35 euros", 0, 27.35, None, None, "EUR", True, None, "share"),
        ("95 euros", 0, 95.0, None, None, "EUR", True, None, "share"),  # "objectif de cours"
        ("151,20 €", 0, 151.2, None, None, "EUR", True, None, "share"),
        ("1,1 milliard de dollars", 0, 1.1 * B, None, None, "USD", True, None, None),
        ("61 milliards de dollars", 0, 61 * B, None, None, "USD", True, None, None),
        ("1 085 dollars taïwanais", 0, 1085.0, None, None, "TWD", True, None, "share"),
        ("74,10 dollars le baril", 0, 74.1, None, None, "USD", True, None, "barrel"),
        ("150 millions d'euros", 0, 150 * M, None, None, "EUR", True, None, None),
        ("400 millions d'euros", 0, 400 * M, None, None, "EUR", True, None, None),
    ],
    "orgs4_05_tarifs": [
        ("2,19 € de l'heure", 0, 2.19, None, None, "EUR", True, None, "hour"),
        ("2,95 €/h", 0, 2.95, None, None, "EUR", True, None, "hour"),
        ("2,49 € l'heure", 0, 2.49, None, None, "EUR", True, None, "hour"),
        ("0,89 € HT par heure", 0, 0.89, None, None, "EUR", True, None, "hour"),
        ("entre 21 et 24 euros", 0, None, 21.0, 24.0, "EUR", True, None, "hour"),  # "L'heure de calcul ... se facture"
        ("12 900 € par GPU", 0, 12900.0, None, None, "EUR", True, None, "GPU"),
        ("environ 1,47 € l'heure", 0, 1.47, None, None, "EUR", True, "approx", "hour"),
        ("0,30 € par million de tokens", 0, 0.3, None, None, "EUR", True, None, "million_tokens"),
        ("0,90 €", 0, 0.9, None, None, "EUR", True, None, "million_tokens"),  # "... en entrée, 0,90 € en sortie"
        ("9 € le To par mois", 0, 9.0, None, None, "EUR", True, None, "TB"),
        ("0,01 € le Go", 0, 0.01, None, None, "EUR", True, None, "GB"),
        ("490 € par mois", 0, 490.0, None, None, "EUR", True, None, "month"),
        ("15 € par utilisateur", 0, 15.0, None, None, "EUR", True, None, "user"),
        ("2,39 $ l'heure", 0, 2.39, None, None, "USD", True, None, "hour"),
        ("jusqu'à 5 000 €", 0, 5 * K, None, None, "EUR", True, "up_to", None),
    ],
}

ORGS: dict[str, list[tuple[str, list[str], str, int]]] = {
    "orgs4_01_levee": [
        ("Vernalis", ["Vernalis"], "company", 4),
        ("Corvus Partners", ["Corvus Partners"], "company", 3),
        ("Hélios Growth", ["Hélios Growth"], "company", 1),
        ("Altamira Capital", ["Altamira Capital"], "company", 1),
        ("Saône Ventures", ["Saône Ventures"], "company", 2),
        ("Lumen Angels", ["Lumen Angels"], "other", 1),
        ("Bpifrance", ["Bpifrance"], "public", 1),
        ("Schneider Electric", ["Schneider Electric"], "company", 1),
        ("Datafrontier", ["Datafrontier"], "company", 1),
        ("Cirrus Grid", ["Cirrus Grid"], "company", 1),
        ("Université de Lyon", ["université de Lyon"], "public", 1),
        ("Lenovo", ["Lenovo"], "company", 1),
        ("Supermicro", ["Supermicro"], "company", 1),
        ("Kaltwerk Systeme", ["Kaltwerk Systeme"], "company", 1),
        ("Fidal", ["Fidal"], "company", 1),
        ("Jeantet", ["Jeantet"], "company", 1),
        ("Thermocore", ["Thermocore"], "company", 1),
        ("Kelvin Systems", ["Kelvin Systems"], "company", 1),
        ("Frigon", ["Frigon"], "company", 1),
        ("Go Capital", ["Go Capital"], "company", 1),
        ("Banque des Territoires", ["Banque des Territoires"], "public", 1),
        ("Coolspan", ["Coolspan"], "company", 1),
    ],
    "orgs4_02_communique": [
        ("Orbitale Data", ["Orbitale Data"], "company", 5),
        ("Dalkia", ["Dalkia"], "company", 1),
        ("Legrand", ["Legrand"], "company", 1),
        ("Vertiv", ["Vertiv"], "company", 1),
        ("Nexans", ["Nexans"], "company", 1),
        ("Hydrelis", ["Hydrelis"], "company", 1),
        ("Université Paris-Saclay", ["Université Paris-Saclay"], "public", 1),
        ("CentraleSupélec", ["CentraleSupélec"], "public", 1),
        ("Institut Polytechnique de Paris", ["Institut Polytechnique de Paris"], "public", 1),
        ("Communauté d'agglomération Paris-Saclay", ["Communauté d'agglomération Paris-Saclay"], "public", 1),
        ("Caisse d'Épargne Île-de-France", ["Caisse d'Épargne Île-de-France"], "company", 1),
        ("Banque Populaire Rives de Paris", ["Banque Populaire Rives de Paris"], "company", 1),
        ("Meridiam", ["Meridiam"], "company", 2),
        ("Eiffel Investment Group", ["Eiffel Investment Group"], "company", 2),
        ("Banque européenne d'investissement", ["Banque européenne d'investissement"], "public", 1),
    ],
    "orgs4_03_regional": [
        ("Syndicat intercommunal d'énergie du Chablais", ["Syndicat intercommunal d'énergie du Chablais"],
         "public", 3),
        ("Coopérative fromagère du Haut-Chablais", ["Coopérative fromagère du Haut-Chablais"], "company", 2),
        ("Léman Calcul", ["Léman Calcul"], "company", 1),
        ("Caisse régionale de Crédit Agricole des Savoie", ["Caisse régionale de Crédit Agricole des Savoie"],
         "company", 1),
        ("Mutuelle Savoyarde d'Assurances", ["Mutuelle Savoyarde d'Assurances"], "company", 1),
        ("Chambre de commerce et d'industrie de la Haute-Savoie",
         ["Chambre de commerce et d'industrie de la Haute-Savoie"], "public", 1),
        ("Région Auvergne-Rhône-Alpes", ["Région Auvergne-Rhône-Alpes"], "public", 1),
        ("Banque des Territoires", ["Banque des Territoires"], "public", 1),
        ("Alpinfra", ["Alpinfra"], "company", 2),
        ("Université Savoie Mont Blanc", ["Université Savoie Mont Blanc"], "public", 1),
        ("Régie électrique de Thônes", ["Régie électrique de Thônes"], "public", 1),
        ("Enedis", ["Enedis"], "company", 1),
        ("Syndicat mixte des énergies de la vallée de l'Arve", ["Syndicat mixte des énergies de la vallée de l'Arve"],
         "public", 1),
        ("Groupement des industriels du décolletage", ["Groupement des industriels du décolletage"], "other", 1),
        ("Fédération départementale des coopératives laitières",
         ["Fédération départementale des coopératives laitières"], "other", 1),
    ],
    "orgs4_04_marches": [
        ("Capgemini", ["Capgemini"], "company", 2),
        ("STMicroelectronics", ["STMicroelectronics"], "company", 1),
        ("Jefferies", ["Jefferies"], "company", 1),
        ("Soitec", ["Soitec"], "company", 1),
        ("Oddo BHF", ["Oddo BHF"], "company", 1),
        ("ASML", ["ASML"], "company", 1),
        ("BE Semiconductor Industries", ["BE Semiconductor Industries"], "company", 1),
        ("Northpath Analytics", ["Northpath Analytics"], "company", 1),
        ("Kepler Cheuvreux", ["Kepler Cheuvreux"], "company", 1),
        ("Morgan Stanley", ["Morgan Stanley"], "company", 1),
        ("Broadcom", ["Broadcom"], "company", 1),
        ("Marvell", ["Marvell Technology"], "company", 1),  # canonical as the alias table (corrected after scoring)
        ("NVIDIA", ["Nvidia"], "company", 1),
        ("LSEG", ["LSEG"], "company", 1),
        ("Tokyo Electron", ["Tokyo Electron"], "company", 1),
        ("SK Hynix", ["SK Hynix"], "company", 1),
        ("TSMC", ["TSMC"], "company", 1),
        ("Atos", ["Atos"], "company", 1),
        ("OVHcloud", ["OVHcloud"], "company", 1),
    ],
    "orgs4_05_tarifs": [
        ("Data4", ["Data4"], "company", 1),
        ("Equinix", ["Equinix"], "company", 1),
        ("EDF", ["EDF"], "company", 1),
        ("NVIDIA", ["NVIDIA"], "company", 1),
        ("AMD", ["AMD"], "company", 1),
        ("Stripe", ["Stripe"], "company", 1),
        ("Adyen", ["Adyen"], "company", 1),
        ("Wilco", ["Wilco"], "other", 1),
        ("Réseau Entreprendre", ["Réseau Entreprendre"], "other", 1),
        ("Inria", ["Inria"], "lab", 1),
        ("Anssi", ["Anssi"], "public", 1),
        ("NuageVert", ["NuageVert"], "company", 1),
        ("Bretania Cloud", ["Bretania Cloud"], "company", 1),
        ("Breizh Up", ["Breizh Up"], "other", 1),
        ("Région Bretagne", ["Région Bretagne"], "public", 1),
    ],
}


if __name__ == "__main__":
    build_set(HERE, money=MONEY, org=ORGS)
