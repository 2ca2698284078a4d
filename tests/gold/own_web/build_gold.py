"""Build the own_web gold .jsonl files from the hand-written annotations below (offsets computed and checked).

Money: one line per mention (surface, occurrence index, value, low, high, currency, explicit, qualifier, per).
Org: one line per organisation (canonical, aliases seen, kind, mentions); the line's text/start/end is the
first alias occurrence in the article. Run: python tests/gold/own_web/build_gold.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
M, B, K = 1e6, 1e9, 1e3

MONEY = {
    "web_001_depeche": [
        ("740 millions de francs suisses", 0, 740 * M, None, None, "CHF", True, None, None),
        ("120 millions de CHF", 0, 120 * M, None, None, "CHF", True, None, None),
        ("212 millions", 0, 212 * M, None, None, "CHF", False, None, None),
        ("400 millions", 0, 400 * M, None, None, "CHF", False, None, None),
        ("1,1 milliard de livres sterling", 0, 1.1 * B, None, None, "GBP", True, None, None),
        ("proche de 600 millions de GBP", 0, 600 * M, None, None, "GBP", True, "approx", None),
        ("1,8 milliard d'euros", 0, 1.8 * B, None, None, "EUR", True, None, None),
        ("jusqu'à 400 millions", 0, 400 * M, None, None, "EUR", False, "up_to", None),
    ],
    "web_002_communique": [
        ("environ 2,4 milliards d'euros", 0, 2.4 * B, None, None, "EUR", True, "approx", None),
        ("18 M€", 0, 18 * M, None, None, "EUR", True, None, None),
        ("650 millions", 0, 650 * M, None, None, "EUR", False, None, None),
        ("40 millions de dollars", 0, 40 * M, None, None, "USD", True, None, None),
        ("9,875 $ par action", 0, 9.875, None, None, "USD", True, None, "share"),
        ("1 250 000 €", 0, 1_250_000.0, None, None, "EUR", True, None, None),
    ],
    "web_003_regional": [
        ("85 millions d'euros", 0, 85 * M, None, None, "EUR", True, None, None),
        ("près de 12 millions", 0, 12 * M, None, None, "EUR", False, "approx", None),
        ("1,5 million", 0, 1.5 * M, None, None, "EUR", False, None, None),
        ("entre 4 et 6 millions", 0, None, 4 * M, 6 * M, "EUR", False, None, None),
    ],
    "web_004_trade": [
        ("27 M€", 0, 27 * M, None, None, "EUR", True, None, None),
        ("11,6 milliards d'euros", 0, 11.6 * B, None, None, "EUR", True, None, None),
        ("18 000 milliards de wons", 0, 18_000 * B, None, None, "KRW", True, None, None),
        ("729 milliards de yens", 0, 729 * B, None, None, "JPY", True, None, None),
        ("18 milliards de yuans", 0, 18 * B, None, None, "CNY", True, None, None),
        ("187,25 $", 0, 187.25, None, None, "USD", True, None, "share"),
        ("142,5 dollars", 0, 142.5, None, None, "USD", True, None, "share"),
        ("1,2 million de dollars par an", 0, 1.2 * M, None, None, "USD", True, None, "year"),
    ],
    "web_005_webpage": [
        ("3,2 mrds€", 0, 3.2 * B, None, None, "EUR", True, None, None),
        ("€450M+", 0, 450 * M, None, None, "EUR", True, "more_than", None),
        (">€80M", 0, 80 * M, None, None, "EUR", True, "more_than", None),
        ("$1,5+ Mds", 0, 1.5 * B, None, None, "USD", True, "more_than", None),
        ("300 millions", 0, 300 * M, None, None, "EUR", False, None, None),
    ],
    "web_006_table": [
        ("plus de 900 millions d'euros", 0, 900 * M, None, None, "EUR", True, "more_than", None),
        ("120 M€", 0, 120 * M, None, None, "EUR", True, None, None),
        ("45 M€", 0, 45 * M, None, None, "EUR", True, None, None),
        ("8,5 M€", 0, 8.5 * M, None, None, "EUR", True, None, None),
        ("62 M€", 0, 62 * M, None, None, "EUR", True, None, None),
        ("30 M€", 0, 30 * M, None, None, "EUR", True, None, None),
        ("14 millions", 0, 14 * M, None, None, "EUR", False, None, None),
        ("de 25 à 30 millions", 0, None, 25 * M, 30 * M, "EUR", False, None, None),
        ("18,4 millions", 0, 18.4 * M, None, None, "EUR", False, None, None),
        (">90 Mds$", 0, 90 * B, None, None, "USD", True, "more_than", None),
    ],
    "web_007_interview": [
        ("14 millions d'euros", 0, 14 * M, None, None, "EUR", True, None, None),
        ("9 millions", 0, 9 * M, None, None, "EUR", False, None, None),
        ("près de 40 millions de dollars", 0, 40 * M, None, None, "USD", True, "approx", None),
        ("entre 20 000 et 35 000 euros", 0, None, 20 * K, 35 * K, "EUR", True, None, "rack"),
    ],
    "web_008_newsletter": [
        ("12 M€", 0, 12 * M, None, None, "EUR", True, None, None),
        ("60-70 M€", 0, None, 60 * M, 70 * M, "EUR", True, None, None),
        ("€210M+", 0, 210 * M, None, None, "EUR", True, "more_than", None),
        ("~45 M€", 0, 45 * M, None, None, "EUR", True, "approx", None),
        ("$1.2bn", 0, 1.2 * B, None, None, "USD", True, None, None),
    ],
    "web_009_collectivite": [
        ("environ 1,3 milliard d'euros", 0, 1.3 * B, None, None, "EUR", True, "approx", None),
        ("380 millions", 0, 380 * M, None, None, "EUR", False, None, None),
        ("6 millions", 0, 6 * M, None, None, "EUR", False, None, None),
        ("2,5 millions", 0, 2.5 * M, None, None, "EUR", False, None, None),
    ],
    "web_010_marches": [
        ("11 420 yens", 0, 11_420.0, None, None, "JPY", True, None, "share"),
        ("241 500 wons", 0, 241_500.0, None, None, "KRW", True, None, "share"),
        ("912,40 €", 0, 912.4, None, None, "EUR", True, None, "share"),
        ("1,84 € par action", 0, 1.84, None, None, "EUR", True, None, "share"),
        ("190 dollars", 0, 190.0, None, None, "USD", True, None, "share"),
        ("150 millions d'euros", 0, 150 * M, None, None, "EUR", True, None, None),
        ("0,74 $ par action", 0, 0.74, None, None, "USD", True, None, "share"),
    ],
    "web_011_blog": [
        ("2,10 € HT", 0, 2.1, None, None, "EUR", True, None, "hour"),
        ("2,49 $ de l'heure", 0, 2.49, None, None, "USD", True, None, "hour"),
        ("CHF 4.20 l'heure", 0, 4.2, None, None, "CHF", True, None, "hour"),
        ("1 500 €", 0, 1500.0, None, None, "EUR", True, None, "month"),
        ("30 milliards de dollars", 0, 30 * B, None, None, "USD", True, "more_than", None),
        ("18 000", 0, 18_000.0, None, None, "EUR", False, None, "month"),
        ("26 000 euros par mois", 0, 26_000.0, None, None, "EUR", True, None, "month"),
    ],
    "web_012_fiche": [
        ("38,6 M€", 0, 38.6 * M, None, None, "EUR", True, None, None),
        ("-2,1 M€", 0, -2.1 * M, None, None, "EUR", True, None, None),
        ("54 millions d'euros", 0, 54 * M, None, None, "EUR", True, None, None),
        ("70 à 80 millions", 0, None, 70 * M, 80 * M, "EUR", False, None, None),
        ("25 millions", 0, 25 * M, None, None, "EUR", False, None, None),
    ],
    "web_013_traduction": [
        ("4,5 milliards de dollars", 0, 4.5 * B, None, None, "USD", True, None, None),
        ("4,5 milliards de dollars", 1, 4.5 * B, None, None, "USD", True, None, None),
        ("18 milliards de dollars", 0, 18 * B, None, None, "USD", True, None, None),
        ("2 milliards", 0, 2 * B, None, None, "USD", False, None, None),
        ("plus de 6 milliards", 0, 6 * B, None, None, "USD", False, "more_than", None),
        ("supérieur à 450 milliards de dollars", 0, 450 * B, None, None, "USD", True, "more_than", None),
        ("231,80 dollars", 0, 231.8, None, None, "USD", True, None, "share"),
        ("environ 35 milliards de dollars", 0, 35 * B, None, None, "USD", True, "approx", None),
    ],
    "web_014_asie": [
        ("3,5 milliards de ringgits", 0, 3.5 * B, None, None, "MYR", True, None, None),
        ("S$ 1,2 milliard", 0, 1.2 * B, None, None, "SGD", True, None, None),
        ("2 milliards de ringgits", 0, 2 * B, None, None, "MYR", True, None, None),
    ],
    "web_015_post": [
        ("3,4 M€", 0, 3.4 * M, None, None, "EUR", True, None, None),
        ("+30 Md€", 0, 30 * B, None, None, "EUR", True, "more_than", None),
        ("450 k€", 0, 450 * K, None, None, "EUR", True, None, None),
    ],
    "web_016_regulation": [
        ("48 millions d'euros", 0, 48 * M, None, None, "EUR", True, None, None),
        ("48 millions d'euros", 1, 48 * M, None, None, "EUR", True, None, None),
        ("0,09 euro par gigaoctet", 0, 0.09, None, None, "EUR", True, "up_to", "GB"),
        ("plusieurs centaines de milliers d'euros", 0, None, None, None, "EUR", True, "vague", None),
        ("20 millions d'euros", 0, 20 * M, None, None, "EUR", True, None, None),
    ],
    "web_017_energie": [
        ("entre 3 et 4 milliards d'euros", 0, None, 3 * B, 4 * B, "EUR", True, None, None),
        ("70 € le mégawattheure", 0, 70.0, None, None, "EUR", True, None, "MWh"),
        ("25 milliards d'investissements", 0, 25 * B, None, None, "EUR", False, None, None),
        ("6,2 milliards", 0, 6.2 * B, None, None, "EUR", False, None, None),
    ],
    "web_018_forum": [
        ("6 500 € pièce", 0, 6500.0, None, None, "EUR", True, None, "unit"),
        ("moins de 20 000 € HT", 0, 20_000.0, None, None, "EUR", True, "less_than", None),
        ("environ 150 €/mois", 0, 150.0, None, None, "EUR", True, "approx", "month"),
        ("800 à 1 200 euros par mois", 0, None, 800.0, 1200.0, "EUR", True, None, "month"),
    ],
    "web_019_usine": [
        ("plus de 10 milliards d'euros", 0, 10 * B, None, None, "EUR", True, "more_than", None),
        ("5 milliards", 0, 5 * B, None, None, "EUR", False, None, None),
        ("environ 250 millions", 0, 250 * M, None, None, "EUR", False, "approx", None),
        ("400 millions d'euros", 0, 400 * M, None, None, "EUR", True, None, None),
    ],
}

ORGS = {
    "web_001_depeche": [
        ("AFP", ["AFP"], "media", 1),
        ("Helvion", ["Helvion"], "company", 2),
        ("Banque cantonale de Zurich", ["banque cantonale de Zurich", "ZKB"], "company", 1),
        ("UBS", ["UBS"], "company", 1),
        ("PostFinance", ["PostFinance"], "company", 1),
        ("Swisscom", ["Swisscom"], "company", 1),
        ("National Grid", ["National Grid"], "company", 1),
        ("Kestrel Data", ["Kestrel Data"], "company", 1),
        ("SSE", ["SSE"], "company", 1),
        ("Financial Times", ["Financial Times"], "media", 1),
        ("Ministère de l'Économie", ["Bercy"], "public", 1),
        ("Matignon", ["Matignon"], "public", 1),
        ("EDF", ["EDF"], "company", 1),
    ],
    "web_002_communique": [
        ("Nordwatt Compute", ["Nordwatt Compute"], "company", 6),
        ("Communauté urbaine de Dunkerque", ["Communauté urbaine de Dunkerque", "CUD"], "public", 5),
        ("Grand port maritime de Dunkerque", ["Grand port maritime de Dunkerque", "GPMD"], "public", 2),
        ("Banque des Territoires", ["Banque des Territoires"], "public", 1),
        ("Crédit Mutuel Arkéa", ["Crédit Mutuel Arkéa"], "company", 1),
        ("Infravia Capital Partners", ["Infravia Capital Partners"], "company", 1),
        ("Vireon Systems", ["Vireon Systems"], "company", 1),
    ],
    "web_003_regional": [
        ("Armorix", ["Armorix"], "company", 3),
        ("Bouygues", ["bouygues"], "company", 1),
        ("Free", ["free"], "company", 1),
        ("Saint-Brieuc Armor Agglomération", ["Saint-Brieuc Armor Agglomération"], "public", 1),
        ("Enedis", ["Enedis"], "company", 1),
        ("Le Bihan Industries", ["Le Bihan Industries"], "company", 1),
    ],
    "web_004_trade": [
        ("Airbus Defence and Space", ["Airbus Defence and Space"], "company", 1),
        ("Corvalis", ["Corvalis"], "company", 4),
        ("L'Embarqué", ["L'Embarqué"], "media", 1),
        ("GlobalFoundries", ["GlobalFoundries"], "company", 1),
        ("Inria Saclay", ["Inria Saclay"], "lab", 1),
        ("Airbus", ["Airbus"], "company", 1),
        ("Hanseong Semicon", ["Hanseong Semicon"], "company", 1),
        ("Kioxia", ["Kioxia"], "company", 1),
        ("Ministère de l'Économie, du Commerce et de l'Industrie",
         ["ministère de l'Économie, du Commerce et de l'Industrie", "METI"], "public", 1),
        ("Hua Hong Semiconductor", ["Hua Hong Semiconductor"], "company", 1),
        ("NVIDIA", ["Nvidia"], "company", 1),
        ("Arm", ["Arm"], "company", 1),
        ("Synopsys", ["Synopsys"], "company", 1),
    ],
    "web_005_webpage": [
        ("Xerfi", ["Xerfi"], "company", 1),
        ("Kalvane", ["Kalvane"], "company", 1),
        ("Serena", ["Serena"], "company", 1),
        ("Eurazeo", ["Eurazeo"], "company", 1),
        ("CoreWeave", ["CoreWeave"], "company", 1),
        ("Direction interministérielle du numérique", ["Direction interministérielle du numérique", "Dinum"],
         "public", 1),
        ("Bpifrance", ["Bpifrance"], "public", 1),
    ],
    "web_006_table": [
        ("Qubitek", ["Qubitek"], "company", 1),
        ("Elaia", ["Elaia"], "company", 1),
        ("Bpifrance", ["Bpifrance"], "public", 1),
        ("Nuvaria", ["Nuvaria"], "company", 1),
        ("Demeter", ["Demeter"], "company", 1),
        ("Crédit Agricole", ["Crédit Agricole"], "company", 1),
        ("Hexaflow", ["hexaflow"], "company", 1),
        ("Kima Ventures", ["Kima Ventures"], "company", 1),
        ("Sylvatic", ["Sylvatic"], "company", 1),
        ("Mirova", ["Mirova"], "company", 1),
        ("Ondine Labs", ["Ondine Labs"], "company", 1),
        ("Supernova Invest", ["Supernova Invest"], "company", 1),
        ("CEA Investissement", ["CEA Investissement"], "company", 1),
        ("Brumea", ["Brumea"], "company", 1),
        ("Alven", ["Alven"], "company", 1),
        ("Tessora", ["Tessora"], "company", 1),
        ("Eurazeo", ["Eurazeo"], "company", 1),
    ],
    "web_007_interview": [
        ("Calorix", ["Calorix"], "company", 2),
        ("Equinix", ["Equinix"], "company", 1),
        ("Digital Realty", ["Digital Realty"], "company", 1),
        ("Rittal", ["Rittal"], "company", 1),
        ("Bpifrance", ["Bpifrance"], "public", 1),
        ("Bourgogne-Franche-Comté Investissement", ["Bourgogne-Franche-Comté Investissement"], "company", 1),
        ("JetCool", ["JetCool"], "company", 1),
        ("Université de Franche-Comté", ["université de Franche-Comté"], "lab", 1),
        ("Enercoop", ["Enercoop"], "company", 1),
    ],
    "web_008_newsletter": [
        ("Tessaline", ["Tessaline"], "company", 1),
        ("Elaia", ["Elaia"], "company", 1),
        ("Side Capital", ["Side Capital"], "company", 1),
        ("Nebulon Compute", ["Nebulon Compute"], "company", 1),
        ("OVHcloud", ["OVHcloud"], "company", 1),
        ("SNCF", ["SNCF"], "company", 1),
        ("Vantiq Data", ["Vantiq Data"], "company", 1),
    ],
    "web_009_collectivite": [
        ("Département de la Moselle",
         ["Conseil départemental de la Moselle", "Département de la Moselle", "Département"], "public", 4),
        ("Communauté d'agglomération Forbach Porte de France",
         ["Communauté d'agglomération Forbach Porte de France", "CAFPF"], "public", 2),
        ("Lorrasys", ["Lorrasys"], "company", 1),
        ("Steinwerk Energie", ["Steinwerk Energie"], "company", 1),
        ("RTE", ["RTE"], "company", 1),
        ("Préfecture de la Moselle", ["préfecture de la Moselle"], "public", 1),
        ("CCI Moselle Métropole Metz", ["CCI Moselle Métropole Metz"], "public", 1),
        ("Moselle Nature", ["Moselle Nature"], "other", 1),
    ],
    "web_010_marches": [
        ("Advantest", ["Advantest"], "company", 1),
        ("SK Hynix", ["SK Hynix"], "company", 1),
        ("ASML", ["ASML"], "company", 1),
        ("Arm", ["Arm"], "company", 1),
        ("Barclays", ["Barclays"], "company", 1),
        ("Soitec", ["Soitec"], "company", 1),
        ("Schneider Electric", ["Schneider Electric"], "company", 1),
        ("Marvell", ["Marvell"], "company", 1),
        ("FactSet", ["FactSet"], "company", 1),
    ],
    "web_011_blog": [
        ("Sesterce", ["Sesterce"], "company", 1),
        ("Lambda", ["Lambda"], "company", 1),
        ("Nuvolaris", ["Nuvolaris"], "company", 1),
        ("Koyeb", ["Koyeb"], "company", 1),
        ("Amazon Web Services", ["AWS"], "company", 1),
        ("Google Cloud", ["Google Cloud"], "company", 1),
        ("Microsoft", ["Microsoft"], "company", 1),
        ("Gartner", ["Gartner"], "company", 1),
    ],
    "web_012_fiche": [
        ("Voltaren Datacenters", ["Voltaren Datacenters"], "company", 2),
        ("Andera Partners", ["Andera Partners"], "company", 1),
        ("Crédit Mutuel Equity", ["Crédit Mutuel Equity"], "company", 1),
        ("Ouest Croissance", ["Ouest Croissance"], "company", 1),
        ("Harvest", ["Harvest"], "company", 1),
        ("Lengow", ["Lengow"], "company", 1),
        ("Région Pays de la Loire", ["région Pays de la Loire"], "public", 1),
        ("Nantes Métropole", ["Nantes Métropole"], "public", 1),
        ("Banque européenne d'investissement", ["Banque européenne d'investissement", "BEI"], "public", 1),
    ],
    "web_013_traduction": [
        ("Oracle", ["Oracle"], "company", 3),
        ("Helios AI", ["Helios AI"], "company", 3),
        ("Google DeepMind", ["Google DeepMind"], "lab", 1),
        ("SEC", ["SEC"], "public", 1),
        ("Crusoe", ["Crusoe"], "company", 1),
        ("JPMorgan", ["JPMorgan"], "company", 1),
        ("Mizuho", ["Mizuho"], "company", 1),
        ("Lightspeed", ["Lightspeed"], "company", 1),
        ("NVIDIA", ["Nvidia"], "company", 1),
    ],
    "web_014_asie": [
        ("Keppel", ["Keppel"], "company", 2),
        ("ByteDance", ["ByteDance"], "company", 1),
        ("Princeton Digital Group", ["Princeton Digital Group"], "company", 1),
        ("YTL Power", ["YTL Power"], "company", 1),
        ("Khazanah Nasional", ["Khazanah Nasional"], "company", 1),
        ("Maybank", ["Maybank"], "company", 1),
        ("Malaysian Investment Development Authority", ["Malaysian Investment Development Authority", "MIDA"],
         "public", 1),
        ("Tenaga Nasional Berhad", ["Tenaga Nasional Berhad"], "company", 1),
    ],
    "web_015_post": [
        ("Quantellis", ["Quantellis"], "company", 1),
        ("Kima Ventures", ["Kima Ventures"], "company", 1),
        ("Techstars", ["Techstars"], "company", 1),
        ("Région Occitanie", ["Région Occitanie"], "public", 1),
        ("Occitanie Innovation", ["Occitanie Innovation"], "other", 1),
        ("Airbus", ["Airbus"], "company", 1),
        ("IDC", ["IDC"], "company", 1),
    ],
    "web_016_regulation": [
        ("Autorité de la concurrence", ["Autorité de la concurrence", "Autorité"], "public", 3),
        ("Datalix", ["Datalix"], "company", 1),
        ("Cour d'appel de Paris", ["cour d'appel de Paris"], "public", 1),
        ("Cispe", ["Cispe", "Association européenne des fournisseurs de cloud"], "consortium", 2),
        ("Qarnot", ["Qarnot"], "company", 1),
        ("Commission européenne", ["Commission européenne"], "public", 1),
        ("Microsoft", ["Microsoft"], "company", 1),
    ],
    "web_017_energie": [
        ("EDF", ["EDF"], "company", 2),
        ("Argyll Compute", ["Argyll Compute"], "company", 1),
        ("Valmy Infra", ["Valmy Infra"], "company", 1),
        ("Meridiam", ["Meridiam"], "company", 1),
        ("NTT", ["NTT"], "company", 1),
        ("Horizon DC", ["Horizon DC"], "consortium", 1),
        ("Commission de régulation de l'énergie", ["Commission de régulation de l'énergie", "CRE"], "public", 1),
        ("Élysée", ["Élysée"], "public", 1),
    ],
    "web_018_forum": [
        ("Serverhaus", ["Serverhaus"], "company", 1),
        ("Bargento", ["Bargento"], "company", 1),
        ("Thésée Datacenter", ["Thésée Datacenter"], "company", 1),
        ("Free Pro", ["Free Pro"], "company", 1),
        ("Ikoula", ["Ikoula"], "company", 1),
    ],
    "web_019_usine": [
        ("TSMC", ["TSMC"], "company", 1),
        ("Bosch", ["Bosch"], "company", 1),
        ("Infineon", ["Infineon"], "company", 1),
        ("NXP", ["NXP"], "company", 1),
        ("ESMC", ["ESMC"], "consortium", 1),
        ("Commission européenne", ["Commission européenne"], "public", 1),
        ("Land de Saxe", ["Land de Saxe"], "public", 1),
        ("Fraunhofer", ["Fraunhofer"], "lab", 1),
        ("Université technique de Dresde", ["université technique de Dresde", "TU Dresden"], "lab", 1),
        ("IG Metall", ["IG Metall"], "other", 1),
        ("50Hertz", ["50Hertz"], "company", 1),
    ],
}


def context(text: str, start: int, end: int) -> str:
    return re.sub(r"\s+", " ", text[max(0, start - 70) : end + 70]).strip()


def nth(text: str, surface: str, index: int) -> int:
    starts = [m.start() for m in re.finditer(re.escape(surface), text)]
    assert len(starts) > index, (surface, starts)
    return starts[index]


def first_alias(text: str, aliases: list[str]) -> tuple[int, str]:
    found = []
    for alias in aliases:
        for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text):
            found.append((m.start(), alias))
    assert found, aliases
    return min(found)


def build() -> None:
    for stem in sorted(MONEY.keys() | ORGS.keys()):
        text = (HERE / f"{stem}.txt").read_text(encoding="utf-8")
        lines = []
        for surface, index, value, low, high, cur, explicit, qual, per in MONEY.get(stem, []):
            start = nth(text, surface, index)
            end = start + len(surface)
            lines.append({
                "article": stem, "type": "money", "text": surface, "context": context(text, start, end),
                "value": value, "low": low, "high": high, "currency": cur, "explicit_currency": explicit,
                "qualifier": qual, "per": per, "magnitude": None, "start": start, "end": end,
            })
        for canonical, aliases, kind, mentions in ORGS.get(stem, []):
            start, alias = first_alias(text, aliases)
            end = start + len(alias)
            lines.append({
                "article": stem, "type": "org", "text": alias, "start": start, "end": end,
                "context": context(text, start, end), "canonical": canonical, "aliases": aliases,
                "mentions": mentions, "kind": kind,
            })
        lines.sort(key=lambda d: d["start"])
        for d in lines:
            assert text[d["start"] : d["end"]] == d["text"], d
        out = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines)
        (HERE / f"{stem}.jsonl").write_text(out, encoding="utf-8")


if __name__ == "__main__":
    build()
