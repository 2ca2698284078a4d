"""Page boilerplate in an article's text: the ranges extraction must not see.

Saved web pages carry lines that are not the article: paywall and subscription prompts ("Il vous reste 60 %
de cet article à lire", "1 € le premier mois"), newsletter boxes, share and comment buttons, tag lists,
"Lire aussi" / "À lire également" link lists, image credits, cookie banners, navigation, reading times; and
URLs. Their figures and names must never become facts (GUIDELINES.md, scope decisions).

They are *excluded*, not removed: the stored text keeps them, so every offset still indexes it, and the
extraction step blanks these ranges with spaces of the same length before spaCy sees the text
(`flows/extraction.visible_text`). Blanking, rather than dropping the mentions found there afterwards,
keeps boilerplate out of everything the extractors infer from context too: the year a bare month takes
from its paragraph, the sentence a figure's parties are looked for in, the dateline.

Rules, on each line folded (lower case, no accents, plain apostrophes and spaces, leading bullets off):
- a line matching a boilerplate pattern (`LINE_PATTERNS`, each bounded in length so a long paragraph
  that merely mentions subscribers or cookies is kept), or made only of button words (`BUTTON_WORDS`);
- a list heading alone on its line ("À lire également :", "Étiquettes", "Les plus lus") takes the list
  after it: bulleted lines, or link-sized lines that do not end like a sentence (link titles), up to a
  blank line or the first line of prose. (A heading-only "Lire aussi" directly followed by an unpunctuated
  intertitle would take it too; real pages put the list, then a blank line or a paragraph.)
- in any other line, URLs, e-mail addresses and Markdown images/link targets are excluded, the words around
  them kept.
"""

from __future__ import annotations

import re

from extractors.text import without_marks
from flows.sources.base import Range

# Longest line a button/prompt/credit rule applies to; longer lines are article paragraphs.
PROMPT_MAX = 260
# A line in a link list, and the most lines such a list takes after its heading.
LINK_MAX = 200
LIST_MAX_LINES = 12

LINE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(re.compile(p) for p in (
    # paywall and subscription
    r"il (?:vous )?reste \d+ ?% (?:de (?:cet|l') ?article|a lire)",
    r"(?:reserve|reservee|reserves|reservees) aux (?:abonnes|membres)",
    r"deja abonne|^(?:s'abonner|je m'abonne|abonnez-vous|abonnement)\b",
    r"\boffre (?:speciale|decouverte|d'essai|d'abonnement|numerique|premium)\b",
    # a subscription price is small: never a figure grouped in thousands ("780 000 € par an" is a fact)
    r"(?<![\d.,])(?<!\d )\d{1,3}(?:[,.]\d+)? ?(?:€|euros?) (?:le|les|pour|par) "
    r"(?:\d+ )?(?:premiers? )?(?:mois|an|semaines?)",
    r"sans engagement|resiliable a tout moment|acces illimite|decouvrir (?:les|nos) offres",
    r"^pour (?:lire|continuer a lire|acceder a) (?:la suite|cet article|l'integralite)|^lire la suite\b",
    r"^(?:connectez-vous|identifiez-vous|se connecter|creer (?:un|mon) compte|mon compte)\b",
    r"vous avez atteint (?:la limite|le nombre)",
    # newsletters
    r"newsletter|lettre d'information",
    r"^(?:inscrivez-vous|s'inscrire|je m'inscris)\b|en vous inscrivant|politique de confidentialite",
    r"^(?:recevez|ne manquez) .*(?:gratuitement|chaque|tous les|toutes les|l'essentiel|notre|nos)",
    r"^(?:votre|saisissez votre|entrez votre) (?:adresse )?(?:e-?mail|courriel)",
    # share, comments, follow
    r"^partager (?:sur|par|l'article|cet article|le lien|via)\b|^partager :",
    r"^(?:\d+ )?commentaires?$|^(?:voir|afficher|lire) (?:les|tous les) \d* ?commentaires?",
    r"^(?:lancez|rejoignez) la (?:conversation|discussion)|pour (?:commenter|reagir|participer a la conversation)",
    r"^suivez-nous\b|^rejoignez-nous\b|^suivez (?:toute )?l'actualite\b|google (?:actualites|news)",
    r"^(?:ecouter|offrir|imprimer|sauvegarder|signaler) (?:cet|l') ?article\b",
    r"^ajouter (?:a|aux) (?:mes|vos) (?:favoris|sujets|articles)",
    # tag and link lists
    r"^(?:etiquettes?|tags?|mots[- ]cles?|sujets? (?:associes|lies)|themes?|thematiques?|rubriques?|categories?)"
    r" ?:",
    r"^(?:a )?lire (?:aussi|egalement|ensuite)\b|^(?:a )?voir (?:aussi|egalement)\b|^sur le meme (?:sujet|theme)\b",
    r"^dans la meme rubrique\b|^(?:les )?(?:articles?|contenus?) (?:similaires|lies|associes|recommandes)\b",
    r"^(?:les )?plus (?:lus|partages|commentes)\b|^ces articles (?:peuvent|pourraient) vous interesser",
    r"^a decouvrir (?:aussi|egalement)\b|^vous (?:aimerez|pourriez) aussi|^recommande pour vous\b",
    # image credits and captions carrying one
    r"^(?:photo|photos|credit|credits|credit photo|credits photos|illustration|image|visuel|legende)"
    r"(?: d'illustration)? ?:",
    r"©|\(c\) \w|\bcredit ?: |\b(?:getty images|afp photo|shutterstock|istock|unsplash|adobe stock)\b"
    r"|/ ?(?:afp|reuters|ap|maxppp|sipa|hans lucas)\b",
    # cookie banners
    r"\b(?:nous utilisons|ce site utilise|utilise|deposer) (?:des )?(?:cookies|traceurs)"
    r"|\b(?:accepter|refuser|parametrer|gerer|personnaliser) (?:les |vos |mes |tous les )?(?:cookies|traceurs)"
    r"|politique (?:de |relative aux |en matiere de )?cookies",
    r"^(?:tout accepter|tout refuser|accepter et fermer|continuer sans accepter|j'accepte|gerer mes choix)$",
    r"en poursuivant votre navigation",
    # navigation, page furniture
    r"^(?:aller|passer|acceder) (?:au|directement au) contenu|^retour (?:en haut|a l'accueil)",
    r"^(?:temps de )?lecture ?: ?<? ?\d+ ?min|^\d+ ?min(?:utes?)?\.? (?:de lecture|a lire)$|^lecture \d+ min\.?$",
    r"^cet article date de plus d",
    r"^(?:publicite|contenu sponsorise|contenu partenaire|annonce|sponsorise)$",
    r"^accueil ?[>›»/|]",
    r"tous droits reserves",
))
BUTTON_WORDS = frozenset((
    "partager", "facebook", "twitter", "x", "linkedin", "whatsapp", "messenger", "telegram", "bluesky", "threads",
    "mastodon", "reddit", "pinterest", "instagram", "youtube", "tiktok", "flipboard", "e-mail", "email", "mail",
    "courriel", "imprimer", "copier", "lien", "le", "envoyer", "commenter", "reagir", "sauvegarder", "favoris",
    "suivre", "offrir", "ecouter", "menu", "rechercher", "recherche", "fermer", "connexion", "s'abonner",
    "abonnez-vous", "newsletter", "publicite", "accueil", "precedent", "suivant", "plus", "voir", "charger",
    "afficher", "l'article", "article",
))
# Headings that open a list: alone on their line (a trailing colon allowed).
LIST_HEADINGS = re.compile(
    r"^(?:(?:a )?lire (?:aussi|egalement)|(?:a )?voir aussi|sur le meme (?:sujet|theme)|dans la meme rubrique"
    r"|(?:les )?plus (?:lus|partages|commentes)|(?:les )?(?:articles?|contenus?) (?:similaires|lies|associes)"
    r"|etiquettes?|tags?|mots[- ]cles?|sujets?(?: associes| lies)?|themes?|newsletters?|a decouvrir"
    r"|ces articles (?:peuvent|pourraient) vous interesser|vous aimerez aussi|recommande pour vous"
    r"|partager(?: l'article| cet article)?|suivez-nous|nos offres|dernieres actualites|derniers articles"
    r"|en continu|a la une)$"
)
_SENTENCE_END = re.compile(r"[.!?…»\"”)]\**$")
MAX_BLANKS_AFTER_HEADING = 2
_BULLET = re.compile(r"^\s*(?:[-–—•*·▪►→›>]|\d+[.)])\s")
_LEAD = re.compile(r"^[\s\-–—•*·▪►→›>#|]+")
_SPACES = re.compile(r"\s+")
_HASHTAGS = re.compile(r"(?:#\w+\s*)+")
_WORD_SPLIT = re.compile(r"[\s|·•/,]+")
_INLINE = re.compile(
    r"!\[[^\]\n]*\]\([^)\n]*\)"  # Markdown image
    r"|(?<=\])\([^)\s]+\)"  # Markdown link target
    r"|[\w.+-]+@[\w-]+\.[\w.-]*\w"  # e-mail address
    r"|\b(?:https?://|www\.)[^\s<>\"«»)\]]*[^\s<>\"«»)\].,;:!?…]",  # a URL, without the punctuation after it
    re.IGNORECASE,
)


def fold(line: str) -> str:
    """Lower case, no accents, plain apostrophes and spaces, no leading bullets or markup."""
    text = without_marks(line.replace("’", "'").replace("œ", "oe").replace("Œ", "OE")).lower()
    return _SPACES.sub(" ", _LEAD.sub("", text)).strip(" *_")


def is_boilerplate_line(line: str, key: str | None = None) -> bool:
    """`key`: the line already folded."""
    key = fold(line) if key is None else key
    if not key or len(key) > PROMPT_MAX:
        return False
    words = [word for word in _WORD_SPLIT.split(key) if word]
    if any(w in BUTTON_WORDS for w in words) and all(w in BUTTON_WORDS or w.isdigit() for w in words):
        return True
    if _HASHTAGS.fullmatch(line.strip()):
        return True
    if _INLINE.fullmatch(line.strip()):
        return True
    return any(pattern.search(key) for pattern in LINE_PATTERNS)


def is_list_heading(line: str, key: str | None = None) -> bool:
    return bool(LIST_HEADINGS.match((fold(line) if key is None else key).rstrip(" :")))


def line_spans(text: str) -> list[Range]:
    """(start, end) of every line, without its newline."""
    spans, start = [], 0
    for end in (m.start() for m in re.finditer("\n", text)):
        spans.append((start, end))
        start = end + 1
    spans.append((start, len(text)))
    return spans


def is_list_item(line: str) -> bool:
    """A bulleted line, or a link-sized line that does not end like a sentence (a link title)."""
    text = line.strip()
    return bool(_BULLET.match(line)) or (0 < len(text) <= LINK_MAX and not _SENTENCE_END.search(text))


def list_after(lines: list[str], heading: int) -> int:
    """How many lines after a list heading belong to its list: blank lines right after it, then list items
    up to the next blank line or the first line that reads as prose."""
    count = 0
    rest = lines[heading + 1 :]
    while count < len(rest) and count < MAX_BLANKS_AFTER_HEADING and not rest[count].strip():
        count += 1
    items = 0
    while count < len(rest) and items < LIST_MAX_LINES and is_list_item(rest[count]):
        count, items = count + 1, items + 1
    return count if items else 0


def boilerplate_lines(lines: list[str]) -> list[bool]:
    keys = [fold(line) for line in lines]
    flags = [is_boilerplate_line(line, key) for line, key in zip(lines, keys, strict=True)]
    for i, (line, key) in enumerate(zip(lines, keys, strict=True)):
        if is_list_heading(line, key):
            flags[i] = True
            for j in range(i + 1, i + 1 + list_after(lines, i)):
                flags[j] = True
    return flags


def boilerplate_ranges(text: str) -> tuple[Range, ...]:
    """The ranges of `text` extraction must not see: boilerplate lines whole, URLs inside other lines."""
    spans = line_spans(text)
    flags = boilerplate_lines([text[a:b] for a, b in spans])
    ranges: list[Range] = []
    for (start, end), flag in zip(spans, flags, strict=True):
        if flag and text[start:end].strip():
            ranges.append((start, end))
        elif not flag:
            ranges.extend(m.span() for m in _INLINE.finditer(text, start, end))
    return tuple(merged(ranges))


def merged(ranges: list[Range]) -> list[Range]:
    out: list[Range] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def blanked(text: str, ranges: tuple[Range, ...]) -> str:
    """`text` with every range replaced by as many spaces (offsets unchanged)."""
    if not ranges:
        return text
    parts, last = [], 0
    for start, end in ranges:
        parts += [text[last:start], " " * (end - start)]
        last = end
    parts.append(text[last:])
    return "".join(parts)

