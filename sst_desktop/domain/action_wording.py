"""A resolution worded as an action: what someone must now do.

Resolutions are passive clauses ("a further report be submitted to the next meeting …",
"arrangements be put in place …", "the possible submission of a bid be further explored"); the
action log wants an instruction ("Submit a further report to the next meeting …", "Put arrangements
in place …", "Explore further the possible submission of a bid"). The minute-taking window offers
this wording in an empty new action. Rules of thumb: the officer edits what does not read well.
"""

from __future__ import annotations

import re

_PASSIVE = re.compile(
    r"^(?:that\s+)?(?P<subject>.+?)\s+be\s+(?P<adverb>further\s+)?(?P<verb>[a-z]+)\b(?P<rest>.*)$"
)
_MOVED_WITH_REPORTS = re.compile(
    r"^(?P<article>an?|the)\s+(?P<what>(?:further\s+)?report)(?P<about>\s.*)?$", re.I
)
# "… and a report on progress be submitted to the next meeting" → ", and report on progress to the next meeting"
_AND_REPORT = re.compile(r"\s+and\s+(?:an?\s+)?report\s+on\s+(?P<on>.+?)\s+be\s+submitted\s+(?P<to>to\s.*)$")
_IRREGULAR = {
    "put": "put",
    "set": "set",
    "sent": "send",
    "made": "make",
    "given": "give",
    "taken": "take",
    "undertaken": "undertake",
    "written": "write",
    "held": "hold",
    "brought": "bring",
    "done": "do",
    "kept": "keep",
    "sought": "seek",
    "met": "meet",
    "agreed": "agree",
}
_KEEPS_E = ("at", "or", "is", "iz", "ur", "v", "c", "g", "s", "ir", "ud", "lud", "id")
# Not a verb after "be": a resolution like "the report be noted" has nothing to do.
_NOTHING_TO_DO = {"noted", "received", "approved", "endorsed", "welcomed", "thanked", "confirmed", "deferred"}


def base_verb(participle: str) -> str:
    """The verb of a past participle: submitted → submit, circulated → circulate, explored → explore."""
    word = participle.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if not word.endswith("ed"):
        return word
    stem = word[:-2]
    if stem.endswith("i"):
        return stem[:-1] + "y"  # notified → notify
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]  # submitted → submit
    if stem.endswith(_KEEPS_E):
        return stem + "e"  # circulated → circulate, explored → explore
    return stem  # developed → develop, requested → request


def as_action(resolution: str) -> str:
    """The resolution as an action ("" when it asks nothing to be done, as "the report be noted")."""
    clause = " ".join(resolution.split()).rstrip(".;")
    match = _PASSIVE.match(clause)
    if match is None or match["verb"] in _NOTHING_TO_DO:
        return ""
    verb = base_verb(match["verb"])
    subject, rest = match["subject"], _AND_REPORT.sub(r", and report on \g<on> \g<to>", match["rest"])
    adverb = "further " if match["adverb"] else ""
    if verb == "submit" and (report := _MOVED_WITH_REPORTS.match(subject)):
        # "a further report on X be submitted to the next meeting" → "Submit a further report on X to …"
        return f"Submit {report['article'].lower()} {report['what']}{report['about'] or ''}{rest}"
    if rest.startswith(" in place") or rest.startswith(" forward"):
        # "arrangements be put in place to …" → "Put arrangements in place to …"
        return f"{verb.capitalize()} {subject}{rest}"
    words = f"{verb} {adverb}{subject}{rest}"
    return words[0].upper() + words[1:]
