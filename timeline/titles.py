"""Short calendar titles made of the sentence's own words.

In order of preference: a quoted name with the event noun after it (``"Korea-U.S. Business
Night" gala dinner``); a capitalised event name (``Trans-Pacific Dialogue``), with its host;
else the clause that holds the date, cut down to who does what ("Delegation meets ...").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

#: Nouns that name a happening; a capitalised name ending in one is an event's name.
EVENT_NOUNS = frozenset(
    """address assembly auction awards briefing ceremony championship championships classic
    derby invitational regatta
    concert conference convention cup dialogue dinner debate deadline
    election elections event exhibition expo fair festival final finals forum friendly
    gala game games hearing inauguration launch lecture lunch luncheon marathon match
    meeting meetings negotiation negotiations night olympics opening parade party plenary
    premiere primary rally reception referendum round ruling session
    signing speech strike summit symposium talks tournament tour trial trip verdict visit
    vote voting walkout week workshop""".split()
)
_EVENT_NOUN_ALTERNATIVES = "|".join(sorted(EVENT_NOUNS, key=len, reverse=True))
_NAME_CONNECTORS = frozenset({"of", "and", "for", "the", "on", "&", "de", "in"})
_QUOTED = re.compile(r"[\"“]([^\"”]{2,80})[\"”]")
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*|&")
_HOST = re.compile(
    r"^\s*,?\s*(?:hosted|organi[sz]ed|sponsored|held|run|staged)\s+by\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’.-]*(?:\s+(?:of|for|and|&|the))*\s+)*[A-Z][\w'’.-]*)"
)
_LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:[A-Z][A-Za-z .'-]*, )?[A-Z][a-z]{2,}\.? \d{1,2} \([^)]*\)\s*(?:--|—|–)\s*"  # dateline
    r"|[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s*(?:\([^)]*\))?\s*"
    r"(?:--|—|–|_)\s*"  # "SANTA FE, N.M. --", "CANBERRA, Australia (AP)_"
    r"|(?:on|in|at|by|from|during|later|earlier|then|meanwhile|also|however|according to|"
    r"hosted by|headed by|led by|organi[sz]ed by)\b[^,]{0,80},\s*)",
    re.IGNORECASE,
)
_REPORTING_FRAME = re.compile(
    r"^.{0,120}?\b(?:said|says|saying|told [\w ]{1,30}?|announced|added|noted|stated|"
    r"reported|confirmed|explained|wrote)\s+(?:on \w+ |\w+day )?"
    r"(?:that\s+|(?=(?:the|a|an|it|he|she|they|we)\s)"
    r"|(?=[a-z]+(?:\s+[a-z]+){0,3}\s+(?:will|would|could|may|might|can|is|are|was|were)\b))",
)
_ATTRIBUTION_TAIL = re.compile(
    r"\s*,[”\"’']?\s*(?:[\w '.-]{0,60}?\s+)?"
    r"(?:said|says|told|announced|added|according to)\b.*$"
)
_REDUCED_RELATIVE = re.compile(
    r"\s+(?:comprising|including|consisting of|made up of|among them)\s[^,]*?"
    r"(?=\s(?:will|would|is|are|was|were|has|have|had|plans?)\b)|,\s*(?:among them|including)"
    r"\s[^,]*,"
)
_BASE_AFTER_MODAL = re.compile(
    r"(\S+)\s+(?:will|would|shall|may|might|could|can|(?:is|are)(?:\s+also)? to|"
    r"(?:is|are)(?:\s+also)? (?:set|scheduled|due|expected|slated|poised|going|likely|"
    r"unlikely) to)\s+"
    r"(?:(?:also|then|now|not|likely|probably|soon|still|again|only|first|finally|formally|"
    r"officially)\s+)*([a-z]+)\b(?=(\s+[a-z]+)?)"
)
_CLAUSE_BREAK = re.compile(
    r",\s*(?:which|who|where|when|while|after which|before|as|but|and then)\b|;|\s[-—–]{1,2}\s"
    r"|,\s+(?:and\s+)?(?=(?:a|an|the)\s+[\w-]+\s+(?:is|are|was|were|will|would|has|have|"
    r"said|says|[a-z]+ed)\b)|,\s+and\s+(?=(?:he|she|it|they|we)\b)"
    r"|\s+since\s+(?=(?:it|he|she|they|we|the|a|an)\b)|,?\s+and that\s+"
    r"|\s(?:in order to|so as to|to discuss|to talk|as part of|in a bid to|when|after which)\s"
    r"|,\s*(?!including\b|according\b)[a-z]+ing\b|,\s+followed by\b"
    r"|\s+after\s+(?=(?:a|an|the)\s+[a-z]+\s+[a-z]+ed\b)"
    r"|,\s+with\s+(?:the|a|an|its|their)\s+[\w-]+\s+[a-z]+ing\b"
)
# "... in early 2025 and the stadium would open in 2027": a second clause with its own verb.
_AND_CLAUSE = re.compile(
    r",?\s+and\s+(?=(?:(?:a|an|the|its|their)\s+(?:[\w-]+\s+){1,2}|"
    r"[A-Z][\w'’-]+\s+(?:[A-Z][\w'’-]+\s+)?)(?:will|would|is|are|was|were|has|have|had)\b"
    r"|(?:[A-Z][\w'’-]+\s+(?:[A-Z][\w'’-]+\s+)?|(?:its|their|his|her)\s+(?:[\w-]+\s+){1,2})"
    r"[a-z]{3,}(?:s|ed)\b)"
)
_AUXILIARY = re.compile(
    r"\b(?:(?:is|are|was|were)(?:\s+also)? (?:set|scheduled|due|expected|going|slated|"
    r"poised|likely|unlikely)|"
    r"will|would|shall|is|are|was|were|may|might|could|can|be|been|being|"
    r"(?:has|have|had)(?=\s+(?:been|[a-z]+ed|[a-z]+en)\b)|"
    r"(?:plans?|planned)(?=\s+to\b)|also)\b(?:\s+to\b)?\s*"
)
# What stands before a date and means nothing without it: "on", "set for", "as early as".
_DATE_LEAD = re.compile(
    r"(?:(?<=\s)|^)(?:on|in|at|from|to|by|since|until|through|for|during|within|"
    r"as (?:early|late|soon) as|"
    r"no later than|sometime in|around|about|(?:starting|beginning|effective)(?:\s+on)?)\s+$",
    re.IGNORECASE,
)
_POSSESSIVE_REST = re.compile(r"^['’]s\s+")
_SPACE_BEFORE_COMMA = re.compile(r"\s+,")
_REPEATED_COMMA = re.compile(r"\s*,(?:\s*,)+")
_COMMA_AFTER_FUNCTION_WORD = re.compile(r"\b(the|a|an|of|but|and|in|on|at|its|their)\s*,\s*",
                                        re.IGNORECASE)
_PLURAL_HEAD = re.compile(
    r"^\s*(?:the\s+)?(?:[a-z]+\s+)?[A-Za-z]+[^s\W]s\s+(?:in|of|from|at|for|across)\s",
    re.IGNORECASE,
)
_IRREGULAR_THIRD_PERSON = {"be": "is", "have": "has", "do": "does", "go": "goes"}
_PRONOUN = re.compile(r"(?:it|he|she|they)\s", re.IGNORECASE)
# "the court said it would ...": the pronoun is the teller itself.
_TELLER = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+((?:[a-z]+\s+)?[a-z]+)\s+(?:said|says|added|noted|announced|"
    r"expects|expected|plans|planned|hopes|hoped)\s+(?:that\s+)?(it|they)\b"
)
_PROPER_SUBJECT = re.compile(
    r"((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)\s+(?:has|have|had|is|are|was|were|will|would|"
    r"[a-z]+ed|(?!(?:this|thus|its|his|hers|ours|yours|less|news)\b)[a-z]{3,}s)\b"
)
# "Chile's president will arrive ...": a possessive name and its head noun.
_POSSESSIVE_SUBJECT = re.compile(
    r"((?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['’]s\s+(?:[a-z]+\s+)?[a-z]+)\s+"
    r"(?:has|have|had|is|are|was|were|will|would)\b"
)
_NOT_A_NAME_START = frozenset(
    "with in on at for by from after before the a an this that these those as but and if when "
    "while during under over since until".split()
)
_RELATIVE_ANTECEDENT = re.compile(
    r"(?:\b(?:the|its|their|his|her|a|an)\s+)?(?P<noun>(?:[\w'’-]+\s+){0,3}[\w'’-]+)"
    r"\s*,\s*(?:which|who)\s*$"
)
_WHICH_PAST = re.compile(r",\s*(?:which|who)\s+[a-z]+ed\b")
_FINITE = re.compile(r"\b(?:will|would|is|are|was|were|has|have|had)\b")
_CONDITION = re.compile(r"^\s*(if|unless)\s+([^,]{2,40}),\s*", re.IGNORECASE)
_DATED_OPENING_EVENT = re.compile(
    r"^\s*(?:At|During)\s+(?P<phrase>(?:a|an|the|its|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?"
    rf"(?:{_EVENT_NOUN_ALTERNATIVES}))\s+(?:on|in|at)?\s*$"
)
_DATED_SUBJECT = re.compile(
    r"^\s*(?P<subject>(?:The|This|That|Its|Their|His|Her)\s+[^,]{2,60}?),\s*(?:which\s+is\s+)?"
    r"(?:set|scheduled|slated|planned|due|expected)\s+(?:for|on|to\s+(?:be\s+held|take\s+place|"
    r"run)\s+(?:on|from)?)?\s*$"
)
_SUBORDINATOR = re.compile(r"^(?:because|since|although|though|while|if|once|as)\s+",
                           re.IGNORECASE)
_DETERMINER = re.compile(r"^(?:the|a|an|its|their|his|her|this|that|these|those)\s+",
                         re.IGNORECASE)
_MAX_WORDS = 16
_CUT_BEFORE = frozenset(
    "on in at for with from to of by during after before about through via across".split()
)


@dataclass(frozen=True, slots=True)
class Title:
    """A title and where it came from ("quoted name", "event name" or "clause")."""

    text: str
    source: str


def make_title(sentence: str, trigger_start: int, trigger_end: int,
               other_dates: tuple[tuple[int, int], ...] = (),
               earlier: tuple[str, ...] = ()) -> Title:
    """The best title for the event dated by ``sentence[trigger_start:trigger_end]``.

    ``other_dates`` are the spans of the sentence's other date expressions, left out of a
    title made from the clause; ``earlier`` are the sentences before it, nearest first, where
    a pronoun that opens the title ("He will then go ...") finds its name.
    """
    quoted = _quoted_name(sentence)
    if quoted is not None and quoted.source == "quoted name":
        return quoted
    opening = _DATED_OPENING_EVENT.match(sentence[:trigger_start])
    if opening is not None and re.match(r"\s*,", sentence[trigger_end:]):
        # "At a status hearing on Wednesday, the judge set ...": the hearing is what is dated
        phrase = _DETERMINER.sub("", opening.group("phrase"))
        return Title(phrase[:1].upper() + phrase[1:], "event phrase")
    appositive = _DATED_SUBJECT.match(sentence[:trigger_start])
    if appositive is not None and re.match(r"\s*,", sentence[trigger_end:]):
        # "The meeting, set for March 18-19, follows weeks of protests": the meeting
        subject = _DETERMINER.sub("", appositive.group("subject"))
        return Title(subject[:1].upper() + subject[1:], "dated subject")
    # Another dated clause in the sentence has its own names: leave them out.
    own = without_other_dated_clauses(sentence, trigger_start, trigger_end, other_dates)
    named = _capitalised_name(own) or (quoted if own == sentence else None)
    if named is not None:
        return named
    gapped = _gapped_clause(sentence, trigger_start, trigger_end, other_dates)
    if gapped is not None:
        sentence, trigger_start, trigger_end, other_dates = gapped
    clause = _clause_title(sentence, trigger_start, trigger_end, other_dates, earlier)
    if not any(w in EVENT_NOUNS for w in re.findall(r"[a-z]+", clause.lower())):
        named_np = _light_verb_event(sentence)
        if named_np is not None:
            return Title(named_np, "event phrase")
    return Title(clause, "clause")


_LIGHT_VERB_EVENT = re.compile(
    r"\b(?:makes?|made|making|pays?|paid|paying|goes on|went on|go on|embarks? on|embarked on|"
    r"undertakes?|undertook|begins?|began|starts?|started)\s+"
    r"(?P<owner>his|her|their|its|a|an|the)\s+(?P<np>(?:[\w-]+\s+){0,3}?"
    rf"(?P<noun>{_EVENT_NOUN_ALTERNATIVES})\b)"
    r"(?P<tail>\s+(?:to|in|with|of|at)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?"
)
_HONORIFIC = re.compile(
    r"^(?:(?:Vice|Deputy|Prime|Foreign|Defense|Former)\s+)*(?:President|Minister|Chairman|"
    r"Chairwoman|Senator|Sen\.|Governor|Gov\.|Mayor|Secretary|Chancellor|King|Queen|Prince|"
    r"Princess|Pope|Representative|Rep\.|Judge|General|Gen\.)\s+"
)
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)\s*,?\s*[^A-Z]*$")


def _light_verb_event(sentence: str) -> str | None:
    """ "when he makes his first official trip to the United States": the event's own name.

    A light verb with an event noun ("makes a trip", "pays a visit") names the happening;
    a possessive takes the nearest name before it ("Moon Jae-in's first official trip").
    """
    for match in _LIGHT_VERB_EVENT.finditer(sentence):
        phrase = match.group("np") + (match.group("tail") or "")
        if match.group("owner") in ("his", "her", "their"):
            name = _NAME_BEFORE.search(sentence[: match.start()])
            if name is None:
                continue
            owner = _HONORIFIC.sub("", name.group(1))
            phrase = f"{owner}'s {phrase}"
        phrase = phrase.rstrip(".,;:")
        return phrase[:1].upper() + phrase[1:]
    return None


_COMPLEMENT_LEAD = "of|with|in|on|against|between|over|for"
# "the 12th round", "their summit": a definite event noun that refers back to a named one.
_DEFINITE_EVENT_NOUN = re.compile(
    rf"\b(?:the|their|its|his|her|this|that)\s+(?P<np>(?:[\w-]+\s+){{0,2}}?"
    rf"(?P<noun>{_EVENT_NOUN_ALTERNATIVES}))\b(?![-'’]|\s+(?:{_COMPLEMENT_LEAD})\b)",
    re.IGNORECASE,
)
_CAPITALISED_NOUNS = "|".join(sorted((n.capitalize() for n in EVENT_NOUNS), key=len,
                                      reverse=True))
_CAPITALISED_EVENT_NOUN = re.compile(rf"\b(?:{_CAPITALISED_NOUNS})\b")
#: A capitalised event name and the capitalised words before its noun ("Halifax Jazz").
EVENT_NAME = re.compile(rf"(?P<before>(?:[A-Z][\w'’-]+\s+)+)(?:{_CAPITALISED_NOUNS})\b")
_HEADLINE_COMPLEMENT = re.compile(
    rf"\b(?:{_EVENT_NOUN_ALTERNATIVES})s?\s+(?:{_COMPLEMENT_LEAD})\s", re.IGNORECASE)
# Where a headline's phrase after an event noun ends: the next preposition or verb.
_COMPLEMENT_END = (r"(?=\s+(?:of|with|in|on|at|from|to|for|after|before|as|amid|over|starts?|"
                   r"begins?|opens?|ends?|closes?|set|due|planned|slated)\b|[,;:]|$)")


def has_event_complement(headline: str) -> bool:
    """Whether a headline gives some event noun a complement ("verdict in X's case")."""
    return _HEADLINE_COMPLEMENT.search(headline) is not None


def complete_from_headline(title: str, sentence: str, headline: str) -> str:
    """ "12th round takes place in Daegu" + headline "... 12th round of FTA talks ...".

    A story names its main event in full once, mostly in the headline, and then refers to
    it by a definite head noun ("the verdict", "their summit", "the 12th round"). When the
    title holds such a noun phrase (or one of ``sentence`` whose article the title dropped)
    with no complement, it takes the one the
    headline gives the same noun ("12th round of FTA talks takes place in Daegu").
    ``headline`` comes without its dates.
    """
    matches = (*_DEFINITE_EVENT_NOUN.finditer(title), *_DEFINITE_EVENT_NOUN.finditer(sentence))
    for match in matches:
        phrase, noun = match.group("np"), match.group("noun")
        in_title = re.search(
            rf"(?<![\w-]){re.escape(phrase)}\b(?![-'’]|\s+(?:{_COMPLEMENT_LEAD})\b)",
            title, re.IGNORECASE)
        complement = re.search(rf"\b{noun}s?\s+((?:{_COMPLEMENT_LEAD})\s+.+?){_COMPLEMENT_END}",
                               headline, re.IGNORECASE)
        if in_title is None or complement is None:
            continue
        if complement.group(1).lower() not in title.lower():
            return f"{title[:in_title.end()]} {complement.group(1)}{title[in_title.end():]}"
    return title


def headline_without_dates(headline: str, spans: list[tuple[int, int]]) -> str:
    """The headline with its date expressions and their leading prepositions cut out."""
    return _without_dates(headline, 0, len(headline), sorted(spans))


# ", and the economics prize on Monday": a second subject that shares the verb before it.
_GAPPED_REMNANT = re.compile(
    r",?\s+and\s+(?P<subject>(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)"
    r"\s+(?:on|in|at|from)?\s*$",
    re.IGNORECASE,
)
_LEADING_SUBJECT = re.compile(
    r"^\s*(?:The|A|An|Its|Their)\s+(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+\s+"
    r"(?=(?:will|would|is|are|was|were|has|have|had|shall)\b)"
)
_GAP_START = re.compile(r",?\s+and\s+(?=(?:the|a|an|its|their)\s)", re.IGNORECASE)


def _gapped_clause(sentence: str, trigger_start: int, trigger_end: int,
                   other_dates: tuple[tuple[int, int], ...]
                   ) -> tuple[str, int, int, tuple[tuple[int, int], ...]] | None:
    """ "The peace prize will be announced on Friday, and the economics prize on Monday".

    The second date's clause has no verb of its own: its title is the first clause's,
    told of the second subject ("the economics prize will be announced ...").
    """
    if sentence[trigger_end:].strip(" .;") or " and " not in sentence[:trigger_start]:
        return None
    remnant = _GAPPED_REMNANT.search(sentence, 0, trigger_start)
    if remnant is None or not any(end <= remnant.start() for _, end in other_dates):
        return None
    head = sentence[: remnant.start()]
    subject = _LEADING_SUBJECT.match(head)
    if subject is None:
        return None
    rebuilt = f"{remnant.group('subject')} {head[subject.end():]}"
    shift = len(remnant.group("subject")) + 1 - subject.end()
    dates = tuple((start + shift, end + shift) for start, end in other_dates
                  if end <= remnant.start() and start >= subject.end())
    return rebuilt, len(rebuilt), len(rebuilt), dates


def _quoted_name(sentence: str) -> Title | None:
    for match in _QUOTED.finditer(sentence):
        name = match.group(1).strip()
        words = name.split()
        if not 1 <= len(words) <= 8 or not all(w[0].isupper() or w.lower() in
                                                _NAME_CONNECTORS for w in words):
            continue
        after = sentence[match.end():].split()
        nouns: list[str] = []
        for word in after[:4]:
            bare = word.strip(",.;:").lower()
            if not bare.isalpha():
                break
            nouns.append(bare)
            if bare in EVENT_NOUNS and not (len(after) > len(nouns) and
                                            after[len(nouns)].strip(",.").lower() in EVENT_NOUNS):
                break
        else:
            nouns = []
        if nouns and nouns[-1] not in EVENT_NOUNS:
            nouns = []
        quote = sentence[match.start():match.end()].replace(".”", "”").replace('."', '"')
        title = " ".join([quote, *nouns])
        # A quote with no event noun after it may be a theme or a slogan: a weaker name.
        source = "quoted name" if nouns else "quotation"
        return Title(title + _host(sentence[match.end():]), source)
    return None


def _capitalised_name(sentence: str) -> Title | None:
    if _CAPITALISED_EVENT_NOUN.search(sentence) is None:
        return None  # a name ends in a capitalised event noun ("Trans-Pacific Dialogue")
    words = list(re.finditer(r"\S+", sentence))
    index = 0
    while index < len(words):
        first = words[index].group()
        if not _CAPITALISED.fullmatch(first.strip(",.;:\"“”")) or index == 0:
            index += 1
            continue
        end = index
        while end + 1 < len(words):
            nxt = words[end + 1].group()
            bare = nxt.strip(",.;:\"“”")
            if (_CAPITALISED.fullmatch(bare) or bare.lower() in _NAME_CONNECTORS) and not \
                    words[end].group().endswith((",", ";", ":", ".")):
                end += 1
            else:
                break
        while end > index and words[end].group().strip(",.;:").lower() in _NAME_CONNECTORS:
            end -= 1
        last = words[end].group().strip(",.;:\"“”").lower()
        if last in EVENT_NOUNS and end > index:
            start_char, end_char = words[index].start(), words[end].end()
            name = sentence[start_char:end_char].rstrip(",.;:")
            return Title(name + _host(sentence[end_char:]), "event name")
        index = end + 1
    return None


def _host(rest: str) -> str:
    match = _HOST.match(rest)
    return f" (hosted by {match.group(1)})" if match else ""


def _clause_title(sentence: str, trigger_start: int, trigger_end: int,
                  other_dates: tuple[tuple[int, int], ...] = (),
                  earlier: tuple[str, ...] = ()) -> str:
    """Cut the sentence to the clause that holds the date, without any date in it."""
    start, end = _clause_bounds(sentence, trigger_start, trigger_end, other_dates)
    shared_subject = ""
    antecedent = _RELATIVE_ANTECEDENT.search(sentence[:start]) if start > 0 else None
    if antecedent is not None:  # "its AI assistant, which entered a preview in January"
        shared_subject = antecedent.group("noun")
    joint = sentence.rfind(" and ", 0, start + 1)
    if start > 0 and joint >= 0 and not sentence[joint + 5:start].strip() and \
            _AND_VERB_PHRASE.match(sentence, joint):
        # "... cleared the committee on Wednesday and goes to a vote next Tuesday": the bill
        before = [span for span in other_dates if span[1] <= joint]
        first = _clause_title(sentence, *before[-1], other_dates, earlier) if before else ""
        verb = _VERB_AFTER_SUBJECT.search(first)
        shared_subject = first[: verb.start()] if verb else ""
    text = _without_dates(sentence, start, end, sorted({(trigger_start, trigger_end),
                                                        *other_dates}))
    # "If approved, construction would begin ... and the stadium would open": both tentative
    condition = _CONDITION.match(sentence)
    if condition is not None and _CONDITION.match(text):
        text = _CONDITION.sub("", text, count=1)
    text = _SUBORDINATOR.sub("", _strip_frames(text))
    text = _nominalise_passive(text, sentence[:start])
    text = _ATTRIBUTION_TAIL.sub("", text)
    text = _REDUCED_RELATIVE.sub("", text)
    if " that " in text or " which " in text or " who " in text:
        text = _MODAL_RELATIVE.sub("", text, count=1)
    if _SCHEDULING_VERB.search(text):
        text = _scheduled_happening(text)
    text = _BASE_AFTER_MODAL.sub(_third_person, text, count=1)
    text = _AUXILIARY.sub("", text)
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = _DETERMINER.sub("", text.strip(" ,.;:\"“”'"))
    words = text.split()
    if len(words) > _MAX_WORDS:
        words = words[:_MAX_WORDS]
        # Cut before the last preposition rather than inside its phrase ("on a state").
        cut = max((i for i, w in enumerate(words) if w.lower() in _CUT_BEFORE and i >= 6),
                  default=len(words))
        words = words[:cut]
        while words and words[-1].lower() in _NAME_CONNECTORS | {"to", "with", "a", "an"}:
            words.pop()
    title = " ".join(words).strip(" ,;:")
    if shared_subject:
        title = f"{shared_subject} {title}"
    title = _resolve_pronoun(title, (sentence, *earlier))
    if condition is not None and title:
        title += f" ({condition.group(1).lower()} {condition.group(2)})"
    return title[:1].upper() + title[1:] if title else sentence[:60]


# "... on Wednesday and goes to a vote next Tuesday": a second verb for the same subject.
_AND_VERB_PHRASE = re.compile(
    r"\s+and\s+(?=[a-z]{2,}(?:ed|es|s)\s+(?:to|the|a|an|on|in|at|with|for|into)\b)"
)
_VERB_AFTER_SUBJECT = re.compile(r"\s[a-z]{2,}(?:ed|es|s)\s+(?:to|the|a|an|on|in|at|with|for)\b")
# "A bill that would give workers 12 weeks of leave cleared the committee": what the bill
# would do is not what happens on the date.
_MODAL_RELATIVE = re.compile(
    r"(?<=\w)\s+(?:that|which|who)\s+(?:would|will|could|can|may|might)\s+\w+"
    r"(?:\s+\S+){0,14}?(?=\s+[a-z]+(?:ed|es|s)\s+(?:the|a|an|to|[A-Z]))"
)
# "Judge Park scheduled the trial of X to open", "postponed the vote until": the happening
# is the object, not the act of scheduling it.
_SCHEDULING_VERB = re.compile(r"\b(?:scheduled|rescheduled|postponed|pushed back|moved|"
                              r"delayed|set)\s+(?:the|a|an|its|his|her|their)\s")
_SCHEDULED_OBJECT = re.compile(
    r"^.{0,80}?\b(?:scheduled|rescheduled|postponed|pushed back|moved|delayed|set)\s+"
    r"(?P<object>(?:the|a|an|its|his|her|their)\s+[^,;]{3,80}?)\s+"
    r"(?:to\s+(?P<verb>[a-z]+)\b(?P<rest>[^,;]*)|(?:for|until|to)\b).*$"
)


def _scheduled_happening(text: str) -> str:
    match = _SCHEDULED_OBJECT.match(text)
    if match is None:
        return text
    if match.group("verb") is None:
        return match.group("object")
    return (f"{match.group('object')} will {match.group('verb')}"
            f"{match.group('rest') or ''}")


def _resolve_pronoun(title: str, sentences: tuple[str, ...]) -> str:
    """ "It first invited them" -> "Poland first invited them": the nearest named subject.

    The sentence's own subject comes first, then those of the sentences before it.
    """
    pronoun = _PRONOUN.match(title)
    if pronoun is None:
        return title
    teller = _TELLER.search(sentences[0]) if sentences else None
    if teller is not None and teller.group(2).lower() == pronoun.group().strip().lower():
        noun = teller.group(1)  # "the court said it would rule": the court rules
        return noun[:1].upper() + noun[1:] + title[pronoun.end() - 1:]
    for sentence in sentences:
        opening = _strip_frames(sentence)
        subject = _PROPER_SUBJECT.match(opening) or _POSSESSIVE_SUBJECT.match(opening)
        if subject is None:
            continue
        name = subject.group(1)
        if _PRONOUN.fullmatch(name + " ") is None and \
                name.split()[0].lower() not in _NOT_A_NAME_START:
            return name + title[pronoun.end() - 1:]
    return title


# Passive verbs whose event has a noun of its own: "will be announced" -> "Announcement of".
_NOMINALS = {
    "announced": "Announcement", "published": "Publication", "released": "Release",
    "decided": "Decision", "signed": "Signing", "unveiled": "Unveiling",
    "launched": "Launch", "opened": "Opening", "delivered": "Delivery", "elected": "Election",
    "sentenced": "Sentencing", "inaugurated": "Inauguration", "presented": "Presentation",
}
_PASSIVE = re.compile(
    r"^(?P<subject>.+?)\s+(?:will|would|is to|are to|is expected to|are expected to)\s+be\s+"
    r"(?P<verb>[a-z]+)\b(?P<rest>.*)$"
)
_NOUN_SUBJECT = re.compile(
    r"\b(?:the|its|their|his|her)\s+([a-z][\w'’-]*"
    r"(?:\s+(?!(?:still|also|now|already|not)\b)[a-z][\w'’-]*)?)"
    r"\s+(?:still\s+|also\s+|now\s+)?(?:is|are|was|were|needs?|has|have|will)\b"
)


def _nominalise_passive(text: str, before: str) -> str:
    """ "the results will be published" -> "Publication of the results".

    A pronoun subject ("it will be announced") takes the noun that the clause before it
    was about ("the list still needs ... approval").
    """
    match = _PASSIVE.match(text.strip())
    if match is None or match.group("verb") not in _NOMINALS:
        return text
    subject = match.group("subject").strip()
    if subject.lower() in ("it", "they"):
        antecedent = _NOUN_SUBJECT.search(before)
        if antecedent is None:
            return text
        subject = f"the {antecedent.group(1)}"
    subject = _DETERMINER.sub(lambda m: m.group(0).lower(), subject)
    return f"{_NOMINALS[match.group('verb')]} of {subject}{match.group('rest')}"


def _without_dates(sentence: str, start: int, end: int,
                   spans: list[tuple[int, int]]) -> str:
    """``sentence[start:end]`` with each date span and the word that leads it cut out."""
    pieces: list[str] = []
    cursor = start
    for span_start, span_end in spans:
        if span_end <= cursor or span_start >= end:
            continue
        pieces.append(_DATE_LEAD.sub("", sentence[cursor:max(cursor, span_start)]).rstrip())
        cursor = max(cursor, span_end)
    pieces.append(sentence[cursor:end].lstrip())
    # "Last year's conference" without its date is "conference", not "'s conference"
    pieces = [_POSSESSIVE_REST.sub("", p) for p in pieces]
    text = " ".join(p for p in pieces if p)
    if "," not in text:
        return text
    # "The Aug. 7, 1998, bombings" -> "The bombings"; "bombings, on Aug. 7, killed" keeps one comma
    text = _COMMA_AFTER_FUNCTION_WORD.sub(r"\1 ", text)
    return _REPEATED_COMMA.sub(",", _SPACE_BEFORE_COMMA.sub(",", text))


_FUNCTION_WORDS = frozenset(
    """the a an of in on at to for and or but with by from as is are was were be been will
    would which who that this these those it its he she they his her their there then
    after before while when where within into over under about than""".split()
)


def _clause_bounds(sentence: str, trigger_start: int, trigger_end: int,
                   other_dates: tuple[tuple[int, int], ...] = ()) -> tuple[int, int]:
    """The span of the clause around the trigger; the main clause if that one is too thin.

    "and the stadium would open in 2027" is a clause of its own when the one before it has
    a date of its own ("construction would begin in early 2025"); after an undated one
    ("a hearing will be scheduled and the trial will end on May 2") the two are one event.
    """
    cuts = sorted([0, *(m.start() for m in _CLAUSE_BREAK.finditer(sentence)), len(sentence)])
    for match in (*_AND_CLAUSE.finditer(sentence), *_AND_VERB_PHRASE.finditer(sentence)):
        # the nearest cut before the match, found by bisection: a scan would be quadratic
        before = cuts[bisect.bisect_right(cuts, match.start()) - 1]
        if _has_own_date(sentence, (before, match.start()),
                         (*other_dates, (trigger_start, trigger_end))):
            bisect.insort(cuts, match.start())
    starts = [d for d, _ in other_dates]
    ordered = starts == sorted(starts)
    for match in _GAP_START.finditer(sentence):  # "..., and the economics prize on Monday"
        # the first other date after the match (by bisection when they are in order), and
        # the remnant read up to it in place: slicing the sentence each time is quadratic
        if ordered:
            following = bisect.bisect_right(starts, match.start())
            until = starts[following] if following < len(starts) else match.start()
        else:
            until = next((d for d in starts if d > match.start()), match.start())
        remnant = _GAPPED_REMNANT.match(sentence, match.start(), until)
        if remnant is not None and trigger_start < match.start():
            cuts.append(match.start())
    cuts.sort()
    segments = list(pairwise(cuts))
    for index, (start, end) in enumerate(segments):
        if start <= trigger_start < end:
            rest = sentence[start:trigger_start] + sentence[trigger_end:end]
            content = [w for w in re.findall(r"[A-Za-z]{2,}", rest)
                       if w.lower() not in _FUNCTION_WORDS]
            nominal = any(f"be {verb}" in rest for verb in _NOMINALS)
            finite = len(content) >= 2 and (
                (_FINITE.search(rest) is not None and _AND_CLAUSE.match(sentence, start))
                or _WHICH_PAST.match(sentence, start) is not None)
            if len(content) >= 3 or index == 0 or nominal or finite:
                return _skip_break(sentence, start), end
            return segments[0]
    return 0, len(sentence)


@lru_cache(maxsize=64)  # the framer asks for the title's clause and then for its place
def without_other_dated_clauses(sentence: str, trigger_start: int, trigger_end: int,
                                other_dates: tuple[tuple[int, int], ...]) -> str:
    """The sentence with the clauses that hold other dates blanked out (same length).

    "The World Cup opens in Paris on June 7, and Canada plays ... later in Montpellier":
    for the second date, the first clause's names and places belong to another event.
    """
    if not other_dates:
        return sentence
    cuts = [0, *(m.start() for m in _CLAUSE_BREAK.finditer(sentence)),
            *(m.start() for m in _AND_CLAUSE.finditer(sentence)), len(sentence)]
    text = sentence
    for start, end in pairwise(sorted(set(cuts))):
        if start <= trigger_start < end:
            continue
        if any(start <= date_start < end and not _TOLD_BEFORE.search(sentence[:date_start])
               for date_start, _ in other_dates):
            text = text[:start] + " " * (end - start) + text[end:]
    return text


# "a business lobby in Seoul said Thursday": a date of the telling, not of another event.
_TOLD_BEFORE = re.compile(
    r"\b(?:said|says|told\s+[\w ]{1,30}?|announced|added|confirmed|stated|noted)\s+(?:on\s+)?$"
)


def _has_own_date(sentence: str, segment: tuple[int, int],
                  dates: tuple[tuple[int, int], ...]) -> bool:
    """Whether a date lies in the segment's main part (after a leading "If ...," clause)."""
    start, end = segment
    main = max(start, sentence.rfind(",", start, end) + 1)
    return any(main <= date_start < end for date_start, _ in dates)


def _skip_break(sentence: str, start: int) -> int:
    match = (_CLAUSE_BREAK.match(sentence, start) or _AND_CLAUSE.match(sentence, start)
             or _AND_VERB_PHRASE.match(sentence, start))
    return match.end() if match and start > 0 else start


def _third_person(match: re.Match[str]) -> str:
    """ "will meet" -> "meets": a title reads as a present-tense headline."""
    subject, verb, following = match.group(1), match.group(2), (match.group(3) or "").strip()
    perfect = verb == "have" and following.endswith(("ed", "en", "wn", "ne"))
    if verb == "be" or perfect or verb.endswith(("ed", "ing")):
        return match.group(0)  # passive or perfect: the auxiliary pass drops the helpers
    # "Voters in Montenegro will choose": the head noun, not the last name, is the subject
    head = _PLURAL_HEAD.match(match.string)
    if subject.lower() in ("they", "we", "i", "you") or head is not None or (
        subject.endswith("s") and not subject.endswith(("ss", "'s", "us"))
    ):
        return f"{subject} {verb}"
    if verb in _IRREGULAR_THIRD_PERSON:
        return f"{subject} {_IRREGULAR_THIRD_PERSON[verb]}"
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return f"{subject} {verb}es"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return f"{subject} {verb[:-1]}ies"
    return f"{subject} {verb}s"


def _strip_frames(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = _LEADING_ADVERBIAL.sub("", text.strip(), count=1)
        text = _REPORTING_FRAME.sub("", text, count=1)
    return text
