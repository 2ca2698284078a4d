"""Rules that tell an organisation candidate from what merely looks capitalised.

The statistical NER tags headings ("Investissements colossaux"), glossary terms, products and people
as ORG. These rules reject a candidate the alias table does not know when:
- it is in the stoplist (products, facilities, laws, technologies, people, places, heading words);
- it starts with a first name (a person);
- every word is a common French/English word written with a capital (frequency lexicon below);
- it sits in a heading, a table-of-contents line, a glossary headword or a page tag list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from spacy.strings import hash_string
from spacy.vocab import Vocab

from extractors.org_names import first_name_keys, fold, stop_keys

# Function words that do not make a title-cased phrase a name ("Avenir de l'IA").
_FUNCTION_WORDS = frozenset({
    "de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "au", "aux", "à", "a", "pour", "sur", "par",
    "dans", "un", "une", "vers", "the", "of", "and", "as", "for", "to",
})
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_ELIDED = re.compile(r"^[A-Za-z]{1,5}[’']")  # "L'Énergie", "d’Infrastructure"
_TITLE_WORD = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿœæ’'-]*$")
_SENTENCE_END = re.compile(r"[.!;…»\")]\s*$")
_TOC_LINE = re.compile(r"\.{4,}|\t\s*\d+\s*$")
_MARKUP = re.compile(r"^[\s#>*_|]+")
_BULLET = re.compile(r"^\s*(?:[-–—•·*]\s|\d+[.)]\s)")
_HEADING_MAX_WORDS = 14
_TAGLIST_MIN_WORDS = 30
_PUNCT = re.compile(r"[.,;:!?]")
# A lower-case form at most this many times rarer than the capitalised form still makes the
# capitalised one a common word ("Insight", "Pro"); brand names are far rarer in lower case.
_COMMON_RATIO = 2.0


class Lexicon:
    """Word frequency ranks from the model's vectors table (its keys are stored most frequent first)."""

    def __init__(self, vocab: Vocab) -> None:
        keys = np.fromiter(vocab.vectors.key2row.keys(), dtype=np.uint64, count=len(vocab.vectors.key2row))
        order = np.argsort(keys)
        self._keys = keys[order]
        self._ranks = order.astype(np.int64)

    def rank(self, word: str) -> int | None:
        """0 for the most frequent word; None if the model does not know the word."""
        if len(self._keys) == 0:
            return None
        key = np.uint64(hash_string(word))
        i = int(np.searchsorted(self._keys, key))
        return int(self._ranks[i]) if i < len(self._keys) and self._keys[i] == key else None

    def is_common_word(self, word: str) -> bool:
        """A capitalised word whose lower-case form is about as frequent: a common noun or adjective."""
        lower = self.rank(word.lower())
        if lower is None:
            return False
        capitalised = self.rank(word)
        return capitalised is None or lower <= capitalised * _COMMON_RATIO


_LEXICONS: dict[int, Lexicon] = {}


def lexicon(vocab: Vocab) -> Lexicon:
    """The lexicon of a vocab, built once (≈50 ms for the 500k keys of fr_core_news_md)."""
    lex = _LEXICONS.get(id(vocab))
    if lex is None:
        lex = _LEXICONS[id(vocab)] = Lexicon(vocab)
    return lex


def is_common_phrase(name: str, lex: Lexicon) -> bool:
    """Every content word is a common word, title-cased or lower-case ("Leadership Européen", "L'Énergie").

    Acronyms and mixed-case words ("AI", "OpenAI") are never common: they look like names.
    """
    content = [_ELIDED.sub("", w) for w in _WORD.findall(name)]
    content = [w for w in content if w and w.lower() not in _FUNCTION_WORDS]
    parts = [p for w in content for p in w.split("-") if p]
    return bool(parts) and all((_TITLE_WORD.match(p) or p.islower()) and lex.is_common_word(p) for p in parts)


def is_listed_non_org(name: str) -> bool:
    """Stoplisted name, or a person (first word is a first name)."""
    key = fold(name)
    if key in stop_keys():
        return True
    first = key.split(" ", 1)[0]
    return " " in key and first in first_name_keys()


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str


def line_at(text: str, start: int, end: int) -> Line:
    """The line holding [start, end)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return Line(line_start, line_end, text[line_start:line_end])


def is_heading(line: Line) -> bool:
    """Title, table-of-contents entry or short unpunctuated line (not a bullet item)."""
    stripped = line.text.strip()
    if stripped.startswith("#") or _TOC_LINE.search(stripped):
        return True
    if _BULLET.match(stripped) or _SENTENCE_END.search(stripped):
        return False
    return 0 < len(stripped.split()) <= _HEADING_MAX_WORDS


def is_tag_list(line: Line) -> bool:
    """A long run of words with (almost) no punctuation: a page's tag cloud, not prose."""
    words = len(line.text.split())
    return words >= _TAGLIST_MIN_WORDS and len(_PUNCT.findall(line.text)) * _TAGLIST_MIN_WORDS < words


def is_glossary_term(line: Line, start: int) -> bool:
    """Inside the bold headword that opens a glossary line ("**Bare Metal** : ...")."""
    body = _MARKUP.sub("", line.text)
    offset = line.start + len(line.text) - len(body)
    if not line.text.lstrip().startswith("**"):
        return False
    close = body.find("**")
    return close > 0 and start < offset + close and body[close + 2 :].lstrip()[:1] in (":", "")


# Nouns that announce an organisation's name: "la start-up lyonnaise Hexavolt", "le fonds Partech".
_CUE_NOUNS = (
    r"start-?ups?|jeunes? pousses?|soci[ée]t[ée]s?|entreprises?|groupes?|firmes?|fabricants?|fondeurs?|fonds|"
    r"op[ée]rateurs?|h[ée]bergeurs?|fournisseurs?|[ée]diteurs?|constructeurs?|laboratoires?|labos?|cabinets?|"
    r"banques?|n[ée]o-?clouds?|licornes?|scale-?ups?|int[ée]grateurs?|[ée]quipementiers?|assureurs?|"
    r"industriels?|[ée]nerg[ée]ticiens?|distributeurs?|sp[ée]cialistes?(?: fran[çc]ais| am[ée]ricain)?|"
    r"fili[aà]les?|coentreprises?|joint-ventures?|consortiums?|d[ée]veloppeurs?|concepteurs?|"
    r"concurrente?s?|rival(?:e|es|aux)?|partenaires?|clients?|actionnaires?|investisseurs?|sous-traitants?"
)
_DET = r"(?:[Ll]a|[Ll]e|[Ll]es|[Ll][’']|[Uu]ne?|[Dd]u|[Dd]es|[Dd]e la|[Dd][’']|[Ss]a|[Ss]on|[Ss]es|[Ll]eur)"
_NAME_WORD = r"(?:[A-ZÀ-Ý0-9][\w&+.’'-]*[\w+]|[A-ZÀ-Ý]|[a-z]{1,3}[A-Z][\w-]*)"
_NAME = rf"{_NAME_WORD}(?:[ \u00a0]{_NAME_WORD}){{0,3}}"
_NOT_ADJECTIVE = r"(?:de|du|des|en|au|aux|dans|sur|par|pour|avec|vers|chez|sous|entre|qui|que|dont|et|ou)\b"
_ADJECTIVES = rf"(?:[ \u00a0](?!{_NOT_ADJECTIVE})[a-zà-ÿ][a-zà-ÿ-]+){{0,2}}"
_CUE_BEFORE = re.compile(rf"\b{_DET}[ \u00a0]?(?:{_CUE_NOUNS}){_ADJECTIVES}[ \u00a0](?P<name>{_NAME})")
# Roles whose "de X" names an organisation: "directeur de Voltiq", "la PDG d'Hexavolt".
_ROLE_CUE = re.compile(
    r"\b(?:directeur|directrice|PDG|CEO|patron|patronne|fondateur|fondatrice|cofondateur|cofondatrice|"
    r"co-fondateur|co-fondatrice|président|présidente|dirigeant|dirigeante|porte-parole|associé|associée|"
    r"analyste|ingénieur|ingénieure|chercheur|chercheuse)(?:[ \u00a0][a-zà-ÿ-]+)?"
    rf"[ \u00a0](?:de[ \u00a0]|d[’']|chez[ \u00a0])(?P<name>{_NAME})"
)
# Capitalised words that open a sentence, not a name: "Pour Orvane, la jeune pousse..."
_LEADING_WORDS = frozenset({
    "pour", "selon", "chez", "avec", "dans", "sur", "par", "après", "avant", "comme", "et", "mais", "le", "la",
    "les", "des", "un", "une", "en", "au", "aux", "de", "du", "face", "grâce", "quant", "outre", "contre",
    "entre", "vers", "depuis", "malgré", "sans", "ainsi", "alors", "puis", "enfin",
})
_CUE_AFTER = re.compile(
    rf"(?<![\w’'])(?P<name>{_NAME}),[ \u00a0]+(?:une?|la|le|l[’'])[ \u00a0]?(?:{_CUE_NOUNS})\b"
    rf"|(?<![\w’'])(?P<raiser>{_NAME})[ \u00a0]+(?:a|vient de|avait)[ \u00a0]+(?:lev[ée]|boucl[ée])\b"
)


def cue_candidates(text: str) -> list[tuple[int, int]]:
    """Names announced by a cue noun or a fund-raising verb, whatever the NER labelled them."""
    found = [m.span("name") for m in _CUE_BEFORE.finditer(text)]
    found += [m.span("name") for m in _ROLE_CUE.finditer(text)]
    for match in _CUE_AFTER.finditer(text):
        group = "name" if match.group("name") else "raiser"
        found.append(_skip_leading_words(text, *match.span(group)))
    return [(start, end) for start, end in found if start < end]


def _skip_leading_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop sentence-opening function words from a name ("Pour Orvane" -> "Orvane")."""
    while start < end:
        space = text.find(" ", start, end)
        if space < 0 or text[start:space].lower() not in _LEADING_WORDS:
            break
        start = space + 1
    if text[start:end].lower() in _LEADING_WORDS:
        return start, start
    return start, end
