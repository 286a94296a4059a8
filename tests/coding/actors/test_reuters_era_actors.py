"""Actors of 1980s news: office-holders of the time (people.tsv), the EC and GATT
(organizations.tsv), a group's own leaders and speakers ("the seamen's leaders"), and the
posts people held when a story was written, not at a date it looks ahead to."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.coding.coder import Coder
from dyadwatch.model import Document, Event

STORY_DAY = dt.date(1987, 3, 10)


def _asserted(coder: Coder, text: str, day: dt.date | None = STORY_DAY) -> list[Event]:
    events = coder.code(Document(id="t", text=text, date=day))
    return [e for e in events if e.modality == "asserted"]


def _dyads(events: list[Event]) -> set[tuple[str, str, str | None]]:
    return {(e.source.code, e.code[:2], e.target.code if e.target else None) for e in events}


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # a story about Japan: the title alone would take Japan for the president's country
        (
            "Tokyo officials said Japan had criticised President Reagan over the chip accord.",
            "JPN",
            "USAGOV",
        ),
        # the later Georgian presidency must not make the Soviet foreign minister Georgian
        (
            "Soviet Foreign Minister Eduard Shevardnadze met Chinese officials in Peking on "
            "Tuesday.",
            "SUNGOV",
            "CHNGOV",
        ),
        (
            "Prime Minister Jacques Chirac criticised the unions in Paris on Monday.",
            "FRAGOV",
            "FRALAB",
        ),
        # a story about Iran and computers: the secretary is American, not Iranian
        (
            "Iran wants to buy computers. Commerce Secretary Malcolm Baldrige criticised "
            "the Pentagon over the sale.",
            "USAGOV",
            "USAMIL",
        ),
        # the Canadian minister in Washington, with his full name known
        (
            "Foreign Secretary Joe Clark met Vice President George Bush in Washington. "
            "Clark urged the United States to act on acid rain.",
            "CANGOV",
            "USA",
        ),
    ],
)
def test_people_reuters_era_office_holders(
    coder: Coder, text: str, source: str, target: str
) -> None:
    dyads = _dyads(_asserted(coder, text))
    assert any(s == source and t == target for s, _root, t in dyads), dyads


def test_people_reuters_era_rows_read_as_former_later(coder: Coder) -> None:
    events = _asserted(coder, "Former President Ronald Reagan praised Poland.", dt.date(2004, 1, 5))
    assert ("USAELI", "05", "POL") in _dyads(events)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The EC accused Japan of dumping microchips in Europe.", "IGOEEC", "JPN"),
        ("EC farm ministers criticised Spain over the milk quotas.", "IGOEEC", "ESP"),
        ("A GATT spokesman criticised Canada over the herring rules.", "IGOWTO", "CAN"),
        ("The Bundesbank criticised the Bank of Japan over its rates.", "DEUGOV", "JPNGOV"),
        ("MITI accused Washington of breaking the chip pact.", "JPNGOV", "USAGOV"),
        ("The Sandinista regime accused Honduras of sheltering rebels.", "NICGOV", "HND"),
        # the acronym in brackets does not cut the body off from its agent word
        (
            "The Andean Growers Federation (AGF) met International Monetary Fund (IMF) "
            "officials, who then praised Bolivia.",
            "IGOIMF",
            "BOL",
        ),
    ],
)
def test_organisations_of_1980s_news(coder: Coder, text: str, source: str, target: str) -> None:
    dyads = _dyads(_asserted(coder, text))
    assert any(s == source and t == target for s, _root, t in dyads), dyads


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Angolan rebels fought on. The rebels' leaders rejected the offer of talks.", "REB"),
        (
            "Spanish farmers blocked roads on Sunday. The farmers' leaders later announced a "
            "truce with the government.",
            "ESPAGR",
        ),
        (
            "Brazil's seamen walked out last week. The seamen's spokesman rejected the pay offer.",
            "BRALAB",
        ),
        # "Foreign Trade Minister" is one title: "Belgian" is not cut off from it
        (
            "Belgian Foreign Trade Minister Herman De Croo, in Washington for talks, criticised "
            "the European Community.",
            "BELGOV",
        ),
    ],
)
def test_recognizer_group_leaders_and_spokesmen_keep_the_group(
    coder: Coder, text: str, source: str
) -> None:
    sources = {e.source.code for e in _asserted(coder, text)}
    assert any(s.endswith(source) or s == source for s in sources), sources
    assert not any(s.endswith("GOV") for s in sources if source != "BELGOV"), sources


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the leader's name before "administration" makes it that leader's government
        (
            "Tokyo wants more trade. Japanese officials met Tokyo bankers. The Reagan "
            "administration then criticised Japan.",
            "USAGOV",
        ),
        # a minister's portfolio of two halves joined by "and" stays in the title
        (
            "Japan exports cars. Kenya's Energy and Mines Minister Jon Otieno criticised Japan.",
            "KENGOV",
        ),
        (
            "Japan exports cars. British Trade and Industry Secretary Ann Fell criticised Japan.",
            "GBRGOV",
        ),
    ],
)
def test_recognizer_leaders_governments_and_joined_portfolios(
    coder: Coder, text: str, source: str
) -> None:
    events = [e for e in _asserted(coder, text) if e.code.startswith("11")]
    assert events and all(e.source.code == source for e in events), [e.source.code for e in events]


def test_agents_employers_are_business(coder: Coder) -> None:
    events = _asserted(coder, "Spanish dockers rejected the pay offer of their employers.")
    assert any(e.target is not None and e.target.sector == "BUS" for e in events)


def test_recognizer_critics_are_not_owned_by_the_government(coder: Coder) -> None:
    # "critics" has no sector of its own: the government's critics are not the government
    events = _asserted(coder, "The government's critics accused Kenya of lying.", None)
    assert not any(e.source.sector == "GOV" for e in events)


def test_records_people_hold_the_posts_of_the_story_date(coder: Coder) -> None:
    # the act is dated by a year it looks ahead to; the president is still in office
    events = _asserted(
        coder,
        "President Reagan on Monday called for new economic aid for Honduras through 1992.",
    )
    assert events
    assert all(e.source.code == "USAGOV" for e in events), [e.source.code for e in events]


def test_antecedents_a_leaders_government_is_an_its(coder: Coder) -> None:
    # "the Reagan administration" holds a person's name but is an organisation: "its"
    events = _asserted(
        coder,
        "The Reagan administration tried to widen the farm quotas. In June the Supreme Court "
        "ruled against its attempt.",
    )
    assert any(e.target is not None and e.target.code == "USAGOV" for e in events), [
        (e.source.code, e.code, e.target.code if e.target else None) for e in events
    ]


def test_countries_citizens_acted_on_do_not_place_the_police(coder: Coder) -> None:
    # the people a police force arrests as another country's citizens are foreigners there
    events = _asserted(
        coder,
        "Tokyo tightened its export rules. Police detained three Hungarian citizens for "
        "trying to smuggle Japanese chip designs.",
    )
    arrests = [e for e in events if e.code.startswith("17")]
    assert arrests and all(e.source.code == "JPNCOP" for e in arrests), [
        (e.source.code, e.code) for e in arrests
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # another full name of the same surname does not hide the titled president
        (
            "President Reagan toured Italy. Reagan and Nancy Reagan dined with Italian "
            "officials. Reagan later criticised Libya.",
            "USAGOV",
        ),
        # a title of courtesy is no other person: "Mrs Thatcher" is the prime minister
        (
            "Mrs Thatcher arrived in Moscow on Sunday. Thatcher later criticised Argentina.",
            "GBRGOV",
        ),
    ],
)
def test_context_surnames_shared_by_a_spouse_or_a_courtesy_title(
    coder: Coder, text: str, source: str
) -> None:
    events = [e for e in _asserted(coder, text) if e.code.startswith("11")]
    assert events and all(e.source.code == source for e in events), [
        (e.source.code, e.code) for e in events
    ]


@pytest.mark.parametrize(("day", "code"), [(STORY_DAY, "SUNGOV"), (dt.date(2019, 3, 1), "RUSGOV")])
def test_countries_moscow_is_the_soviet_government_before_1992(
    coder: Coder, day: dt.date, code: str
) -> None:
    events = _asserted(coder, "Moscow criticised Washington over the missile talks.", day)
    assert any(e.source.code == code for e in events), [e.source.code for e in events]


def test_recognizer_a_stock_symbol_is_no_acronym(coder: Coder) -> None:
    # the wires write a company's stock symbol in angle brackets: "<EC>" is no European body
    events = _asserted(coder, "Harlan Tools <EC> said it criticised Japan over the chip tariffs.")
    assert not any(e.source.code.startswith("IGOEEC") for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The Dutch trade minister met King Hussein in Amman on Monday.",
        "The Dutch trade minister met King Hussein of Jordan on Monday.",
    ],
)
def test_people_king_hussein_is_not_the_iraqi_president_of_1987(coder: Coder, text: str) -> None:
    # Saddam Hussein was in office too: the king's title and name are the Jordanian king's
    targets = {t for _, _, t in _dyads(_asserted(coder, text))}
    assert "JORGOV" in targets and "IRQGOV" not in targets, targets


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("EC industry ministers backed a plan to close old steel mills.", "IGOEEC"),
        ("NATO defence ministers met the Turkish ambassador in Brussels.", "IGONAT"),
    ],
)
def test_recognizer_a_sector_word_before_a_title_is_its_portfolio(
    coder: Coder, text: str, source: str
) -> None:
    # "industry" is a business word alone, but in "industry ministers" it names the portfolio
    sources = {s for s, _, _ in _dyads(_asserted(coder, text))}
    assert sources == {source}, sources


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Polish officials in Warsaw criticised President Zelensky.", "UKRGOV"),
        ("Polish officials in Warsaw criticised President Yanukovich.", "UKRGOV"),
    ],
)
def test_recognizer_a_surname_in_an_alias_spelling_is_the_person(
    coder: Coder, text: str, target: str
) -> None:
    # the dictionary writes "Zelenskyy" and "Yanukovych"; the aliases give the other spellings
    day = dt.date(2019, 10, 4) if "Zelensky" in text else dt.date(2012, 5, 1)
    targets = {t for _, _, t in _dyads(_asserted(coder, text, day))}
    assert target in targets, targets


def test_recognizer_and_between_two_titled_people_joins_no_portfolio(coder: Coder) -> None:
    # "and" joins a portfolio's halves ("Trade and Industry Minister"), not two office-holders
    text = (
        "Greece and the United States signed a base accord on Monday. The accord was signed by"
        " Secretary of State George Shultz and Foreign Minister Karolos Papoulias in Athens."
    )
    events = _asserted(coder, text)
    names = {e.source.name for e in events if e.source.code == "USAGOV"}
    assert names == {"George Shultz"}, names
    assert ("USAGOV", "05", "GRCGOV") in _dyads(events)
