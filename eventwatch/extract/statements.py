"""Verbal interactions (PLOVER types with CAMEO codes) from the parse: "X accused Y of ...", "X denied ...",
"X called on Y to ...", "X warned Y that ...", "X and Y signed ...", "X issued a warning to Y".

Triggers come from ``data/statement_triggers.tsv``; the words that shape how they are read (verbs that deliver a
noun trigger, nouns that carry a speaker's words, threat actions, false-claim predicates) from
``data/statement_cues.tsv``. Besides trigger words, four habits of news speech make statements:
"X said Y must ..." (REQUEST to Y), a future act of violence or a conditional ultimatum in someone's words
("we will destroy ...", "will withdraw unless ...": THREATEN), a claim called false ("the reports are baseless":
REJECT) and naming the author of an act ("the hallmarks of al-Qaeda", "said the rebels had staged the attack":
ACCUSE).

The source is the grammatical subject of the trigger (or the agent of a passive, or the speaker of the quote it
sits in; a pronoun takes the subject it refers back to in the sentence, else the speaker); it must name someone
who can speak or act. The target is the party it is aimed at, never a date or a thing. A trigger that is negated,
refused or merely described ("a widely criticised mission", "Saudi-backed forces") makes no statement, except that
refusing to agree, meet or support is a REJECT; background ("previously blamed") is not news.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterator

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..nlp import doc_text, doc_words, span_text
from ..records import Span
from .claims import REPORTING_VERBS

__all__ = ["StatementMention", "find_statements"]

_ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
_NOT_TARGET_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
_PERSONAL = {"he", "she", "they", "it", "we", "i", "us", "him", "her", "them", "me"}
_RELATIVE = {"who", "which", "that", "whom"}
_SUBJECTS = ("nsubj", "nsubjpass")
_CLIMB = ("xcomp", "conj", "advcl", "ccomp", "pcomp", "prep", "relcl", "acl")
_TARGET_PREPS = ("to", "on", "upon", "against", "with", "at")
_FUTURE = {"will", "would", "shall", "'ll"}
_QUOTES = ('"', "“", "”", "``", "''")
# Refusing an agreement, a meeting or support is a rejection; other refused or negated triggers say nothing.
_TURNS_REJECT = {"AGREE", "SUPPORT", "CONSULT", "COOPERATE"}
# Acts of force promised in someone's words are threats, not yet the act.
_MATERIAL = {"SANCTION", "COERCE", "RETREAT", "MOBILIZE"}
_SPEECH_EXTRA = {"vow", "threaten", "warn", "pledge", "promise", "insist", "reiterate", "conclude", "stress",
                 "decide", "concede", "admit", "assert", "argue", "suggest", "believe", "think"}


@dataclass(frozen=True)
class StatementMention:
    type: str
    cameo: str | None
    trigger: Token
    source: tuple[str, Span] | None
    target: tuple[str, Span] | None
    evidence_span: Span


@dataclass(frozen=True)
class _Entry:
    words: tuple[str, ...]
    pos: str
    plover: str
    cameo: str | None
    needs: str | None


def _data_lines(name: str) -> Iterator[list[str]]:
    with resources.files("eventwatch.data").joinpath(name).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


@lru_cache(maxsize=1)
def _lexicon() -> dict[tuple[str, str], tuple[_Entry, ...]]:
    """(trigger lemma, verb|noun) -> entries, longest phrase first."""
    table: dict[tuple[str, str], list[_Entry]] = {}
    for fields in _data_lines("statement_triggers.tsv"):
        phrase, pos, plover, cameo, needs = (fields + ["", "", "", ""])[:5]
        words = tuple(phrase.split())
        head = words[0] if pos == "verb" else words[-1]
        table.setdefault((head, pos), []).append(_Entry(words, pos, plover, cameo or None, needs or None))
    return {key: tuple(sorted(entries, key=lambda e: -len(e.words))) for key, entries in table.items()}


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for fields in _data_lines("statement_cues.tsv"):
        if len(fields) >= 2:
            kinds.setdefault(fields[0], set()).add(fields[1])
    return {kind: frozenset(words) for kind, words in kinds.items()}


@lru_cache(maxsize=1)
def _agent_nouns() -> frozenset[str]:
    """Nouns of the generic agent lexicon ("troops", "officials") plus the speaker cues: heads that name a party."""
    nouns = {fields[0].lower() for fields in _data_lines("agents.tsv") if len(fields) > 1 and fields[1] == "noun"}
    return frozenset(nouns | _cues().get("speaker", frozenset()) | _cues().get("carrier", frozenset()))


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    """Lemmas that head a trigger entry, as verb or noun."""
    return frozenset(lemma for lemma, _pos in _lexicon())


@lru_cache(maxsize=1)
def _word_cues() -> frozenset[str]:
    """Lemmas with which a noun, adjective or preposition can make a statement by phrasing (see _pattern_statement)."""
    return _cue("false") | _cue("blame") | _cue("culprit") | {"true"}


@lru_cache(maxsize=1)
def _verb_cues() -> frozenset[str]:
    """Words with which a verb without an auxiliary can make a statement by phrasing (see _pattern_statement)."""
    return _cue("perpetrate") | {"carry"}


def _cue(kind: str) -> frozenset[str]:
    return _cues().get(kind, frozenset())


def _lemma(token: Token) -> str:
    return token.lemma_.lower() or token.lower_


def _np(token: Token) -> tuple[str, Span]:
    left = token.left_edge
    right = token
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "punct", "cc", "conj", "advcl", "appos"):
            break
        right = child.right_edge
    text = doc_text(token.doc)
    start, end = left.idx, right.idx + len(right.text)
    for det in ("the ", "The ", "a ", "an ", "An ", "A "):
        if text.startswith(det, start) and end - start > len(det) + 2:
            start += len(det)
            break
    while end > start and text[end - 1] in " ,;:\"'“”":
        end -= 1
    return text[start:end], Span(start, end)


def _actor_like(token: Token) -> bool:
    """Does the phrase headed by ``token`` name a party that can speak or act (not a thing, a date, an act)?"""
    if token.ent_type_ in _NOT_TARGET_ENTS:
        return False
    if token.ent_type_ in _ACTOR_ENTS or token.pos_ == "PROPN":
        return True
    if _lemma(token) in _agent_nouns() or token.lower_ in _agent_nouns():
        return True
    return any(c.dep_ in ("compound", "amod", "poss", "nmod") and (c.ent_type_ in _ACTOR_ENTS or c.pos_ == "PROPN")
               for c in token.children)


def _passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def _agent(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _antecedent(pronoun: Token) -> Token | None:
    """The head noun a relative pronoun stands for ("Sharon, who has vowed" -> Sharon)."""
    node = pronoun.head
    for _ in range(4):
        if node.dep_ == "relcl":
            return node.head
        if node.head is node:
            break
        node = node.head
    return None


def _speaker_subject(token: Token) -> Token | None:
    """The nearest non-pronoun subject among the ancestors of ``token`` ("China said it would ...")."""
    for ancestor in token.ancestors:
        for child in ancestor.children:
            if child.dep_ in _SUBJECTS and child.lower_ not in _PERSONAL | _RELATIVE and _actor_like(child):
                return child
    return None


Speaker = Callable[[SpacySpan], "tuple[str, Span] | None"]


def _resolve(subject: Token, sentence: SpacySpan, speaker: Speaker) -> tuple[str, Span] | None:
    lower = subject.lower_
    if lower in _RELATIVE:
        antecedent = _antecedent(subject)
        return _resolve(antecedent, sentence, speaker) if antecedent is not None and antecedent.lower_ not in _RELATIVE else None
    if lower in ("we", "i", "us", "me"):
        return speaker(sentence)
    if lower in _PERSONAL:
        nearer = _speaker_subject(subject.head)
        if nearer is not None:
            return _np(nearer)
        return speaker(sentence) or _np(subject)
    if _lemma(subject) in _cue("carrier"):
        for child in subject.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj" and _actor_like(grandchild):
                        return _np(grandchild)
        return _np(subject)
    if not _actor_like(subject):
        return None
    return _np(subject)


def _misparsed_main_verb(token: Token) -> bool:
    """"The UN envoy called on ..." parsed as a noun phrase with a reduced relative: the finite verb hanging from
    a root noun is the sentence's main verb, and the noun its subject."""
    return token.dep_ == "acl" and token.head.dep_ == "ROOT" and token.tag_ in ("VBD", "VBZ", "VBP")


def _subject_token(token: Token) -> tuple[Token | None, bool]:
    """The subject (or passive agent) of ``token`` or of the clause it hangs from, and whether it was inherited."""
    if _misparsed_main_verb(token):
        return token.head, False
    current = token
    for _ in range(5):
        if _passive(current):
            agent = _agent(current)
            if agent is not None:
                return agent, current is not token
        else:
            subjects = [c for c in current.children if c.dep_ in _SUBJECTS]
            if subjects:
                return subjects[0], current is not token
        if current.dep_ in _CLIMB and current.head is not current:
            current = current.head
            continue
        break
    return None, False


def _source(token: Token, sentence: SpacySpan, speaker: Speaker) -> tuple[str, Span] | None | bool:
    """The source phrase; None when only the speaker can be meant and none is known; False when the subject
    found does not name a party (an act, a thing), so no statement should be made."""
    subject, inherited = _subject_token(token)
    if subject is None:
        return speaker(sentence)
    resolved = _resolve(subject, sentence, speaker)
    if resolved is None and subject.lower_ not in _PERSONAL:
        return (speaker(sentence) or False) if inherited else False
    return resolved


def _reporter(token: Token, sentence: SpacySpan, speaker: Speaker) -> tuple[str, Span] | None:
    """Who says the words ``token`` sits in: the subject of the nearest verb of saying above it, else the speaker."""
    for ancestor in token.ancestors:
        if _lemma(ancestor) in REPORTING_VERBS or _lemma(ancestor) in _SPEECH_EXTRA:
            source = _source(ancestor, sentence, speaker)
            if source:
                return source
    return speaker(sentence)


def _party(token: Token) -> tuple[str, Span] | None:
    """``token`` as a target: itself when it names a party, else a party that owns it ("the government's report")."""
    if token.lower_ in _PERSONAL | _RELATIVE or token.ent_type_ in _NOT_TARGET_ENTS:
        return None
    if _actor_like(token):
        return _np(token)
    for child in token.children:
        if child.dep_ == "poss" and child.lower_ not in _PERSONAL and _actor_like(child):
            return _np(child)
        if child.dep_ == "prep" and child.lower_ in ("against", "on", "by"):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and _actor_like(grandchild) and grandchild.lower_ not in _PERSONAL:
                    return _np(grandchild)
    return None


def _target(token: Token) -> tuple[str, Span] | None:
    objects = [c for c in token.children if c.dep_ in ("dobj", "dative", "iobj", "attr")]
    for child in objects:
        found = _party(child)
        if found:
            return found
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS + ("for",):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    found = _party(grandchild)
                    if found:
                        return found
    for child in token.children:  # "threatened to kill X", "vowed to strike X"
        if child.dep_ == "xcomp":
            for grandchild in child.children:
                if grandchild.dep_ in ("dobj", "dative"):
                    found = _party(grandchild)
                    if found:
                        return found
    return None


def _negation(token: Token) -> str | None:
    """"direct" when the trigger itself is negated or unrealised ("did not accept", "failed to agree"),
    "inherited" when it is the complement of a negated verb ("was not allowed to talk"), else None."""
    if any(c.dep_ == "neg" for c in token.children):
        return "direct"
    current = token
    for _ in range(3):
        if current.dep_ not in ("xcomp", "ccomp") or current.head is current:
            return None
        current = current.head
        if _lemma(current) in _cue("unrealised"):
            return "direct"
        if any(c.dep_ == "neg" for c in current.children):
            return "inherited"
    return None


def _negated(token: Token) -> bool:
    return _negation(token) is not None


def _background(token: Token) -> bool:
    """Put in the past by the trigger or a clause above it: "previously blamed", "has long supported ..., saying"."""
    for node in (token, *token.ancestors):
        for child in node.children:
            if child.dep_ == "advmod" and child.lower_ in _cue("background"):
                return True
            if child.dep_ == "prep" and child.lower_ == "in" and any(g.lower_ == "past" for g in child.children):
                return True
    return False


def _future(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in token.children)


def _in_speech(token: Token, sentence: SpacySpan) -> bool:
    """Are these someone's words: inside a quote, or under a verb of saying?"""
    for ancestor in token.ancestors:
        if _lemma(ancestor) in REPORTING_VERBS or _lemma(ancestor) in _SPEECH_EXTRA:
            return True
    text = span_text(sentence)
    return any(q in text for q in _QUOTES)


def _is_trigger(token: Token) -> bool:
    """Does ``token`` fire as a trigger ("hold" only in "hold talks", "hold ... responsible")?"""
    pos = "noun" if token.pos_ in ("NOUN", "PROPN") else "verb"
    return (_lemma(token), pos) in _lexicon() and _entry(token, pos) is not None


def _governed(token: Token) -> bool:
    """Is ``token`` what another trigger is about ("agreed that they should cooperate", "refused to meet",
    "calls for troops to withdraw", "rejected UN allegations")? Then only the governing trigger speaks."""
    current = token
    for _ in range(3):
        if current.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj") or current.head is current:
            return False
        current = current.head
        if current.pos_ in ("VERB", "NOUN", "AUX") and _is_trigger(current):
            return True
    return False


def _satisfied(entry: _Entry, token: Token) -> bool:
    others = entry.words[1:] if entry.pos == "verb" else entry.words[:-1]
    if others:
        near = {_lemma(c) for c in token.children}
        near |= {_lemma(g) for c in token.children if c.dep_ in ("prep", "dobj", "prt") for g in c.children}
        if not all(word in near for word in others):
            return False
    if entry.needs == "complement":
        return any(c.dep_ in ("xcomp", "ccomp") for c in token.children)
    if entry.needs == "object":
        return any(c.dep_ == "dobj" for c in token.children)
    if entry.needs == "actor":
        return any(c.dep_ == "dobj" and _actor_like(c) for c in token.children)
    if entry.needs == "accord":
        return any(c.dep_ == "dobj" and _lemma(c) in _cue("accord") for c in token.children)
    return True


def _entry(token: Token, pos: str) -> _Entry | None:
    for entry in _lexicon().get((_lemma(token), pos), ()):
        if _satisfied(entry, token):
            return entry
    return None


def _purpose(token: Token) -> bool:
    return any(c.dep_ in ("advcl", "xcomp") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
               for c in token.children)


def _verb_statement(token: Token, entry: _Entry, sentence: SpacySpan, speaker: Speaker):
    """(type, cameo, source, target) for a verb trigger, or None when it makes no statement."""
    if token.dep_ in ("amod", "acl", "csubj", "compound", "nmod") and not _misparsed_main_verb(token):
        return None  # described, not done: "a widely criticised mission", "Saudi-backed forces"
    if _passive(token) and _agent(token) is None:
        return None  # "he has been widely denounced": no one is said to speak
    if _governed(token):
        return None
    if _background(token):
        return None
    plover, cameo = entry.plover, entry.cameo
    negation = _negation(token)
    if negation is not None:
        if negation == "inherited" or plover not in _TURNS_REJECT:
            return None
        plover, cameo = "REJECT", "12"
    if plover == "REJECT" and any(_lemma(c) in _cue("no_comment") or
                                  any(_lemma(g) in _cue("no_comment") for g in c.children if c.dep_ == "xcomp")
                                  for c in token.children if c.dep_ in ("dobj", "xcomp")):
        return None  # "declined to comment", "refused to give details": no position is taken
    if plover == "SUPPORT" and (_purpose(token) or (token.dep_ in ("advcl", "acl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children))):
        return None  # "troops supporting the police to counter the attack" is an operation, not a statement
    target = _target(token)
    if plover == "CONSULT":
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if objects and target is None:
            return None  # "met with a header", "meet demands" are not meetings
    if plover in _MATERIAL and _purpose(token):
        return None  # "deployed tanks to battle deserters" is part of the fighting, an event
    if plover in _MATERIAL and _future(token):
        if not _in_speech(token, sentence):
            return None  # a plan the outlet reports, not yet done
        plover, cameo = "THREATEN", "13"
    source = _source(token, sentence, speaker)
    if source is False:
        return None
    if plover == "CONSULT" and source is None:
        return None
    return plover, cameo, source, target


def _light_verb(noun: Token) -> Token | None:
    """The verb that delivers a noun trigger: "issued a warning", "embarked on a round of talks"."""
    node = noun
    for _ in range(4):
        if node.dep_ not in ("dobj", "pobj", "prep", "attr") or node.head is node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node if _lemma(node) in _cue("light") else None
    return None


def _joint_partners(token: Token) -> tuple[tuple[str, Span], tuple[str, Span] | None] | None:
    """"the joint exercise of the Indian and US armies" / "of India and the US": the first party is the source,
    the second the target."""
    for child in token.children:
        if child.dep_ != "prep" or child.lower_ != "of":
            continue
        for party in (g for g in child.children if g.dep_ == "pobj" and _actor_like(g)):
            named = [c for c in party.children if c.dep_ in ("amod", "compound") and c.ent_type_ in _ACTOR_ENTS]
            if named:  # "the Indian and US armies": the parties are the modifiers
                second = [c for c in named[0].children if c.dep_ == "conj"]
                return _word(named[0]), (_word(second[0]) if second else None)
            partners = [c for c in party.children if c.dep_ == "conj"]
            return _np(party), (_np(partners[0]) if partners else None)
    return None


def _word(token: Token) -> tuple[str, Span]:
    return token.text, Span(token.idx, token.idx + len(token.text))


def _noun_statement(token: Token, entry: _Entry, sentence: SpacySpan, speaker: Speaker):
    plover, cameo = entry.plover, entry.cameo
    owner = next((c for c in token.children if c.dep_ in ("poss", "compound") or
                  (c.dep_ == "amod" and c.ent_type_ == "NORP")), None)
    owner = owner if owner is not None and owner.lower_ not in _PERSONAL and _actor_like(owner) else None
    verb = _light_verb(token)
    if verb is None and owner is None and plover != "COOPERATE":
        return None
    if verb is not None and (_negated(verb) or _background(verb) or token.dep_ == "compound"):
        return None
    if _governed(token) or (verb is not None and _governed(verb)):
        return None
    target = None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS + ("between",):
            parties = [g for g in child.children if g.dep_ == "pobj"]
            if parties:
                target = _party(parties[0])
                break
    if plover == "COOPERATE":
        partners = _joint_partners(token)
        if partners is not None:
            return plover, cameo, partners[0], partners[1] or target
        if verb is None and owner is None:
            source = _source(token.head, sentence, speaker) if token.head is not token else None
            return (plover, cameo, source if source is not False else None, target)
    if owner is not None:
        return plover, cameo, _np(owner), target
    source = _source(verb, sentence, speaker)
    if source is False:
        return None
    return plover, cameo, source, target


def _pattern_statement(token: Token, sentence: SpacySpan, speaker: Speaker):
    """Statements made by how speech is phrased rather than by a trigger word."""
    lemma = _lemma(token)
    if token.pos_ in ("VERB", "AUX"):
        aux = {_lemma(c) for c in token.children if c.dep_ == "aux"}
        head = token.head
        # "X said Y must ...": a demand addressed to Y
        if (aux & _cue("modal") and token.dep_ == "ccomp" and head is not token
                and (_lemma(head) in REPORTING_VERBS or _lemma(head) in _SPEECH_EXTRA)):
            subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
            if subjects and subjects[0].lower_ not in _PERSONAL | _RELATIVE and _actor_like(subjects[0]):
                source = _source(head, sentence, speaker)
                if source is not False:
                    return "REQUEST", "10", source, _np(subjects[0])
        if _future(token) and not _negated(token) and _in_speech(token, sentence) and not _is_trigger(head):
            conditional = any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "unless" for g in c.children)
                              for c in token.children)
            if conditional or lemma in _cue("threat"):
                source = _source(token, sentence, speaker)
                if source is not False and source is not None:
                    return "THREATEN", "13", source, _target(token)
        # "said the rebels had staged the attack": the speaker names the author
        clause = head if token.dep_ == "conj" else token  # "insisted that a gang snuck in and carried out the attack"
        if ((lemma in _cue("perpetrate") or token.lower_ in _cue("perpetrate")
             or (lemma == "carry" and any(_lemma(c) == "out" for c in token.children)))
                and clause.dep_ == "ccomp" and _lemma(clause.head) in REPORTING_VERBS):
            head = clause.head
            subjects = [c for c in token.children if c.dep_ == "nsubj"] or [c for c in clause.children if c.dep_ == "nsubj"]
            if subjects and subjects[0].lower_ not in _PERSONAL | _RELATIVE and _actor_like(subjects[0]):
                source = _source(head, sentence, speaker)
                if source is not False:
                    return "ACCUSE", "112", source, _np(subjects[0])
        return None
    if lemma in _cue("false") or (lemma == "true" and any(c.dep_ == "neg" for c in token.head.children)):
        if token.dep_ in ("acomp", "attr") and _lemma(token.head) == "be" and (lemma == "true" or not _negated(token.head)):
            source = speaker(sentence)
            if source is not None:
                subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
                return "REJECT", "016", source, _party(subjects[0]) if subjects else None
        return None
    if lemma in _cue("blame") and token.dep_ in ("attr", "dobj") and _lemma(token.head) in _cue("bear"):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for author in child.children:
                    if author.dep_ == "pobj" and _actor_like(author) and author.lower_ not in _PERSONAL:
                        source = _reporter(token, sentence, speaker) if _in_speech(token, sentence) else None
                        if source:
                            return "ACCUSE", "112", source, _np(author)
        return None
    if lemma in _cue("culprit") and token.dep_ == "prep" and _lemma(token.head) == "be" and _in_speech(token, sentence):
        subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
        if subjects and subjects[0].lower_ not in _PERSONAL | _RELATIVE and _actor_like(subjects[0]):
            source = speaker(sentence)
            if source is not None:
                return "ACCUSE", "112", source, _np(subjects[0])
    return None


def find_statements(
    sentence: SpacySpan,
    *,
    speaker: Speaker,
) -> list[StatementMention]:
    """Statements in one sentence. ``speaker`` names who is talking when the subject is "we"/"I" or missing."""
    lexicon = _lexicon()
    found: list[StatementMention] = []
    seen: set[tuple[str, str | None]] = set()
    doc = sentence.doc
    words = doc_words(doc)
    heads, cues, verb_cues = _heads(), _word_cues(), _verb_cues()
    # a verb's demand ("must") or promise ("will") is in its auxiliaries: verbs without one need a cue word
    with_aux = {words[i].head for i in range(sentence.start, sentence.end) if words[i].dep == "aux"}
    for i in range(sentence.start, sentence.end):
        word = words[i]
        lemma = word.lemma or word.lower
        if lemma not in heads and (lemma not in cues if word.pos not in ("VERB", "AUX") else
                                   i not in with_aux and lemma not in verb_cues and word.lower not in verb_cues):
            continue  # neither a trigger nor a phrasing of speech can start here
        token = doc[i]
        pos = token.pos_
        made = None
        if pos in ("VERB", "AUX") or (pos == "NOUN" and token.tag_.startswith("VB")):
            entry = _entry(token, "verb") if (_lemma(token), "verb") in lexicon else None
            made = _verb_statement(token, entry, sentence, speaker) if entry else None
        elif pos in ("NOUN", "PROPN"):
            entry = _entry(token, "noun") if (_lemma(token), "noun") in lexicon else None
            made = _noun_statement(token, entry, sentence, speaker) if entry else None
        if made is None and pos in ("VERB", "AUX", "ADJ", "NOUN", "ADP"):
            made = _pattern_statement(token, sentence, speaker)
            if made is not None and _background(token):
                made = None  # "has long supported ..., saying gangsters should ...": background, not news
        if made is None:
            continue
        plover, cameo, source, target = made
        key = (plover, source[0] if source else None)
        if key in seen:
            continue
        seen.add(key)
        found.append(StatementMention(plover, cameo, token, source, target,
                                      Span(sentence.start_char, sentence.end_char)))
    return found
