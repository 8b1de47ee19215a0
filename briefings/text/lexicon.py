"""Word lists the parser and the question generator share.

One list per vocabulary, so the parser that finds a speaker and the
generator that asks about one agree on what counts as speech, a month, a
role or an abbreviation. Words are lower case unless a list says otherwise.
"""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """A lookup set from a whitespace-separated word list, so vocabularies stay readable."""
    return frozenset(words.split())


# Capitalised, as written.
MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBREVIATIONS: dict[str, str] = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "sept": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
# Capitalised, as written.
WEEKDAYS: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
CALENDAR_WORDS = frozenset(word.lower() for word in (*MONTHS, *WEEKDAYS))

# Finite verbs that introduce what someone said or wrote: "… Hale said", "said …".
SPEECH_VERBS = word_set("""
    said says say told tells tell stated states wrote writes added adds noted notes posted
    posts explained explains argued argues warned warns insisted insists claimed claims
    announced announces declared declares tweeted tweets replied replies asked asks
    recalled recalls urged urges testified posited asserted asserts assert assessed
    assesses assess indicated indicates stressed stresses emphasized emphasised cautioned
    acknowledged admitted concluded observed remarked continued
    """)
# Verbs that report a view or an account rather than words: only a person
# "believes", but "a statement described" is no attribution of a quote.
BELIEF_VERBS = word_set("believes believed thinks")
REPORTING_VERBS = word_set("reported described")
# Speech verbs that may come before their subject: '"…," said Hale'.
INVERTED_SPEECH_VERBS = word_set("said says added wrote asked replied")

# Titles written before a name ("Dr. Ann Lee", "Sen. Kaine").
HONORIFICS = word_set("""
    mr mrs ms mx dr prof rep sen gov gen adm col lt capt sgt rev hon sir dame madam
    """)
# Titles that say only how to address a person ("Ms. Lee"), not what they do.
COURTESY_TITLES = word_set("mr mrs ms miss")
# Words naming what a person does ("the reporter", "Deputy Minister").
ROLES = word_set("""
    adviser advisor aide administrator admiral ambassador analyst anchor assistant attorney
    author blogger cameraman campaigner candidate ceo captain chair chairman chairperson chairwoman
    chancellor chief colonel columnist commander commissioner congressman congresswoman consul
    counsel counselor counsellor
    correspondent defender delegate diplomat director economist editor emir envoy executive expert
    founder general governor head historian inspector investigator journalist judge king lady
    lawmaker lawyer leader lecturer legislator lieutenant manager marshal mayor mediator
    minister negotiator officer official photographer photojournalist premier presenter
    president prince princess producer professor prosecutor queen rapporteur reporter
    representative researcher scientist secretary senator sergeant speaker spokesman
    spokesperson spokeswoman writer treasurer comptroller
    agronomist coordinator doctor engineer farmer hydrologist member nurse schoolteacher
    superintendent supervisor teacher
    """)
# Lower-case words that may stand in a job title before the role word
# ("Brazilian deputy health minister", "local mayor", "their former leader").
ROLE_MODIFIERS = word_set("""
    acting army assistant associate award-winning border campaign chief city climate emeritus
    committee community company council group town union village water
    communications conflict current defence defense deputy district economic economy education
    energy environmental ex exiled federal first foreign former freedom freelance health human
    imprisoned incoming independent intelligence interim interior jailed junior justice late
    leading legal local longtime media military militant municipal national new news nuclear
    opposition outgoing party police policy political press prime program project prominent
    provincial rebel regional religious research rights science security senior space
    spiritual state studies top trade veteran vice
    """)

# Abbreviations whose full stop does not end a sentence ("Mr.", "Jan.", "approx.").
NON_FINAL_ABBREVIATIONS = word_set("""
    mr mrs ms mx dr prof rep sen gov gen adm col lt capt sgt rev hon maj cmdr st jr sr no nos
    vs al fig figs dept est approx ft mt univ e.g i.e rept
    """) | frozenset(MONTH_ABBREVIATIONS)
# Abbreviations that often do end a sentence ("… and Apple Inc. The company …"):
# a full stop after them ends one when a capital follows.
FINAL_ABBREVIATIONS = word_set("etc inc ltd co corp")

# Words that never open a name: a question ("What Is the Army's ...?"), a
# pointer to something named before ("This Fertilizer Fund") or a conjunction
# ("While the Army ...").
NOT_NAME_OPENERS = word_set(
    "what who whom whose how why when where which is are does do can this these that those "
    "while once although though because unless whereas"
)
ABBREVIATIONS = NON_FINAL_ABBREVIATIONS | FINAL_ABBREVIATIONS
"""Every word written with a full stop of its own."""
