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
from collections.abc import Callable
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
# With outside evidence (a cue noun, a list of organisations) only the most frequent words are doubtful:
# "Oracle" (rank ≈ 28k) is then a name, "Notion" (≈ 3k) or "Sécurité" (≈ 400) still a word.
_FREQUENT_RANK = 12_000


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


    def is_frequent_word(self, word: str) -> bool:
        """A capitalised word whose lower-case form is among the most frequent words ("Bleu", "Leader")."""
        lower = self.rank(word.lower())
        return lower is not None and lower < _FREQUENT_RANK and self.is_common_word(word)


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
    return _all_content_words(name, lex.is_common_word)


def _all_content_words(name: str, test: Callable[[str], bool]) -> bool:
    content = [_ELIDED.sub("", w) for w in _WORD.findall(name)]
    content = [w for w in content if w and w.lower() not in _FUNCTION_WORDS]
    parts = [p for w in content for p in w.split("-") if p]
    return bool(parts) and all((_TITLE_WORD.match(p) or p.islower()) and test(p) for p in parts)


def is_frequent_phrase(name: str, lex: Lexicon) -> bool:
    """Every content word is a very frequent common word: not a name even with a cue before it."""
    return _all_content_words(name, lex.is_frequent_word)


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
    r"concurrente?s?|rival(?:e|es|aux)?|partenaires?|clients?|actionnaires?|investisseurs?|sous-traitants?|"
    r"g[ée]ants?|leaders?|pionni(?:er|ère)s?|champions?|poids lourds?|exploitants?|producteurs?|[ée]lectriciens?|"
    r"gestionnaires?|promoteurs?|hyperscalers?|mineurs?|courtiers?|g[ée]rants?|agences?|organismes?|"
    r"r[ée]gulateurs?|m[ée]dias?|journal|quotidien|magazine"
)
# Nationality nouns that stand for a company ("l'américain Positron", "le norvégien Statkraft").
_NATIONALITY = (
    r"(?:am[ée]ricain|fran[çc]ais|britannique|allemand|chinois|japonais|(?:sud-)?cor[ée]en|ta[ïi]wanais|"
    r"n[ée]erlandais|su[ée]dois|norv[ée]gien|finlandais|danois|islandais|isra[ée]lien|indien|canadien|italien|"
    r"espagnol|suisse|belge|irlandais|europ[ée]en|[ée]mirati|saoudien|singapourien|australien|autrichien|"
    r"polonais|slovaque|tch[èe]que|portugais|luxembourgeois|estonien|californien|texan)(?:ne|e)?s?"
)
# Participles that place or describe an organisation in apposition ("X, basée à Marseille").
_SEATED = (
    r"bas[ée]e?s?|install[ée]e?s?|implant[ée]e?s?|fond[ée]e?s?|cr[ée][ée]e?s?|cot[ée]e?s?|si[ée]g[ée]ant|"
    r"sp[ée]cialis[ée]e?s?|rachet[ée]e?s?|d[ée]tenue?s?"
)
_DET = r"(?:[Ll]a|[Ll]e|[Ll]es|[Ll][’']|[Uu]ne?|[Dd]u|[Dd]es|[Dd]e la|[Dd][’']|[Ss]a|[Ss]on|[Ss]es|[Ll]eur)"
_NAME_WORD = r"(?:[A-ZÀ-Ý0-9][\w&+.’'-]*[\w+]|[A-ZÀ-Ý]|[a-z]{1,3}[A-Z][\w-]*)"
_NAME = rf"{_NAME_WORD}(?:[ \u00a0]{_NAME_WORD}){{0,3}}"
_NOT_ADJECTIVE = r"(?:de|du|des|en|au|aux|dans|sur|par|pour|avec|vers|chez|sous|entre|qui|que|dont|et|ou)\b"
_ADJECTIVES = rf"(?:[ \u00a0](?!{_NOT_ADJECTIVE})[a-zà-ÿ][a-zà-ÿ-]+){{0,2}}"
_CUE_BEFORE = re.compile(
    rf"\b{_DET}[ \u00a0]?(?:(?:{_CUE_NOUNS}){_ADJECTIVES}|{_NATIONALITY})[ \u00a0](?P<name>{_NAME})"
)
# Who funds, buys or owns: "auprès de Partech", "racheté par Partners Group", "mené par Stonepeak".
_BY_CUE = re.compile(
    r"\b(?:aupr[èe]s|rachet[ée]e?s?|acquise?s?|d[ée]tenue?s?|contr[ôo]l[ée]e?s?|financ[ée]e?s?|soutenue?s?|"
    r"men[ée]e?s?|cod[ée]tenue?s?|filiales?)[ \u00a0](?:par|de|du|d[’'])[ \u00a0]?(?:la[ \u00a0]|l[’'])?"
    rf"(?P<name>{_NAME})"
)
# An institution named by its head noun and a proper name: "l'université Grenoble Alpes", "Région Grand Est".
_INSTITUTION = re.compile(
    r"(?<![\w’'])(?P<name>(?:[Uu]niversit[ée]|[ÉéEe]cole|[Ii]nstitut|[Rr][ée]gion|[Pp]r[ée]fecture|[Mm]inist[èe]re|"
    r"[Cc]onseil r[ée]gional|[Cc]onseil d[ée]partemental|[Mm]airie|[Vv]ille)"
    r"(?:[ \u00a0](?:national|nationale|f[ée]d[ée]rale?|sup[ée]rieure?|technique|polytechnique))?"
    rf"[ \u00a0](?:(?:de la|de|du|des)[ \u00a0]|d[’']|l[’'])?{_NAME})"
)
# Roles whose "de X" names an organisation: "directeur de Voltiq", "la PDG d'Hexavolt".
_ROLE_CUE = re.compile(
    r"\b(?:directeur|directrice|PDG|CEO|patron|patronne|fondateur|fondatrice|cofondateur|cofondatrice|"
    r"co-fondateur|co-fondatrice|président|présidente|dirigeant|dirigeante|porte-parole|associé|associée|"
    r"analyste|ingénieur|ingénieure|chercheur|chercheuse)(?:[ \u00a0][a-zà-ÿ-]+)?"
    rf"[ \u00a0](?:de[ \u00a0]|d[’']|chez[ \u00a0])(?P<name>{_NAME})"
)
# Capitalised words that open a sentence, not a name: "Pour Orvane, la jeune pousse..."
_ELIDED_WORD = re.compile(r"[LlDd][’'][a-zà-ÿ]+$")  # "L’américain Positron": an article and a lower-case word
_LEADING_WORDS = frozenset({
    "pour", "selon", "chez", "avec", "dans", "sur", "par", "après", "avant", "comme", "et", "mais", "le", "la",
    "les", "des", "un", "une", "en", "au", "aux", "de", "du", "face", "grâce", "quant", "outre", "contre",
    "entre", "vers", "depuis", "malgré", "sans", "ainsi", "alors", "puis", "enfin",
})
_CUE_AFTER = re.compile(
    rf"(?<![\w’'])(?P<name>{_NAME})(?:,[ \u00a0]+|[ \u00a0]+(?:est|était|reste|devient)[ \u00a0]+)"
    rf"(?:une?|la|le|l[’'])[ \u00a0]?(?:autre[ \u00a0]+)?(?:{_CUE_NOUNS})\b"
    rf"|(?<![\w’'])(?P<raiser>{_NAME})[ \u00a0]+(?:a|vient de|avait)[ \u00a0]+(?:lev[ée]|boucl[ée])\b"
    rf"|(?<![\w’'])(?P<based>{_NAME}),[ \u00a0]+(?:{_SEATED})[ \u00a0]+(?:à|en|au|aux|dans|sur)\b"
)


def cue_candidates(text: str) -> list[tuple[int, int]]:
    """Names announced by a cue noun or a fund-raising verb, whatever the NER labelled them."""
    found = [m.span("name") for m in _CUE_BEFORE.finditer(text)]
    found += [m.span("name") for m in _ROLE_CUE.finditer(text)]
    found += [m.span("name") for m in _BY_CUE.finditer(text)]
    found += [m.span("name") for m in _INSTITUTION.finditer(text)]
    for match in _CUE_AFTER.finditer(text):
        group = next(g for g in ("name", "raiser", "based") if match.group(g))
        found.append(_skip_leading_words(text, *match.span(group)))
    return [(start, end) for start, end in found if start < end]


def _skip_leading_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop sentence-opening function words from a name ("Pour Orvane" -> "Orvane")."""
    while start < end:
        space = text.find(" ", start, end)
        if space < 0 or not (text[start:space].lower() in _LEADING_WORDS or _ELIDED_WORD.match(text, start, space)):
            break
        start = space + 1
    if text[start:end].lower() in _LEADING_WORDS:
        return start, start
    return start, end


# --- shape and list evidence for names the NER did not label ORG ----------------------------------

# Last words that make a capitalised phrase a company name ("Iliad Datacenter", "Fluxion Compute").
ORG_SUFFIX_WORDS = frozenset({
    "ai", "labs", "lab", "cloud", "compute", "computing", "systems", "systemes", "technologies", "technology",
    "tech", "energy", "energie", "energies", "capital", "partners", "ventures", "group", "groupe", "holding",
    "holdings", "data", "datacenter", "datacenters", "datacentres", "networks", "semiconductor", "semiconductors",
    "robotics", "bank", "invest", "investment", "investments", "mining", "digital", "research", "power",
    "industries", "electric", "telecom", "media", "foundry", "foundries", "software", "solutions", "quantum",
    "centers", "centres", "infrastructure", "infrastructures", "microsystems", "silicon", "photonics", "analytics",
})
_MIXED_CASE = re.compile(r"[a-zà-ÿ][A-Z]|^[A-Z]{2,}[a-zà-ÿ]{2,}|^[a-z]{1,3}-?[A-Z]")
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
# Nouns that introduce a product, a technology or a site, not a company ("la puce XiangShan").
_PRODUCT_BEFORE = re.compile(
    r"\b(?:puces?|processeurs?|GPU|CPU|modèles?|offres?|architectures?|technologies?|techniques?|procédés?|"
    r"plateformes?|logiciels?|services?|produits?|supercalculateurs?|systèmes?|formats?|normes?|standards?|"
    r"langages?|frameworks?|bibliothèques?|applications?|outils?|gammes?|familles?|séries?|générations?|"
    r"programmes?|lois?|règlements?|cartes?|serveurs?|machines?|assistants?|agents?|chatbots?|fonctionnalités?|"
    r"versions?|abonnements?|campus|sites?|clusters?|accélérateurs?|mémoires?|interconnexions?)"
    r"(?:[ \u00a0](?!(?:de|du|des|d|chez|pour|avec|et|ou)\b)[a-zà-ÿ-]+)?[ \u00a0]+(?:\*\*)?$"
)


def has_org_shape(name: str) -> bool:
    """Mixed case inside a word ("OpenAI", "OVHcloud", "xAI") or an organisation's last word ("Fluxion Compute")."""
    words = name.split()
    if any(_MIXED_CASE.search(w) and not _PLURAL_ACRONYM.match(w) and not any(c.isdigit() for c in w) for w in words):
        return True
    return len(words) >= 2 and fold(words[-1]) in ORG_SUFFIX_WORDS and words[0][:1].isupper()


def after_product_noun(text: str, start: int) -> bool:
    """The name follows a product or site noun ("le processeur XiangShan", "le campus Fairwater")."""
    return bool(_PRODUCT_BEFORE.search(text, max(0, start - 40), start))


_ITEM = rf"(?:\*\*)?(?:[dDlL][’']|de[ \u00a0])?{_NAME}(?:\*\*)?"
_SEP = r"(?:,[ \u00a0]+(?:et[ \u00a0]+|ou[ \u00a0]+)?|[ \u00a0]+(?:et|ou)[ \u00a0]+)"
_LIST = re.compile(rf"(?<![\w’']){_ITEM}(?:{_SEP}{_ITEM})+")
_SEP_RE = re.compile(_SEP)
_PLACE_BEFORE = re.compile(r"\b(?:en|à|au|aux|dans|vers|depuis|via|sur)[ \u00a0]+$")
_ITEM_LEAD = re.compile(r"(?:\*\*)?(?:[dDlL][’']|de[ \u00a0])?")


def name_lists(text: str) -> list[list[tuple[int, int]]]:
    """Coordinated names ("OVHcloud, Scaleway ou Iliad", "Microsoft, Oracle, Meta"): two with et/ou, or three."""
    lists = []
    for match in _LIST.finditer(text):
        body, offset = match.group(0), match.start()
        if _PLACE_BEFORE.search(text, max(0, offset - 12), offset):
            continue
        cuts = list(_SEP_RE.finditer(body))
        has_conjunction = any(c.group(0).strip(", \u00a0") for c in cuts)
        if not has_conjunction and len(cuts) < 2:
            continue
        bounds = [0, *(x for c in cuts for x in c.span()), len(body)]
        items = []
        for lo, hi in zip(bounds[::2], bounds[1::2], strict=True):
            item = body[lo:hi]
            lead = _ITEM_LEAD.match(item)
            start = offset + lo + (lead.end() if lead else 0)
            end = offset + hi - (2 if item.endswith("**") else 0)
            items.append(_skip_leading_words(text, start, end))
        lists.append([(s, e) for s, e in items if s < e])
    return lists
