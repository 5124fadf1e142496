"""Attribution: who asserts what a sentence reports.

News attributes facts with a small set of constructions, all read here from the parse of one sentence:
"X said (that) ...", "..., X said.", "X told Reuters", "according to X", "X reported", "citing X" (the cited
source is the claimant: "Al Arabiya reported, citing Syrian authorities" -> Syrian authorities).

A claimant keeps its title or appositive for typing ("Jane Doe, a police spokeswoman" is a government source).
:func:`claimant_for` also follows the text across sentences the way a reader does: "he said" / "it said" / "the
group said" continue the last named speaker, a quotation without its own speaker belongs to the speaker named
where the quote closes, and a bare surname ("Doe said") takes the description given at its first mention.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..nlp import Gated, doc_text, doc_words, quick_reject, span_text
from ..records import Span

__all__ = ["Attribution", "claimant_for", "find_attribution", "is_background_figure", "REPORTING_VERBS"]

REPORTING_VERBS = {
    "say", "tell", "report", "claim", "state", "announce", "confirm", "add", "estimate", "put", "quote",
    "allege", "insist", "declare", "note", "explain", "show", "reveal", "indicate", "write", "tweet", "post",
    "count", "record", "document", "accuse", "blame", "warn", "deny", "describe", "contend", "maintain",
}
# The sentence-wide patterns run behind their literal gates: every sentence is asked.
_ACCORDING = Gated(quick_reject(re.compile(
    r"\baccording to\s+(?P<who>[^,.;:()\"“”]+?)(?=\s*(?:[,.;:()\"“”]|$|\bwho\b|\bwhich\b))", re.IGNORECASE)))
_CITING = Gated(quick_reject(re.compile(r"\bciting\s+(?P<who>[^,.;:()\"“”]+?)(?=\s*(?:[,.;:()\"“”]|$))", re.IGNORECASE)))
# "the initial toll provided by officials", "figures released by the health ministry"
_PROVIDED_BY = Gated(quick_reject(re.compile(
    r"\b(?:toll|figures?|count|tally|numbers?)\s+(?:\w+\s+)?(?:provided|given|released|issued|compiled|"
    r"announced|published)\s+by\s+(?P<who>[^,.;:()\"“”]+?)(?=\s*(?:[,.;:()\"“”]|$|\b(?:was|were|is|are|had|has|put)\b))",
    re.IGNORECASE)))
# "December 4, 2014 Russian officials said": a dateline run into the first sentence is not part of the speaker
_LEADING_DATE = re.compile(r"\s*(?:date\s+)?(?:\d{4}-\d\d-\d\d|(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+)?\d{4})\s+(?=\S)")
# a proper name runs over capitalised words and the small words inside names ("Front to Defend Egypt Protestors")
_NAME_LINK = frozenset({"of", "for", "to", "the", "and", "de", "al", "el", "on", "in", "&"})
_APPOSITIVE = re.compile(r"\s*,\s*(?P<role>(?:(?:a|an|the)\s+)?[a-z][^,.;:()\"“”]*)")
# "..., hitting a vehicle parked in the town, a senior official based in the capital said.": the speaker after the
# last comma of a sentence that ends on its reporting verb
_CLAUSE_TRAIL = Gated(re.compile(r",\s*(?P<who>[^,;:\"“”()]{2,70}?)\s+(?:said|says|added|told\s+[A-Z]\w*)\s*[.!]?[\s\"”’']*$"))
_QUOTE_TRAIL = Gated(re.compile(r"[\"”]\s*,?\s*(?P<who>[A-Z][^,.;\"“”]{1,60}?)\s+(?:said|says|told|added|reported)\b"))


@dataclass(frozen=True)
class Attribution:
    claimant: str
    span: Span
    described: str | None = None  # the claimant with its title or appositive, for typing it
    relayed_by: Attribution | None = None  # "X said, citing Y": X, who passed on Y's figure


def _phrase(token: Token) -> tuple[int, int]:
    """Character extent of a noun phrase headed by ``token`` (its subtree, trimmed of relative clauses)."""
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "advcl", "punct", "cc", "conj", "appos") or child.lower_ in (",", "who"):
            break
        right = child.right_edge.i
    doc = token.doc
    # "a spokesperson for the council of X, the area where ...": a nested appositive is not part of the speaker
    comma = next((t.i for t in doc[token.i + 1:right + 1] if t.text == ","), None)
    if comma is not None and comma > token.i:
        right = comma - 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners and surrounding spaces from a claimant phrase."""
    piece = text[start:end]
    punct = re.match(r"[\s,\"“”'’:;–—-]+", piece)
    if punct and punct.end() < len(piece):
        start += punct.end()
        piece = text[start:end]
    dated = _LEADING_DATE.match(piece)
    if dated and dated.end() < len(piece):
        start += dated.end()
        piece = text[start:end]
    lead = re.match(r"\s*(?:the|a|an)\s+", piece, re.IGNORECASE)
    if lead and end - start - lead.end() > 2:
        start += lead.end()
    while end > start and text[end - 1] in " ,":
        end -= 1
    return start, end


def find_attribution(sentence: SpacySpan) -> Attribution | None:
    """The claimant of a sentence, or None when the sentence states facts in the outlet's own voice.

    Several stages ask about the same sentence, so the answer is kept on the doc."""
    cache = sentence.doc.user_data.setdefault("eventwatch_attributions", {})
    key = (sentence.start_char, sentence.end_char)
    if key not in cache:
        cache[key] = _find_attribution(sentence)
    return cache[key]


def _find_attribution(sentence: SpacySpan) -> Attribution | None:
    doc = sentence.doc
    text = doc_text(doc)
    base = sentence.start_char
    sent_text = span_text(sentence)
    citing = _CITING.search(sent_text)
    if citing:
        start, end = _trim(text, base + citing.start("who"), base + citing.end("who"))
        return Attribution(text[start:end], Span(start, end), relayed_by=_speaker(sentence))
    provided = _PROVIDED_BY.search(sent_text)  # before "according to": "according to a toll compiled by X"
    if provided:
        start, end = _trim(text, base + provided.start("who"), base + provided.end("who"))
        return Attribution(text[start:end], Span(start, end))
    according = _ACCORDING.search(sent_text)
    if according:
        return _according(sentence, base + according.start("who"), base + according.end("who"))
    speaker = _speaker(sentence)
    trailing = _trailing_speaker(sentence, speaker)
    if trailing is not None or speaker is not None:
        return trailing or speaker
    trail = _QUOTE_TRAIL.search(sent_text)
    if trail:
        start, end = _trim(text, base + trail.start("who"), base + trail.end("who"))
        return Attribution(text[start:end], Span(start, end))
    return None


def _trailing_speaker(sentence: SpacySpan, parsed: Attribution | None) -> Attribution | None:
    """The speaker of a closing ", X said." when the parse found no subject for it or put the subject before that
    comma (it took a noun of the reported clause for the speaker). X must be a noun phrase: no finite verb."""
    text = doc_text(sentence.doc)
    trail = _CLAUSE_TRAIL.search(span_text(sentence))
    if trail is None:
        return None
    start, end = sentence.start_char + trail.start("who"), sentence.start_char + trail.end("who")
    if parsed is not None and parsed.span.start >= start:
        return None
    words = [t for t in sentence if start <= t.idx < end]
    if not words or any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("acl", "amod") for t in words):
        return None
    if not any(t.pos_ in ("NOUN", "PROPN") for t in words):
        return None
    start, end = _trim(text, start, end)
    return Attribution(text[start:end], Span(start, end))


def _speaker(sentence: SpacySpan) -> Attribution | None:
    """The subject of the sentence's reporting verb ("X said", "..., X told Reuters")."""
    best: Token | None = None
    doc = sentence.doc
    words = doc_words(doc)
    for i in range(sentence.start, sentence.end):
        if (words[i].lemma or words[i].lower) not in REPORTING_VERBS:
            continue  # neither rule below can take it ("report" is a reporting verb too)
        token = doc[i]
        if token.lemma_.lower() == "report" and token.dep_ == "nsubj" and token.head.lemma_ in _REPORTS_HAVE:
            best = best or token  # "earlier reports had eight killed": the reports are the (unknown) source
            continue
        lemma = token.lemma_.lower() or token.lower_
        if lemma in REPORTING_VERBS and token.pos_ in ("VERB", "AUX") and not _in_relative_clause(token):
            # a passive subject is what was reported ("12 people were reported killed"), not who reported it,
            # except in "X was quoted as saying"
            subjects = [c for c in token.children if (c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and lemma == "quote"))
                        and not _in_dateline(c)]
            if any(c.i < token.i for c in subjects):
                # "..., it said: one officer and two suspects": what follows the colon is the content
                subjects = [c for c in subjects if c.i < token.i]
            if subjects and subjects[-1].lower_ == "it" and (subjects[-1].dep_ != "nsubj" or lemma not in _IT_SAYS):
                continue  # "it was reported that ..." has no speaker; "it said" continues one
            if subjects and subjects[-1].lower_ not in ("this", "that", "which", "there"):
                if best is None or token.dep_ == "ROOT":
                    best = subjects[-1]
    if best is None:
        return None
    if best.lower_ in _PRONOUNS:
        return Attribution(best.text, Span(best.idx, best.idx + len(best.text)))
    text = doc_text(sentence.doc)
    start, end = _trim(text, *_phrase(best))
    return Attribution(text[start:end], Span(start, end), _described(best))


def _according(sentence: SpacySpan, start: int, end: int) -> Attribution:
    """"according to X": X as far as its noun phrase goes, with its appositive ("according to Jane Doe, a police
    spokeswoman") kept for typing. A proper name ends at its last capitalised word; another noun phrase ends
    where the parse says it does (the regex alone runs on until punctuation)."""
    text = doc_text(sentence.doc)
    start, end = _trim(text, start, end)
    words = list(re.finditer(r"\S+", text[start:end]))
    pobj = next((t for t in sentence if start <= t.idx < end and t.dep_ == "pobj" and t.head.lower_ == "to"
                 and t.head.head.lower_ == "according"), None)
    if words and words[0].group(0)[:1].isupper():
        last = 0
        for k, word in enumerate(words):
            if word.group(0)[:1].isupper() and not word.group(0).endswith(("’s", "'s")):
                last = k
            elif word.group(0).lower() not in _NAME_LINK:
                break
        end = start + words[last].end()
    elif pobj is not None:
        end = min(end, _phrase(pobj)[1])
    described = _described(pobj) if pobj is not None else None
    if described is None:
        described = _trailing_appositive(sentence, start, end)
    return Attribution(text[start:end], Span(start, end), described)


def _trailing_appositive(sentence: SpacySpan, start: int, end: int) -> str | None:
    """"according to Jane Doe, spokeswoman for the governor": the role after the comma when the parse did not
    attach it, i.e. a phrase without a verb running to the next punctuation."""
    text = doc_text(sentence.doc)
    role = _APPOSITIVE.match(text, end, sentence.end_char)
    if role is None:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in sentence if role.start("role") <= t.idx < role.end("role")):
        return None  # "according to Doe, gunmen killed five": a clause, not a role
    return text[start:role.end("role")]


def is_background_figure(sentence: SpacySpan, start: int, speaker: Span) -> bool:
    """Is the figure at character ``start`` background that ``speaker`` does not vouch for? In "X blamed Y for
    the attack that killed 24 people" X asserts the blame; the toll in the relative clause describing the attack
    is the outlet's own account of a known event."""
    token = next((t for t in sentence if t.idx <= start < t.idx + len(t.text)), None)
    if token is None:
        return False
    in_clause = False
    for node in (token, *token.ancestors):
        if node.dep_ in ("relcl", "acl"):
            in_clause = True
        elif in_clause and node.lemma_.lower() in _ACCUSE:
            return any(c.dep_ == "nsubj" and c.idx < speaker.end and speaker.start < c.idx + len(c.text)
                       for c in node.children)
    return False


_ACCUSE = frozenset({"blame", "accuse", "condemn", "denounce", "hold"})
_REPORTS_HAVE = frozenset({"have", "put", "give", "suggest", "show", "indicate"})
_IT_SAYS = frozenset({"say", "add", "tell", "report", "announce", "claim", "state", "confirm"})
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it"})
# "the group said": a noun that refers back to a source already named
_BACK_NOUNS = frozenset({"group", "organization", "organisation", "movement", "statement", "spokesman", "spokeswoman",
                         "spokesperson", "official", "source", "agency"})
_LOOK_BACK = 8  # sentences searched for the speaker a pronoun continues
_LOOK_AHEAD = 4  # sentences searched for the speaker of an open quotation


def _in_relative_clause(token: Token) -> bool:
    """"..., where the military said it shot down rockets": that speaker does not vouch for the main clause."""
    return any(t.dep_ in ("relcl", "acl") for t in [token, *token.ancestors])


def _in_dateline(token: Token) -> bool:
    """"PESHAWAR: An official says ...": the place of the dateline is not a speaker."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.text in (":", "–", "—") and token.i - token.sent.start <= 3


def _described(token: Token) -> str | None:
    """The subject with its appositive ("Jane Doe, a police spokeswoman"), when it has one."""
    appositives = [c for c in token.rights if c.dep_ == "appos"]
    if not appositives:
        return None
    doc = token.doc
    end = appositives[-1].right_edge
    return doc_text(doc)[doc[token.left_edge.i].idx:end.idx + len(end.text)].strip(" ,")


def _is_back_reference(attribution: Attribution) -> bool:
    words = attribution.claimant.lower().split()
    return attribution.claimant.lower() in _PRONOUNS or (len(words) == 1 and words[0] in _BACK_NOUNS)


def _inside_quote(sentence: SpacySpan) -> bool:
    """Is the sentence part of a quotation (it opens one, or one is open in its paragraph)?"""
    text = doc_text(sentence.doc)
    start = sentence.start_char
    paragraph = text.rfind("\n", 0, start) + 1
    before = text[paragraph:start]
    if before.count("“") > before.count("”") or before.count('"') % 2 == 1:
        return True
    return span_text(sentence).lstrip().startswith(("“", '"'))


def _closes_quote(sentence: SpacySpan) -> bool:
    return "”" in span_text(sentence) or span_text(sentence).count('"') % 2 == 1


def _named_earlier(attribution: Attribution, sentence: SpacySpan) -> Attribution:
    """"Doe said": the description of Doe from an earlier mention ("Jane Doe, a police spokeswoman, ...")."""
    name = attribution.claimant.split()
    if attribution.described or not name or len(name) > 3 or not all(w[:1].isupper() for w in name):
        return attribution
    for ent in reversed(sentence.doc.ents):
        if ent.label_ != "PERSON" or ent.end_char > attribution.span.start or ent.text.split()[-1] != name[-1]:
            continue
        described = _described(ent.root)
        before = sentence.doc[max(ent.start - 3, 0):ent.start]
        titled = " ".join(t.text for t in before if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.ent_type_ != "PERSON")
        if described or titled:
            return Attribution(attribution.claimant, attribution.span, described or f"{titled} {ent.text}")
    return attribution


def _continued_quote(sentences: Sequence[SpacySpan], index: int) -> Attribution | None:
    """“..,” the official said. “At least 12 were killed.”: a quotation opened and closed right after a quote with
    a trailing speaker, in the same paragraph, goes on quoting that speaker (news style names the speaker once and
    runs the next quote on), not whoever the next sentence is about."""
    if index == 0 or not span_text(sentences[index]).lstrip().startswith(("“", '"')):
        return None
    previous = sentences[index - 1]
    between = doc_text(previous.doc)[previous.start_char:sentences[index].start_char]
    if "\n" in between[len(between.rstrip()):] or not _closes_quote(previous):
        return None  # a new paragraph may quote someone else
    speaker = find_attribution(previous)
    if speaker is None or speaker.span.start < _last_quote_close(previous):
        return None  # the speaker must come after the quote it closes ("“...,” X said.")
    return speaker


def _last_quote_close(sentence: SpacySpan) -> int:
    text = span_text(sentence)
    end = max(text.rfind("”"), text.rfind('"'))
    return sentence.start_char + end


def claimant_for(sentences: Sequence[SpacySpan], index: int) -> Attribution | None:
    """Who asserts what ``sentences[index]`` reports, following the article across sentences."""
    sentence = sentences[index]
    own = find_attribution(sentence)
    if own is None and _inside_quote(sentence):
        closed = _closes_quote(sentence)
        continued = _continued_quote(sentences, index) if closed else None
        if continued is not None:
            own, index = continued, index - 1
        else:
            for ahead in range(index + 1, min(index + _LOOK_AHEAD + 1, len(sentences))):
                following = sentences[ahead]
                if not closed and not _inside_quote(following):
                    break
                found = find_attribution(following)
                if found is not None:
                    own, index = found, ahead
                    break
                if closed or _closes_quote(following):
                    break  # the quotation ended without a speaker
    if own is None:
        return None
    if not _is_back_reference(own):
        return _named_earlier(own, sentence)
    noun = own.claimant.lower() if own.claimant.lower() not in _PRONOUNS else None
    earlier_speakers: list[tuple[Attribution, SpacySpan]] = []
    for back in range(index - 1, max(index - _LOOK_BACK, 0) - 1, -1):
        earlier = find_attribution(sentences[back])
        if earlier is not None and not _is_back_reference(earlier):
            earlier_speakers.append((earlier, sentences[back]))
    if not earlier_speakers:
        return own
    # "the group said" prefers the last speaker called a group; otherwise the last speaker named
    chosen = next((pair for pair in earlier_speakers if noun and noun in (pair[0].described or pair[0].claimant).lower()),
                  earlier_speakers[0])
    return _named_earlier(*chosen)
