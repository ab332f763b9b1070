"""The compiled candidate patterns: one regex per kind of expression, built once at import.

Each entry of `RULES` is (name, regex); `dashboard.timex.handlers.registry` holds the matching
handler that turns a match into a TIMEX3 type and value.
"""

from __future__ import annotations

import re

from dashboard.timex.lexicon import NUMBERS, ORDINALS, SEASONS, VAGUE_NUMBERS
from dashboard.vocab import holidays, months, parts_of_day, set_words, time_units, weekdays


def _alt(words) -> str:
    """A non-capturing alternation of `words`, longest first, spaces matching any blank."""
    ws = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) + ")"


def _either(words) -> str:
    """A non-capturing alternation of `words` in their order (escaped)."""
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


MONTH_FULL = _either(m.name for m in months())
MONTH_ABBR = _either(a.capitalize() for m in months() for a in m.abbreviations) + r"\.?"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
MONTH_ALONE = "|".join(re.escape(a.capitalize()) + r"\." for m in months() for a in m.alone)
"""Abbreviations that name a month on their own with their period ("Sept.", not "Mar.")."""
WEEKDAY = _either(w.name for w in weekdays())
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMWORD = (
    rf"(?:(?:{TENS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    + _alt([w for w in NUMBERS if not w.startswith(("twenty", "thirty"))])[3:-1]
    + ")"
)
VAGUE = _alt(VAGUE_NUMBERS)
NUM = rf"(?:\d{{1,3}}(?:\.\d+|\s+1/2)?|{NUMWORD})"
ORD = _alt(ORDINALS)
SPOKEN_YEAR = (
    rf"(?:(?:nineteen|eighteen|twenty)(?:\s+hundred)?\s+(?:and\s+)?(?:(?:{TENS})"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[- ](?:one|two|three|four|five"
    r"|six|seven|eight|nine))|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six"
    r"|seven|eight|nine|ten))?)"
)
UNIT = _alt([w for u in time_units() if not u.short for w in (u.word, u.plural) if w])
SHORT_UNIT = "|".join(re.escape(u.word) for u in time_units() if u.short)
SEASON = _alt(SEASONS)
PART = _alt(p.word for p in parts_of_day() if not p.clock)
CLOCK_PART = _alt(p.word for p in parts_of_day() if p.clock)
SET_WORD = _alt(w.word for w in set_words() if w.alone)
HOLIDAY = _alt(h.name for h in holidays())
PART_OF = (
    r"(?:(?:the\s+)?(?:early\s+|late\s+)?(?P<part0>morning\s+hours|morning|afternoon|evening|night"
    r"|early\s+hours"
    r"|small\s+hours|wee\s+hours)\s+of\s+)?"
)
"""An optional "the morning of" in front of a day."""
EDGE = (
    r"(?:(?P<edge>(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn"
    r"|latter\s+part|early\s+part|first\s+part|rest|remainder|balance)\s+of\s+)"
    r"|(?P<ear>(?:early|late|mid|middle)(?:\s*-\s*|\s+)))"
)
"""A modifier in front of a period: "the end of", "early", "mid-"."""
PART_OF_MONTH = (
    r"(?:(?P<sub>(?:the\s+)?(?:first|second|latter|last|final)\s+(?:half|week|fortnight"
    r"|(?:few\s+|two\s+|ten\s+)?days|two\s+weeks)\s+of\s+))"
)
"""A part of a month in front of its name: "the first week of", "the second half of"."""

ZONES = r"(?-i:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|KST|JST|ET|PT|CT|MT)\b"
TZ = (
    rf"(?:\s*(?:\({ZONES}\)|{ZONES})"
    r"|\s+(?-i:Eastern|Central|Mountain|Pacific)(?:\s+(?-i:Standard|Daylight))?\s+[Tt]ime\b)"
)
"""A time zone after a clock time: an abbreviation (upper case only) or "Eastern Time"."""
AMPM = r"(?:a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)"

_P: list[tuple[str, str]] = [
    (
        "iso",
        rf"\b(?P<y>{YEAR4})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)"
        r"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::(?P<ss>[0-5]\d))?)?(?![\d-])",
    ),
    (
        "numeric",
        r"(?<![\d/.,-])(?P<m>3[01]|[12]\d|0?[1-9])(?P<sep>[/.])(?P<d>3[01]|[12]\d|0?[1-9])(?P=sep)"
        r"(?P<y>\d{4}|\d\d)"
        r"(?:\s+(?P<hh>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::(?P<ss>[0-5]\d))?)?(?![\d/]|\.\d)",
    ),
    (
        "mdy",
        rf"\b{PART_OF}(?:(?P<wd>{WEEKDAY})(?:\s+(?P<wdpart>{PART}))?,?\s+)?(?:{EDGE})?"
        rf"(?P<mon>{MONTH})\s+(?P<d>{DAYNUM})\b"
        rf"(?!\s*(?:%|percent|:\d))(?:,?\s+(?P<y>{YEAR4})\b)?",
    ),
    (
        "dmy",
        rf"\b{PART_OF}(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAYNUM})\s+(?:of\s+)?"
        rf"(?P<mon>{MONTH})\b"
        rf"(?:,?\s+(?P<y>{YEAR4})\b)?",
    ),
    (
        "ymd",
        rf"\b(?P<y>{YEAR4})\s+(?P<mon>{MONTH})\s+(?P<d>{DAYNUM})\b(?!\s*(?:%|percent|[.,]\d))",
    ),
    ("daylist", rf"(?<=[\s,-])(?P<d>{DAYNUM})\b(?!\s*(?:%|percent|[:.]\d))"),
    (
        "weekof",
        rf"\bthe\s+week\s+of\s+(?P<mon>{MONTH})\s+(?P<d>{DAYNUM})\b(?:,?\s+(?P<y>{YEAR4})\b)?",
    ),
    (
        "month_year",
        rf"\b(?:{EDGE}|{PART_OF_MONTH})?(?P<mon>{MONTH})(?:(?:,?\s+|\s+of\s+)"
        rf"(?:(?P<y>{YEAR4})|(?P<sy>{SPOKEN_YEAR}))"
        r"\b(?!\s*(?:%|percent))"
        r"|\s+(?:of\s+)?(?P<ry>last|this|next)\s+year\b)",
    ),
    (
        "month",
        rf"\b(?:{EDGE}|{PART_OF_MONTH})?(?:(?P<rel>last|this|next|past|coming|previous|same)\s+)?"
        rf"(?P<mon>{MONTH_FULL}|{MONTH_ALONE})(?![\w']|\s+\d)",
    ),
    (
        "year",
        rf"(?<![\w$£€#.,/-])(?:{EDGE})?(?:(?P<fy>(?:fiscal|financial|calendar|model|school)"
        rf"(?:\s+year)?)\s+|(?P<yr>(?:the\s+)?year\s+))?(?P<y>{YEAR4}|'\d\d)"
        r"(?![\w%$€£/:-]|[.,]\d|\s+(?:percent|per\s+cent))",
    ),
    (
        "decade",
        rf"(?<![\w$])(?:the\s+)?(?:{EDGE})?(?:(?P<dec>(?:1[5-9]|20)\d0|'\d0|[1-9]0)'?s\b"
        r"|(?<=the\s)(?:nineteen[- ])?(?P<decw>twenties|thirties|forties|fifties|sixties"
        r"|seventies|eighties|nineties)\b)",
    ),
    (
        "century",
        rf"\b(?:the\s+)?(?:{EDGE})?(?:(?P<cord>{ORD}|\d{{1,2}}(?:st|nd|rd|th))|(?P<crel>this|last"
        rf"|next|past|previous))[- ]century\b",
    ),
    (
        "weekday",
        rf"\b{PART_OF}(?:(?P<ear>early|late)\s+)?(?:(?P<rel>last|this|next|past|coming|previous)"
        rf"\s+)?(?P<wd>{WEEKDAY})(?:'s)?(?:\s+(?P<part>{PART}))?(?![\w-])",
    ),
    (
        "deictic",
        r"\b(?:(?P<ear>early|late|earlier|later)\s+)?(?P<word>today|yesterday|tomorrow|tonight"
        r"|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:'s)?"
        rf"(?:\s+(?P<part>{PART}))?\b",
    ),
    (
        "partday",
        rf"\b(?:(?P<ear>early|late|earlier|later)\s+)?(?P<rel>this|last|tomorrow|yesterday)\s+"
        rf"(?P<part>{PART})\b",
    ),
    (
        "relperiod",
        rf"\b(?:{EDGE}|(?P<eart>earlier|later)\s+(?:(?:in|during)\s+)?)?"
        r"(?P<rel>last|this|next|the\s+past|the\s+coming|the\s+previous|the\s+current"
        r"|the\s+following|the\s+same|the\s+next|the\s+last|that\s+same|that|the\s+preceding"
        r"|the\s+prior"
        r"|the\s+latest|the\s+most\s+recent|the\s+upcoming|the\s+current\s+fiscal|this\s+fiscal"
        r"|last\s+fiscal|next\s+fiscal|the\s+new|the\s+recent|the\s+full|the\s+fiscal"
        r"|the\s+calendar|the)\s+"
        rf"(?P<unit>week|weekend|month|year|quarter|decade|day|morning|night|evening|afternoon"
        rf"|{SEASON}|half|period|season|winter|century|spring|summer)(?:'s)?\b(?![- ]old)",
    ),
    (
        "quarter",
        rf"\b(?:(?P<pre>(?:the\s+)?(?:(?:latest|last|current|this|next|same|first|year-ago|"
        r"year-earlier|year\s+ago|year\s+earlier|previous|prior|comparable|fiscal|calendar)\s+)*)"
        rf"|(?P<y1>{YEAR4})'?s?\s+|(?:fiscal\s+)(?P<fy>{YEAR4})'?s?\s+"
        r"|(?P<ry>last|this|next)\s+(?:fiscal\s+)?year'?s\s+(?:(?:fiscal|calendar)\s+)?)?"
        rf"(?P<q>{ORD}|final|last)[- ](?:fiscal[- ])?(?P<unit>quarter|half)"
        rf"(?:\s+(?:of\s+|in\s+)?(?:(?:fiscal|calendar)\s+(?:year\s+)?)?(?P<y2>{YEAR4})\b"
        r"|\s+of\s+(?P<rel2>this|last|next|the)\s+(?:fiscal\s+)?year\b)?",
    ),
    (
        "yearago",
        r"\b(?:the\s+)?(?:(?:same|comparable|corresponding|prior)\s+)?(?P<ya>year-ago|year-earlier|year\s+ago|year\s+earlier"
        r"|prior-year|year-before|previous-year|comparable|corresponding)"
        r"(?:\s+(?P<unit>quarter|period|month|week|day|year))?\b",
    ),
    (
        "yearperiod",
        rf"\bthe\s+(?P<y>{YEAR4})\s+(?P<unit>quarter|period|year)\b",
    ),
    (
        "spoken",
        rf"\b(?:the\s+year\s+)?{SPOKEN_YEAR}\b(?!\s+(?:\w+\s+)?(?:years|people|dollars))",
    ),
    ("qcode", rf"\b(?P<q>Q[1-4]|H[12])(?:\s+(?P<y>{YEAR4}))?\b"),
    (
        "season",
        rf"\b(?:{EDGE})?(?:(?P<rel>last|this|next|past|coming|previous|the)\s+)?(?P<s>{SEASON})"
        rf"(?:\s+(?:of\s+)?(?:(?P<y>{YEAR4})|(?P<sy>{SPOKEN_YEAR})))?\b(?![- ]long)",
    ),
    (
        "offset",
        rf"\b(?:(?P<approx>about|some|nearly|almost|roughly|around|approximately|more\s+than"
        rf"|less\s+than|just|only|over|at\s+least|barely)\s+)?(?P<n>{NUM}|{VAGUE}|a|an)"
        rf"(?:[- ]and[- ]a[- ]half)?[- ](?P<unit>{UNIT})s?\s+(?P<dir>ago|earlier|later|before"
        r"|after|from\s+now|hence|previously|since)\b",
    ),
    (
        "yearend",
        r"\b(?:the\s+)?(?:(?P<rel>last|this|next)\s+)?year(?:'s\s+|-|\s+)end\b",
    ),
    (
        "dayafter",
        r"\b(?P<what>the\s+day|the\s+week|the\s+month|the\s+year|the\s+night)\s+"
        r"(?P<dir>before|after)\b(?!\s+(?:yesterday|tomorrow))",
    ),
    (
        "set",
        rf"\b(?:(?:(?P<freq>once|twice|thrice|(?:{NUM}|several|many|a\s+few)\s+times)\s+)?"
        rf"(?P<every>every|each|per|a|an)\s+(?:(?P<n>{NUM})\s+|other\s+)?(?P<unit>second|minute"
        rf"|hour|day|night|week|month|quarter|year|decade|{WEEKDAY}|morning|evening"
        rf"|afternoon|{MONTH_FULL})s?\b|(?P<adv>{SET_WORD})\b|on\s+a\s+(?P<basis>daily|weekly|monthly"
        rf"|yearly|annual|quarterly|regular)\s+basis\b|(?P<wds>{WEEKDAY})s\b)",
    ),
    (
        "duration",
        rf"\b(?:(?P<approx>about|some|nearly|almost|roughly|around|approximately|more\s+than"
        rf"|less\s+than|fewer\s+than|up\s+to|at\s+least|at\s+most|over|under|just|only|barely"
        rf"|within|another|an\s+additional|no\s+more\s+than)\s+(?!the\b|its\b|their\b))?"
        rf"(?:(?P<the>the|its|their|his|her)\s+)?(?:(?P<rel>past|last|next|first|coming"
        rf"|previous|final|initial|following|preceding|recent|latest|remaining|prior)\s+)?"
        rf"(?P<n>half\s+an?|{NUM}|{VAGUE})(?P<half>[- ]and[- ]a[- ]half)?(?(the)\s+|(?:\s+|-))"
        rf"(?:(?P<more>more|straight|consecutive|full|additional|long|trading|business|working"
        rf"|calendar)\s+)?"
        rf"(?P<unit>{UNIT}|{SHORT_UNIT})s?(?P<long>[- ]long)?\b(?P<half2>\s+and\s+a\s+half\b)?"
        rf"(?![- ](?:olds?|earlier|ago|end)\b)",
    ),
    (
        "units",
        r"\b(?:(?P<the>the\s+)?(?P<rel>past|last|next|coming|recent|previous|few)\s+)?"
        r"(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)"
        r"(?P<long>[- ]long)?\b(?![- ]old)",
    ),
    (
        "clock",
        rf"\b(?:(?P<wd1>{WEEKDAY}|today|yesterday|tomorrow|tonight)\s+(?:at\s+)?)?"
        rf"(?:(?P<hh>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d)(?::(?P<ss>[0-5]\d))?)?\s*(?P<ap>{AMPM})"
        rf"|(?P<mil>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*(?:GMT|UTC|Z\b|[Hh]ours\b|hrs\b))"
        r"|(?P<milc>0\d[0-5]\d(?![\d:/-]|[.,]\d|\s*(?:%|percent))"
        r"|(?:1\d|2[0-3])[0-5]\d(?=\s+local\s+time\b))"
        rf"|(?P<hh24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?::(?P<ss24>[0-5]\d))?(?!\d)"
        rf"|(?P<nm>{CLOCK_PART})"
        r"|(?P<hb>1[0-2]|[1-9])(?=\s+(?:(?:this|that|tomorrow|yesterday|in\s+the)\s+(?:morning"
        r"|afternoon|evening|night)|tonight)\b)"
        rf"|(?P<oc>1[0-2]|[1-9]|{NUMWORD})\s+o'clock)"
        rf"(?:\s+in\s+the\s+(?P<inpart>morning|afternoon|evening|night)\b)?(?P<tz>{TZ})?"
        rf"(?:\s+(?:on\s+)?(?P<wd2>{WEEKDAY}|today|yesterday|tomorrow|tonight))?"
        rf"(?:,?\s+(?:on\s+)?(?P<cmon>{MONTH})\s+(?P<cd>{DAYNUM})\b(?:,?\s+(?P<cy>{YEAR4})\b)?)?"
        r"(?!\w)",
    ),
    ("overnight", r"\bovernight\b(?!-)"),
    (
        "ref",
        r"\b(?P<w>now|currently|current|recently|recent|lately|nowadays|formerly"
        r"|the\s+past|the\s+future|future|these\s+days|at\s+present|at\s+the\s+moment"
        r"|right\s+now|any\s+time\s+soon|recent\s+(?:years|months|weeks|days)|the\s+present"
        r"|(?<!\bonce\sin\s)(?:quite\s+)?a\s+(?:little\s+|good\s+)?while(?:\s+(?:ago|back))?"
        r")\b",
    ),
    (
        "holiday",
        rf"\b(?P<h>{HOLIDAY})\b",
    ),
]

RULES: list[tuple[str, re.Pattern]] = [(n, re.compile(p, re.I)) for n, p in _P]
"""(rule name, compiled case-insensitive pattern) for every kind of candidate."""
