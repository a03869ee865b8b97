"""The direction of a change a figure states: "rose 5%" is up, "fell by 2 points" and "a 10% drop" are down.

A figure is a change when a verb of change governs it directly ("gained 3%", "was down 1.2 points",
"increased by an average of 4%") or a noun of change follows it ("a 10% drop", "0.7 percent higher").
The level a change reaches ("rose 5% to 3,010") and the level it starts from ("up from 2.4 million")
are not changes: the words "to", "at" and "from" stand between them and the verb.
"""

from __future__ import annotations

import regex

_UP_VERBS = (
    "rose|rise|rises|rising|risen|increased|increase|increases|increasing|grew|grow|grows|growing|grown|"
    "gained|gain|gains|gaining|jumped|jump|jumps|jumping|climbed|climb|climbs|climbing|soared|soar|soars|"
    "surged|surge|surges|rallied|rally|rallies|advanced|advance|advances|added|adds|add|"
    "up|higher|edged\\s+up|ticked\\s+up|went\\s+up|go\\s+up|goes\\s+up|picked\\s+up|spiked|leapt|leaped|"
    "expanded|expand|expands|expanding|advancing|soaring|surging|rallying|spiking|leaping|skyrocketed|"
    "skyrocketing|rocketed|rocketing|shot\\s+up|upward|upwards|revised\\s+up|widened|widening|widens"
)
_DOWN_VERBS = (
    "fell|fall|falls|falling|fallen|dropped|drop|drops|dropping|declined|decline|declines|declining|"
    "decreased|decrease|decreases|decreasing|lost|lose|loses|losing|slid|slide|slides|sliding|slipped|slip|"
    "slips|plunged|plunge|plunges|plummeted|plummet|plummets|tumbled|tumble|tumbles|sank|sink|sinks|sunk|"
    "shed|sheds|dipped|dip|dips|eased|ease|eases|slumped|slump|slumps|shrank|shrink|shrinks|shrunk|"
    "contracted|contract|contracts|down|lower|edged\\s+down|ticked\\s+down|went\\s+down|go\\s+down|"
    "goes\\s+down|retreated|retreats|skidded|sagged|tanked|dived|dove|plummeting|plunging|tumbling|sinking|"
    "shedding|dipping|slumping|shrinking|retreating|tanking|diving|sagging|skidding|nosedived|downward|downwards|"
    "revised\\s+down|narrowed|narrowing|narrows"
)
# "gave up 517 yards", "turned down 3 offers": "up" and "down" as the particle of another verb state no change.
_PARTICLE_VERB = (r"(?<!\b(?:give|gives|gave|given|giving|make|makes|made|making|set|sets|setting|sign|signs|signed|"
                  r"show|shows|showed|take|takes|took|taken|turn|turns|turned|shut|shuts|break|breaks|broke|broken|"
                  r"boil|boils|boiled|boiling|track|tracks|tracked|hunt|hunts|hunted)\s)")
# "grow sales by 35%", "cut its costs by 10%": a change verb, its object, then "by" and the amount.
_UP_OBJECT = ("grow|grows|grew|growing|increase|increases|increased|increasing|raise|raises|raised|raising|"
              "boost|boosts|boosted|boosting|lift|lifts|lifted|lifting|expand|expands|expanded|expanding")
_DOWN_OBJECT = ("cut|cuts|cutting|reduce|reduces|reduced|reducing|lower|lowers|lowered|lowering|slash|slashes|"
                "slashed|slashing|trim|trims|trimmed|trimming|decrease|decreases|decreased|decreasing")
# Transitive verbs are changes only with "by" ("cut by 10%"; "cut 500 jobs" counts what was cut).
_UP_BY = "raised|raise|raises|boosted|boost|boosts|lifted|lift|lifts|hiked|hike|hikes"
_DOWN_BY = "cut|cuts|reduced|reduce|reduces|lowered|lower|lowers|slashed|slash|slashes|trimmed|trim|trims"
_CHANGE_NOUN_UP = "increase|increases|rise|rises|jump|gain|gains|growth|hike|surge|improvement|boost|rebound|higher"
_CHANGE_NOUN_DOWN = ("drop|drops|decrease|decreases|decline|declines|fall|falls|cut|cuts|reduction|slump|plunge|dip|"
                     "lower")

# Words the text may put between the verb and the number: "by", a qualifier ("nearly", "about"),
# "an average of". A bare article is none: "added a 30 degree turn" adds a thing the number only describes.
_FILLER = (r"(?:\s+(?:by|of|another|a\s+further|an\s+additional|a\s+whopping|an\s+average\s+of|on\s+average|"
           r"nearly|almost|about|around|some|roughly|approximately|more\s+than|over|under|just|only|less\s+than|"
           r"as\s+much\s+as|up\s+to|at\s+least|a\s+record|a\s+sharp|a\s+modest|a\s+mere))*")
_BEFORE = regex.compile(
    rf"(?i)(?<![\p{{L}}-])(?:{_PARTICLE_VERB}(?P<up>{_UP_VERBS})|{_PARTICLE_VERB}(?P<down>{_DOWN_VERBS})"
    rf"|(?P<upby>{_UP_BY})\s+by|(?P<downby>{_DOWN_BY})\s+by"
    rf"|(?P<upobj>{_UP_OBJECT})(?:\s+[\p{{L}}'’-]+){{1,3}}\s+by|(?P<downobj>{_DOWN_OBJECT})(?:\s+[\p{{L}}'’-]+){{1,3}}\s+by"
    rf"|an?\s+(?P<upn>increase|rise|gain|jump|hike|boost)\s+of|an?\s+(?P<downn>decrease|decline|drop|fall|cut|reduction)\s+of)"
    rf"{_FILLER}\s*$"
)
_AFTER = regex.compile(
    rf"(?i)[\s-]{{0,3}}(?:(?:basis|percentage)\s+points?\s+|points?\s+|year-on-year\s+|annual\s+|overall\s+)?"
    rf"(?:(?P<up>{_CHANGE_NOUN_UP})|(?P<down>{_CHANGE_NOUN_DOWN}))(?![\p{{L}}-])"
)


def change_direction(text: str, start: int, end: int, floor: int = 0) -> str | None:
    """"up" or "down" when the figure at `text[start:end]` states a change; None otherwise.

    `floor` is where the figure's sentence starts: the words read before the figure stop there.
    """
    before = text[max(floor, start - 60):start]
    m = _BEFORE.search(before)
    if m:
        return "up" if (m.group("up") or m.group("upby") or m.group("upobj") or m.group("upn")) else "down"
    m = _AFTER.match(text, end, min(len(text), end + 40))
    if m:
        return "up" if m.group("up") else "down"
    return None
