"""Build the own_fresh gold .jsonl files (money and org only) from the hand-written annotations below.

Fresh held-out batch: four articles (regional press, press release with "À propos", trade-press analysis with a
bullet list and web typography, web page with its furniture) written without reading extractors/ or any existing
gold article, annotated per GUIDELINES.md, committed before the pipeline was scored on them. Money: one line per
mention (surface, occurrence index, value, low, high, currency, explicit, qualifier, per), offsets computed and
checked. Org: one line per organisation (canonical, aliases seen, kind, mentions), method of own_orgs2.
Not annotated: page furniture (menu, cookie banner, share buttons, "Lire aussi", tags, footer: Facebook, X,
LinkedIn, TechInfra Médias, "300 M€", "9,90 €/mois"), people and job titles, places, facilities (Campus
Hêtre-Noir, DC5), products (H100, B200, QX-2), events (Data Centre World Paris), indices (Stoxx Europe 600
Technology, Philadelphia Semiconductor), unnamed groups (groupe d'opposition, hyperscalers).
Run: python tests/gold/own_fresh/build_gold.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from gold_tools import NB, NN, B, K, M, build_set  # noqa: E402

# both vague amounts here are "centaines de millions": magnitude 1e6 (informative, never scored)
MONEY = {
    "fresh_01_regional": [
        ("3,4 millions d'euros", 0, 3.4 * M, None, None, "EUR", True, None, None),
        ("environ 15 euros le mètre carré", 0, 15.0, None, None, "EUR", True, "approx", "m2"),
        ("entre 450 et 520 millions d'euros", 0, None, 450 * M, 520 * M, "EUR", True, None, None),
        ("près de 28 millions", 0, 28 * M, None, None, "EUR", False, "approx", None),
        ("inférieur à 70 euros le mégawattheure", 0, 70.0, None, None, "EUR", True, "less_than", "MWh"),
        ("180 000 euros", 0, 180 * K, None, None, "EUR", True, None, None),
        ("un peu plus de 1,1 million d'euros par an", 0, 1.1 * M, None, None, "EUR", True, "more_than", "year"),
        ("des centaines de millions", 0, None, None, None, "EUR", False, "vague", None, M),
        ("60 millions d'euros", 0, 60 * M, None, None, "EUR", True, None, None),
    ],
    "fresh_02_communique": [
        ("38 millions d'euros", 0, 38 * M, None, None, "EUR", True, None, None),
        ("38 millions d'euros", 1, 38 * M, None, None, "EUR", True, None, None),
        ("environ 44 millions de dollars", 0, 44 * M, None, None, "USD", True, "approx", None),
        ("52 millions d'euros", 0, 52 * M, None, None, "EUR", True, None, None),
        ("au moins 12 millions d'euros", 0, 12 * M, None, None, "EUR", True, "more_than", None),
        ("0,40 € par million de tokens", 0, 0.4, None, None, "EUR", True, None, "million_tokens"),
        ("dépasser 6 M€", 0, 6 * M, None, None, "EUR", True, "more_than", "year"),  # "revenus récurrents annuels"
        ("420 millions d'euros", 0, 420 * M, None, None, "EUR", True, None, None),
    ],
    "fresh_03_analyse": [
        ("plus de 2,3 Md€", 0, 2.3 * B, None, None, "EUR", True, "more_than", None),
        ("900 M€", 0, 900 * M, None, None, "EUR", True, None, None),
        ("plus de 40 milliards de dollars", 0, 40 * B, None, None, "USD", True, "more_than", None),
        ("€700M", 0, 700 * M, None, None, "EUR", True, None, None),
        ("1,2 Md€", 0, 1.2 * B, None, None, "EUR", True, None, None),
        ("85 M$", 0, 85 * M, None, None, "USD", True, None, None),
        ("environ 450 millions d'euros", 0, 450 * M, None, None, "EUR", True, "approx", None),
        ("entre 60 et 80 M€", 0, None, 60 * M, 80 * M, "EUR", True, None, None),
        ("12,5 M€", 0, 12.5 * M, None, None, "EUR", True, None, None),
        ("1,8 milliard de couronnes norvégiennes", 0, 1.8 * B, None, None, "NOK", True, None, None),
        ("environ 155 M€", 0, 155 * M, None, None, "EUR", True, "approx", None),
        ("entre 1,80 et 2,20 €", 0, None, 1.8, 2.2, "EUR", True, None, "hour"),  # "L'heure de GPU ... se négocie"
        ("plus de 4 dollars", 0, 4.0, None, None, "USD", True, "more_than", "hour"),
        ("1,65 $/h", 0, 1.65, None, None, "USD", True, None, "hour"),
        ("autour de 3,90 €/h", 0, 3.9, None, None, "EUR", True, "approx", "hour"),
        (f"environ 300{NB}000 dollars", 0, 300 * K, None, None, "USD", True, "approx", None),
        (f"près de 37{NN}000 $ par carte", 0, 37 * K, None, None, "USD", True, "approx", "GPU"),
        ("quelques centaines de millions d'euros", 0, None, None, None, "EUR", True, "vague", None, M),
        ("jusqu'à 500 millions de dollars", 0, 500 * M, None, None, "USD", True, "up_to", None),
        ("2 milliards d'euros", 0, 2 * B, None, None, "EUR", True, None, None),
    ],
    "fresh_04_web": [
        ("210 millions d'euros", 0, 210 * M, None, None, "EUR", True, None, None),
        ("210 millions d'euros", 1, 210 * M, None, None, "EUR", True, None, None),
        (f"environ 35{NB}000 € par carte", 0, 35 * K, None, None, "EUR", True, "approx", "GPU"),
        ("jusqu'à 2,50 dollars de l'heure", 0, 2.5, None, None, "USD", True, "up_to", "hour"),
        ("moins d'un dollar", 0, 1.0, None, None, "USD", True, "less_than", "hour"),
        ("95 millions d'euros", 0, 95 * M, None, None, "EUR", True, None, None),
        ("dépasserait le milliard de dollars", 0, 1 * B, None, None, "USD", True, "more_than", None),
        ("de 40 à 60 M€", 0, None, 40 * M, 60 * M, "EUR", True, None, None),
    ],
}

ORGS: dict[str, list[tuple[str, list[str], str, int]]] = {
    "fresh_01_regional": [
        ("Valcryo", ["Valcryo"], "company", 5),
        ("Communauté d'agglomération Saint-Avold Synergie", ["Communauté d'agglomération Saint-Avold Synergie"],
         "public", 1),
        ("RTE", ["Réseau de transport d'électricité", "RTE"], "company", 1),
        ("UEM", ["UEM", "Usine d'électricité de Metz"], "company", 1),
        ("Chaleur Avold", ["Chaleur Avold"], "public", 1),
        ("Ademe", ["Agence de l'environnement et de la maîtrise de l'énergie", "Ademe"], "public", 1),
        ("Lorraine Croissance", ["Lorraine Croissance"], "other", 1),
        ("Banque des Territoires", ["Banque des Territoires"], "public", 1),
        ("TotalEnergies", ["TotalEnergies"], "company", 1),
    ],
    "fresh_02_communique": [
        ("Néravia", ["Néravia"], "company", 10),
        ("Scaleway", ["Scaleway"], "company", 5),
        ("Rhône Venture Partners", ["Rhône Venture Partners"], "company", 4),
        ("Bpifrance", ["Bpifrance"], "public", 1),
        ("Kerlan Capital", ["Kerlan Capital"], "company", 1),
        ("Alpes Angels", ["Alpes Angels"], "other", 1),
        ("Iliad", ["Iliad"], "company", 1),
        ("Delorme & Associés", ["Delorme & Associés"], "company", 1),
        ("Ostrea Finance", ["Ostrea Finance"], "company", 1),
        ("Inria", ["Institut national de recherche en sciences et technologies du numérique", "Inria"], "lab", 1),
        ("Mutuelle Alpine de Santé", ["Mutuelle Alpine de Santé"], "company", 1),
        ("Transalp", ["Transalp"], "company", 1),
        ("Université Grenoble Alpes", ["Université Grenoble Alpes"], "public", 1),
    ],
    "fresh_03_analyse": [
        ("Hexagone Insights", ["Hexagone Insights"], "company", 2),
        ("Microsoft", ["Microsoft"], "company", 1),
        ("Nebius", ["Nebius"], "company", 1),
        ("Kestrel Compute", ["Kestrel Compute"], "company", 2),
        ("Nordvik Ventures", ["Nordvik Ventures"], "company", 1),
        ("Sesterce", ["Sesterce"], "company", 1),
        ("Fluxgrid", ["Fluxgrid"], "company", 1),
        ("Calcea", ["Calcea"], "company", 1),
        ("Bpifrance", ["Bpifrance"], "public", 1),
        ("Occitanie Invest", ["Occitanie Invest"], "other", 1),
        ("Borealis AI Cloud", ["Borealis AI Cloud"], "company", 1),
        ("Mubadala", ["Mubadala"], "other", 1),
        ("Commission européenne", ["Commission européenne"], "public", 1),
    ],
    "fresh_04_web": [
        ("Quantelis", ["Quantelis"], "company", 4),
        ("Ardent Cloud", ["Ardent Cloud"], "company", 3),
        ("TSMC", ["TSMC"], "company", 1),
        ("Alsatronic", ["Alsatronic"], "company", 1),
        ("NVIDIA", ["NVIDIA"], "company", 1),
        ("CEA-Leti", ["Leti"], "lab", 1),
        ("CEA", ["Commissariat à l'énergie atomique et aux énergies alternatives", "CEA"], "public", 1),
        ("Supernova Invest", ["Supernova Invest"], "company", 1),
        ("Fonds européen d'investissement", ["Fonds européen d'investissement", "FEI"], "public", 1),
    ],
}


if __name__ == "__main__":
    build_set(HERE, money=MONEY, org=ORGS)
