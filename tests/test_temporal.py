"""The temporal tagger: extents, TIMEX3 types and values, anchors, ranges and non-dates.

The sentences are written for these tests. Unless a case names another DCT, the document
was written on Tuesday 4 February 2025, 09:00 UTC (ISO week 6, first quarter, winter).
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from timeline.temporal import tag
from timeline.timex import Timex

DCT = "2025-02-04"

Expected = list[tuple[str, str, str]]


def when(dct: str) -> datetime:
    """The DCT of a case: a date at 09:00 UTC."""
    return datetime.fromisoformat(dct).replace(hour=9, tzinfo=UTC)


def found(text: str, dct: str = DCT) -> Expected:
    """(text, type, value) of every timex the tagger finds."""
    return [(t.text, t.type, t.value) for t in tag(text, when(dct))]


# Each case: (sentence, DCT, expected timexes in order). Every case asserts the whole list,
# so a spurious extra timex fails it as surely as a wrong value.
ABSOLUTE: list[tuple[str, str, Expected]] = [
    ("The gala is on Feb. 19.", DCT, [("Feb. 19", "DATE", "2025-02-19")]),
    ("It opened February 19, 2025, in Seoul.", DCT, [("February 19, 2025", "DATE", "2025-02-19")]),
    ("The deal closed 19 February 2024.", DCT, [("19 February 2024", "DATE", "2024-02-19")]),
    (
        "The claim was filed on 2/19/2025 with the court.",
        DCT,
        [("2/19/2025", "DATE", "2025-02-19")],
    ),
    ("The record is dated 2025-02-19.", DCT, [("2025-02-19", "DATE", "2025-02-19")]),
    ("The report came out in July 2023.", DCT, [("July 2023", "DATE", "2023-07")]),
    ("Sales peaked in 1998.", DCT, [("1998", "DATE", "1998")]),
    ("The plant was built in the 1990s.", DCT, [("the 1990s", "DATE", "199")]),
    ("Music of the '80s is back.", DCT, [("the '80s", "DATE", "198")]),
    ("It was the biggest war of the 20th century.", DCT, [("the 20th century", "DATE", "19")]),
    ("The budget covers fiscal 2024.", DCT, [("fiscal 2024", "DATE", "2024")]),
    (
        "Growth slowed in the first half of 2026.",
        DCT,
        [("the first half of 2026", "DATE", "2026-H1")],
    ),
    (
        "Profit rose in the third quarter of 2024.",
        DCT,
        [("the third quarter of 2024", "DATE", "2024-Q3")],
    ),
    ("Revenue for Q3 2025 is forecast to rise.", DCT, [("Q3 2025", "DATE", "2025-Q3")]),
    ("The city flooded in the summer of 2019.", DCT, [("the summer of 2019", "DATE", "2019-SU")]),
    (
        "The bridge reopened on Monday, March 3, 2025.",
        DCT,
        [("Monday, March 3, 2025", "DATE", "2025-03-03")],
    ),
    (
        "Ratified on the 19th of February 2021, the treaty held.",
        DCT,
        [("the 19th of February 2021", "DATE", "2021-02-19")],
    ),
    ("The museum reopens Sept. 12, 2026.", DCT, [("Sept. 12, 2026", "DATE", "2026-09-12")]),
    ("The law took effect Jan. 1, 2020.", DCT, [("Jan. 1, 2020", "DATE", "2020-01-01")]),
    ("He was born in nineteen ninety-six.", DCT, [("nineteen ninety-six", "DATE", "1996")]),
    ("The ruling came in early 2022.", DCT, [("early 2022", "DATE", "2022")]),
    ("Construction ends in late 2027.", DCT, [("late 2027", "DATE", "2027")]),
    ("Prices fell by the end of 2023.", DCT, [("the end of 2023", "DATE", "2023")]),
    ("The team was founded in mid-1985.", DCT, [("mid-1985", "DATE", "1985")]),
    ("The results for fiscal year 2023 were strong.", DCT, [("fiscal year 2023", "DATE", "2023")]),
    ("Output fell in the late 1970s.", DCT, [("the late 1970s", "DATE", "197")]),
    ("The tower dates from the early 2000s.", DCT, [("the early 2000s", "DATE", "200")]),
    (
        "Rents rose in the second half of 2024.",
        DCT,
        [("the second half of 2024", "DATE", "2024-H2")],
    ),
    ("The firm was listed on 03/15/2019.", DCT, [("03/15/2019", "DATE", "2019-03-15")]),
    (
        "Earnings for the fourth quarter of 2023 beat forecasts.",
        DCT,
        [("the fourth quarter of 2023", "DATE", "2023-Q4")],
    ),
    ("Christmas 2023 was quiet.", DCT, [("Christmas 2023", "DATE", "2023-12-25")]),
    ("The vote falls on Election Day 2024.", DCT, [("Election Day 2024", "DATE", "2024-11-05")]),
    ("Families gathered on Thanksgiving 2024.", DCT, [("Thanksgiving 2024", "DATE", "2024-11-28")]),
    # Holidays fixed by a weekday of their month, and national days.
    (
        "Because of the Presidents Day holiday, the update will be posted Tuesday.",
        "2024-02-17",
        [("Presidents Day", "DATE", "2024-02-19"), ("Tuesday", "DATE", "2024-02-20")],
    ),
    (
        "Offices close on Martin Luther King Jr. Day 2024.",
        DCT,
        [("Martin Luther King Jr. Day 2024", "DATE", "2024-01-15")],
    ),
    ("Columbus Day 2023 fell early.", DCT, [("Columbus Day 2023", "DATE", "2023-10-09")]),
    ("Sales peaked on Mother's Day 2024.", DCT, [("Mother's Day 2024", "DATE", "2024-05-12")]),
    ("Paris paraded on Bastille Day 2024.", DCT, [("Bastille Day 2024", "DATE", "2024-07-14")]),
    ("Easter Monday 2024 was warm.", DCT, [("Easter Monday 2024", "DATE", "2024-04-01")]),
    ("Sales on Black Friday rose 3%.", "2014-01-09", [("Black Friday", "DATE", "2013-11-29")]),
    ("Black Friday sales were strong.", DCT, [("Black Friday", "DATE", "2024-11-29")]),
    (
        "The best view will come on Thanksgiving morning.",
        "2013-11-25",
        [("Thanksgiving morning", "TIME", "2013-11-28TMO")],
    ),
    (
        "Traffic peaked over the Thanksgiving weekend.",
        "2013-12-02",
        [("Thanksgiving weekend", "DATE", "2013-W48-WE")],
    ),
    # "will" in the date's own clause outweighs the nearness of last year's day.
    (
        "The final will be played in Kyiv on 26 May.",
        "2017-06-14",
        [("26 May", "DATE", "2018-05-26")],
    ),
    ("The final was played in Kyiv on 26 May.", "2017-06-14", [("26 May", "DATE", "2017-05-26")]),
    (
        "The team said it will review the match it lost on 26 May.",
        "2017-06-14",
        [("26 May", "DATE", "2017-05-26")],
    ),
    # A present-tense fixture list looks ahead.
    ("Every side plays on Boxing Day.", "2017-06-14", [("Boxing Day", "DATE", "2017-12-26")]),
    (
        "The protest happened in the winter of 2018.",
        DCT,
        [("the winter of 2018", "DATE", "2018-WI")],
    ),
    ("It snowed heavily in January 2021.", DCT, [("January 2021", "DATE", "2021-01")]),
]

MONTHS = [
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
]
MONTH_YEAR: list[tuple[str, str, Expected]] = [
    (f"The index hit a record in {name} 2022.", DCT, [(f"{name} 2022", "DATE", f"2022-{n:02d}")])
    for n, name in enumerate(MONTHS, 1)
]
ABBREVIATIONS = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
MONTH_DAY_YEAR: list[tuple[str, str, Expected]] = [
    (
        f"The hearing was held {abbr} 7, 2021, in court.",
        DCT,
        [(f"{abbr} 7, 2021", "DATE", f"2021-{n:02d}-07")],
    )
    for n, abbr in enumerate(ABBREVIATIONS, 1)
]

RANGES: list[tuple[str, str, Expected]] = [
    # A British range of days before its month.
    (
        "The festival runs from 1 to 4 June 2025.",
        DCT,
        [("1", "DATE", "2025-06-01"), ("4 June 2025", "DATE", "2025-06-04")],
    ),
    (
        "Between 10 and 12 March 2020, it rained.",
        DCT,
        [("10", "DATE", "2020-03-10"), ("12 March 2020", "DATE", "2020-03-12")],
    ),
    (
        "The dialogue runs on Feb. 21 and 22.",
        DCT,
        [("Feb. 21", "DATE", "2025-02-21"), ("22", "DATE", "2025-02-22")],
    ),
    (
        "The fair runs March 3-5.",
        DCT,
        [("March 3", "DATE", "2025-03-03"), ("5", "DATE", "2025-03-05")],
    ),
    (
        "Talks will be held from April 24-29.",
        DCT,
        [("April 24", "DATE", "2025-04-24"), ("29", "DATE", "2025-04-29")],
    ),
    (
        "The office is closed from May 1 to May 4.",
        DCT,
        [("May 1", "DATE", "2025-05-01"), ("May 4", "DATE", "2025-05-04")],
    ),
    (
        "The office will be closed Dec. 30 to Jan. 2.",
        "2024-12-15",
        [("Dec. 30", "DATE", "2024-12-30"), ("Jan. 2", "DATE", "2025-01-02")],
    ),
    (
        "The festival runs June 12 through June 15, 2025.",
        DCT,
        [("June 12", "DATE", "2025-06-12"), ("June 15, 2025", "DATE", "2025-06-15")],
    ),
    (
        "The strike lasted from Dec. 28 to Jan. 3, 2024.",
        DCT,
        [("Dec. 28", "DATE", "2023-12-28"), ("Jan. 3, 2024", "DATE", "2024-01-03")],
    ),
    (
        "Voting takes place Nov. 4-6.",
        "2025-10-01",
        [("Nov. 4", "DATE", "2025-11-04"), ("6", "DATE", "2025-11-06")],
    ),
    (
        "Sessions are set for July 8 and 9.",
        DCT,
        [("July 8", "DATE", "2025-07-08"), ("9", "DATE", "2025-07-09")],
    ),
    ("The show ran from 2019 to 2021.", DCT, [("2019", "DATE", "2019"), ("2021", "DATE", "2021")]),
]

RELATIVE: list[tuple[str, str, Expected]] = [
    ("The minister arrives today.", DCT, [("today", "DATE", "2025-02-04")]),
    ("The minister arrives tomorrow.", DCT, [("tomorrow", "DATE", "2025-02-05")]),
    ("The minister arrived yesterday.", DCT, [("yesterday", "DATE", "2025-02-03")]),
    # "tonight" is the night of the DCT; "overnight" the night just past, or the story's.
    ("The minister speaks tonight.", DCT, [("tonight", "TIME", "2025-02-04TNI")]),
    (
        "In New York overnight, the dollar jumped.",
        DCT,
        [("overnight", "TIME", "2025-02-03TNI")],
    ),
    (
        "Rescuers reached the mine on Jan. 23 and worked overnight to free them.",
        DCT,
        [("Jan. 23", "DATE", "2025-01-23"), ("overnight", "TIME", "2025-01-23TNI")],
    ),
    ("An overnight curfew was imposed.", DCT, []),
    ("Markets were calm this week.", DCT, [("this week", "DATE", "2025-W06")]),
    ("Markets were calm last week.", DCT, [("last week", "DATE", "2025-W05")]),
    ("Markets may rally next week.", DCT, [("next week", "DATE", "2025-W07")]),
    (
        "He will head to the United States later this month.",
        DCT,
        [("later this month", "DATE", "2025-02")],
    ),
    ("Sales fell last month.", DCT, [("last month", "DATE", "2025-01")]),
    ("Sales may recover next month.", DCT, [("next month", "DATE", "2025-03")]),
    ("The vote is set for early next month.", DCT, [("early next month", "DATE", "2025-03")]),
    ("Sales fell last year.", DCT, [("last year", "DATE", "2024")]),
    ("Sales will rise this year.", DCT, [("this year", "DATE", "2025")]),
    ("A new model is due next year.", DCT, [("next year", "DATE", "2026")]),
    ("The plan was drafted earlier this year.", DCT, [("earlier this year", "DATE", "2025")]),
    ("The company was founded two years ago.", DCT, [("two years ago", "DATE", "2023")]),
    # "Today is the eighth day of ...": the DCT, counted within something longer.
    (
        "It's the second day of a strike by the city's bus drivers.",
        DCT,
        [("the second day", "DATE", "2025-02-04")],
    ),
    ("The third day of the trial began with a witness.", DCT, []),
    # An anniversary: the same week, month or day that many years back.
    (
        "Fifty years ago this week, the bridge opened.",
        "2015-05-20",
        [("Fifty years ago this week", "DATE", "1965-W20")],
    ),
    ("A century ago today, the levee broke.", DCT, [("A century ago today", "DATE", "1925-02-04")]),
    # A week or two is counted in days, more weeks as a week.
    ("The fire started two weeks ago.", DCT, [("two weeks ago", "DATE", "2025-01-21")]),
    ("The fire started six weeks ago.", DCT, [("six weeks ago", "DATE", "2024-W52")]),
    (
        "The museum offered a reward on Aug. 13. A week later, a dealer called.",
        "2021-08-28",
        [("Aug. 13", "DATE", "2021-08-13"), ("A week later", "DATE", "2021-08-20")],
    ),
    ("The fire started three days ago.", DCT, [("three days ago", "DATE", "2025-02-01")]),
    ("The law passed six months ago.", DCT, [("six months ago", "DATE", "2024-08")]),
    ("The team will return in three days.", DCT, [("three days", "DATE", "2025-02-07")]),
    ("They will leave the coming weekend.", DCT, [("the coming weekend", "DATE", "2025-W06-WE")]),
    ("Crowds gathered last weekend.", DCT, [("last weekend", "DATE", "2025-W05-WE")]),
    ("Wages stagnated over the past decade.", DCT, [("the past decade", "DURATION", "P10Y")]),
    (
        "The minister will meet his counterpart next Tuesday.",
        DCT,
        [("next Tuesday", "DATE", "2025-02-11")],
    ),
    ("The minister met his counterpart last Friday.", DCT, [("last Friday", "DATE", "2025-01-31")]),
    ("The new rules take effect next January.", DCT, [("next January", "DATE", "2026-01")]),
    ("Trade was weak last December.", DCT, [("last December", "DATE", "2024-12")]),
    ("The crisis began last summer.", DCT, [("last summer", "DATE", "2024-SU")]),
    ("The works will be finished next spring.", DCT, [("next spring", "DATE", "2025-SP")]),
    ("The results were published this morning.", DCT, [("this morning", "TIME", "2025-02-04TMO")]),
    ("Storms hit the coast last night.", DCT, [("last night", "TIME", "2025-02-03TNI")]),
    ("The board will meet tomorrow morning.", DCT, [("tomorrow morning", "TIME", "2025-02-05TMO")]),
    (
        "Police were called yesterday afternoon.",
        DCT,
        [("yesterday afternoon", "TIME", "2025-02-03TAF")],
    ),
    ("Prices are rising now.", DCT, [("now", "DATE", "PRESENT_REF")]),
    ("The plant is currently closed.", DCT, [("currently", "DATE", "PRESENT_REF")]),
    ("The mayor recently resigned.", DCT, [("recently", "DATE", "PAST_REF")]),
    ("Rates may fall in the near future.", DCT, [("the near future", "DATE", "FUTURE_REF")]),
    ("In the past, the river flooded.", DCT, [("the past", "DATE", "PAST_REF")]),
    ("Profit fell in the latest quarter.", DCT, [("the latest quarter", "DATE", "2024-Q4")]),
    ("Profit will rise this quarter.", DCT, [("this quarter", "DATE", "2025-Q1")]),
    ("Profit fell last quarter.", DCT, [("last quarter", "DATE", "2024-Q4")]),
    ("The plant closes at year-end.", DCT, [("year-end", "DATE", "2025")]),
    ("The agency was set up a decade ago.", DCT, [("a decade ago", "DATE", "2015")]),
    ("A few years ago, the town was poor.", DCT, [("A few years ago", "DATE", "PAST_REF")]),
    (
        "Shares fell the day before yesterday.",
        DCT,
        [("the day before yesterday", "DATE", "2025-02-02")],
    ),
    (
        "The treaty will be signed the day after tomorrow.",
        DCT,
        [("the day after tomorrow", "DATE", "2025-02-06")],
    ),
    ("The strike continued this month.", DCT, [("this month", "DATE", "2025-02")]),
    ("The bank cut rates last fall.", DCT, [("last fall", "DATE", "2024-FA")]),
    ("The company expects a loss this summer.", DCT, [("this summer", "DATE", "2025-SU")]),
    ("The war ended this century.", DCT, [("this century", "DATE", "20")]),
    ("Results are due in the fourth quarter.", DCT, [("the fourth quarter", "DATE", "2025-Q4")]),
    ("The third-quarter loss widened.", DCT, [("third-quarter", "DATE", "2024-Q3")]),
    ("Deliveries were late in the first quarter.", DCT, [("the first quarter", "DATE", "2025-Q1")]),
    ("The plant will reopen in mid-March.", DCT, [("mid-March", "DATE", "2025-03")]),
    ("The plant reopened in mid-March.", DCT, [("mid-March", "DATE", "2024-03")]),
    ("Prices rose in late January.", DCT, [("late January", "DATE", "2025-01")]),
    ("The vote will be held in early April.", DCT, [("early April", "DATE", "2025-04")]),
]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Past tense: the most recent such day (the DCT's own weekday is the DCT itself).
WEEKDAY_PAST: list[tuple[str, str, Expected]] = [
    (
        f"The minister said {name} that talks had stalled.",
        DCT,
        [(name, "DATE", (date(2025, 2, 4) - timedelta(days=(1 - n) % 7)).isoformat())],
    )
    for n, name in enumerate(WEEKDAYS)
]
# Future tense: the next such day (the DCT's own weekday is still the DCT itself).
WEEKDAY_FUTURE: list[tuple[str, str, Expected]] = [
    (
        f"The minister will visit Seoul on {name}.",
        DCT,
        [(name, "DATE", (date(2025, 2, 4) + timedelta(days=(n - 1) % 7)).isoformat())],
    )
    for n, name in enumerate(WEEKDAYS)
]

YEARLESS: list[tuple[str, str, Expected]] = [
    ("The leaders will meet on Jan. 16.", "2024-12-10", [("Jan. 16", "DATE", "2025-01-16")]),
    ("The leaders met on Dec. 20.", "2025-01-10", [("Dec. 20", "DATE", "2024-12-20")]),
    ("The fund opened in March.", DCT, [("March", "DATE", "2024-03")]),
    ("The fund will open in March.", DCT, [("March", "DATE", "2025-03")]),
    ("The election is scheduled for November.", DCT, [("November", "DATE", "2025-11")]),
    ("The storm struck in December.", DCT, [("December", "DATE", "2024-12")]),
    ("The mine closed in February.", DCT, [("February", "DATE", "2025-02")]),
    ("The offer expires Feb. 28.", DCT, [("Feb. 28", "DATE", "2025-02-28")]),
    ("Ballots were counted Jan. 30.", DCT, [("Jan. 30", "DATE", "2025-01-30")]),
    ("The talks will resume Aug. 4.", DCT, [("Aug. 4", "DATE", "2025-08-04")]),
    ("The talks collapsed Aug. 4.", DCT, [("Aug. 4", "DATE", "2024-08-04")]),
    ("The dividend is payable March 1.", DCT, [("March 1", "DATE", "2025-03-01")]),
]

ANAPHORIC: list[tuple[str, str, Expected]] = [
    (
        "He attends a gala on Feb. 19. He meets officials the following day.",
        DCT,
        [("Feb. 19", "DATE", "2025-02-19"), ("the following day", "DATE", "2025-02-20")],
    ),
    (
        "The summit opened on March 10. The next day, leaders signed a pact.",
        DCT,
        [("March 10", "DATE", "2025-03-10"), ("The next day", "DATE", "2025-03-11")],
    ),
    (
        "The quake struck on Jan. 5, 2020. Aid arrived the same day.",
        DCT,
        [("Jan. 5, 2020", "DATE", "2020-01-05"), ("the same day", "DATE", "2020-01-05")],
    ),
    (
        "The ship sank on June 3, 2019. Two days later, divers found it.",
        DCT,
        [("June 3, 2019", "DATE", "2019-06-03"), ("Two days later", "DATE", "2019-06-05")],
    ),
    (
        "Polls closed on Oct. 8, 2023. Results came that week.",
        DCT,
        [("Oct. 8, 2023", "DATE", "2023-10-08"), ("that week", "DATE", "2023-W40")],
    ),
    (
        "The vote was held on May 9, 2022. The day before, rallies filled the streets.",
        DCT,
        [("May 9, 2022", "DATE", "2022-05-09"), ("The day before", "DATE", "2022-05-08")],
    ),
    (
        "The plant opened on April 2, 2018. A week later it closed.",
        DCT,
        [("April 2, 2018", "DATE", "2018-04-02"), ("A week later", "DATE", "2018-04-09")],
    ),
    (
        "The accord was signed on Sept. 1, 2016. The previous day, talks nearly failed.",
        DCT,
        [("Sept. 1, 2016", "DATE", "2016-09-01"), ("The previous day", "DATE", "2016-08-31")],
    ),
    (
        "Rioting began on Nov. 12, 2015. Earlier that day, a curfew was lifted.",
        DCT,
        [("Nov. 12, 2015", "DATE", "2015-11-12"), ("Earlier that day", "DATE", "2015-11-12")],
    ),
    (
        "The firm was sold in 2010. The following year, it moved.",
        DCT,
        [("2010", "DATE", "2010"), ("The following year", "DATE", "2011")],
    ),
    (
        "The treaty lapsed in March 2012. The following month, fighting resumed.",
        DCT,
        [("March 2012", "DATE", "2012-03"), ("The following month", "DATE", "2012-04")],
    ),
    (
        "The bank failed in 2008. That year, markets crashed.",
        DCT,
        [("2008", "DATE", "2008"), ("That year", "DATE", "2008")],
    ),
    (
        "Troops landed on July 1, 2021. Three days later, they withdrew.",
        DCT,
        [("July 1, 2021", "DATE", "2021-07-01"), ("Three days later", "DATE", "2021-07-04")],
    ),
    (
        "The court ruled on Feb. 3, 2024. The next morning, protests began.",
        DCT,
        [("Feb. 3, 2024", "DATE", "2024-02-03"), ("The next morning", "TIME", "2024-02-04TMO")],
    ),
]

TIMES: list[tuple[str, str, Expected]] = [
    (
        "The dinner starts at 7 p.m. on Feb. 19.",
        DCT,
        [("7 p.m.", "TIME", "2025-02-19T19:00"), ("Feb. 19", "DATE", "2025-02-19")],
    ),
    ("Kickoff is at 19:45 GMT.", DCT, [("19:45 GMT", "TIME", "2025-02-04T19:45")]),
    (
        "The market opens at 10 a.m. local time.",
        DCT,
        [("10 a.m. local time", "TIME", "2025-02-04T10:00")],
    ),
    ("The rally began at noon.", DCT, [("noon", "TIME", "2025-02-04T12:00")]),
    (
        "The launch is at 10:30 p.m. Korean time.",
        DCT,
        [("10:30 p.m. Korean time", "TIME", "2025-02-04T22:30")],
    ),
    ("Trading resumes at 10:00 KST.", DCT, [("10:00 KST", "TIME", "2025-02-04T10:00")]),
    ("The speech starts at 3 p.m. ET.", DCT, [("3 p.m. ET", "TIME", "2025-02-04T15:00")]),
    (
        "The blast occurred at 4:15 a.m. Monday.",
        DCT,
        [("4:15 a.m. Monday", "TIME", "2025-02-03T04:15")],
    ),
    # Midnight ends the day it is named with; "after midnight on Sunday" starts Sunday.
    ("Polls close at midnight.", DCT, [("midnight", "TIME", "2025-02-04T24:00")]),
    (
        "The deal expires at midnight Friday.",
        DCT,
        [("midnight Friday", "TIME", "2025-02-07T24:00")],
    ),
    (
        "The strike began shortly after midnight on Sunday.",
        DCT,
        [("midnight", "TIME", "2025-02-02T00:00"), ("Sunday", "DATE", "2025-02-02")],
    ),
    (
        "The flight lands at 6:45 a.m. tomorrow.",
        DCT,
        [("6:45 a.m. tomorrow", "TIME", "2025-02-05T06:45")],
    ),
    (
        "The fire broke out at 11 p.m. EST on Jan. 30.",
        DCT,
        [("11 p.m. EST", "TIME", "2025-01-30T23:00"), ("Jan. 30", "DATE", "2025-01-30")],
    ),
    (
        "On Feb. 10, 2025, the vote began at 8 a.m.",
        DCT,
        [("Feb. 10, 2025", "DATE", "2025-02-10"), ("8 a.m.", "TIME", "2025-02-10T08:00")],
    ),
    ("The ceremony starts at 2:30 PM.", DCT, [("2:30 PM", "TIME", "2025-02-04T14:30")]),
    ("Doors open at 9 o'clock.", DCT, [("9 o'clock", "TIME", "2025-02-04T09:00")]),
    (
        "The talks ended around 5 p.m. Friday.",
        DCT,
        [("around 5 p.m. Friday", "TIME", "2025-01-31T17:00")],
    ),
    ("Residents heard shots Saturday night.", DCT, [("Saturday night", "TIME", "2025-02-01TNI")]),
]

DURATIONS: list[tuple[str, str, Expected]] = [
    ("The summit lasted three days.", DCT, [("three days", "DURATION", "P3D")]),
    ("Leaders held a two-day summit.", DCT, [("two-day", "DURATION", "P2D")]),
    ("The plant was idle for 18 months.", DCT, [("18 months", "DURATION", "P18M")]),
    ("The siege lasted more than four hours.", DCT, [("more than four hours", "DURATION", "PT4H")]),
    ("Repairs took about two weeks.", DCT, [("two weeks", "DURATION", "P2W")]),
    (
        "Output doubled over the past three years.",
        DCT,
        [("the past three years", "DURATION", "P3Y")],
    ),
    ("The dispute dragged on for several years.", DCT, [("several years", "DURATION", "PXY")]),
    ("The flight took 1 1/2 hours.", DCT, [("1 1/2 hours", "DURATION", "PT1H30M")]),
    ("The blackout lasted 45 minutes.", DCT, [("45 minutes", "DURATION", "PT45M")]),
    ("He served a 10-year sentence.", DCT, [("10-year", "DURATION", "P10Y")]),
    (
        "Shares gained in the first nine months.",
        DCT,
        [("the first nine months", "DURATION", "P9M")],
    ),
    (
        "The firm plans to hire over the next two years.",
        DCT,
        [("the next two years", "DURATION", "P2Y")],
    ),
    ("The ban lasted a decade.", DCT, [("a decade", "DURATION", "P10Y")]),
    ("The drought lasted two decades.", DCT, [("two decades", "DURATION", "P20Y")]),
    ("Talks went on for a few days.", DCT, [("a few days", "DURATION", "PXD")]),
    ("The trial lasted nearly five weeks.", DCT, [("nearly five weeks", "DURATION", "P5W")]),
    # Decades and centuries count in years, known or not.
    ("The region has been at peace for centuries.", DCT, [("centuries", "DURATION", "PXY")]),
    ("It ended a decades-long feud.", DCT, [("decades-long", "DURATION", "PXY")]),
    ("The feud lasted two decades.", DCT, [("two decades", "DURATION", "P20Y")]),
    ("Reid signed a four-year, $100 million contract.", DCT, [("four-year", "DURATION", "P4Y")]),
    ("It took two and a half years.", DCT, [("two and a half years", "DURATION", "P2Y6M")]),
    # Only a ten takes a unit after it: "two five-year terms" is two terms of five years.
    ("He served two five-year terms.", DCT, [("five-year", "DURATION", "P5Y")]),
    ("It takes 4,000 years to orbit the sun.", DCT, [("4,000 years", "DURATION", "P4000Y")]),
    ("Workers walked out for 24 hours.", DCT, [("24 hours", "DURATION", "PT24H")]),
    ("The firm was fined within 30 days.", DCT, [("30 days", "DURATION", "P30D")]),
    ("It is a four-year term.", DCT, [("four-year", "DURATION", "P4Y")]),
    ("It rained for a week.", DCT, [("a week", "DURATION", "P1W")]),
    (
        "The queue moved for an hour and a half.",
        DCT,
        [("an hour and a half", "DURATION", "PT1H30M")],
    ),
    ("Prices have climbed in recent months.", DCT, [("recent months", "DURATION", "PXM")]),
    ("The flight lasted 2.5 hours.", DCT, [("2.5 hours", "DURATION", "PT2H30M")]),
    ("The loan runs for at least 10 years.", DCT, [("at least 10 years", "DURATION", "P10Y")]),
    ("He stayed for six weeks.", DCT, [("six weeks", "DURATION", "P6W")]),
    (
        "The strike cost the firm twenty-four days of output.",
        DCT,
        [("twenty-four days", "DURATION", "P24D")],
    ),
    ("The last two quarters were weak.", DCT, [("The last two quarters", "DURATION", "P2Q")]),
    ("It was a month-long festival.", DCT, [("month-long", "DURATION", "P1M")]),
    ("The crew worked for 90 seconds.", DCT, [("90 seconds", "DURATION", "PT90S")]),
]

NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
]
DURATION_WORDS: list[tuple[str, str, Expected]] = [
    (f"The exhibition stayed open for {word} days.", DCT, [(f"{word} days", "DURATION", f"P{n}D")])
    for n, word in enumerate(NUMBER_WORDS, 1)
] + [
    (f"The contract runs {word} years.", DCT, [(f"{word} years", "DURATION", f"P{n}Y")])
    for n, word in enumerate(NUMBER_WORDS, 1)
]

SETS: list[tuple[str, str, Expected]] = [
    # A set with its clock time is one set.
    (
        "The show airs Sundays at 9 p.m. ET.",
        DCT,
        [("Sundays at 9 p.m. ET", "SET", "XXXX-WXX-7T21:00")],
    ),
    ("The bulletin runs at 7 a.m. daily.", DCT, [("7 a.m. daily", "SET", "XXXX-XX-XXT07:00")]),
    (
        "The whistle sounded every morning at 5:30.",
        DCT,
        [("every morning at 5:30", "SET", "XXXX-XX-XXT05:30")],
    ),
    # ... and a clock time with its weekday's date is one time.
    (
        "The finale airs at 8 p.m. Tuesday, April 15.",
        "2025-04-11",
        [("8 p.m. Tuesday, April 15", "TIME", "2025-04-15T20:00")],
    ),
    ("The shelf thins every winter.", DCT, [("every winter", "SET", "XXXX-WI")]),
    (
        "Tours run every Sunday afternoon.",
        DCT,
        [("every Sunday afternoon", "SET", "XXXX-WXX-7TAF")],
    ),
    # A capitalised season before a name is part of the name.
    ("The Winter's Tale opens in March 2025.", DCT, [("March 2025", "DATE", "2025-03")]),
    ("The market meets every Monday.", DCT, [("every Monday", "SET", "XXXX-WXX-1")]),
    ("The newsletter appears weekly.", DCT, [("weekly", "SET", "P1W")]),
    ("The paper is published daily.", DCT, [("daily", "SET", "P1D")]),
    ("Rents are reviewed monthly.", DCT, [("monthly", "SET", "P1M")]),
    ("The board meets twice a year.", DCT, [("twice a year", "SET", "P1Y")]),
    ("Trains run every hour.", DCT, [("every hour", "SET", "PT1H")]),
    ("The fair is held each year.", DCT, [("each year", "SET", "P1Y")]),
    ("The choir sings on Sundays.", DCT, [("Sundays", "SET", "XXXX-WXX-7")]),
    ("The council meets every other week.", DCT, [("every other week", "SET", "P2W")]),
    ("Prices are checked every three months.", DCT, [("every three months", "SET", "P3M")]),
    ("The festival returns every July.", DCT, [("every July", "SET", "XXXX-07")]),
    ("The club meets each Thursday.", DCT, [("each Thursday", "SET", "XXXX-WXX-4")]),
    ("Guards patrol every night.", DCT, [("every night", "SET", "XXXX-XX-XXTNI")]),
    ("Readings are taken hourly.", DCT, [("hourly", "SET", "PT1H")]),
]

NOT_DATES: list[tuple[str, str, Expected]] = [
    ("In the long run, rents will fall.", DCT, []),
    ("Temperatures will fall into the 20s.", DCT, []),
    ("From Global Radio, this is The Weekend World.", DCT, []),
    ("The deal is worth $160 billion.", DCT, []),
    ("The economy added 830,000 jobs.", DCT, []),
    ("Tesla sold more Model 3 cars.", DCT, []),
    ("The G20 leaders disagreed.", DCT, []),
    ("Section 2 of the act was struck down.", DCT, []),
    ("The court ruled in a 5-4 vote.", DCT, []),
    ("Call 555-0199 for tickets.", DCT, []),
    ("Theresa May spoke to reporters.", DCT, []),
    ("Thousands march on the capital.", DCT, []),
    ("The home side won 3-1.", DCT, []),
    ("Inflation rose 4.5% and unemployment 3.9 percent.", DCT, []),
    ("The plant employs 1,990 people.", DCT, []),
    ("The company has 2000 employees.", DCT, []),
    ("It costs $2,024 per unit.", DCT, []),
    ("Rain may fall in some areas.", DCT, []),
    ("Flight 1549 landed safely.", DCT, []),
    ("They will march to the square.", DCT, []),
    ("The score was 21-17 at half-time.", DCT, []),
    ("He drove a quarter of the way.", DCT, []),
    ("The second round of talks failed.", DCT, []),
    ("Room 1204 was booked.", DCT, []),
    ("The motion passed 52 to 48.", DCT, []),
    ("Springs and falls are common in the hills.", DCT, []),
    ("The ratio stands at 3:2.", DCT, []),
]

ORDINALS = ["first", "second", "third", "fourth"]
QUARTERS: list[tuple[str, str, Expected]] = [
    (
        f"Profit rose in the {word} quarter of 2022.",
        DCT,
        [(f"the {word} quarter of 2022", "DATE", f"2022-Q{n}")],
    )
    for n, word in enumerate(ORDINALS, 1)
] + [
    (f"Orders for Q{n} 2023 were firm.", DCT, [(f"Q{n} 2023", "DATE", f"2023-Q{n}")])
    for n in range(1, 5)
]
SEASONS: list[tuple[str, str, Expected]] = [
    (
        f"The dam was finished in the {season} of 2020.",
        DCT,
        [(f"the {season} of 2020", "DATE", f"2020-{code}")],
    )
    for season, code in [("spring", "SP"), ("summer", "SU"), ("fall", "FA"), ("winter", "WI")]
] + [
    (f"Talks resumed in {season} 2021.", DCT, [(f"{season} 2021", "DATE", f"2021-{code}")])
    for season, code in [("spring", "SP"), ("summer", "SU"), ("autumn", "FA"), ("winter", "WI")]
]
DECADES: list[tuple[str, str, Expected]] = [
    (f"Car ownership grew in the {y}s.", DCT, [(f"the {y}s", "DATE", str(y)[:3])])
    for y in (1920, 1950, 1960, 1970, 2010)
]
ISO_DATES: list[tuple[str, str, Expected]] = [
    (f"The log entry reads {d}.", DCT, [(d, "DATE", d)])
    for d in ("2024-01-31", "2023-07-04", "2020-02-29", "1999-12-31", "2025-11-11")
]
DAY_PARTS: list[tuple[str, str, Expected]] = [
    ("Fighting resumed yesterday evening.", DCT, [("yesterday evening", "TIME", "2025-02-03TEV")]),
    ("The storm will hit tomorrow night.", DCT, [("tomorrow night", "TIME", "2025-02-05TNI")]),
    ("The polls opened this afternoon.", DCT, [("this afternoon", "TIME", "2025-02-04TAF")]),
    ("Shots were heard Sunday morning.", DCT, [("Sunday morning", "TIME", "2025-02-02TMO")]),
    ("The ferry left Friday evening.", DCT, [("Friday evening", "TIME", "2025-01-31TEV")]),
]

# Tense cues the event framer tripped on. 5 February 2025 is a Wednesday; the DCT default
# (4 February) a Tuesday.
WED = "2025-02-05"
TENSE: list[tuple[str, str, Expected]] = [
    # A participle after "will be", "would be", "to be" is future, not a past "-ed".
    ("The verdict will be announced Friday.", WED, [("Friday", "DATE", "2025-02-07")]),
    ("The winners would be named Friday, the jury said.", WED, [("Friday", "DATE", "2025-02-07")]),
    ("The plan is expected to be approved Friday.", WED, [("Friday", "DATE", "2025-02-07")]),
    ("The results are to be published Monday.", WED, [("Monday", "DATE", "2025-02-10")]),
    ("Ticket prices will be revealed on Thursday.", WED, [("Thursday", "DATE", "2025-02-06")]),
    # A reporting verb is still a past report when nothing auxiliary stands before it.
    (
        "The ministry announced Friday that the border was open.",
        WED,
        [("Friday", "DATE", "2025-01-31")],
    ),
    # "can", "may", "could" + verb, "coming", "starting on" point forward.
    (
        "Residents can vote early in the coming primary starting on Friday.",
        DCT,
        [("Friday", "DATE", "2025-02-07")],
    ),
    ("Voters may register Saturday at city hall.", DCT, [("Saturday", "DATE", "2025-02-08")]),
    ("Stargazers could see the comet Thursday.", DCT, [("Thursday", "DATE", "2025-02-06")]),
    ("Fares rise starting Monday.", DCT, [("Monday", "DATE", "2025-02-10")]),
    # ... but a modal before "have" or "could not" report the past.
    ("Rebels may have crossed the river Sunday.", DCT, [("Sunday", "DATE", "2025-02-02")]),
    ("Rescuers could not reach the village Saturday.", DCT, [("Saturday", "DATE", "2025-02-01")]),
    ("The offer had been due to expire Friday.", DCT, [("Friday", "DATE", "2025-01-31")]),
    # An infinitive far from the date is a purpose, not the tense of the date ...
    (
        "Crowds gathered to celebrate the country's entry into the union on Friday.",
        "2025-02-08",
        [("Friday", "DATE", "2025-02-07")],
    ),
    # ... unless a word of commitment governs it.
    (
        "The bank agreed to buy the insurer, a unit of the group, in March.",
        DCT,
        [("March", "DATE", "2025-03")],
    ),
    (
        "Among the first to sign the pact on Friday were Chile and Peru.",
        DCT,
        [("Friday", "DATE", "2025-01-31")],
    ),
    # "planned" is a past plan: the event may be over ("a service planned for Saturday was
    # cancelled").
    (
        "A vigil planned at the university for Saturday was cancelled.",
        DCT,
        [("Saturday", "DATE", "2025-02-01")],
    ),
    # A year-less month without tense is the nearer one.
    (
        "The firm is under a June agreement with its lenders.",
        "2024-10-20",
        [("June", "DATE", "2024-06")],
    ),
    (
        "The loan is part of a program to pay down debt by February.",
        "2024-10-20",
        [("February", "DATE", "2025-02")],
    ),
    # "last <month>": the month a year back when it is the current or the previous month.
    (
        "The company has grown since it first invited them last June.",
        "2023-07-12",
        [("last June", "DATE", "2022-06")],
    ),
    (
        "Two helicopters crashed last February.",
        "2025-03-01",
        [("last February", "DATE", "2024-02")],
    ),
    ("The rules changed last April.", "2024-10-20", [("last April", "DATE", "2024-04")]),
    ("Sales slumped last July.", "2024-07-15", [("last July", "DATE", "2023-07")]),
    # "last", "next" and "ended" before a year-less day fix its side of the DCT, however
    # near the other occurrence is.
    ("The mill burned down last Oct. 23.", "2024-09-01", [("Oct. 23", "DATE", "2023-10-23")]),
    ("The vote is set for next May 4.", "2024-04-20", [("May 4", "DATE", "2024-05-04")]),
    (
        "The retailer's fiscal year ended Jan. 31 with record sales.",
        "2024-10-30",
        [("Jan. 31", "DATE", "2024-01-31")],
    ),
    (
        "Sales for the year ended Jan. 31 rose 4%.",
        "2024-10-30",
        [("the year", "DURATION", "P1Y"), ("Jan. 31", "DATE", "2024-01-31")],
    ),
    # A month without tense is the past one unless it is at most two months ahead.
    (
        "The stock, at $12 in March, now trades at $30.",
        "2024-10-28",
        [("March", "DATE", "2024-03"), ("now", "DATE", "PRESENT_REF")],
    ),
    ("The December deadline looms.", "2024-10-28", [("December", "DATE", "2024-12")]),
    # "to be" + participle is an infinitive that looks ahead.
    (
        "The mayor announced a budget to be presented Friday.",
        WED,
        [("Friday", "DATE", "2025-02-07")],
    ),
    (
        "Officials said a hearing to be held in early March would decide.",
        "2025-01-20",
        [("early March", "DATE", "2025-03")],
    ),
    ("A memorial to be unveiled Sunday honours the crew.", WED, [("Sunday", "DATE", "2025-02-09")]),
    # A deadline granted or moved lies ahead; a plain "until" keeps the clause's tense.
    ("The judge gave the lawyers until Friday to file.", WED, [("Friday", "DATE", "2025-02-07")]),
    ("The council postponed the vote until Tuesday.", WED, [("Tuesday", "DATE", "2025-02-11")]),
    (
        "The bank extended the credit line through March.",
        "2024-10-28",
        [("March", "DATE", "2025-03")],
    ),
    ("The road stayed closed until Monday.", WED, [("Monday", "DATE", "2025-02-03")]),
]

# Earnings reports: "a year ago" compares with the last completed quarter the story named,
# or with the whole period once it talks of nine months or a year.
NOV = "2024-11-06"
EARNINGS: list[tuple[str, str, Expected]] = [
    # Results come out once their quarter is over; an outlook names the quarter ahead.
    (
        "Lumina will report fourth-quarter results on Jan. 29.",
        "2026-01-13",
        [("fourth-quarter", "DATE", "2025-Q4"), ("Jan. 29", "DATE", "2026-01-29")],
    ),
    (
        "The company expects fourth-quarter sales to be flat.",
        "2026-04-13",
        [("fourth-quarter", "DATE", "2026-Q4")],
    ),
    # In January and February "the fourth quarter" is the one just over, unless a span
    # runs until it.
    (
        "The company expects earnings for the fourth quarter of $1.12 a share.",
        "2014-01-09",
        [("the fourth quarter", "DATE", "2013-Q4")],
    ),
    (
        "Most see the bank on hold until at least the fourth quarter.",
        "2014-02-18",
        [("the fourth quarter", "DATE", "2014-Q4")],
    ),
    # A month named in the clause after the quarter is what "a year earlier" compares.
    (
        "Exports rose 7% in the first quarter. In March alone, exports fell 2.7 percent from "
        "a year earlier.",
        "2018-04-13",
        [
            ("the first quarter", "DATE", "2018-Q1"),
            ("March", "DATE", "2018-03"),
            ("a year earlier", "DATE", "2017-03"),
        ],
    ),
    # "of the year" belongs to the half or quarter; "should" looks ahead.
    (
        "Growth should moderate in the second half of the year.",
        "2021-01-10",
        [("the second half of the year", "DATE", "2021-H2")],
    ),
    # A quarter or half named by its months.
    (
        "Profit in the April-June quarter rose 40%.",
        "2021-07-29",
        [("the April-June quarter", "DATE", "2021-Q2")],
    ),
    (
        "Sales in the July-December 2020 half fell.",
        "2021-07-29",
        [("the July-December 2020 half", "DATE", "2020-H2")],
    ),
    # "the same period" is the period last named, an outlook included.
    (
        "Third-quarter profit rose 5%. The company expects fourth-quarter sales to be flat "
        "compared with the same period last year.",
        "2011-10-24",
        [
            ("Third-quarter", "DATE", "2011-Q3"),
            ("fourth-quarter", "DATE", "2011-Q4"),
            ("the same period last year", "DATE", "2010-Q4"),
        ],
    ),
    (
        "Net rose in the third quarter from a year ago.",
        NOV,
        [("the third quarter", "DATE", "2024-Q3"), ("a year ago", "DATE", "2023-Q3")],
    ),
    (
        "Losses in the latest quarter widened from a year earlier.",
        NOV,
        [("the latest quarter", "DATE", "2024-Q3"), ("a year earlier", "DATE", "2023-Q3")],
    ),
    (
        "The charge will hit the fourth quarter. Sales in the latest quarter fell.",
        NOV,
        [("the fourth quarter", "DATE", "2024-Q4"), ("the latest quarter", "DATE", "2024-Q3")],
    ),
    (
        "Third-quarter net fell. For the nine months, net rose from a year earlier.",
        NOV,
        [
            ("Third-quarter", "DATE", "2024-Q3"),
            ("the nine months", "DURATION", "P9M"),
            ("a year earlier", "DATE", "2023"),
        ],
    ),
    (
        "For the first nine months, net rose from a loss in the 2023 period.",
        NOV,
        [("the first nine months", "DURATION", "P9M"), ("the 2023 period", "DATE", "2023")],
    ),
    (
        "Revenue for the year ended June 30 was flat.",
        NOV,
        [("the year", "DURATION", "P1Y"), ("June 30", "DATE", "2024-06-30")],
    ),
    (
        "The firm forecast higher earnings for the full year.",
        NOV,
        [("the full year", "DATE", "2024")],
    ),
    ("Volume was flat for the year, the company said.", NOV, [("the year", "DATE", "2024")]),
    ("Profit will rise in the fiscal year.", NOV, [("the fiscal year", "DATE", "2024")]),
    ("Sales fell the year before.", NOV, []),
    # An earlier quarter named in passing leaves the reported (latest) quarter in place.
    (
        "Net rose in the third quarter. After a flat second quarter, sales grew. "
        "Charges hit the year-earlier period.",
        NOV,
        [
            ("the third quarter", "DATE", "2024-Q3"),
            ("second quarter", "DATE", "2024-Q2"),
            ("the year-earlier period", "DATE", "2023-Q3"),
        ],
    ),
    # "current" as an adjective of time, not of accounts or periods.
    ("Growth slowed under current market conditions.", NOV, [("current", "DATE", "PRESENT_REF")]),
    (
        "He entered his current position in April.",
        NOV,
        [("current", "DATE", "PRESENT_REF"), ("April", "DATE", "2024-04")],
    ),
    ("The current account deficit widened.", NOV, []),
    (
        "Sales in the current quarter look strong.",
        NOV,
        [("the current quarter", "DATE", "2024-Q4")],
    ),
]

# Shapes found while reading news wires.
WIRE: list[tuple[str, str, Expected]] = [
    (
        "Atlanta nineteen ninety-six. A bomb blast shook the games.",
        DCT,
        [("nineteen ninety-six", "DATE", "1996")],
    ),
    (
        "He was shot to death last Oct. 23 at his home.",
        "2025-04-19",
        [("Oct. 23", "DATE", "2024-10-23")],
    ),
    (
        "The Times said in an editorial on Monday, Oct. 26: The murder was vile.",
        "2024-10-26",
        [("Monday, Oct. 26", "DATE", "2024-10-26")],
    ),
    ("Three-quarters of the voters agreed.", DCT, []),
    ("The plan saves $500 million a year in costs.", DCT, []),
    ("Mr. Reupke, 52 years old, will retire.", DCT, []),
    ("For Poland, high noon comes at last.", DCT, []),
    ("Crowds joined the annual March for Life.", DCT, []),
    ("He spoke on CBS's 60 Minutes program.", DCT, []),
    (
        "The case may be heard the week of March 6, his lawyer said.",
        "2025-02-24",
        [("the week of March 6", "DATE", "2025-W10")],
    ),
    (
        "Crowds are expected on the roads this summer.",
        "2025-03-22",
        [("this summer", "DATE", "2025-SU")],
    ),
    ("Heating bills soared this winter.", "2025-01-10", [("this winter", "DATE", "2024-WI")]),
    ("The firm posted its first quarterly loss.", DCT, []),
    ("The board raised the quarterly dividend.", DCT, []),
    ("Sales should rise 8% annually.", DCT, []),
    ("The paper is published daily.", DCT, [("daily", "SET", "P1D")]),
    (
        "Talks that are supposed to conclude by May resumed.",
        "2025-03-22",
        [("May", "DATE", "2025-05")],
    ),
    (
        "The accession was planned for early March.",
        "2025-02-10",
        [("early March", "DATE", "2025-03")],
    ),
    # "expected" without "to" still looks ahead; "than expected" does not.
    (
        "Closing, which is expected in December, needs approval.",
        "2024-11-02",
        [("December", "DATE", "2024-12")],
    ),
    # Past forms equal to the present: "set", "cut", "hit".
    (
        "The index is near its record high set on Aug. 6.",
        "2025-02-06",
        [("Aug. 6", "DATE", "2024-08-06")],
    ),
    ("Prices hit a record Friday.", DCT, [("Friday", "DATE", "2025-01-31")]),
    ("The storm could hit the coast Friday.", DCT, [("Friday", "DATE", "2025-02-07")]),
    ("The storm will hit Friday.", DCT, [("Friday", "DATE", "2025-02-07")]),
    ("The company plans to cut jobs Friday.", DCT, [("Friday", "DATE", "2025-02-07")]),
    ("Profits fell as expected Friday.", DCT, [("Friday", "DATE", "2025-01-31")]),
    (
        "The summit set for Washington in April drew protests.",
        "2025-03-12",
        [("April", "DATE", "2025-04")],
    ),
    # "to more than" is no infinitive; "a still unspecified date" is no past verb.
    (
        "Program trading amounted to more than 13% in September.",
        "2024-10-30",
        [("September", "DATE", "2024-09")],
    ),
    (
        "The split would be paid on a still unspecified date in January.",
        "2024-10-26",
        [("January", "DATE", "2025-01")],
    ),
    # A holiday near the DCT is that one whatever the tense; "<holiday> week" is its week.
    ("Pilgrims arrived as Easter week began.", "2025-04-14", [("Easter week", "DATE", "2025-W16")]),
    (
        "Crowds filled the square as Christmas week began.",
        "2024-12-20",
        [("Christmas week", "DATE", "2024-W52")],
    ),
    ("Sales were strong last Christmas.", "2024-12-20", [("last Christmas", "DATE", "2023-12-25")]),
    # "one day" after a modal or a subject is some day, not a day long.
    (
        "Engineers hope they will one day land on Mars.",
        DCT,
        [("one day", "DATE", "FUTURE_REF")],
    ),
    ("He stayed one day in Rome.", DCT, [("one day", "DURATION", "P1D")]),
    # A capitalised "This Week" inside a sentence is a title.
    ('The minister said on ABC\'s "This Week" that talks would go on.', DCT, []),
    ("This Week: markets rally.", DCT, [("This Week", "DATE", "2025-W06")]),
    # "the past" before a count is no reference to the past.
    ("The team won the title in the past three seasons.", DCT, []),
    # "mid-afternoon" is a part of the day: of the day named with it, else of the clause's.
    (
        "By mid-afternoon, the market had recovered.",
        DCT,
        [("mid-afternoon", "TIME", "2025-02-04TAF")],
    ),
    (
        "Shares fell at mid-afternoon yesterday.",
        DCT,
        [("mid-afternoon yesterday", "TIME", "2025-02-03TAF")],
    ),
    (
        "The talks broke off mid-morning Friday.",
        DCT,
        [("mid-morning Friday", "TIME", "2025-01-31TMO")],
    ),
    (
        "On Feb. 3, by mid afternoon, rebels withdrew.",
        DCT,
        [("Feb. 3", "DATE", "2025-02-03"), ("mid afternoon", "TIME", "2025-02-03TAF")],
    ),
    # "the weeks ahead", "over the years": a stretch of unknown length.
    ("Prices may fall in the weeks ahead.", DCT, [("the weeks ahead", "DURATION", "PXW")]),
    ("Over the years, the town grew.", DCT, [("the years", "DURATION", "PXY")]),
    ("He read the years of records.", DCT, []),
    # A vague count of quarters followed by a bare noun counts periods, not a fraction.
    (
        "It turned a profit after several quarters of losses.",
        DCT,
        [("several quarters", "DURATION", "PXQ")],
    ),
    ("Several quarters of the city flooded.", DCT, []),
    # Halves of a decade keep the decade, with its start or end as the MOD.
    (
        "Inflation soared in the last half of the '70s.",
        DCT,
        [("the last half of the '70s", "DATE", "197")],
    ),
    (
        "The first half of the 1990s was calm.",
        DCT,
        [("The first half of the 1990s", "DATE", "199")],
    ),
]

# A date that only dates the telling ("said Monday", "told reporters on Friday", "In a
# statement on Monday, ...") keeps its value, but the story's anaphora and bare clock times
# count from the story's own last day.
REPORTING: list[tuple[str, str, Expected]] = [
    (
        "The ferry service will restart on Saturday, the port authority said Monday. Crews "
        "will test the boats that morning, and the first sailing leaves the following day.",
        DCT,
        [
            ("Saturday", "DATE", "2025-02-08"),
            ("Monday", "DATE", "2025-02-03"),
            ("that morning", "TIME", "2025-02-08TMO"),
            ("the following day", "DATE", "2025-02-09"),
        ],
    ),
    (
        "Kestrel Games will show its console at a showcase on Feb. 20, the studio announced on "
        "Monday. The stream starts at 11 a.m. Eastern time.",
        DCT,
        [
            ("Feb. 20", "DATE", "2025-02-20"),
            ("Monday", "DATE", "2025-02-03"),
            ("11 a.m. Eastern time", "TIME", "2025-02-20T11:00"),
        ],
    ),
    (
        "The harbour festival opens on March 8, organisers told reporters on Friday. Fireworks "
        "are planned for that evening.",
        DCT,
        [
            ("March 8", "DATE", "2025-03-08"),
            ("Friday", "DATE", "2025-01-31"),
            ("that evening", "TIME", "2025-03-08TEV"),
        ],
    ),
    (
        "The plant will shut on Feb. 14, the union said in a statement on Monday. Pickets "
        "gather outside the gates the next day.",
        DCT,
        [
            ("Feb. 14", "DATE", "2025-02-14"),
            ("Monday", "DATE", "2025-02-03"),
            ("the next day", "DATE", "2025-02-15"),
        ],
    ),
    (
        "The orchestra plays Oslo on Feb. 22. On Monday, the tour manager said the players "
        "would fly to Bergen the following day.",
        DCT,
        [
            ("Feb. 22", "DATE", "2025-02-22"),
            ("Monday", "DATE", "2025-02-03"),
            ("the following day", "DATE", "2025-02-23"),
        ],
    ),
    # A clock time in the report's own sentence takes the story's date, not the report's ...
    (
        "The company said Monday that its shareholder vote opens at 9 a.m. on Feb. 12.",
        DCT,
        [
            ("Monday", "DATE", "2025-02-03"),
            ("9 a.m.", "TIME", "2025-02-12T09:00"),
            ("Feb. 12", "DATE", "2025-02-12"),
        ],
    ),
    # ... unless it stands right next to the report's date.
    (
        "The agency said Monday at 3 p.m. that the strike had ended.",
        DCT,
        [("Monday", "DATE", "2025-02-03"), ("3 p.m.", "TIME", "2025-02-03T15:00")],
    ),
    # With no day of the story's own, anaphora fall back on the day of the report.
    (
        "The mayor said Monday that the road had reopened that afternoon.",
        DCT,
        [("Monday", "DATE", "2025-02-03"), ("that afternoon", "TIME", "2025-02-03TAF")],
    ),
]

# A bare weekday with a present-tense verb of scheduling is the coming one; past tense, a
# negated or perfect verb, or a report keeps it in the past.
PRESENT_TENSE: list[tuple[str, str, Expected]] = [
    (
        "Tickets for the tour go on sale Friday at 10 a.m.",
        DCT,
        [("Friday", "DATE", "2025-02-07"), ("10 a.m.", "TIME", "2025-02-07T10:00")],
    ),
    (
        "The exhibition opens Saturday at the city museum.",
        DCT,
        [("Saturday", "DATE", "2025-02-08")],
    ),
    ("The new speed limit takes effect Sunday.", DCT, [("Sunday", "DATE", "2025-02-09")]),
    ("The deadline for comments is Thursday.", DCT, [("Thursday", "DATE", "2025-02-06")]),
    ("The two clubs meet Saturday in Leeds.", DCT, [("Saturday", "DATE", "2025-02-08")]),
    ("Both envoys arrive separately Monday in Geneva.", DCT, [("Monday", "DATE", "2025-02-10")]),
    ("The exhibition opened Saturday.", DCT, [("Saturday", "DATE", "2025-02-01")]),
    ("The committee did not meet Thursday.", DCT, [("Thursday", "DATE", "2025-01-30")]),
    ("The museum said Friday it had closed.", DCT, [("Friday", "DATE", "2025-01-31")]),
    ("The dinner is held Saturday.", DCT, [("Saturday", "DATE", "2025-02-08")]),
    (
        "Grain prices have come down since the highs of October.",
        DCT,
        [("October", "DATE", "2024-10")],
    ),
    (
        "The bank is under an October agreement with its lenders.",
        DCT,
        [("October", "DATE", "2024-10")],
    ),
]

# A clock time without a date of its own takes the date before it, never one of a later
# sentence.
CLOCK_AFTER_DATE: list[tuple[str, str, Expected]] = [
    (
        "The final is played in Lyon on Saturday, March 8. Kick-off is at 8 p.m. local time, "
        "which is 2 p.m. in Montreal. Two days later the squad flies home.",
        DCT,
        [
            ("Saturday, March 8", "DATE", "2025-03-08"),
            ("8 p.m. local time", "TIME", "2025-03-08T20:00"),
            ("2 p.m.", "TIME", "2025-03-08T14:00"),
            ("Two days later", "DATE", "2025-03-10"),
        ],
    ),
    (
        "The cup draw is on March 3. Doors open at 6 p.m. local time. Next Thursday the clubs "
        "learn more.",
        DCT,
        [
            ("March 3", "DATE", "2025-03-03"),
            ("6 p.m. local time", "TIME", "2025-03-03T18:00"),
            ("Next Thursday", "DATE", "2025-02-06"),
        ],
    ),
    # Within its own sentence a time still takes the date that follows it.
    (
        "The vote opens at 9 a.m. on March 3.",
        DCT,
        [("9 a.m.", "TIME", "2025-03-03T09:00"), ("March 3", "DATE", "2025-03-03")],
    ),
]

# A weekday before a British day-month is part of the date, not a day of its own.
WEEKDAY_DAY_MONTH: list[tuple[str, str, Expected]] = [
    (
        "The inquest was adjourned until Thursday 13 February at 2pm.",
        DCT,
        [("Thursday 13 February", "DATE", "2025-02-13"), ("2pm", "TIME", "2025-02-13T14:00")],
    ),
    ("The council meets on Monday, 10 March.", DCT, [("Monday, 10 March", "DATE", "2025-03-10")]),
    (
        "Rehearsals finish on Saturday the 15th of February.",
        DCT,
        [("Saturday the 15th of February", "DATE", "2025-02-15")],
    ),
    ("On Friday 12 members resigned.", DCT, [("Friday", "DATE", "2025-01-31")]),
]

# A clock time takes a date of its sentence only next to it, not past a clause boundary.
CLOCK_CLAUSE: list[tuple[str, str, Expected]] = [
    (
        "Gates open at 8:30 a.m., with the main race on Saturday.",
        DCT,
        [("8:30 a.m.", "TIME", "2025-02-04T08:30"), ("Saturday", "DATE", "2025-02-08")],
    ),
    (
        "Counting starts at 9 p.m., and the results are due the following day.",
        DCT,
        [("9 p.m.", "TIME", "2025-02-04T21:00"), ("the following day", "DATE", "2025-02-05")],
    ),
    (
        "Voting ends at 6 p.m.; the count begins on Wednesday.",
        DCT,
        [("6 p.m.", "TIME", "2025-02-04T18:00"), ("Wednesday", "DATE", "2025-02-05")],
    ),
    (
        "The ferry leaves on March 3 at 9 a.m. and returns two days later.",
        DCT,
        [
            ("March 3", "DATE", "2025-03-03"),
            ("9 a.m.", "TIME", "2025-03-03T09:00"),
            ("two days later", "DATE", "2025-03-05"),
        ],
    ),
]

# A present perfect dates the act; the span it sets ("from ... until ...") is in force from
# now on. The closing half of a span points the way its opening half does.
PERFECT_SPAN: list[tuple[str, str, Expected]] = [
    (
        "The ministry has declared a heat alert from Thursday afternoon until Saturday night.",
        DCT,
        [
            ("Thursday afternoon", "TIME", "2025-02-06TAF"),
            ("Saturday night", "TIME", "2025-02-08TNI"),
        ],
    ),
    (
        "Police have closed the park from Friday through Sunday.",
        DCT,
        [("Friday", "DATE", "2025-02-07"), ("Sunday", "DATE", "2025-02-09")],
    ),
    (
        "The station shut the line from Friday to Sunday.",
        DCT,
        [("Friday", "DATE", "2025-01-31"), ("Sunday", "DATE", "2025-02-02")],
    ),
    (
        "A storm watch has been posted for the coast and the islands from Thursday morning "
        "through Friday evening.",
        DCT,
        [
            ("Thursday morning", "TIME", "2025-02-06TMO"),
            ("Friday evening", "TIME", "2025-02-07TEV"),
        ],
    ),
]

# A date that opens its sentence takes the tense of the main clause after it, however far
# away its verb is, and not of a relative clause in between.
FRONTED = [
    (
        "On Thursday, the National Council of Pharmacy Boards plans to hold a hearing.",
        DCT,
        [("Thursday", "DATE", "2025-02-06")],
    ),
    (
        "On Thursday, the national council of pharmacy boards held a long hearing.",
        DCT,
        [("Thursday", "DATE", "2025-01-30")],
    ),
    (
        "On Friday, at a hearing in Denver that lasted three hours, the lawyers will "
        "argue the appeal.",
        DCT,
        [("Friday", "DATE", "2025-02-07"), ("three hours", "DURATION", "PT3H")],
    ),
    (
        "Late Monday, firefighters in the hills above the town said the blaze was contained.",
        DCT,
        [("Late Monday", "DATE", "2025-02-03")],
    ),
    (
        "On Saturday the committee, which has met twice, opens its public inquiry.",
        DCT,
        [("Saturday", "DATE", "2025-02-08")],
    ),
]

# A clock time named with its part of the day; a weekday fixed by its week or by its day of
# the month; a slash date written year first.
CLOCK_AND_WEEKDAY_FORMS = [
    (
        "The ferry leaves at 4:30 in the afternoon.",
        DCT,
        [("4:30 in the afternoon", "TIME", "2025-02-04T16:30")],
    ),
    (
        "Doors open at 8 in the evening.",
        DCT,
        [("8 in the evening", "TIME", "2025-02-04T20:00")],
    ),
    (
        "The alarm went off around 2 at night.",
        DCT,
        [("around 2 at night", "TIME", "2025-02-04T02:00")],
    ),
    ("The shift ends at 11 at night.", DCT, [("11 at night", "TIME", "2025-02-04T23:00")]),
    # A number before "at night" that no preposition makes a time is no time.
    ("The home side scored 3 at night in the rain.", DCT, []),
    ("The vote is on Friday next week.", DCT, [("Friday next week", "DATE", "2025-02-14")]),
    ("They met on Monday last week.", DCT, [("Monday last week", "DATE", "2025-01-27")]),
    (
        "The board met on Tuesday of last week.",
        DCT,
        [("Tuesday of last week", "DATE", "2025-01-28")],
    ),
    # "this September" is the DCT year's, whichever way the clause points.
    ("I'll be out this September.", DCT, [("this September", "DATE", "2025-09")]),
    ("Sales were weak this January.", "2025-11-07", [("this January", "DATE", "2025-01")]),
    (
        "The board meets on Thursday this week.",
        DCT,
        [("Thursday this week", "DATE", "2025-02-06")],
    ),
    ("The final is on Sunday 16th.", DCT, [("Sunday 16th", "DATE", "2025-02-16")]),
    ("Talks resumed on Friday the 31st.", DCT, [("Friday the 31st", "DATE", "2025-01-31")]),
    ("The court sits again on Monday, the 3rd.", DCT, [("Monday, the 3rd", "DATE", "2025-02-03")]),
    ("The figures were released on 2025/01/28.", DCT, [("2025/01/28", "DATE", "2025-01-28")]),
]

# "the day before" right before a dated day names the day next to it.
DAY_NEXT_TO = [
    # "the evening of" a dated day is that part of it.
    (
        "Trading opens on the evening of March 15.",
        "2017-03-06",
        [("the evening of March 15", "TIME", "2017-03-15TEV")],
    ),
    (
        "The talks resume the day after Christmas.",
        "2024-12-10",
        [("the day after Christmas", "DATE", "2024-12-26")],
    ),
    (
        "Delegates arrive the night before Feb. 19.",
        DCT,
        [("the night before Feb. 19", "TIME", "2025-02-18TNI")],
    ),
    (
        "The day before last Tuesday's hearing, the lawyers met.",
        "2025-02-06",
        [("The day before last Tuesday", "DATE", "2025-02-03")],
    ),
]

# Clauses that point ahead though a past form stands in them, and their look-alikes.
AHEAD_OF_THE_ACT = [
    # "-ed" after a preposition is an adjective, not a past verb.
    (
        "Trains would run at reduced speed from Thursday evening.",
        DCT,
        [("Thursday evening", "TIME", "2025-02-06TEV")],
    ),
    # A plan changed for a day, a time allowed until a day.
    ("All sailings have been cancelled for Thursday.", DCT, [("Thursday", "DATE", "2025-02-06")]),
    (
        "Residents had until 7 a.m. Thursday to get out.",
        DCT,
        [("7 a.m. Thursday", "TIME", "2025-02-06T07:00")],
    ),
    # "have" with an object is no perfect.
    (
        "The coach said the striker would have surgery Thursday.",
        DCT,
        [("Thursday", "DATE", "2025-02-06")],
    ),
    ("The striker would have played Thursday.", DCT, [("Thursday", "DATE", "2025-01-30")]),
    # A span that opens on the day, with no past verb, runs from now on.
    (
        "The warning is in force from 18:00 on Thursday.",
        DCT,
        [("18:00", "TIME", "2025-02-06T18:00"), ("Thursday", "DATE", "2025-02-06")],
    ),
    (
        "A yellow warning covers the coast from early Thursday.",
        DCT,
        [("early Thursday", "DATE", "2025-02-06")],
    ),
    ("Prices have come down from Thursday's peak.", DCT, [("Thursday", "DATE", "2025-01-30")]),
    # "late" belongs to the day it modifies, like "early".
    (
        "The storm is on track to hit the coast late Thursday or early Friday.",
        DCT,
        [("late Thursday", "DATE", "2025-02-06"), ("early Friday", "DATE", "2025-02-07")],
    ),
]

# Which day a clock time is on: the day right after it, and not a day the tense of its own
# clause rules out.
CLOCK_DAY = [
    (
        "The next meeting is on 20 March. The pound fell 0.4% by 15:30 as traders scaled back "
        "their bets.",
        DCT,
        [("20 March", "DATE", "2025-03-20"), ("15:30", "TIME", "2025-02-04T15:30")],
    ),
    (
        "The rocket is due to leave the pad at 21:14 local time on Friday (00:14 GMT on Saturday).",
        DCT,
        [
            ("21:14 local time", "TIME", "2025-02-07T21:14"),
            ("Friday", "DATE", "2025-02-07"),
            ("00:14 GMT", "TIME", "2025-02-08T00:14"),
            ("Saturday", "DATE", "2025-02-08"),
        ],
    ),
    (
        "The programme, released on Saturday evening, says the guests will be greeted at 12:30.",
        DCT,
        [
            ("Saturday evening", "TIME", "2025-02-01TEV"),
            ("12:30", "TIME", "2025-02-04T12:30"),
        ],
    ),
    # Anaphora in a future clause go on from the story's last day ahead, not from a day
    # gone by that came between.
    (
        "The president will arrive in London on Thursday for a state visit, the palace said "
        "on Sunday. The programme was released on Saturday. A banquet will be held that evening.",
        DCT,
        [
            ("Thursday", "DATE", "2025-02-06"),
            ("Sunday", "DATE", "2025-02-02"),
            ("Saturday", "DATE", "2025-02-01"),
            ("that evening", "TIME", "2025-02-06TEV"),
        ],
    ),
    # The closing half of a span or a pair points the way its opening half does.
    (
        "The warning is in force from 18:00 on Thursday until midnight on Friday.",
        DCT,
        [
            ("18:00", "TIME", "2025-02-06T18:00"),
            ("Thursday", "DATE", "2025-02-06"),
            ("midnight", "TIME", "2025-02-07T24:00"),
            ("Friday", "DATE", "2025-02-07"),
        ],
    ),
    (
        "The storm strengthened on Monday and was on track to hit the coast late Thursday or "
        "early Friday.",
        DCT,
        [
            ("Monday", "DATE", "2025-02-03"),
            ("late Thursday", "DATE", "2025-02-06"),
            ("early Friday", "DATE", "2025-02-07"),
        ],
    ),
]

# A month that is a person's name, counted sets, and parts of a century or decade.
NAMES_SETS_AND_CENTURIES = [
    ("Sir Geoffrey May stood down. May, who watched the count, was pleased.", DCT, []),
    ("May said the vote was close.", DCT, []),
    ("The vote was held in May, when turnout fell.", DCT, [("May", "DATE", "2024-05")]),
    ("The Bank sets rates eight times a year.", DCT, [("eight times a year", "SET", "P1Y")]),
    (
        "Pledges put the world on course for 2.6C of warming by the end of the century.",
        DCT,
        [("the end of the century", "DATE", "20")],
    ),
    (
        "Most aim for net zero by the middle of the century.",
        DCT,
        [("the middle of the century", "DATE", "20")],
    ),
    (
        "Sales should double by the end of the decade.",
        DCT,
        [("the end of the decade", "DATE", "202")],
    ),
]

# Wire copy: datelines, report tags, four-digit clocks with a zone, city clocks, and
# sentence ends after a clock time.
WIRE_CLOCKS = [
    # The dateline's date dates the filing: a clock time later goes with the story's day.
    (
        "SEOUL, Feb. 4 (Yonhap) -- The leaders will hold talks on Thursday. They will meet "
        "the press at 12:30 p.m., a spokesman told reporters.",
        DCT,
        [
            ("Feb. 4", "DATE", "2025-02-04"),
            ("Thursday", "DATE", "2025-02-06"),
            ("12:30 p.m.", "TIME", "2025-02-06T12:30"),
        ],
    ),
    # ", it said" after the date is the telling, not the clause's verb.
    (
        "The signal was likely to be hoisted between 2 a.m. and 5 a.m. Thursday, it said.",
        DCT,
        [("2 a.m.", "TIME", "2025-02-06T02:00"), ("5 a.m. Thursday", "TIME", "2025-02-06T05:00")],
    ),
    # "followed by a ..." is no past verb; "last" after "and" is the verb.
    (
        "The talks will open on Thursday at 10 a.m. and last two hours, followed by a press "
        "conference at 12:30 p.m.",
        DCT,
        [
            ("Thursday", "DATE", "2025-02-06"),
            ("10 a.m.", "TIME", "2025-02-06T10:00"),
            ("two hours", "DURATION", "PT2H"),
            ("12:30 p.m.", "TIME", "2025-02-06T12:30"),
        ],
    ),
    (
        "The six-day show, held every two years, runs until Sunday.",
        DCT,
        [
            ("six-day", "DURATION", "P6D"),
            ("every two years", "SET", "P2Y"),
            ("Sunday", "DATE", "2025-02-09"),
        ],
    ),
    # "p.m." then a sentence opener ends the sentence.
    (
        "The observatory will raise the signal at 4 p.m. The next one may follow on Thursday.",
        DCT,
        [("4 p.m.", "TIME", "2025-02-04T16:00"), ("Thursday", "DATE", "2025-02-06")],
    ),
    # A later clock time keeps its own day, unless the two make a range.
    (
        "At 5 p.m., the dollar fetched 96.85 yen, up from 93.20 yen at 5 p.m. Monday.",
        DCT,
        [("5 p.m.", "TIME", "2025-02-04T17:00"), ("5 p.m. Monday", "TIME", "2025-02-03T17:00")],
    ),
    (
        "The talks will begin at 10 a.m. Seoul time (0100 GMT) on Thursday.",
        DCT,
        [
            ("10 a.m. Seoul time", "TIME", "2025-02-06T10:00"),
            ("0100 GMT", "TIME", "2025-02-06T01:00"),
            ("Thursday", "DATE", "2025-02-06"),
        ],
    ),
    ("Residents can call the line on 1800 226 216.", DCT, []),
    ("Brent was down 41 cents by 1132 GMT.", DCT, [("1132 GMT", "TIME", "2025-02-04T11:32")]),
    (
        "The hall stays open until midnight tonight.",
        DCT,
        [("midnight tonight", "TIME", "2025-02-04T24:00")],
    ),
    # "Thursday's vote" is past unless its own clause schedules it.
    (
        "Thursday's vote is scheduled for 2:15 p.m., aides said.",
        DCT,
        [("Thursday", "DATE", "2025-02-06"), ("2:15 p.m.", "TIME", "2025-02-06T14:15")],
    ),
    ("Thursday's vote was close.", DCT, [("Thursday", "DATE", "2025-01-30")]),
    (
        "The race continues on Wednesday, ahead of Thursday's time trial.",
        DCT,
        [("Wednesday", "DATE", "2025-02-05"), ("Thursday", "DATE", "2025-02-06")],
    ),
    # ", said" after a clause is no report of the date; an "-ed" word right after an
    # infinitive's verb is an adjective ("to raise regulated prices").
    (
        "Halvorsen, whose fiscal year ends May 31, said the deal would add to earnings.",
        "2014-01-27",
        [("May 31", "DATE", "2014-05-31")],
    ),
    (
        "The government had agreed to raise regulated fuel prices in April.",
        "2014-03-27",
        [("April", "DATE", "2014-04")],
    ),
    # A closing price is a price already set; "stay closed" is no past verb.
    (
        "Holders will receive $38.50 a share, a 27% premium to the closing price on Friday.",
        DCT,
        [("Friday", "DATE", "2025-01-31")],
    ),
    (
        "The deal is scheduled to close Monday.",
        DCT,
        [("Monday", "DATE", "2025-02-10")],
    ),
    (
        "Offices were closed Monday and will stay closed through Friday.",
        DCT,
        [("Monday", "DATE", "2025-02-03"), ("Friday", "DATE", "2025-02-07")],
    ),
    # A hyphenated "-ed" word is an adjective; "setting up" looks ahead; a noun of intent
    # far from the date leaves it to the clause's verb.
    (
        "Leaders said they will hold a vote on the long-stalled border bill on Thursday.",
        DCT,
        [("Thursday", "DATE", "2025-02-06")],
    ),
    (
        "Supporters turned in signatures on Saturday, setting up a special election in June.",
        DCT,
        [("Saturday", "DATE", "2025-02-01"), ("June", "DATE", "2025-06")],
    ),
    (
        "Two bidders extended their offers to acquire the Toronto-based vaccine maker Friday.",
        DCT,
        [("Friday", "DATE", "2025-01-31")],
    ),
    # What is forecast to happen lies ahead.
    (
        "The storm is forecast to make landfall in the south on Thursday night.",
        DCT,
        [("Thursday night", "TIME", "2025-02-06TNI")],
    ),
    # "that June", "the following May" count from the story's month.
    (
        "The scheme unraveled on March 3, 2022. Keel was arrested that June at his home.",
        DCT,
        [("March 3, 2022", "DATE", "2022-03-03"), ("that June", "DATE", "2022-06")],
    ),
    (
        "Talks began in October 2020 and stalled the following May.",
        DCT,
        [("October 2020", "DATE", "2020-10"), ("the following May", "DATE", "2021-05")],
    ),
    ("He said that May would resign.", DCT, []),
    # "that December closed the ferry": a month that is no name takes any verb after it;
    # "the following spring" is the first spring after the story's month.
    (
        "Work began in March 1961. Ice jams that December closed the ferry, and the toll "
        "was dropped the following spring.",
        DCT,
        [
            ("March 1961", "DATE", "1961-03"),
            ("that December", "DATE", "1961-12"),
            ("the following spring", "DATE", "1962-SP"),
        ],
    ),
    # "earlier in the week" is "earlier this week".
    (
        "Brazil beat Germany earlier in the week.",
        DCT,
        [("earlier in the week", "DATE", "2025-W06")],
    ),
    ("It rained in the week.", DCT, []),
    (
        "Prices rose at the start of the month.",
        DCT,
        [("the start of the month", "DATE", "2025-02")],
    ),
    # "that summer" is the summer of the year the story named.
    (
        "The firm listed in June 2018, and its shares peaked that summer.",
        DCT,
        [("June 2018", "DATE", "2018-06"), ("that summer", "DATE", "2018-SU")],
    ),
    # An infinitive is too weak a cue to leave the story's past day for a later one.
    (
        "The miners finished work at 6 a.m. Friday. The roof gave way Sunday night, and "
        "rescuers were ordered to pull back the next morning.",
        "2025-02-07",
        [
            ("6 a.m. Friday", "TIME", "2025-02-07T06:00"),
            ("Sunday night", "TIME", "2025-02-02TNI"),
            ("the next morning", "TIME", "2025-02-03TMO"),
        ],
    ),
]

# Dates and years as broadcasts speak them.
SPOKEN = [
    (
        "It's Thursday, November twelfth, nineteen ninety-eight.",
        "1998-11-12",
        [("Thursday, November twelfth, nineteen ninety-eight", "DATE", "1998-11-12")],
    ),
    ("The vote is on May first.", DCT, [("May first", "DATE", "2025-05-01")]),
    ("The strike began on February twenty-ninth.", "2004-03-09", [
        ("February twenty-ninth", "DATE", "2004-02-29"),
    ]),
    ("In May the first group arrived.", DCT, [("May", "DATE", "2024-05")]),
    # Clock times as broadcasts speak them.
    (
        "The strike begins at twelve-oh-one a.m. Thursday.",
        DCT,
        [("twelve-oh-one a.m. Thursday", "TIME", "2025-02-06T00:01")],
    ),
    (
        "Talks resume at ten o'clock tomorrow morning.",
        DCT,
        [("ten o'clock tomorrow morning", "TIME", "2025-02-05T10:00")],
    ),
    ("The high comes at nine a.m. Central.", DCT, [
        ("nine a.m. Central", "TIME", "2025-02-04T09:00"),
    ]),
    ("The ferry left about six in the morning.", DCT, [
        ("six in the morning", "TIME", "2025-02-04T06:00"),
    ]),
    ("He scored two in the first half.", DCT, [("the first half", "DATE", "2025-H1")]),
    ("The festival began in two thousand and twelve.", DCT, [
        ("two thousand and twelve", "DATE", "2012"),
    ]),
]

CASES = (
    ABSOLUTE
    + QUARTERS
    + SEASONS
    + DECADES
    + ISO_DATES
    + DAY_PARTS
    + MONTH_YEAR
    + MONTH_DAY_YEAR
    + RANGES
    + RELATIVE
    + WEEKDAY_PAST
    + WEEKDAY_FUTURE
    + YEARLESS
    + ANAPHORIC
    + TIMES
    + DURATIONS
    + DURATION_WORDS
    + SETS
    + NOT_DATES
    + TENSE
    + EARNINGS
    + WIRE
    + REPORTING
    + PRESENT_TENSE
    + CLOCK_AFTER_DATE
    + WEEKDAY_DAY_MONTH
    + CLOCK_CLAUSE
    + PERFECT_SPAN
    + FRONTED
    + CLOCK_AND_WEEKDAY_FORMS
    + DAY_NEXT_TO
    + AHEAD_OF_THE_ACT
    + CLOCK_DAY
    + NAMES_SETS_AND_CENTURIES
    + WIRE_CLOCKS
    + SPOKEN
)


@pytest.mark.parametrize(("sentence", "dct", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_sentence(sentence: str, dct: str, expected: Expected) -> None:
    assert found(sentence, dct) == expected


def test_the_table_is_large() -> None:
    assert len(CASES) >= 300


def by_text(timexes: list[Timex], text: str) -> Timex:
    """The one timex with the given text."""
    matches = [t for t in timexes if t.text == text]
    assert len(matches) == 1, [t.text for t in timexes]
    return matches[0]


def test_anaphora_points_at_the_last_day_of_the_narrative() -> None:
    text = (
        "He will head to Washington later this month. He attends a gala on Feb. 19. "
        "He meets officials the following day."
    )
    timexes = tag(text, when(DCT))
    gala = timexes.index(by_text(timexes, "Feb. 19"))
    following = by_text(timexes, "the following day")
    assert following.anchor == f"timex:{gala}"
    assert following.anchor_index == gala
    assert following.value == "2025-02-20"


def test_anaphora_without_a_narrative_day_falls_back_to_the_dct() -> None:
    timexes = tag("Officials met the following day.", when(DCT))
    assert [(t.value, t.anchor) for t in timexes] == [("2025-02-05", "dct")]


def test_anaphora_skips_coarser_dates_for_the_day() -> None:
    text = "The ship sank on June 3, 2019. Repairs lasted into 2020. The next day, divers came."
    timexes = tag(text, when(DCT))
    assert by_text(timexes, "The next day").value == "2019-06-04"


def test_relative_and_absolute_anchors() -> None:
    timexes = tag("On Feb. 19, 2025, and tomorrow, he speaks.", when(DCT))
    assert [t.anchor for t in timexes] == ["none", "dct"]


def test_range_start_links_the_second_half_to_the_first() -> None:
    timexes = tag("The dialogue runs on Feb. 21 and 22.", when(DCT))
    assert [(t.text, t.range_start) for t in timexes] == [("Feb. 21", None), ("22", 0)]


def test_range_across_the_new_year_rolls_the_year() -> None:
    timexes = tag("The office is shut Dec. 30 to Jan. 2.", when("2024-12-15"))
    assert [(t.value, t.range_start) for t in timexes] == [("2024-12-30", None), ("2025-01-02", 0)]


def test_from_to_range_in_a_longer_text() -> None:
    text = "Earlier, on Jan. 5, rain fell. The fair runs from May 1 to May 4."
    timexes = tag(text, when(DCT))
    first = timexes.index(by_text(timexes, "May 1"))
    assert by_text(timexes, "May 4").range_start == first


@pytest.mark.parametrize(
    ("sentence", "extent"),
    [
        ("The talks resume on Feb. 19.", "Feb. 19"),
        ("The talks resumed in 2019.", "2019"),
        ("The plant opened during the summer of 2018.", "the summer of 2018"),
        ("The talks resume at 7 p.m.", "7 p.m."),
        ("They have been there since last year.", "last year"),
        ("The law passes by next week.", "next week"),
        ("The strike lasted for three days.", "three days"),
        ("Prices fell over the past two months.", "the past two months"),
        ("The shop closes until Tuesday.", "Tuesday"),
        ("The paper appeared within two weeks.", "two weeks"),
        ("The deal closes at the end of the next month.", "the end of the next month"),
        ("Accounts are settled at year-end 2024.", "year-end 2024"),
    ],
)
def test_extent_leaves_out_the_leading_preposition(sentence: str, extent: str) -> None:
    timexes = tag(sentence, when(DCT))
    assert [t.text for t in timexes] == [extent]
    assert sentence[timexes[0].start : timexes[0].end] == extent


@pytest.mark.parametrize(
    ("sentence", "extent"),
    [
        ("Growth slowed in the third quarter.", "the third quarter"),
        ("Sales fell last year.", "last year"),
        ("The vote comes early next year.", "early next year"),
        ("Prices rose in the late 1990s.", "the late 1990s"),
        ("He waited more than four hours.", "more than four hours"),
    ],
)
def test_extent_keeps_determiners_and_modifiers(sentence: str, extent: str) -> None:
    assert [t.text for t in tag(sentence, when(DCT))] == [extent]


@pytest.mark.parametrize(
    ("sentence", "granularity"),
    [
        ("It happened on Feb. 19, 2024.", "day"),
        ("It happened in May 2024.", "month"),
        ("It happened last week.", "week"),
        ("It happened in 2024.", "year"),
        ("It happened in the 1990s.", "decade"),
        ("It happened in the 20th century.", "century"),
        ("It happened in the third quarter of 2024.", "quarter"),
        ("It happened in the first half of 2024.", "half"),
        ("It happened in the summer of 2024.", "season"),
        ("It happened at 7 p.m. on Feb. 19, 2024.", "time"),
    ],
)
def test_granularity(sentence: str, granularity: str) -> None:
    assert tag(sentence, when(DCT))[0].granularity == granularity


def test_durations_sets_and_references_have_no_granularity() -> None:
    timexes = tag("It lasted three days, happens weekly, and is over now.", when(DCT))
    assert [(t.type, t.granularity) for t in timexes] == [
        ("DURATION", None),
        ("SET", None),
        ("DATE", None),
    ]


@pytest.mark.parametrize(
    ("sentence", "mod"),
    [
        ("The plant reopens in early 2026.", "START"),
        ("The plant reopens in mid-2026.", "MID"),
        ("The plant reopens in late 2026.", "END"),
        ("Inflation soared in the last half of the '70s.", "END"),
        ("The first half of the 1990s was calm.", "START"),
        ("The wait lasted more than four hours.", "MORE_THAN"),
        ("The wait lasted less than an hour.", "LESS_THAN"),
        ("The wait lasted at least two days.", "EQUAL_OR_MORE"),
    ],
)
def test_mod(sentence: str, mod: str) -> None:
    assert tag(sentence, when(DCT))[0].mod == mod


def test_output_is_sorted_and_never_overlaps() -> None:
    text = (
        "On Feb. 19, 2025, at 7 p.m., after three days of talks that began last Monday, "
        "leaders said the Q3 2025 figures and the 1990s data, due March 3-5, are final."
    )
    timexes = tag(text, when(DCT))
    assert len(timexes) >= 6
    for a, b in itertools.pairwise(timexes):
        assert a.end <= b.start
    for t in timexes:
        assert text[t.start : t.end] == t.text


def test_a_naive_dct_is_read_as_utc() -> None:
    naive = datetime(2025, 2, 4, 9, 0)  # noqa: DTZ001 - the naive input is what is tested
    assert tag("He left yesterday.", naive)[0].value == "2025-02-03"


def test_an_aware_dct_keeps_its_own_date() -> None:
    seoul = timezone(timedelta(hours=9))
    dct = datetime(2025, 2, 4, 23, 30, tzinfo=seoul)
    assert tag("He leaves tomorrow.", dct)[0].value == "2025-02-05"


def test_empty_and_dateless_text() -> None:
    assert tag("", when(DCT)) == []
    assert tag("No dates in this sentence at all.", when(DCT)) == []


def test_json_contract_of_a_range() -> None:
    timexes = tag("The dialogue runs on Feb. 21 and 22.", when(DCT))
    assert timexes[1].to_json() == {
        "start": 33,
        "end": 35,
        "text": "22",
        "type": "DATE",
        "value": "2025-02-22",
        "granularity": "day",
        "anchor": "dct",
        "range_start": 0,
    }


@pytest.mark.parametrize(
    ("text", "dct", "values"),
    [
        # a list goes on from its previous item, across the turn of the year
        ("The fair opens on Dec. 28, Jan. 3 and Jan. 9.", date(2023, 12, 1),
         ["2023-12-28", "2024-01-03", "2024-01-09"]),
        # a year named right before the days places all of them, ranges included
        ("The council will meet in 2027 on March 2-3, June 8-9 and Nov. 4.", date(2026, 7, 1),
         ["2027", "2027-03-02", "2027-03-03", "2027-06-08", "2027-06-09", "2027-11-04"]),
        # two dates in separate clauses are not a list
        ("The show closed on Nov. 2. It reopens on Feb. 1.", date(2025, 11, 20),
         ["2025-11-02", "2026-02-01"]),
    ],
)
def test_listed_days_go_on_from_the_item_before(text: str, dct: date,
                                                values: list[str]) -> None:
    moment = datetime.combine(dct, datetime.min.time(), tzinfo=UTC)
    assert [t.value for t in tag(text, moment)] == values
