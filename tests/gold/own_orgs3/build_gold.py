"""Build the own_orgs3 gold .jsonl files: the second held-out organisation batch of issue 15 (four articles in
styles own_orgs2 lacks: press review, event programme, annual-report extract, council deliberation), written
before any rule was changed for them. Same method and conventions as tests/gold/own_orgs2/build_gold.py.
Not organisations here: venues (Centre des congrès de Lyon), events (the Journée itself), markets (Euronext
Growth Paris), job titles, internal bodies (conseil d'administration, directoire), laws (code général des
collectivités territoriales). Run: python tests/gold/own_orgs3/build_gold.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from gold_tools import build_set  # noqa: E402

ORGS: dict[str, list[tuple[str, list[str], str, int]]] = {
    "orgs3_01_revue_presse": [
        ("Les Echos", ["Les Echos"], "media", 1),
        ("Hitachi Energy", ["Hitachi Energy"], "company", 1),
        ("Grid Solutions", ["Grid Solutions"], "company", 1),
        ("Valcourt Énergie", ["Valcourt Énergie"], "company", 1),
        ("Le Télégramme", ["Le Télégramme"], "media", 1),
        ("Lannion-Trégor Communauté", ["Lannion-Trégor Communauté"], "public", 1),
        ("Kilbarry Data", ["Kilbarry Data"], "company", 1),
        ("Armor Calcul", ["Armor Calcul"], "consortium", 1),
        ("L'Usine Nouvelle", ["L'Usine Nouvelle"], "media", 1),
        ("Peltis", ["Peltis"], "company", 1),
        ("Legendre", ["Groupe Legendre"], "company", 1),
        ("The Information", ["The Information"], "media", 1),
        ("Anthropic", ["Anthropic"], "company", 1),
        ("Fluidstack", ["Fluidstack"], "company", 1),
        ("Reuters", ["Reuters"], "media", 1),
        ("Mizuho", ["Mizuho"], "company", 1),
        ("Contexte", ["Contexte"], "media", 1),
        ("DGEC", ["Direction générale de l'énergie et du climat", "DGEC"], "public", 1),
        ("France Datacenter", ["Fédération française des data centers", "France Datacenter"], "consortium", 1),
    ],
    "orgs3_02_programme": [
        ("Lyonergie", ["Lyonergie"], "company", 2),
        ("Région Auvergne-Rhône-Alpes", ["Région Auvergne-Rhône-Alpes"], "public", 1),
        ("Auvergne-Rhône-Alpes Entreprises", ["Auvergne-Rhône-Alpes Entreprises"], "public", 1),
        ("Datacenter Mag", ["Datacenter Mag"], "media", 1),
        ("Velora Compute", ["Velora Compute"], "company", 2),
        ("Enedis Auvergne-Rhône-Alpes", ["Enedis Auvergne-Rhône-Alpes"], "company", 1),
        ("Silvanet", ["Silvanet"], "company", 1),
        ("Grand Lyon Habitat", ["Grand Lyon Habitat"], "public", 1),
        ("Helio Datacentres", ["Helio Datacentres"], "company", 1),
        ("SERL", ["SERL", "Société d'équipement du Rhône et de Lyon"], "public", 1),
        ("Caisse d'Épargne Rhône Alpes", ["Caisse d'Épargne Rhône Alpes"], "company", 1),
        ("Rhône-Alpes PME Gestion", ["Rhône-Alpes PME Gestion"], "company", 1),
        ("SPL Lyon Confluence", ["SPL Lyon Confluence"], "public", 1),
        ("Tessiom", ["Tessiom"], "company", 1),
        ("Mnemo Systems", ["Mnemo Systems"], "company", 1),
        ("kalyx", ["kalyx"], "company", 1),
        ("Ondaris", ["Ondaris"], "company", 1),
        ("Evolem", ["Evolem"], "company", 1),
        ("CCI Lyon Métropole Saint-Étienne Roanne", ["CCI Lyon Métropole Saint-Étienne Roanne"], "public", 1),
    ],
    "orgs3_03_rapport_annuel": [
        ("Groupe Estavel", ["Groupe Estavel SA"], "company", 1),
        ("Estavel Holding", ["Estavel Holding"], "company", 1),
        ("Bpifrance Participations", ["Bpifrance Participations"], "public", 1),
        ("Amundi Private Equity Funds", ["Amundi Private Equity Funds"], "company", 1),
        ("Estavel Datacenters", ["Estavel Datacenters SAS", "Estavel Datacenters"], "company", 2),
        ("Estavel Énergie", ["Estavel Énergie SAS"], "company", 1),
        ("Kalyptra", ["Kalyptra GmbH", "Kalyptra"], "company", 2),
        ("Estavel Services", ["Estavel Services SARL"], "company", 1),
        ("Hessenkapital", ["Hessenkapital"], "company", 1),
        ("Métropole du Grand Nancy", ["Métropole du Grand Nancy"], "public", 1),
        ("Mazars", ["Mazars"], "company", 1),
        ("KPMG Audit", ["KPMG Audit"], "company", 1),
        ("Banque Populaire Alsace Lorraine Champagne", ["Banque Populaire Alsace Lorraine Champagne"], "company", 1),
        ("Caisse d'Épargne Grand Est Europe", ["Caisse d'Épargne Grand Est Europe"], "company", 1),
        ("Banque européenne d'investissement", ["Banque européenne d'investissement", "BEI"], "public", 1),
        ("Voltalia", ["Voltalia"], "company", 1),
    ],
    "orgs3_04_deliberation": [
        ("Hexagrid Sud", ["Hexagrid Sud"], "company", 3),
        ("MRAe", ["Mission régionale d'autorité environnementale", "MRAe"], "public", 1),
        ("SMEG 30", ["Syndicat départemental d'énergies du Gard", "SMEG 30"], "public", 1),
        ("RTE", ["RTE"], "company", 1),
        ("SPL Gard Aménagement", ["Société publique locale Gard Aménagement", "SPL Gard Aménagement"], "public", 2),
        ("Chambre d'agriculture du Gard", ["chambre d'agriculture du Gard"], "public", 1),
        ("Nubaria Infraestructuras", ["Nubaria Infraestructuras"], "company", 1),
        ("Gard Chaleur", ["Gard Chaleur"], "public", 1),
        ("Banque des Territoires", ["Banque des Territoires"], "public", 1),
        ("AD'OCC", ["AD'OCC"], "public", 1),
        ("Préfecture du Gard", ["préfecture du Gard"], "public", 1),
        ("Conseil départemental du Gard", ["Conseil départemental du Gard"], "public", 1),
        ("Communauté de communes Pays d'Uzès", ["communauté de communes Pays d'Uzès"], "public", 1),
    ],
}


if __name__ == "__main__":
    build_set(HERE, org=ORGS)
