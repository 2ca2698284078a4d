"""Build the own_orgs2 gold .jsonl files from the hand-written organisation annotations below.

Eleven articles in different styles (dispatch, press release, regional press, trade press, web page with its
furniture, table of rounds, list of partners, interview, newsletter, procurement notice, market wrap), written
before the rules that are measured on them. Org lines only (GUIDELINES.md "org"): one line per organisation
(canonical, aliases seen, kind, mentions); the line's text/start/end is the first alias occurrence.
Not organisations here, by GUIDELINES.md: indices (CAC 40, SBF 120, DAX, Nasdaq Composite), tickers (NVDA.O),
fairs and events (VivaTech, Data Centre World, Choose France, Energaïa), venues (Palais du Pharo, Paris Expo),
job titles (PDG, CTO), programmes and labels (France 2030, SecNumCloud), publications (BOAMP, JOUE), products
(BullSequana), facilities (site Émile-Huchet), and page furniture (menus, "Lire aussi", "Sur le même sujet",
footer). Metonyms acting as parties are their institution (Bercy, Matignon, l'Élysée, Bruxelles).
Run: python tests/gold/own_orgs2/build_gold.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent

ORGS: dict[str, list[tuple[str, list[str], str, int]]] = {
    "orgs2_01_depeche": [
        ("AFP", ["AFP"], "media", 1),
        ("Princeton Digital Group", ["Princeton Digital Group"], "company", 2),
        ("RTE", ["RTE"], "company", 1),
        ("Orange Marine", ["Orange Marine"], "company", 1),
        ("Sparkle", ["Sparkle"], "company", 1),
        ("Grand Port Maritime de Marseille", ["Grand Port Maritime de Marseille", "GPMM"], "public", 3),
        ("Nexspan", ["Nexspan"], "company", 1),
        ("Eiffage Génie Civil", ["Eiffage Génie Civil"], "company", 1),
        ("Tecnhydra", ["Tecnhydra"], "company", 1),
        ("Métropole Aix-Marseille-Provence", ["Métropole Aix-Marseille-Provence"], "public", 1),
        ("Matignon", ["Matignon"], "public", 1),
        ("Ministère de l'Économie", ["Bercy"], "public", 1),
        ("Digital Realty", ["Digital Realty"], "company", 2),
        ("Jaguar Network", ["Jaguar Network"], "company", 1),
        ("Arthur D. Little", ["Arthur D. Little"], "company", 1),
    ],
    "orgs2_02_communique": [
        ("Kerlann Data", ["Kerlann Data"], "company", 5),
        ("Région Bretagne", ["Région Bretagne"], "public", 3),
        ("Syndicat départemental d'énergie d'Ille-et-Vilaine",
         ["Syndicat départemental d'énergie d'Ille-et-Vilaine", "SDE35"], "public", 2),
        ("Énergies Rennes Sud", ["Énergies Rennes Sud"], "public", 1),
        ("Rennes Métropole", ["Rennes Métropole"], "public", 1),
        ("Banque des Territoires", ["Banque des Territoires"], "public", 1),
        ("Breizh Up", ["Breizh Up"], "company", 1),
        ("Crédit Mutuel Arkéa", ["Crédit Mutuel Arkéa"], "company", 1),
        ("Irisa", ["Institut de recherche en informatique et systèmes aléatoires", "Irisa"], "lab", 1),
        ("Ardentis Systems", ["Ardentis Systems"], "company", 1),
        ("Bpifrance", ["Bpifrance"], "public", 1),
        ("Go Capital", ["Go Capital"], "company", 1),
    ],
    "orgs2_03_regional": [
        ("Saint-Avold Synergie", ["Saint-Avold Synergie"], "public", 1),
        ("Moselvolt", ["Moselvolt"], "company", 3),
        ("Gazelenergie", ["Gazelenergie"], "company", 1),
        ("Communauté d'agglomération Forbach Porte de France",
         ["Communauté d'agglomération Forbach Porte de France"], "public", 1),
        ("Moselle Attractivité", ["Moselle Attractivité"], "public", 1),
        ("CCI Grand Est", ["CCI Grand Est"], "public", 1),
        ("Bien Vivre à Carling", ["Bien Vivre à Carling"], "other", 1),
        ("Banque Populaire Alsace Lorraine Champagne", ["Banque Populaire Alsace Lorraine Champagne"], "company", 1),
        ("Rheinfeld Infrastruktur", ["Rheinfeld Infrastruktur"], "company", 1),
        ("Université de Lorraine", ["Université de Lorraine"], "lab", 1),
        ("Loria", ["Loria"], "lab", 1),
    ],
    "orgs2_04_trade": [
        ("Calyptis", ["Calyptis"], "company", 5),
        ("L'Embarqué", ["L'Embarqué"], "media", 1),
        ("LOCIE", ["LOCIE"], "lab", 1),
        ("Université Savoie Mont Blanc", ["Université Savoie Mont Blanc"], "lab", 1),
        ("Schneider Electric", ["Schneider Electric"], "company", 1),
        ("Motivair", ["Motivair"], "company", 1),
        ("Vertiv", ["Vertiv"], "company", 1),
        ("Eviden", ["Eviden"], "company", 1),
        ("Atos", ["Atos"], "company", 1),
        ("Wiwynn", ["Wiwynn"], "company", 1),
        ("Ademe", ["Agence de l'environnement et de la maîtrise de l'énergie", "Ademe"], "public", 1),
        ("CEA", ["Commissariat à l'énergie atomique et aux énergies alternatives", "CEA"], "lab", 1),
        ("CEA-Liten", ["CEA-Liten"], "lab", 1),
        ("Noviga Partners", ["Noviga Partners"], "company", 1),
        ("Unicatherm", ["Syndicat des industries thermiques", "Unicatherm"], "consortium", 1),
    ],
    "orgs2_05_webpage": [
        ("Nuvola Verde", ["Nuvola Verde"], "company", 3),
        ("Orbitale", ["Orbitale SAS"], "company", 3),
        ("Stratos Cloud", ["Stratos Cloud"], "consortium", 2),
        ("ANSSI", ["Agence nationale de la sécurité des systèmes d’information", "Anssi"], "public", 1),
        ("Ugap", ["Union des groupements d’achats publics", "Ugap"], "public", 1),
        ("Cloud Temple", ["Cloud Temple"], "company", 1),
        ("Outscale", ["Outscale"], "company", 1),
        ("Numspot", ["Numspot"], "company", 1),
        ("Wavestone", ["Wavestone"], "company", 1),
        ("Cigref", ["Cigref"], "consortium", 1),
    ],
    "orgs2_06_table": [
        ("Lumenfer", ["Lumenfer"], "company", 2),
        ("Jolt Capital", ["Jolt Capital"], "company", 1),
        ("Innovacom", ["Innovacom"], "company", 1),
        ("Phasora", ["Phasora"], "company", 1),
        ("Partech", ["Partech"], "company", 1),
        ("Kima Ventures", ["Kima Ventures"], "company", 1),
        ("Boréade", ["Boréade"], "company", 1),
        ("Ouest Croissance", ["Ouest Croissance"], "company", 1),
        ("Région Pays de la Loire", ["Région Pays de la Loire"], "public", 1),
        ("Tarvos Energy", ["Tarvos Energy"], "company", 2),
        ("Tikehau Capital", ["Tikehau Capital"], "company", 2),
        ("Banque européenne d'investissement", ["Banque européenne d'investissement"], "public", 1),
        ("coldwave", ["coldwave"], "company", 1),
        ("Sillon Compute", ["Sillon Compute"], "company", 1),
        ("Eurazeo", ["Eurazeo"], "company", 1),
        ("Bpifrance Large Venture", ["Bpifrance Large Venture"], "public", 1),
        ("Quarkline", ["Quarkline"], "company", 1),
        ("Quantonation", ["Quantonation"], "company", 1),
        ("Elaia", ["Elaia"], "company", 1),
        ("CEA-Leti", ["CEA-Leti"], "lab", 1),
        ("Vespera", ["Vespera"], "company", 1),
    ],
    "orgs2_07_partenaires": [
        ("Pyrène IA", ["Pyrène IA"], "consortium", 2),
        ("Teréga", ["Teréga"], "company", 1),
        ("Chemparc", ["Chemparc"], "company", 1),
        ("Sud-Ouest Datacenters", ["Sud-Ouest Datacenters"], "company", 1),
        ("Arkema", ["Arkema"], "company", 1),
        ("Bouygues", ["bouygues"], "company", 1),
        ("Bouygues Construction", ["Bouygues Construction"], "company", 1),
        ("Crédit Agricole Pyrénées Gascogne", ["Crédit Agricole Pyrénées Gascogne"], "company", 1),
        ("IRDI", ["Irdi Capital Investissement", "IRDI"], "company", 1),
        ("Banque des Territoires", ["Banque des Territoires"], "public", 1),
        ("UPPA", ["Université de Pau et des Pays de l'Adour", "UPPA"], "lab", 2),
        ("CCLO", ["Communauté de communes de Lacq-Orthez", "CCLO"], "public", 1),
        ("ADI N-A", ["Agence de développement et d'innovation de Nouvelle-Aquitaine", "ADI N-A"], "public", 1),
        ("TotalEnergies", ["TotalEnergies"], "company", 1),
        ("RTE", ["RTE"], "company", 1),
        ("Enedis", ["Enedis"], "company", 1),
        ("Élysée", ["Élysée"], "public", 1),
    ],
    "orgs2_08_interview": [
        ("Hydrocalc", ["Hydrocalc"], "company", 2),
        ("Nantes Métropole Habitat", ["Nantes Métropole Habitat"], "public", 1),
        ("LS2N", ["LS2N"], "lab", 1),
        ("Kinoflux", ["Kinoflux"], "company", 1),
        ("Dassault Systèmes", ["Dassault Systèmes"], "company", 1),
        ("Qarnot", ["Qarnot"], "company", 2),
        ("Thermique Atlantique", ["Thermique Atlantique"], "company", 1),
        ("Sofimac Innovation", ["Sofimac Innovation"], "company", 1),
        ("West Web Valley", ["West Web Valley"], "company", 1),
        ("Initiative Loire-Atlantique", ["Initiative Loire-Atlantique"], "other", 1),
        ("Microsoft", ["Microsoft"], "company", 1),
        ("Amazon Web Services", ["Amazon Web Services"], "company", 1),
        ("Ademe", ["Ademe"], "public", 1),
    ],
    "orgs2_09_newsletter": [
        ("nexolith", ["nexolith"], "company", 1),
        ("Swen Capital Partners", ["Swen Capital Partners"], "company", 1),
        ("Kaskade Rechenzentren", ["Kaskade Rechenzentren"], "company", 1),
        ("KfW", ["KfW"], "public", 1),
        ("Aéromatrix", ["Aéromatrix"], "company", 1),
        ("Rhône-Alpes Création", ["Rhône-Alpes Création"], "company", 1),
        ("Northmere Infrastructure", ["Northmere Infrastructure"], "company", 1),
        ("Atlantis DC", ["Atlantis DC"], "company", 1),
        ("Autorité de la concurrence", ["Autorité de la concurrence"], "public", 1),
        ("CNIL", ["Commission nationale de l'informatique et des libertés", "Cnil"], "public", 1),
        ("Commission européenne", ["Bruxelles"], "public", 1),
        ("Contexte", ["Contexte"], "media", 1),
        ("Opérateurs Associés", ["Opérateurs Associés"], "consortium", 1),
        ("Enedis", ["Enedis"], "company", 1),
    ],
    "orgs2_10_marche_public": [
        ("Manche Numérique", ["Syndicat mixte Manche Numérique"], "public", 1),
        ("Normandie Calcul Services", ["Normandie Calcul Services SAS"], "company", 1),
        ("Serv-Tech Informatique", ["Serv-Tech Informatique SARL"], "company", 1),
        ("Arcane Stockage", ["Arcane Stockage SA"], "company", 1),
        ("Tribunal administratif de Caen", ["Tribunal administratif de Caen"], "public", 1),
        ("Feder", ["Fonds européen de développement régional", "Feder"], "public", 1),
        ("Conseil départemental de la Manche", ["Conseil départemental de la Manche"], "public", 1),
    ],
    "orgs2_11_bourse": [
        ("Datavolt Industries", ["Datavolt Industries"], "company", 1),
        ("Nexans", ["Nexans"], "company", 1),
        ("Kepler Cheuvreux", ["Kepler Cheuvreux"], "company", 1),
        ("Legrand", ["Legrand"], "company", 1),
        ("Kolmvind", ["Kolmvind"], "company", 1),
        ("Soitec", ["Soitec"], "company", 1),
        ("Oddo BHF", ["Oddo BHF"], "company", 1),
        ("NVIDIA", ["NVIDIA"], "company", 1),
        ("Supermicro", ["Super Micro Computer"], "company", 1),
        ("Siemens Energy", ["Siemens Energy"], "company", 1),
        ("AMF", ["Autorité des marchés financiers", "AMF"], "public", 1),
        ("Helioparc Technologies", ["Helioparc Technologies"], "company", 1),
    ],
}


def context(text: str, start: int, end: int) -> str:
    return re.sub(r"\s+", " ", text[max(0, start - 70) : end + 70]).strip()


def first_alias(text: str, aliases: list[str]) -> tuple[int, str]:
    found = [(m.start(), alias) for alias in aliases
             for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text)]
    assert all(any(a == alias for _, a in found) for alias in aliases), (aliases, found)
    return min(found)


def build(here: Path = HERE, annotations: dict[str, list[tuple[str, list[str], str, int]]] = ORGS) -> None:
    """Write one .jsonl per article of `annotations` beside its .txt in `here` (own_orgs3 reuses this)."""
    for stem, orgs in annotations.items():
        text = (here / f"{stem}.txt").read_text(encoding="utf-8")
        lines = []
        for canonical, aliases, kind, mentions in orgs:
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
        (here / f"{stem}.jsonl").write_text(out, encoding="utf-8")
    assert {p.stem for p in here.glob("*.txt")} == set(annotations)


if __name__ == "__main__":
    build()
