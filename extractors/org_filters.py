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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np
from spacy.strings import hash_string
from spacy.vocab import Vocab

from extractors.org_names import first_name_keys, fold, stop_keys
from extractors.rules import load_json

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


# Pure functions of a name (and the model's lexicon), asked again for every mention of the same name.
@lru_cache(maxsize=1 << 14)
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


@lru_cache(maxsize=1 << 14)
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
    return _line(text, line_start, len(text) if line_end < 0 else line_end)


@lru_cache(maxsize=4096)
def _line(text: str, start: int, end: int) -> Line:
    """One `Line` object per line of a text: the caches on lines below then find it by identity, without
    hashing and comparing a copy of its text again (~200 candidate names ask about their line per article)."""
    return Line(start, end, text[start:end])


# Every candidate name asks about its line, so the same lines come again and again: the answers are kept.
@lru_cache(maxsize=4096)
def is_heading(line: Line) -> bool:
    """Title, table-of-contents entry or short unpunctuated line (not a bullet item)."""
    stripped = line.text.strip()
    if stripped.startswith("#") or _TOC_LINE.search(stripped):
        return True
    if _BULLET.match(stripped) or _SENTENCE_END.search(stripped):
        return False
    return 0 < len(stripped.split()) <= _HEADING_MAX_WORDS


@lru_cache(maxsize=4096)
def is_tag_list(line: Line) -> bool:
    """A long run of words with (almost) no punctuation: a page's tag cloud, not prose."""
    words = len(line.text.split())
    return words >= _TAGLIST_MIN_WORDS and len(_PUNCT.findall(line.text)) * _TAGLIST_MIN_WORDS < words


def is_glossary_term(line: Line, start: int) -> bool:
    """Inside the bold headword that opens a glossary line ("**Bare Metal** : ...")."""
    if not line.text.lstrip().startswith("**"):
        return False
    body = _MARKUP.sub("", line.text)
    offset = line.start + len(line.text) - len(body)
    close = body.find("**")
    return close > 0 and start < offset + close and body[close + 2 :].lstrip()[:1] in (":", "")


# Nouns that announce an organisation's name: "la start-up lyonnaise Hexavolt", "le fonds Partech".
_CUE_NOUNS = (
    r"start-?ups?|jeunes? pousses?|soci[ée]t[ée]s?|entreprises?|groupes?|firmes?|fabricants?|fondeurs?|fonds|"
    r"op[ée]rateurs?|h[ée]bergeurs?|fournisseurs?|[ée]diteurs?|constructeurs?|laboratoires?|labos?|cabinets?|"
    r"banques?|n[ée]o-?clouds?|licornes?|scale-?ups?|int[ée]grateurs?|[ée]quipementiers?|assureurs?|"
    r"industriels?|[ée]nerg[ée]ticiens?|distributeurs?|sp[ée]cialistes?(?: fran[çc]ais| am[ée]ricain)?|"
    r"fili[aà]les?|coentreprises?|joint-ventures?|consortiums?|"
    r"initiatives? (?:conjointes?|communes?)|d[ée]veloppeurs?|concepteurs?|"
    r"concurrente?s?|rival(?:e|es|aux)?|partenaires?|clients?|actionnaires?|investisseurs?|sous-traitants?|"
    r"g[ée]ants?|leaders?|pionni(?:er|ère)s?|champions?|poids lourds?|exploitants?|producteurs?|[ée]lectriciens?|"
    r"gestionnaires?|promoteurs?|hyperscalers?|mineurs?|courtiers?|g[ée]rants?|agences?|organismes?|"
    r"r[ée]gulateurs?|m[ée]dias?|journal|quotidien|magazine|associations?|fondations?|coop[ée]ratives?|ONG|"
    r"mutuelles?|collectifs?|bureaux? d[’']études|r[ée]gies?|groupements?|r[ée]seaux?|propri[ée]taires?|"
    r"installateurs?|bailleurs?|brokers?"
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
# (the lookahead holds the first letters of every determiner: most positions fail on one test, no match changes)
_DET = (
    r"(?=[LlUuDdSsAa])"
    r"(?:[Ll]a|[Ll]e|[Ll]es|[Ll][’']|[Uu]ne?|[Dd]u|[Dd]es|[Dd]e la|[Dd][’']|[Ss]a|[Ss]on|[Ss]es|[Ll]eur|[Aa]ux?)"
)
_NAME_WORD = r"(?:[A-ZÀ-Ý0-9][\w&+.’'-]*[\w+]|[A-Z]\.(?=[ \u00a0][A-ZÀ-Ý])|[A-ZÀ-Ý]|[a-z]{1,3}[A-Z][\w-]*)"
_NAME = rf"{_NAME_WORD}(?:[ \u00a0]{_NAME_WORD}){{0,3}}"
# What the first characters of any _NAME_WORD are (a capital or digit after at most 3 lower-case letters): put
# before a pattern whose every branch opens with a name, it rejects most positions at once, changing no match.
_NAME_AHEAD = r"(?=[a-z]{0,3}[A-ZÀ-Ý0-9])"
_NOT_ADJECTIVE = r"(?:de|du|des|en|au|aux|dans|sur|par|pour|avec|vers|chez|sous|entre|qui|que|dont|et|ou)\b"
_ADJECTIVES = rf"(?:[ \u00a0](?!{_NOT_ADJECTIVE})[a-zà-ÿ][a-zà-ÿ-]+){{0,2}}"
# What the cue noun is about: "l'opérateur suisse de centres de données Helvion", "le fabricant de mémoire (SK Hynix".
_COMPLEMENTS = rf"(?:[ \u00a0](?:de|des|du|d[’'])[ \u00a0]?[a-zà-ÿ][a-zà-ÿ-]+{_ADJECTIVES}){{0,2}}"
_OPEN = r"(?:\(|\*\*)?"  # a parenthesis or Markdown bold before the name: "le consortium français **AION**"
# Examples after the cue noun: "des installateurs locaux comme Thermique Atlantique", "tels que le LS2N".
_SUCH_AS = r"(?:[ \u00a0](?:comme|tel(?:le)?s? que|notamment|dont|à savoir)(?:[ \u00a0](?:le|la|les)|[ \u00a0]l[’'])?)?"
_CUE_BEFORE = re.compile(
    rf"\b{_DET}[ \u00a0]?(?:(?P<noun>{_CUE_NOUNS}){_ADJECTIVES}{_COMPLEMENTS}|{_NATIONALITY}){_SUCH_AS}"
    rf"(?:[ \u00a0]|(?P<comma>,)[ \u00a0](?=[^,\n]{{2,60}},)){_OPEN}(?P<name>{_NAME})"
)
# Who funds, buys or owns: "auprès de Partech", "racheté par Partners Group", "mené par Stonepeak".
_BY_VERBS = (
    r"\b(?:aupr[èe]s|rachats?|acquisitions?|reprises?|rachet[ée]e?s?|acquise?s?|d[ée]tenue?s?|contr[ôo]l[ée]e?s?|financ[ée]e?s?|soutenue?s?|"
    r"men[ée]e?s?|cod[ée]tenue?s?|filiales?|soutien|(?:[Gg][ée]r|[Pp]ort|[Tt]alonn|[Dd]evanc|[Ii]ncarn|[Dd][ée]velopp|[Ff]abriqu|"
    r"[Ee]xploit|[Oo]p[ée]r|[Cc]ommercialis|[Ll]anc|[Pp]ubli|[Rr][ée]alis|[Cc]ommand|[Pp]lomb|[Tt]ir|[Ff]rein|"
    r"[Pp][ée]nalis|[Dd]op|[Ee]ntra[îi]n|[Cc]onseill|[Aa]ccompagn|[ÉéEe]paul|[Aa]ssist)ée?s?|con[çc]ue?s?|fournie?s?|"
    # a funding round and whose it is: "la série C de Kelvin Systems"
    r"(?:s[ée]ries?|[Ss]eries|tour|round)[ \u00a0][A-H]\d?)"
)
_BY_CUE = re.compile(
    rf"{_BY_VERBS}"
    rf"[ \u00a0](?:par|de|du|d[’'])[ \u00a0]?(?:la[ \u00a0]|l[’'])?{_OPEN}(?P<name>{_NAME})"
)
# "Chez **Koyeb**, la facturation...", "chez Orange": a name after "chez" is a company (people are filtered later).
_CHEZ_CUE = re.compile(rf"\b[Cc]hez[ \u00a0]+{_OPEN}(?P<name>{_NAME})")
# A partner named after "avec" ("a signé avec SSE un contrat", "le contrat signé par X avec Synopsys"): a weaker
# cue, so the caller also refuses names the NER calls a place or a person.
_PARTNER_CUE = re.compile(
    r"\b(?:sign[ée]e?s?|conclue?s?|nou[ée]e?s?|contrats?|accords?|partenariats?|alliances?)"
    rf"(?:[ \u00a0][^\s.,;:!?()]+){{0,4}}[ \u00a0]avec[ \u00a0]{_OPEN}(?P<name>{_NAME})"
)
_PARTNER_WORDS = ("sign", "conclu", "noué", "noue", "contrat", "accord", "partenariat", "alliance")  # `_line_matches`
# "Source : KAIST TERA Lab" under a chart or a table.
_SOURCE_CUE = re.compile(rf"(?m)^[ \t*_]*[Ss]ources?[ \u00a0]?:[ \u00a0]+(?P<name>{_NAME})")
# An institution named by its head noun and a proper name: "l'université Grenoble Alpes", "Région Grand Est".
_OF = r"(?:(?:de la|de|du|des)[ \u00a0]|de l[’']|d[’']|l[’'])"
_AS_PLACE = re.compile(r"\b[Ee]n[ \u00a0]$")  # "en mairie de Saint-Avold", "en région Grand Est": a place
_CAPITALISED_BEFORE = re.compile(r"[A-ZÀ-Ý][\w-]*[ \u00a0]$")
_INSTITUTION_NOUNS = (
    r"(?:[Uu]niversit[ée]|[ÉéEe]cole|[Ii]nstitut|[Rr][ée]gion|[Pp]r[ée]fecture|[Mm]inist[èe]re|CCI|"
    r"[Cc]our d[’']appel|[Cc]our de cassation|[Cc]our administrative d[’']appel|[Tt]ribunal (?:de commerce|judiciaire|"
    r"administratif|des activités économiques)|"
    r"[Cc]onseil r[ée]gional|[Cc]onseil d[ée]partemental|[Mm]airie|[Vv]ille|SPL|SEM|SEML|SAEM|GIP|"
    r"[Cc]hambre d[’']agriculture|[Cc]hambre de commerce(?: et d[’']industrie)?|[Cc]hambre des m[ée]tiers|"
    r"[Cc]ommunaut[ée] (?:urbaine|d[’']agglom[ée]ration|de communes)|[Mm][ée]tropole|Agence|Autorit[ée]|"
    r"Commission|Banque|Caisse|Direction|Office|Observatoire|Comit[ée]|Chambre|F[ée]d[ée]ration|Syndicat|Union|"
    # capitalised only: in lower case these nouns describe the organisation named after them ("la coopérative X")
    r"Mutuelle|Coop[ée]rative|R[ée]gie|Groupement)"
)
# A complement never starts a second institution: "de la Caisse X, de la Mutuelle Y et de la Chambre Z" is a list.
_NOT_HEAD = rf"(?!{_INSTITUTION_NOUNS}\b)"
# A lower-case word after the head noun that is no verb ("Syndicat mixte", "Coopérative fromagère", "Régie
# électrique"): only before a complement, so "la Caisse finance Orange" names nothing.
_HEAD_ADJECTIVE = (
    rf"(?:[ \u00a0](?!{_NOT_ADJECTIVE}|(?:a|est|sont|va|doit|peut|fait|était|sera|ont)\b)"
    r"[a-zà-ÿ][a-zà-ÿ-]+(?<!ent)(?=[ \u00a0](?:de|du|des|d[’'])))?"
)
# Lower-case complements before the proper name: "des énergies de la vallée de l'Arve".
_LOWER_COMPLEMENTS = (
    rf"(?:[ \u00a0]{_OF}[a-zà-ÿ][a-zà-ÿ-]+(?:[ \u00a0](?!{_NOT_ADJECTIVE})[a-zà-ÿ][a-zà-ÿ-]+)?"
    rf"(?=[ \u00a0](?:de|du|des|d[’']))){{0,3}}"
)
_INSTITUTION = re.compile(
    rf"(?<!\w)(?P<name>(?:{_INSTITUTION_NOUNS}"
    r"(?:[ \u00a0](?:national|nationale|f[ée]d[ée]rale?|sup[ée]rieure?|technique|polytechnique|europ[ée]enne?|"
    r"internationale?|mondiale?|centrale?|interminist[ée]rielle?|r[ée]gionale?|publique|cantonale?))?"
    rf"{_HEAD_ADJECTIVE}{_LOWER_COMPLEMENTS}"
    # a chain of complements only after a first one: "de l'Économie, du Commerce et de l'Industrie"
    rf"[ \u00a0](?:{_OF}{_NOT_HEAD}{_NAME}(?:,?[ \u00a0](?:et[ \u00a0])?{_OF}{_NOT_HEAD}{_NAME})*"
    rf"|{_NAME}(?:[ \u00a0]{_OF}{_NAME})?)"
    r"|(?:Union|Commission|Banque|Agence) (?:europ[ée]enne|mondiale|africaine|asiatique)))"
)
# Roles whose "de X" names an organisation: "directeur de Voltiq", "la PDG d'Hexavolt".
_ROLE_CUE = re.compile(
    # (the lookahead holds the first letter of every role: most word starts fail on one test, no match changes)
    r"\b(?=[dPCDpfcvairse])"
    r"(?:directeur|directrice|PDG|CEO|CTO|CFO|COO|DG|DSI|patron|patronne|fondateur|fondatrice|cofondateur|"
    r"cofondatrice|co-fondateur|co-fondatrice|président|présidente|vice-président|vice-présidente|dirigeant|"
    r"dirigeante|porte-parole|associé|associée|analyste|ingénieur|ingénieure|chercheur|chercheuse|responsable|"
    r"cadre|salarié|salariée|employé|employée|rédacteur en chef|rédactrice en chef)(?:[ \u00a0][a-zà-ÿ-]+)?"
    rf"[ \u00a0](?:de[ \u00a0]|d[’']|chez[ \u00a0])(?P<name>{_NAME})"
)
# Capitalised words that open a sentence, not a name: "Pour Orvane, la jeune pousse..."
_ELIDED_WORD = re.compile(r"[LlDd][’'][a-zà-ÿ]+$")  # "L’américain Positron": an article and a lower-case word
_LEADING_WORDS = frozenset({
    "pour", "selon", "chez", "avec", "dans", "sur", "par", "après", "avant", "comme", "et", "mais", "le", "la",
    "les", "des", "un", "une", "en", "au", "aux", "de", "du", "face", "grâce", "quant", "outre", "contre",
    "entre", "vers", "depuis", "malgré", "sans", "ainsi", "alors", "puis", "enfin",
})
# Between a name and its verb: bold end, a note in parentheses ("Brumea (Bordeaux)"), a relative clause
# ("Tessaline (Montpellier), qui conçoit des serveurs, boucle une série A").
_CLOSE = r"(?:\*\*)?(?:[ \u00a0]\([^()\n]{1,40}\))?(?:,[ \u00a0]qui[ \u00a0][^,.;:!?\n]{1,80},)?"
_CUE_AFTER = re.compile(
    rf"{_NAME_AHEAD}(?:"
    rf"(?:(?<![\w’'])|(?<=\b[dDlL][’']))(?P<name>{_NAME})(?:\*\*)?"  # "d'Opérateurs Associés, un groupement"
    r"(?:,[ \u00a0]+|[ \u00a0]:[ \u00a0]+|[ \u00a0]+(?:est|était|reste|devient)[ \u00a0]+)"
    # "Groq, l'un de ses rivaux"; no article in "Valmy Infra, filiale du fonds Meridiam"
    r"(?:une?|la|le|l[’']|l[’']une?[ \u00a0]+(?:de[ \u00a0]+(?:ses|leurs|nos|vos)|des)|"
    r"(?=fili|sp[ée]cialiste|leader|propri[ée]taire|actionnaire|op[ée]rateur|exploitant|gestionnaire))"
    r"[ \u00a0]?(?:autre[ \u00a0]+)?"
    rf"(?P<after_noun>{_CUE_NOUNS}|challengers?|outsiders?)\b"
    rf"(?!{_ADJECTIVES}[ \u00a0](?:\*\*)?[A-ZÀ-Ý])"  # not "X, la société rennaise Armorix": the cue is Armorix's
    rf"|(?<![\w’'])(?P<raiser>{_NAME}){_CLOSE}(?:,[ \u00a0]qui)?[ \u00a0]+"
    r"(?:(?:a|vient de|avait)[ \u00a0]+(?:lev[ée]|boucl[ée]|"
    r"finalis[ée]|obtenu|d[ée]croch[ée])|l[èe]ve|boucle|finalise|obtient|d[ée]croche)\b"
    rf"|(?<![\w’'])(?P<based>{_NAME}),[ \u00a0]+(?:{_SEATED})[ \u00a0]+(?:à|en|au|aux|dans|sur)\b)"
)
# Who spends: "Kioxia engage 729 milliards de yens" (a figure follows within two words). Weak: places spend too.
_SPENDER_CUE = re.compile(
    rf"(?<![\w’'])(?P<name>{_NAME}){_CLOSE}[ \u00a0]+(?:a[ \u00a0]+)?(?:investit|investi|engage|engagé|injecte|injecté|"
    r"d[ée]bourse|d[ée]boursé|d[ée]pense|d[ée]pensé|mobilise|mobilisé)(?:[ \u00a0][^\s\d]+){0,2}[ \u00a0][\d$€£]"
)
# Every match holds one of these and none crosses a line break (see `_line_matches`).
_SPENDER_WORDS = ("investi", "engag", "inject", "bours", "pens", "mobilis")


# Cue nouns that only ever name an organisation (not "l'investisseur", "le partenaire", "le client", which may
# name a person): a name after one of them is an organisation even when the NER calls it a person
# ("l'hébergeur italien Nuvola Verde") or it opens with a first name ("le cabinet Arthur D. Little").
_ORG_ONLY_NOUN = re.compile(
    r"(?:start-?ups?|jeunes? pousses?|soci[ée]t[ée]s?|entreprises?|groupes?|firmes?|fabricants?|fondeurs?|fonds|"
    r"op[ée]rateurs?|h[ée]bergeurs?|[ée]diteurs?|constructeurs?|laboratoires?|labos?|cabinets?|banques?|"
    r"n[ée]o-?clouds?|licornes?|scale-?ups?|[ée]quipementiers?|assureurs?|[ée]nerg[ée]ticiens?|fili[aà]les?|"
    r"coentreprises?|joint-ventures?|consortiums?|agences?|organismes?|m[ée]dias?|journal|quotidien|magazine|"
    r"associations?|fondations?|coop[ée]ratives?|ONG|mutuelles?|bureaux? d[’']études|r[ée]gies?|groupements?)"
)


def org_only_cue_names(text: str) -> list[tuple[int, int]]:
    """Names right after a cue noun that names organisations only (see _ORG_ONLY_NOUN)."""
    found = [m.span("name") for m in _cue_before(text)
             if m.group("noun") and not m.group("comma") and _ORG_ONLY_NOUN.fullmatch(m.group("noun"))]
    # "Opérateurs Associés, un groupement d'hébergeurs"
    found += [_skip_leading_words(text, *m.span("name")) for m in _cue_after(text)
              if m.group("after_noun") and _ORG_ONLY_NOUN.fullmatch(m.group("after_noun"))]
    return found


# A lower-case brand opening a line or a bullet and raising money: "• nexolith (Montpellier) boucle 7 M€".
_LOWER_RAISER = re.compile(
    rf"(?m)^[ \t]*(?:[-–—•·*▪►✓][ \u00a0]+)?(?P<name>[a-z][a-z0-9]+){_CLOSE}[ \u00a0]+(?:(?:a|vient de)[ \u00a0]+"
    r"(?:lev[ée]|boucl[ée]|finalis[ée]|obtenu|d[ée]croch[ée])|l[èe]ve|boucle|finalise|obtient|d[ée]croche)\b"
)


def lower_raiser_candidates(text: str) -> list[tuple[int, int]]:
    return [m.span("name") for m in _LOWER_RAISER.finditer(text)]


# A broker's note or rating change: "une note favorable de Kepler Cheuvreux", "une dégradation d'Oddo BHF".
_ANALYST_CUE = re.compile(
    r"\b(?:notes?|d[ée]gradations?|rel[èe]vements?|rehaussements?|abaissements?|recommandations?)"
    rf"(?:[ \u00a0][a-zà-ÿ]+)?[ \u00a0](?:de|du|d[’'])[ \u00a0]?{_OPEN}(?P<name>{_NAME})"
)
_ANALYST_WORDS = ("note", "gradation", "relèvement", "relevement", "rehaussement", "abaissement", "recommandation")
# A medium after a reporting verb: "a appris L'Embarqué", "selon les informations du Parisien". The name keeps
# its article (a medium's name often starts with one).
_MEDIA_CUE = re.compile(
    r"\b(?:(?:a|ont|avait|avaient)[ \u00a0](?:appris|r[ée]v[ée]l[ée]|rapport[ée])|rapporte|rapportait|r[ée]v[èe]le|"
    r"r[ée]v[ée]lait|selon les informations (?:de|du|d[’'])|selon nos confr[èe]res (?:de|du|d[’']))"
    rf"[ \u00a0]?(?P<name>(?:L[’']|(?:Le|La|Les)[ \u00a0])?{_NAME})(?=[ \u00a0]*[.,;:!?)]|$)"
    # "Dans Le Télégramme, reportage à Lannion": a capitalised article after "dans" opens a title
    rf"|\b[Dd]ans[ \u00a0](?P<title>(?:L[’']|(?:Le|La|Les)[ \u00a0]){_NAME})(?=[ \u00a0]*[,:])"
)


def media_candidates(text: str) -> list[tuple[int, int]]:
    return [m.span("name" if m.group("name") else "title") for m in _MEDIA_CUE.finditer(text)]


# The buyer of "le rachat de Peltis par Groupe Legendre".
_DEAL_BY_CUE = re.compile(
    rf"\b(?:rachats?|acquisitions?|reprises?)[ \u00a0](?:de|du|d[’'])[ \u00a0]?{_NAME}[ \u00a0]par[ \u00a0]"
    rf"(?:la[ \u00a0]|l[’'])?{_OPEN}(?P<name>{_NAME})"
)
_DEAL_BY_WORDS = ("rachat", "acquisition", "reprise")
_ROLE_WORDS = (
    r"(?:CTO|CEO|PDG|DG|CFO|COO|DSI|fondat(?:eur|rice)|cofondat(?:eur|rice)|directeur|directrice|responsable|"
    r"pr[ée]sident|pr[ée]sidente|associ[ée]e?|g[ée]rante?|ing[ée]nieure?|chercheu(?:r|se)|analyste)"
)
_SPEAKER_LINE = re.compile(
    rf"(?m)^[^\n,]{{3,40}},[ \u00a0]+{_ROLE_WORDS}(?:[ \u00a0][^\n,]{{0,40}})?,[ \u00a0]+(?P<name>{_NAME})[ \u00a0]*$"
)
_LEGAL_FORMS = r"(?:SAS|SASU|SARL|SA|SNC|SCOP|SCIC|GmbH|AG|Inc\.|Ltd|LLC|PLC|S\.p\.A\.|B\.V\.|N\.V\.)"
_LEGAL_FORM = re.compile(rf"[ \u00a0]{_LEGAL_FORMS}(?![\w’'-])")
_WORDS_BEFORE_FORM = re.compile(rf"(?<![\w’'])(?:{_NAME_WORD}[ \u00a0]){{0,3}}{_NAME_WORD}$")


def _legal_form_names(text: str) -> list[tuple[int, int]]:
    """"Estavel Services SARL": the legal form is found first, then the capitalised words before it (a
    pattern starting with the name would be tried at every position of the text)."""
    found = []
    for form in _LEGAL_FORM.finditer(text):
        words = _WORDS_BEFORE_FORM.search(text, max(0, form.start() - 80), form.start())
        if words is not None:
            found.append((words.start(), form.end()))
    return found


# The cue patterns are run by cue_candidates and org_only_cue_names on the same text: once per text.
@lru_cache(maxsize=2)
def _cue_before(text: str) -> list[re.Match[str]]:
    return list(_CUE_BEFORE.finditer(text))


@lru_cache(maxsize=2)
def _cue_after(text: str) -> list[re.Match[str]]:
    return list(_CUE_AFTER.finditer(text))


def cue_candidates(text: str) -> list[tuple[int, int]]:
    """Names announced by a cue noun or a fund-raising verb, whatever the NER labelled them."""
    found = [m.span("name") for m in _cue_before(text)]
    found += [m.span("name") for m in _ROLE_CUE.finditer(text)]
    found += [m.span("name") for m in _BY_CUE.finditer(text)]
    found += [m.span("name") for m in _line_matches(_ANALYST_CUE, text, _ANALYST_WORDS)]
    found += [m.span("name") for m in _line_matches(_DEAL_BY_CUE, text, _DEAL_BY_WORDS)]
    found += [m.span("name") for m in _SPEAKER_LINE.finditer(text)]
    found += [_skip_leading_words(text, *span) for span in _legal_form_names(text)]
    # an institution noun inside a capitalised name starts no name ("CCI Moselle Métropole Metz")
    found += [_named_part(m) for m in _INSTITUTION.finditer(text)
              if not _inside_name(text, m.start()) and not _AS_PLACE.search(text, max(0, m.start() - 4), m.start())]
    found += [m.span("name") for m in _SOURCE_CUE.finditer(text)]
    found += [m.span("name") for m in _CHEZ_CUE.finditer(text)]
    for match in _cue_after(text):
        group = next(g for g in ("name", "raiser", "based") if match.group(g))
        found.append(_skip_leading_words(text, *match.span(group)))
    return [(start, end) for start, end in found if start < end]


_LEAD_CUE_NOUN = re.compile(rf"^(?:{_CUE_NOUNS})[ \u00a0]+(?=[A-ZÀ-Ý])")


def lead_cue_noun(name: str) -> int:
    """Length of a lower-case cue noun opening an entity ("banque Barclays" -> len("banque ")), else 0."""
    match = _LEAD_CUE_NOUN.match(name)
    return match.end() if match else 0


def _inside_name(text: str, start: int) -> bool:
    """A capitalised word that is not a sentence-opening article or preposition comes just before."""
    before = _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and before.group(0).strip().lower() not in _LEADING_WORDS | _FUNCTION_WORDS


_DESCRIBED = re.compile(
    rf"[a-zà-ÿ][\w’' -]*?[ \u00a0](?P<name>{_NAME_WORD}(?:[ \u00a0]{_NAME_WORD})*[ \u00a0]"
    r"(?:Communaut[ée]|M[ée]tropole|Agglom[ée]ration|Agglo))$"
)


def _named_part(match: re.Match[str]) -> tuple[int, int]:
    """A lower-case institution noun before a name that is complete on its own ("la communauté d'agglomération
    Lannion-Trégor Communauté"): the name alone."""
    described = _DESCRIBED.fullmatch(match.group("name"))
    return (match.start("name") + described.start("name"), match.end("name")) if described else match.span("name")


def weak_cue_candidates(text: str) -> list[tuple[int, int]]:
    """Names after a partner or spending cue: kept only when the NER calls them an organisation or a MISC name."""
    found = [m.span("name") for m in _line_matches(_PARTNER_CUE, text, _PARTNER_WORDS)]
    found += [_skip_leading_words(text, *m.span("name")) for m in _line_matches(_SPENDER_CUE, text, _SPENDER_WORDS)]
    return [(start, end) for start, end in found if start < end]


def _line_matches(pattern: re.Pattern[str], text: str, words: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, for a pattern whose every match holds one of `words` and never holds or looks
    ahead at a line break (no `$`): only the lines holding a word are searched. A pattern without a literal
    start is tried at every position of the text; `str.find` finds the few lines worth it far faster."""
    starts = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            starts.add(text.rfind("\n", 0, at) + 1)
            at = text.find(word, at + 1)
    for start in sorted(starts):
        end = text.find("\n", start)
        yield from pattern.finditer(text, start, len(text) if end < 0 else end)


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
    "semicon", "agglomeration", "metropole", "habitat", "infrastruktur", "rechenzentren", "ia",
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


@lru_cache(maxsize=1 << 14)
def has_org_shape(name: str) -> bool:
    """Mixed case inside a word ("OpenAI", "OVHcloud", "xAI") or an organisation's last word ("Fluxion Compute")."""
    words = name.split()
    if any(has_mixed_case(w) for w in words):
        return True
    if len(words) >= 2 and words[0] in ("Groupe", "Group") and words[1][:1].isupper():
        return True
    return len(words) >= 2 and fold(words[-1]) in ORG_SUFFIX_WORDS and words[0][:1].isupper()


def has_mixed_case(word: str) -> bool:
    """A capital inside a word, no digit: "OpenAI", "xAI", "DeepSeek" (not "GPUs", not "HBM3E")."""
    return bool(_MIXED_CASE.search(word)) and not _PLURAL_ACRONYM.match(word) and not any(c.isdigit() for c in word)


def after_product_noun(text: str, start: int) -> bool:
    """The name follows a product or site noun ("le processeur XiangShan", "le campus Fairwater")."""
    return bool(_PRODUCT_BEFORE.search(text, max(0, start - 40), start))


# An item may carry a note in parentheses: "Outscale (Dassault Systèmes), Cloud Temple et S3NS".
_ITEM = rf"(?:\*\*)?(?:[dDlL][’']|de[ \u00a0])?{_NAME}(?:\*\*)?(?:[ \u00a0]\([^()\n]{{1,40}}\))?"
_SEP = r"(?:,[ \u00a0]+(?:et[ \u00a0]+|ou[ \u00a0]+)?|[ \u00a0]+(?:et|ou)[ \u00a0]+)"
_LOWER_ITEM = rf"[a-z][a-z0-9]{{3,}}(?={_SEP})"  # a lower-case brand, only before another item
_LIST = re.compile(rf"(?<![\w’']){_ITEM}(?:{_SEP}(?:{_ITEM}|{_LOWER_ITEM}))+")
_SEP_RE = re.compile(_SEP)
_NOTE = re.compile(r"[ \u00a0]\([^()\n]{1,40}\)$")
_PLACE_BEFORE = re.compile(r"\b(?:en|à|au|aux|dans|vers|depuis|via|sur)[ \u00a0]+$")
_ITEM_LEAD = re.compile(r"(?:\*\*)?(?:[dDlL][’']|de[ \u00a0])?")


# What announces a list of organisations by their role: "les investisseurs historiques de la société, A et B",
# "aux côtés de ses partenaires A, B et C", "accompagnées par A, B ou un incubateur".
_LIST_CUE = re.compile(
    rf"(?:\b{_DET}[ \u00a0]?(?:{_CUE_NOUNS}){_ADJECTIVES}{_COMPLEMENTS}{_SUCH_AS}|{_BY_VERBS}"
    r"[ \u00a0](?:par|de|du|d[’']))[ \u00a0]*[,:]?[ \u00a0]*$"
)


def cued_lists(text: str) -> list[list[tuple[int, int]]]:
    """Coordinated names right after a role noun or a funding verb: every one of them is named as an organisation."""
    return [items for items in name_lists(text)
            if items and _LIST_CUE.search(text, max(0, items[0][0] - 120), _list_start(text, items[0][0]))]


_ITEM_PREFIX = re.compile(r"(?:[dDlL][’']|de[ \u00a0])$")


def _list_start(text: str, first: int) -> int:
    """Where the list's first item starts, its elision included ("d'Occitanie Invest")."""
    prefix = _ITEM_PREFIX.search(text, max(0, first - 3), first)
    return prefix.start() if prefix else first


def name_lists(text: str) -> list[list[tuple[int, int]]]:
    """Coordinated names ("OVHcloud, Scaleway ou Iliad", "Microsoft, Oracle, Meta"): two with et/ou, or three."""
    return [list(items) for items in _name_lists(text)]


@lru_cache(maxsize=2)  # read twice per text: for cued lists and for names listed with known organisations
def _name_lists(text: str) -> tuple[tuple[tuple[int, int], ...], ...]:
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
            note = _NOTE.search(item)
            if note is not None:  # a note in parentheses is not part of the name
                hi = lo + note.start()
                item = body[lo:hi]
            lead = _ITEM_LEAD.match(item)
            start = offset + lo + (lead.end() if lead else 0)
            end = offset + hi - (2 if item.endswith("**") else 0)
            items.append(_skip_leading_words(text, start, end))
        lists.append(tuple((s, e) for s, e in items if s < e))
    return tuple(lists)


# A bullet line headed by a name: "- Fluxgrid (Munich) : 60 M€", "• Hydrelis, start-up grenobloise", "- Nexans — ...".
_BULLET_HEAD = re.compile(
    rf"^[ \t]*[-–—•·*▪►✓][ \u00a0]+(?:\*\*)?(?P<name>{_NAME}(?:[ \u00a0]{_OF}{_NAME})?)(?:\*\*)?"
    r"(?=[ \u00a0]*(?:\([^()\n]{1,40}\))?[ \u00a0]*(?:[:,;]|[ \u00a0][-–—][ \u00a0]|$))"
)


def bullet_head_lists(text: str) -> list[list[tuple[int, int]]]:
    """The names heading the lines of each run of consecutive bullet lines: a list like "A, B et C", so the
    caller treats them as `name_lists` (organisations when one of them is one, no product among them)."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if _BULLET.match(line):
            head = _BULLET_HEAD.match(line)
            if head is not None:
                current.append(_skip_leading_words(text, offset + head.start("name"), offset + head.end("name")))
        else:
            if len(current) >= 2:
                runs.append(current)
            current = []
        offset += len(line) + 1
    if len(current) >= 2:
        runs.append(current)
    return [[(s, e) for s, e in run if s < e] for run in runs]


# --- page structure: furniture lines, tables, acronym definitions, stock indices and tickers --------------

_CUES = load_json("org_cues.json")
_BOILERPLATE_START_SET = frozenset(fold(p) for p in _CUES["boilerplate_line_starts"])
_BOILERPLATE_PREFIX = 10 + max(len(p) for p in _CUES["boilerplate_line_starts"])
_TABLE_HEADERS = frozenset(fold(h) for h in _CUES["table_org_headers"])
_INDEX_WORDS = "|".join(re.escape(w).replace("'", "[’']") for w in _CUES["index_words"])
_INDEX_BEFORE = re.compile(rf"(?i:\b(?:{_INDEX_WORDS}))[ \u00a0]+(?:de[ \u00a0]+|du[ \u00a0]+)?(?:\*\*)?$")
_INDEX_AFTER = re.compile(
    rf"(?:\*\*)?(?:,[ \u00a0]*|[ \u00a0]+\()(?:l[’']|un[ \u00a0]+|son[ \u00a0]+)?(?i:{_INDEX_WORDS})\b"
)
# A bare figure after a name makes it an index or a product ("CAC 40", "SBF 120", "S&P 500"), not a year.
_FIGURE_AFTER = re.compile(
    r"[ \u00a0](?!(?:19|20)\d\d\b)\d{2,4}(?![\d,.]?\d)(?![ \u00a0]?(?:%|€|\$|M|Md|milliards?|millions?))"
)
# A name that ends with a bare figure is an index or a product ("Euro Stoxx 50", "Nikkei 225"), not a year.
_FIGURE_LAST = re.compile(r"[ \u00a0](?!(?:19|20)\d\d$)\d{2,4}$")
# A word after a capitalised name and a bare figure continues an index's name ("Stoxx Europe 600 Technology").
_INDEX_FIGURE_BEFORE = re.compile(r"[A-ZÀ-Ý][\w&.-]*[ \u00a0](?!(?:19|20)\d\d\b)\d{2,4}[ \u00a0]$")
_INDEX_LAST_WORDS = frozenset(fold(w) for w in _CUES["index_last_words"])
_TICKER = re.compile(r"[A-Z0-9]{1,6}\.[A-Z]{1,2}|[A-Z]{2,8}:[ \u00a0]?[A-Z0-9.]{1,8}")
_TICKER_BEFORE = re.compile(r"(?i:\b(?:symbole|ticker|code|mn[ée]monique))[ \u00a0]+$")


def is_boilerplate(line: Line) -> bool:
    """A related-link line, tag list, share bar or breadcrumb ("Lire aussi : ...", "Étiquettes : ...")."""
    return _starts_boilerplate(line.text[:_BOILERPLATE_PREFIX])  # a long paragraph: only its start counts


@lru_cache(maxsize=4096)  # the same lines are asked about for every candidate name on them
def _starts_boilerplate(head: str) -> bool:
    """The folded head is a boilerplate line start or starts with one and a space: looked up at each of
    its word ends rather than compared with every start."""
    key = fold(head)
    at = 0
    while at != -1:
        at = key.find(" ", at + 1)
        if (key if at == -1 else key[:at]) in _BOILERPLATE_START_SET:
            return True
    return False


_EVENT_NOUNS = "|".join(re.escape(w) for w in _CUES["event_nouns"])
_EVENT_BEFORE = re.compile(
    rf"(?i:\b(?:{_EVENT_NOUNS})(?:[ \u00a0](?!de\b|du\b|des\b)[a-zà-ÿ-]+)?|"
    + "|".join(re.escape(w) for w in _CUES["event_cues_before"]) + r")[ \u00a0]+(?:\*\*)?$"
)
_EVENT_LAST_WORDS = frozenset(fold(w) for w in _CUES["event_last_words"])
_JOB_TITLES = frozenset(fold(w) for w in _CUES["job_titles"])
_ROUND = re.compile(r"(?:series|serie|round|tour(?: de serie)?) [a-h]\d?")
_NOT_ORG_HEADS = tuple(fold(w) for w in (*_CUES["event_nouns"], *_CUES["publication_heads"]))


def is_non_org_class(text: str, start: int, end: int) -> bool:
    """A job title ("CTO"), a trade fair, summit or conference ("au salon Energaïa", "Data Centre World",
    "exposer à VivaTech") or an official publication ("Journal officiel de l'Union européenne"): GUIDELINES.md
    classes that are no organisations."""
    key = fold(text[start:end])
    if not key:
        return False
    if key in _JOB_TITLES or len(key) == 1 or _ROUND.fullmatch(key):  # "série A", "Series B": a funding round
        return True
    if key.rsplit(" ", 1)[-1] in _EVENT_LAST_WORDS or any(key == h or key.startswith(h + " ") for h in _NOT_ORG_HEADS):
        return True
    return bool(_EVENT_BEFORE.search(text, max(0, start - 40), start))


def is_index_or_ticker(text: str, start: int, end: int) -> bool:
    """A stock index ("SBF 120", "le SOX, l'indice des semi-conducteurs", "Euro Stoxx 50", "Philadelphia
    Semiconductor Index", "Technology" of "Stoxx Europe 600 Technology") or a ticker ("NVDA.O", "1347.HK")."""
    name = text[start:end]
    if _TICKER.fullmatch(name) or _TICKER_BEFORE.search(text, max(0, start - 20), start):
        return True
    if _FIGURE_AFTER.match(text, end) or _INDEX_AFTER.match(text, end):
        return True
    if _FIGURE_LAST.search(name) or fold(name).rsplit(" ", 1)[-1] in _INDEX_LAST_WORDS:
        return True
    if _INDEX_FIGURE_BEFORE.search(text, max(0, start - 40), start):
        return True
    return bool(_INDEX_BEFORE.search(text, max(0, start - 30), start))


_CELL_SPLIT = re.compile(r"[ \u00a0]*(?:[,;/&+]|\bet\b|\band\b)[ \u00a0]*")
_SEPARATOR_ROW = re.compile(r"^[\s|:+-]*$")


def _cells(line: str, offset: int) -> list[tuple[int, int]]:
    """Cell spans of a Markdown ("| a | b |") or tab-separated row, without the edge pipes."""
    delimiter = "|" if line.count("|") >= 2 else "\t"
    bounds = [-1, *(i for i, c in enumerate(line) if c == delimiter), len(line)]
    cells = [(lo + 1, hi) for lo, hi in pairwise(bounds)]
    if delimiter == "|" and line.lstrip().startswith("|"):
        cells = cells[1:]
    if delimiter == "|" and line.rstrip().endswith("|"):
        cells = cells[:-1]
    return [(offset + lo, offset + hi) for lo, hi in cells]


def _is_row(line: str) -> bool:
    return line.count("|") >= 2 or line.count("\t") >= 1


def table_names(text: str) -> list[tuple[int, int]]:
    """Names in the organisation columns of tables: a column headed "Start-up", "Investisseurs", "Fonds"...

    Every cell of such a column holds one or more names ("Elaia, Bpifrance"); the caller still filters them.
    """
    found: list[tuple[int, int]] = []
    columns: list[int] | None = None
    offset, in_list = 0, False
    for line in text.split("\n"):
        if not _is_row(line):
            columns = None
        elif columns is None:
            headers = [fold(text[lo:hi]) for lo, hi in _cells(line, offset)]
            columns = [i for i, header in enumerate(headers) if header in _TABLE_HEADERS]
        elif not _SEPARATOR_ROW.match(line):
            cells = _cells(line, offset)
            for i in columns:
                if i < len(cells):
                    found.extend(_cell_items(text, *cells[i]))
        key_value = _KEY_VALUE.match(line)
        if key_value is not None and _is_org_key(key_value.group("key")):
            found.extend(_cell_items(text, offset + key_value.start("value"), offset + key_value.end("value")))
        bullet = _BULLET_ITEM.match(line)
        if bullet is not None and in_list:
            # the item's name, not its description: "- Arvelia : hébergement", "- OVHcloud — réseau"
            cut = _ITEM_DESCRIPTION.search(bullet.group("item"))
            item_end = bullet.start("item") + cut.start() if cut else bullet.end("item")
            found.extend(_cell_items(text, offset + bullet.start("item"), offset + item_end))
        elif line.strip():
            # a bullet list announced by an organisation header: "Merci à nos investisseurs :" then "• Techstars"
            # (the header pattern ends the line: a line not ending with a colon is never searched)
            header = _LIST_HEADER.search(line) if line.rstrip(" \u00a0").endswith(":") else None
            in_list = header is not None and _is_org_key(header.group("key"), first_word=True)
        offset += len(line) + 1
    return found


def _is_org_key(key: str, *, first_word: bool = False) -> bool:
    """A fact-sheet key ("Investisseurs", "Lot 1 – Attributaire") or, with `first_word`, the title of a bullet
    list ("Partenaires industriels :") that announces organisations."""
    words = fold(key).split()
    last_part = fold(_KEY_PART.split(key)[-1])  # "Lot 1 – Attributaire" -> "attributaire"
    keys = (" ".join(words), last_part, *((words[0], words[-1]) if first_word and words else ()))
    return any(k in _TABLE_HEADERS for k in keys)


_KEY_PART = re.compile(r"[ \u00a0][-–—][ \u00a0]")


# A fact sheet's "Key : value" line ("Actionnaires : Andera Partners, Crédit Mutuel Equity").
_KEY_VALUE = re.compile(r"^[\s*_-]*(?P<key>[^:|\t\n]{2,40}?)[\s*_]*:[ \u00a0]+(?P<value>[^\n]+?)[ \u00a0.;]*$")
_LOWER_LEAD = re.compile(r"^([a-zà-ÿ][\w’'-]*)(?:[ \u00a0][a-zà-ÿ][\w’'-]*)*[ \u00a0](?=[A-ZÀ-Ý])")
_BULLET_ITEM = re.compile(r"^[ \t]*[-–—•·*▪►✓][ \u00a0]+(?P<item>[^\n]+?)[ \u00a0.;,]*$")
_ITEM_DESCRIPTION = re.compile(r"[ \u00a0]+:[ \u00a0]|[ \u00a0][-–—][ \u00a0]")
_LIST_HEADER = re.compile(r"(?P<key>[\w’'-]+(?:[ \u00a0][\w’'-]+)?)[ \u00a0]*:[ \u00a0]*$")
_CELL_NOTE = re.compile(r"[ \u00a0]\([^()\n]*\)")
_POSTCODE = re.compile(r"\d{4,5}[ \u00a0]")  # "14000 Caen" in an address
_ITEM_DETERMINER = re.compile(r"^(?:(?:la|le|les|un|une)[ \u00a0]+|l[’'])")


def _cell_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    note = _CELL_NOTE.search(text, start, end)  # "Teréga (transport de gaz et hydrogène)": the note is no name
    end = note.start() if note else end
    items, lo = [], start
    for cut in [*_CELL_SPLIT.finditer(text, start, end), None]:
        hi = cut.start() if cut else end
        item = text[lo:hi]
        stripped = item.strip(" \u00a0*_")
        stripped = stripped[len(det.group(0)) :] if (det := _ITEM_DETERMINER.match(stripped)) else stripped
        lead = _LOWER_LEAD.match(stripped)  # "via son fonds Occitanie Innovation", not "région Pays de la Loire"
        if lead and fold(lead.group(1)) not in INSTITUTION_HEADS:
            stripped = stripped[lead.end() :]
        if stripped and not _POSTCODE.match(stripped):
            first = lo + item.index(stripped)
            items.append((first, first + len(stripped)))
        lo = cut.end() if cut else end
    return items


# Nouns that head an institution's name and may be written in lower case ("la banque cantonale de Zurich (ZKB)").
INSTITUTION_HEADS = frozenset({
    "agence", "autorite", "banque", "caisse", "centre", "chambre", "comite", "commissariat", "commission", "communaute",
    "compagnie", "conseil", "cour", "delegation", "departement", "direction", "ecole", "etablissement", "federation",
    "fonds", "grand", "groupement", "haut", "haute", "institut", "laboratoire", "metropole", "ministere", "mission",
    "observatoire", "office", "port", "region", "regie", "secretariat", "service", "societe", "syndicat", "union",
    "universite", "agglomeration",
})
_ACRONYM = re.compile(r"[ \u00a0]\((?P<acro>[A-ZÀ-Ý][A-Za-zÀ-ÿ0-9&-]{1,9}(?:[ \u00a0][A-Z][A-Za-z0-9-]{0,4})?)\)")
_CLAUSE_END = re.compile(r".*[.;:!?«»\"—–(]")
_WORD_SPAN = re.compile(r"[^\s\u00a0]+")
_MAX_DEFINITION_WORDS = 12


def acronym_definitions(text: str) -> list[tuple[int, int, int, int]]:
    """"Name (ACRONYM)": (name start, name end, acronym start, acronym end).

    The name is the nearest run of words before the parenthesis whose initials spell the acronym ("Communauté
    urbaine de Dunkerque (CUD)", "Direction interministérielle du numérique (Dinum)"), else the run from the
    nearest institution noun ("banque cantonale de Zurich (ZKB)", a foreign acronym).
    """
    found = []
    for match, words in _acronym_contexts(text):
        start = _definition_start(match.group("acro"), [w.group(0) for w in words])
        if start is not None:
            name_start = words[start].start() + len(_ELISION_START.match(words[start].group(0)).group(0))
            found.append((name_start, match.start(), match.start("acro"), match.end("acro")))
    return found


_ACRONYM_FIRST = re.compile(r"\((?P<acro>[A-Z][A-Za-z0-9&]{1,9}),[ \u00a0]+(?P<name>[A-ZÀ-Ý][^()\n,]{3,80})\)")


def acronym_first_definitions(text: str) -> list[tuple[int, int, int, int]]:
    """"(ACRONYM, Name)", the acronym spelled by the name: (name start, name end, acronym start, acronym end)."""
    found = []
    for match in _ACRONYM_FIRST.finditer(text):
        words = [p for w in match.group("name").split() for p in fold(_ELISION_START.sub("", w, count=1)).split()]
        if _spells(fold(match.group("acro")), [w for w in words if w not in _FUNCTION_WORDS]):
            found.append((*match.span("name"), *match.span("acro")))
    return found


@lru_cache(maxsize=2)  # asked twice per text (before and after the coordinated names are added)
def thing_acronyms(text: str) -> frozenset[str]:
    """Acronyms defined by lower-case common words, not by a name ("la stratégie régionale de développement
    économique (SRDEII)"): the acronym of a thing, not of an organisation."""
    found = set()
    for match, words in _acronym_contexts(text):
        acro, written = match.group("acro"), [w.group(0) for w in words]
        if _definition_start(acro, written) is None and _definition_start(acro, written, lower=True) is not None:
            found.add(acro)
    return frozenset(found)


def _acronym_contexts(text: str) -> Iterator[tuple[re.Match[str], list[re.Match[str]]]]:
    """Each "(ACRONYM)" with the words of its clause before it."""
    for match in _ACRONYM.finditer(text):
        acro = match.group("acro")
        if (sum(c.isupper() for c in acro) < 2 and len(acro) < 4) or fold(acro) in stop_keys():
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        clause = _CLAUSE_END.match(text, line_start, match.start())
        lo = clause.end() if clause else line_start
        yield match, list(_WORD_SPAN.finditer(text, lo, match.start()))[-_MAX_DEFINITION_WORDS:]


_ELISION_START = re.compile(r"(?:[lLdD][’'])?")


def _definition_start(acro: str, words: list[str], *, lower: bool = False) -> int | None:
    """Index of the word that starts the acronym's name; with `lower`, of a lower-case run that spells it."""
    heads = []
    for i in range(len(words) - 1, -1, -1):
        word = _ELISION_START.sub("", words[i], count=1)
        key = fold(word)
        if not word or key in _FUNCTION_WORDS:
            continue
        if not word[0].isupper() and key not in INSTITUTION_HEADS and not lower:
            continue
        content = [p for w in words[i:] for p in fold(_ELISION_START.sub("", w, count=1)).split()]
        if _spells(fold(acro).replace(" ", ""), [w for w in content if w not in _FUNCTION_WORDS]):
            return i
        if key in INSTITUTION_HEADS:
            heads.append(i)
    # the run from an institution noun, if it reads as a name, not a clause ("banque cantonale de Zurich"), before
    # what is written as an acronym: "(ZKB)", not a place in brackets ("le fonds X compte bâtir à La Hague (Manche)")
    capitals = sum(c.isupper() for c in acro)
    return heads[0] if heads and not lower and capitals >= 2 and _few_lower_words(words[heads[0] + 1 :]) else None


_MAX_LOWER_IN_NAME = 4


def _few_lower_words(words: list[str]) -> bool:
    lower = [w for w in words if w[:1].islower() and fold(_ELISION_START.sub("", w, count=1)) not in _FUNCTION_WORDS]
    return len(lower) <= _MAX_LOWER_IN_NAME


def _spells(acro: str, words: list[str]) -> bool:
    """The acronym is made of prefixes of the words in order (some words may be skipped, never the first)."""
    if not acro:
        return True
    if not words:
        return False
    first, rest = words[0], words[1:]
    return any(first[:k] == acro[:k] and _spells_any(acro[k:], rest) for k in range(min(len(first), len(acro)), 0, -1))


def _spells_any(acro: str, words: list[str]) -> bool:
    return not acro or any(_spells(acro, words[i:]) for i in range(len(words)))


# Lower-case brand names, only right after a cue noun: "du groupe bouygues", "l'opérateur free".
_BRAND = r"[ \u00a0](?P<name>[a-z][a-z0-9]+(?:-[a-z0-9]+)?)(?![\w’'-])"
_LOWER_BRANDS = (  # right after the cue noun, or after one adjective ("la start-up nantaise zyrvelo")
    re.compile(rf"\b{_DET}[ \u00a0]?(?:{_CUE_NOUNS}){_BRAND}"),
    re.compile(rf"\b{_DET}[ \u00a0]?(?:{_CUE_NOUNS})[ \u00a0](?!{_NOT_ADJECTIVE})[a-zà-ÿ][a-zà-ÿ-]+{_BRAND}"),
)


def lower_brand_candidates(text: str) -> list[tuple[int, int]]:
    """Overlapping matches: in "une filiale du groupe bouygues" the word after "filiale" is "du", then "groupe"
    is the cue. The caller keeps only known aliases and words the vocabulary does not know."""
    found = set()
    for pattern in _LOWER_BRANDS:
        pos = 0
        while (match := pattern.search(text, pos)) is not None:
            found.add(match.span("name"))
            pos = match.start("name")
    return sorted(found)
