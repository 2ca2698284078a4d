"""Page boilerplate: which lines are excluded from extraction, and blanking keeps every offset."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from flows.sources.boilerplate import blanked, boilerplate_ranges, fold, is_boilerplate_line


@pytest.mark.parametrize(
    "line",
    [
        # paywall and subscription
        "Il vous reste 65 % de cet article à lire.", "Il reste 80% de l’article à lire",
        "Cet article est réservé aux abonnés.", "La suite est réservée aux abonnés. Déjà abonné ? Se connecter",
        "Offre spéciale : 1 € le premier mois, sans engagement", "Offre numérique : 1 € pour 3 mois",
        "S’abonner : 1 € le premier mois", "Abonnez-vous pour lire la suite", "Pour lire la suite, connectez-vous",
        "Déjà abonné ? Connectez-vous", "Vous avez atteint la limite d’articles gratuits",
        # newsletters
        "Newsletter", "Inscrivez-vous à notre newsletter", "Recevez gratuitement l’essentiel de l’actualité",
        "Votre adresse e-mail", "S’inscrire", "En vous inscrivant, vous acceptez notre politique de confidentialité.",
        # share, comments, follow
        "Partager", "Partager sur Facebook", "Partager par e-mail", "Partager : Facebook · LinkedIn · E-mail",
        "Facebook Twitter LinkedIn WhatsApp", "Copier le lien", "12 commentaires", "Voir les commentaires",
        "Lancez la conversation", "Suivez-nous sur Google Actualités", "Écouter cet article", "Offrir cet article",
        # tag and link lists
        "Étiquettes : Cloud, Data centers, Nvidia", "Tags : EuroHPC, Rennes", "Mots-clés : IA, énergie",
        "Lire aussi : OpenAI signe 300 milliards avec Oracle", "À lire aussi", "À lire également :",
        "LIRE AUSSI. Nvidia investit 5 milliards", "Sur le même sujet", "Les plus lus",
        # image credits
        "Photo : Jean Dupont / AFP", "Crédit photo : Pixabay", "*Crédit photo : Pixabay*",
        "Photo d’illustration : Getty Images", "Le terrain de Vénissieux, en mars 2025. © Studio Lumière",
        "Illustration : Shutterstock", "(Photo by Jean Dupont / Getty Images)",
        # cookies
        "Nous utilisons des cookies pour mesurer l’audience. Vous pouvez accepter ou paramétrer vos choix.",
        "Tout accepter", "Continuer sans accepter", "En poursuivant votre navigation, vous acceptez les cookies.",
        # navigation and furniture
        "Aller au contenu principal", "Menu", "Rechercher", "Se connecter", "Accueil > Économie > Numérique",
        "Temps de lecture : 4 min.", "Lecture 3 min.", "Cet article date de plus de deux ans.", "Publicité",
        "© 2026 Le Courrier du Rhône. Tous droits réservés.", "#IA #datacenter", "https://www.exemple.fr/article",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate_line(line), line


@pytest.mark.parametrize(
    "line",
    [
        "Le service compte 3 millions d’abonnés et vise 5 millions en 2027.",
        "Le tarif de l’abonnement à ChatGPT Pro atteint 200 dollars par mois.",
        "Les dépenses de fonctionnement sont évaluées à 780 000 € par an, dont environ 520 000 € d'électricité.",
        "Une start-up a vu sa facture passer de 18 000 à 26 000 euros par mois.",
        "Comptez de 800 à 1\u00a0200 euros par mois pour une baie.",
        "La CNIL a infligé une amende de 150 millions d’euros pour des cookies déposés sans consentement, "
        "rappelant que chaque site doit permettre de refuser aussi simplement que d’accepter.",
        "Publié le 19/05/25 09:31 Mis à jour le 19/05/25 10:12",
        "Par Jeanne Martin, le 12 mars 2026",
        "Lyon, le 4 mars 2026 - Le fonds annonce l’acquisition de trois centres de données.",
        "Un raccordement en 2027",
        "Le groupe Hexavolt a annoncé mardi un investissement de 2 milliards d’euros.",
        "Photovoltaïque : le parc de 300 MW sera raccordé en 2027.",
        "Le partage de la valeur entre les opérateurs reste un sujet.",
        "2026",
    ],
)
def test_article_lines_are_kept(line: str) -> None:
    assert not is_boilerplate_line(line), line


def test_a_list_heading_takes_its_link_titles_not_the_paragraph_after() -> None:
    text = ("Le site ouvrira en 2027.\nÀ lire aussi\nScaleway prépare un campus de 1 GW\n"
            "Le prix de l’électricité grimpe de 20 % en un an\n"
            "Marseille est devenue en 2024 un nœud majeur des câbles sous-marins, selon Interxion.\n")
    excluded = [text[a:b] for a, b in boilerplate_ranges(text)]
    assert excluded == ["À lire aussi", "Scaleway prépare un campus de 1 GW",
                        "Le prix de l’électricité grimpe de 20 % en un an"]


def test_a_markdown_list_after_a_blank_line_and_urls_inside_lines() -> None:
    text = ("Voir [le rapport](https://exemple.example/2025/rapport) publié en 2025.\n\n**À lire également :**\n\n"
            "- [Mistral AI lève 1,7 milliard](https://exemple.example/m)\n- [Fluidstack](https://exemple.example/f)\n\n"
            "La suite de l’article.\n")
    excluded = [text[a:b] for a, b in boilerplate_ranges(text)]
    assert excluded == ["(https://exemple.example/2025/rapport)", "**À lire également :**",
                        "- [Mistral AI lève 1,7 milliard](https://exemple.example/m)",
                        "- [Fluidstack](https://exemple.example/f)"]


@given(st.lists(st.sampled_from([
    "Partager", "Le groupe investit 2 milliards d’euros.", "", "Lire aussi :", "Un titre court",
    "Voir https://exemple.example/x ici", "Il vous reste 20 % de cet article à lire.",
]), max_size=12))
def test_blanking_keeps_length_newlines_and_every_kept_character(lines: list[str]) -> None:
    text = "\n".join(lines)
    ranges = boilerplate_ranges(text)
    seen = blanked(text, ranges)
    assert len(seen) == len(text)
    assert [i for i, ch in enumerate(seen) if ch == "\n"] == [i for i, ch in enumerate(text) if ch == "\n"]
    inside = {i for a, b in ranges for i in range(a, b)}
    assert all(seen[i] == (" " if i in inside else text[i]) for i in range(len(text)))


def test_a_url_keeps_the_full_stop_after_it() -> None:
    text = "Voir : https://exemple.example/a-b/. Puis www.exemple.example/x, et (https://exemple.example/y)."
    assert [text[a:b] for a, b in boilerplate_ranges(text)] == [
        "https://exemple.example/a-b/", "www.exemple.example/x", "https://exemple.example/y"]


def test_evidence_sentences_are_the_article_s_own_words(nlp: Language) -> None:
    from flows.extraction import extract_articles
    from flows.sources import Article
    from flows.sources.boilerplate import boilerplate_ranges as ranges

    text = ("Selon https://exemple.example/rapport, Hexavolt investira 2 milliards d’euros à Lyon en 2027.\n"
            "Partager sur Facebook\n")
    article = Article("a", "a.txt", "0" * 64, text, excluded=ranges(text))
    [done] = extract_articles([article], nlp, None)
    money = next(row for row in done.rows if row["type"] == "money")
    assert money["text"] == "2 milliards d’euros" and money["sentence"].rstrip("\n") == text.split("\n")[0]
    assert not [row for row in done.rows if row["start"] >= text.index("Partager")]


def _fold_by_decomposing_whole_line(line: str) -> str:
    text = unicodedata.normalize("NFKD", line.replace("’", "'").replace("œ", "oe").replace("Œ", "OE"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(text.split()).lstrip(" -–—•*·▪►→›>#|").strip(" *_")


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40)
       | st.text(alphabet="àâçéèêëîïôöùûüÿœŒÆæ’ʼﬁﬂ½…\u0301\u0327\u0308 \u00a0\u202f-*#Ǆǅǈ", max_size=40))
def test_fold_translates_each_character_as_decomposing_the_whole_line_would(line: str) -> None:
    assert fold(line) == _fold_by_decomposing_whole_line(line)
