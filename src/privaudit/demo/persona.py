"""The demo's fictional person and the story every platform export tells about them.

One seed gives one :class:`Persona` (name, town, numbers, codes, dates) and one
:class:`Story`: the posts, photos and private messages of a year on social media, full of
the mistakes people really make, mixed with ordinary posts and look-alikes that are *not*
mistakes. The platform modules (``x.py``, ``facebook.py`` …) only pour the story into
their export's file layout, so every platform teaches the same lessons.

Nothing here is anyone's real data:

* phone numbers are in the 555-0100 – 555-0199 block reserved for fiction in North
  America (toll-free ones too);
* e-mail addresses end in ``.mail``, a top-level domain that does not exist (ICANN decided
  in 2018 not to delegate it, for the risk of name collisions), so no mailbox can; the
  documentation domains (``example.com``) would do as well, but privaudit rightly ignores
  them;
* the home coordinates lie in open water (a reservoir, a lake, a river), so the "home"
  the photos give away is nobody's home;
* card numbers start with the ``4000 00`` block payment providers use for test cards and
  only their check digit is computed; API keys, one-time codes and passwords are random;
* names, streets and schools are invented combinations.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import Enum

from stdnum import luhn

from privaudit.detectors.financial import TEST_CARDS

EXPORT_TIME = datetime(2025, 5, 18, 9, 41, 27, tzinfo=UTC)
"""When every demo export says it was downloaded (fixed, so a seed always gives one archive)."""

FIRST_NAMES = ("Riley", "Jordan", "Casey", "Morgan", "Avery", "Quinn")
LAST_NAME = "Sample"


@dataclass(frozen=True, slots=True)
class Town:
    """Where the persona lives: a real town (for the area code, ZIP and gazetteer) and a
    made-up street, with a "home" position in open water nearby."""

    city: str
    state: str
    state_name: str
    zip_code: str
    area_code: str
    home: tuple[float, float]
    utc_offset: int
    """Hours from UTC in summer (US daylight time), for local photo times."""


TOWNS = (
    Town("Cambridge", "MA", "Massachusetts", "02138", "617", (42.38824, -71.14862), -4),
    Town("Madison", "WI", "Wisconsin", "53703", "608", (43.06118, -89.36652), -5),
    Town("Portland", "OR", "Oregon", "97214", "503", (45.51503, -122.66956), -7),
)
STREETS = ("Elm Road", "Juniper Street", "Larkspur Avenue", "Willow Lane")
CHILDREN = ("Poppy", "Noah", "Maya", "Leo", "Ivy")
SCHOOLS = ("Lincoln Elementary", "Maple Grove Elementary", "Riverside Elementary")
WIFI_WORDS = ("Bluebell", "Sunflower", "Marmalade", "Pinecone", "Lighthouse")
HOLIDAYS = ("Crete", "Lisbon", "Mallorca", "Cancún", "Iceland")
FRIENDS = (("Jo Marlowe", "jo_marlowe"), ("Sam Okafor-Reyes", "samokr"))
COWORKER = ("Alex Brightwater", "alex_brightwater")
PARENT = ("Pat Sample", "pat_sample")
SCAMMER = ("Help Center Support", "helpcenter_support_desk")


class Audience(Enum):
    """Where an item of the story was shared."""

    POST = "post"
    MESSAGE = "message"


@dataclass(frozen=True, slots=True)
class Photo:
    """A photo attached to an item: its scene colours and what the camera wrote."""

    palette: tuple[tuple[int, int, int], ...]
    gps: tuple[float, float] | None
    taken: datetime
    """Capture time (UTC)."""


@dataclass(frozen=True, slots=True)
class Item:
    """One post or message of the story."""

    key: str
    """Stable id inside the story (``birthday``, ``dm-wifi`` …)."""
    when: datetime
    text: str
    audience: Audience = Audience.POST
    thread: str = ""
    """For messages: which conversation (``friend``, ``coworker``, ``parent``, ``scam``)."""
    mine: bool = True
    """False when someone else wrote it (their messages are read but never reported)."""
    rule: str = ""
    """The rule that must catch it ("" for ordinary posts and look-alikes)."""
    mistake: str = ""
    """The mistake, in words, for the trainer's answer key."""
    needle: str = ""
    """The risky words inside ``text`` (quoted in the answer key)."""
    decoy: str = ""
    """For look-alikes: why it is *not* a mistake."""
    geotag: tuple[float, float] | None = None
    """A geotag the platform stores with the post."""
    photo: Photo | None = None

    @property
    def position(self) -> tuple[float, float] | None:
        """The position the item gives away (its geotag or its photo's GPS), if any."""
        if self.geotag is not None:
            return self.geotag
        return self.photo.gps if self.photo is not None else None

    @property
    def excerpt(self) -> str:
        """What the answer key quotes: the risky words, or the caption and the position."""
        position = self.position
        if position is None:
            return self.needle
        return f"{self.text} (GPS {position[0]:.5f}, {position[1]:.5f})"


@dataclass(frozen=True, slots=True)
class Persona:
    """Everything about the fictional person that the exports need."""

    seed: int
    first: str
    last: str
    town: Town
    street: str
    birthday: date
    phone_local: str
    """``(617) 555-0147`` as people write it."""
    phone_e164: str
    """``+16175550147`` as account settings store it."""
    email: str
    child: str
    child_age: int
    school: str
    wifi: str
    otp: str
    api_key: str
    card: str
    card_expiry: str
    holiday: str
    rng_tag: str
    """Random hex that makes export names unique per seed."""
    friend: tuple[str, str] = FRIENDS[0]
    friend2: tuple[str, str] = FRIENDS[1]
    coworker: tuple[str, str] = COWORKER
    parent: tuple[str, str] = PARENT
    scammer: tuple[str, str] = SCAMMER
    house: int = 14
    employer: str = "Harbor & Pine Design"

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def handle(self) -> str:
        return f"{self.first.lower()}_{self.last.lower()}_demo"

    @property
    def address(self) -> str:
        town = self.town
        return f"{self.house} {self.street}, {town.city}, {town.state} {town.zip_code}"

    @property
    def city_line(self) -> str:
        return f"{self.town.city}, {self.town.state}"

    @property
    def age(self) -> int:
        return 30


def make_persona(seed: int) -> Persona:
    """The persona of ``seed`` (the same seed always gives the same persona)."""
    rng = random.Random(f"privaudit-demo:{seed}")
    first = FIRST_NAMES[seed % len(FIRST_NAMES)]
    town = TOWNS[(seed // len(FIRST_NAMES)) % len(TOWNS)]
    start = date(2024, 7, 1)
    birthday_2024 = start + timedelta(days=rng.randrange(0, 150))
    line = rng.randrange(10, 100)
    if line == 88:  # the friend's number
        line = 47
    phone_local = f"({town.area_code}) 555-01{line:02d}"
    return Persona(
        seed=seed,
        first=first,
        last=LAST_NAME,
        town=town,
        street=rng.choice(STREETS),
        birthday=birthday_2024.replace(year=1994),
        phone_local=phone_local,
        phone_e164=f"+1{town.area_code}55501{line:02d}",
        email=f"{first.lower()}.{LAST_NAME.lower()}@privaudit-demo.mail",
        child=rng.choice(CHILDREN),
        child_age=rng.randrange(6, 10),
        school=rng.choice(SCHOOLS),
        wifi=f"{rng.choice(WIFI_WORDS)}#{rng.randrange(1000, 10000)}",
        otp=f"{rng.randrange(100000, 1000000)}",
        api_key="ghp_"
        + "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(36)),
        card=_card(rng),
        card_expiry=f"{rng.randrange(1, 13):02d}/{rng.randrange(27, 31)}",
        holiday=rng.choice(HOLIDAYS),
        rng_tag=f"{rng.getrandbits(64):016x}",
        house=rng.randrange(3, 99),
    )


def _card(rng: random.Random) -> str:
    """A Luhn-valid 16-digit number in the ``4000 00`` test block, grouped as on a card."""
    while True:
        body = "400000" + "".join(str(rng.randrange(10)) for _ in range(9))
        digits = body + luhn.calc_check_digit(body)
        if digits not in TEST_CARDS:
            return " ".join(digits[i : i + 4] for i in range(0, 16, 4))


# -- the story ------------------------------------------------------------------------------

_SKY = ((126, 176, 228), (196, 214, 236), (92, 150, 84), (120, 96, 70))
_KITCHEN = ((236, 226, 208), (214, 186, 150), (168, 120, 84), (96, 70, 52))
_GARDEN = ((150, 200, 240), (88, 160, 80), (64, 128, 60), (110, 84, 60))
_SUNSET = ((250, 180, 110), (236, 120, 90), (120, 70, 110), (40, 40, 70))

ORDINARY = (
    "Rainy Monday, big coffee ☕ let's go",
    "Finished the 1000-piece puzzle. Took three weeks, worth it 🧩",
    "Farmers market haul 🥕🍓 the peaches are back!",
    "New running shoes, who dis 👟",
    "Hot take: the best pizza topping is more cheese 🍕",
    "Can't believe it's already Friday again",
    "Library book sale = 6 new books for $10 📚",
)


@dataclass(slots=True)
class Story:
    """The items of the story, oldest first."""

    persona: Persona
    items: list[Item]

    def posts(self) -> list[Item]:
        return [i for i in self.items if i.audience is Audience.POST]

    def messages(self, thread: str) -> list[Item]:
        return [i for i in self.items if i.audience is Audience.MESSAGE and i.thread == thread]

    def item(self, key: str) -> Item:
        return next(i for i in self.items if i.key == key)


def _spot(
    home: tuple[float, float], step: tuple[int, int], rng: random.Random
) -> tuple[float, float]:
    """A position ``step`` × ~10 m from ``home``, with a few metres of GPS noise.

    Each spot around the house (porch, garden, kitchen …) keeps its own ~11 m cell
    (privaudit reports a position once per cell), so every photo is its own finding while
    all of them together still point at one home.
    """
    lat = round(home[0], 4) + step[0] * 0.0001 + rng.uniform(-0.00003, 0.00003)
    lon = round(home[1], 4) + step[1] * 0.0001 + rng.uniform(-0.00003, 0.00003)
    return (round(lat, 6), round(lon, 6))


def make_story(persona: Persona) -> Story:
    """The year of posts and messages of ``persona`` (deterministic for its seed)."""
    p = persona
    rng = random.Random(f"privaudit-demo-story:{p.seed}")
    home = p.town.home

    def at(year: int, month: int, day: int, hour: int, minute: int | None = None) -> datetime:
        return datetime(
            year, month, day, hour, rng.randrange(60) if minute is None else minute, tzinfo=UTC
        )

    bday = p.birthday.replace(year=2024)
    away_day = date(2025, 4, rng.randrange(8, 13))
    back_day = away_day + timedelta(days=15)
    items: list[Item] = [
        Item(
            "photo-garden",
            at(2024, 6, 8, 23),
            "Garden is finally done 🌱 two summers of weekends",
            rule="photo-gps",
            mistake="Photo taken at home, with its GPS position",
            needle="EXIF GPS",
            photo=Photo(_GARDEN, _spot(home, (2, 1), rng), at(2024, 6, 8, 22)),
        ),
        Item(
            "address",
            at(2024, 6, 20, 15),
            f"Housewarming on Saturday! come over, {p.address} from 7pm 🏡 bring snacks",
            rule="home-address",
            mistake="Home address in a post (a party invitation)",
            needle=p.address,
        ),
        Item(
            "decoy-business",
            at(2024, 7, 2, 13),
            "Best croissants in town at Harbor Bakery, call 1-800-555-0123 to preorder 🥐",
            decoy="a business's toll-free number, not a personal one",
        ),
        Item(
            "phone",
            at(2024, 7, 9, 17),
            f"New number! text me at {p.phone_local} 📱 the old one is dead",
            rule="phone-number",
            mistake="Personal phone number in a post (the same as the account's)",
            needle=p.phone_local,
        ),
        Item(
            "geotag",
            at(2024, 8, 3, 12),
            "Coffee on the porch ☀️ best part of Saturday",
            rule="post-geotag",
            mistake="Post tagged with a position at home",
            needle="geotag",
            geotag=_spot(home, (0, 0), rng),
        ),
        Item(
            "decoy-news",
            at(2024, 8, 19, 14),
            "Worth a read: study finds 1 in 3 adults has prediabetes, according to new research",
            decoy="a shared news story about health, not a disclosure about the writer",
        ),
        Item(
            "email",
            at(2024, 8, 27, 18),
            f"Selling my old bike 🚲 email me at {p.email} if you want it",
            rule="email-address",
            mistake="E-mail address (the account's login) in a post",
            needle=p.email,
        ),
        Item(
            "birthday",
            at(bday.year, bday.month, bday.day, 15),
            f"Turning {p.age} today!! 🎂 thank you all for the birthday love",
            rule="birthdate-full",
            mistake="Birthday post: with its date it gives the full date of birth",
            needle=f"Turning {p.age} today",
        ),
        Item(
            "decoy-mom",
            at(2024, 10, 6, 16),
            "Happy birthday Mom! 🎂 still the best",
            decoy="someone else's birthday",
        ),
        Item(
            "decoy-testcard",
            at(2024, 10, 22, 19),
            "PSA for devs: use the test card 4242 4242 4242 4242 in staging, never a real one",
            decoy="a payment provider's public test card number",
        ),
        Item(
            "photo-kitchen",
            at(2024, 11, 17, 16),
            "Sunday pancakes 🥞",
            rule="photo-gps",
            mistake="Another photo from home with its GPS position",
            needle="EXIF GPS",
            photo=Photo(_KITCHEN, _spot(home, (1, -1), rng), at(2024, 11, 17, 15)),
        ),
        Item(
            "decoy-date",
            at(2025, 1, 14, 15),
            f"Dentist moved my appointment to {p.birthday:%m/%d}/2025, ugh",
            decoy="a date that is not a birthday (it falls on the same day and month)",
        ),
        Item(
            "decoy-wifi-question",
            at(2025, 2, 3, 16),
            "anyone know the wifi password at the library?",
            decoy="asking for a password is not sharing one",
        ),
        Item(
            "decoy-trip",
            at(2025, 3, 9, 20),
            "Just got back from two weeks in Lisbon, already miss it",
            decoy="a trip told afterwards: nobody is away now",
        ),
        Item(
            "away",
            at(away_day.year, away_day.month, away_day.day, 21),
            f"Off to {p.holiday} for two weeks tomorrow!! ✈️ house empty till the "
            f"{_ordinal(back_day.day)} 🌴",
            rule="away-from-home",
            mistake="Announcing a two-week holiday while the house is empty",
            needle=f"Off to {p.holiday} for two weeks",
        ),
        Item(
            "photo-sunset",
            at(2025, 5, 4, 1),
            "That sunset from the back steps though 🌅",
            rule="photo-gps",
            mistake="A third photo from home: together they pin the house down",
            needle="EXIF GPS",
            photo=Photo(_SUNSET, _spot(home, (2, -2), rng), at(2025, 5, 4, 0)),
        ),
    ]
    # Ordinary posts, spread over the year.
    for index, text in enumerate(rng.sample(ORDINARY, 5)):
        month = 6 + index * 2
        year = 2024 if month <= 12 else 2025
        items.append(Item(f"ordinary-{index}", at(year, (month - 1) % 12 + 1, 25, 17), text))

    # Private messages.
    friend = p.friend[0]
    items += [
        Item(
            "dm-wifi",
            at(2024, 6, 21, 1),
            f"the wifi password is {p.wifi}, come by whenever",
            Audience.MESSAGE,
            "friend",
            rule="password",
            mistake="Home Wi-Fi password sent in a message",
            needle=p.wifi,
        ),
        Item(
            "dm-friend-number",
            at(2024, 6, 21, 1, 7),
            f"sweet! my new number btw: ({p.town.area_code}) 555-0188",
            Audience.MESSAGE,
            "friend",
            mine=False,
            decoy=f"{friend} wrote it: someone else's number in their own message",
        ),
        Item(
            "dm-child",
            at(2024, 9, 10, 13),
            f"can you grab {p.child} from {p.school} at 3:15 on Thursday? my daughter "
            f"{p.child} ({p.child_age}) will wait at the front gate",
            Audience.MESSAGE,
            "friend",
            rule="child-details",
            mistake="Child's name, age, school and pick-up time",
            needle=f"my daughter {p.child}",
        ),
        Item(
            "dm-drunk",
            at(2024, 10, 13, 7),
            "I'm so drunk rn 😂 never doing tequila again, who let me dance on the bar",
            Audience.MESSAGE,
            "friend",
            rule="substance-use",
            mistake="A drunk night, in writing",
            needle="I'm so drunk",
        ),
        Item(
            "dm-boss",
            at(2024, 11, 5, 22),
            "my boss is an idiot, honestly. third reorg this year and nobody asked us",
            Audience.MESSAGE,
            "coworker",
            rule="workplace-hostility",
            mistake="Insulting the boss in a chat with a coworker",
            needle="my boss is an idiot",
        ),
        Item(
            "dm-key",
            at(2024, 11, 6, 15),
            f"here's my GitHub token for the deploy: {p.api_key}",
            Audience.MESSAGE,
            "coworker",
            rule="api-key",
            mistake="API token pasted into a chat",
            needle=p.api_key,
        ),
        Item(
            "dm-coworker-reply",
            at(2024, 11, 6, 15, 59),
            "dude, don't paste tokens in chat 😬 rotate it",
            Audience.MESSAGE,
            "coworker",
            mine=False,
        ),
        Item(
            "dm-health",
            at(2025, 1, 20, 2),
            "I was diagnosed with type 2 diabetes last month, please don't tell anyone yet",
            Audience.MESSAGE,
            "parent",
            rule="health-disclosure",
            mistake="A health diagnosis in a message",
            needle="I was diagnosed with type 2 diabetes",
        ),
        Item(
            "dm-card",
            at(2025, 3, 28, 23),
            f"can you book the flights for us? card is {p.card} exp {p.card_expiry}",
            Audience.MESSAGE,
            "parent",
            rule="payment-card",
            mistake="Payment card number and expiry date in a message",
            needle=p.card,
        ),
        Item(
            "dm-parent-reply",
            at(2025, 3, 29, 0, 12),
            "done! have fun, send photos 🌴 and call me when you land",
            Audience.MESSAGE,
            "parent",
            mine=False,
        ),
        Item(
            "dm-scam",
            at(2025, 4, 30, 14),
            "We detected unusual activity. To keep your account, reply with the code we "
            "just texted you.",
            Audience.MESSAGE,
            "scam",
            mine=False,
        ),
        Item(
            "dm-otp",
            at(2025, 4, 30, 14, 3),
            f"ok here it is, the verification code is {p.otp}",
            Audience.MESSAGE,
            "scam",
            rule="one-time-code",
            mistake="One-time login code handed to a fake 'support' account",
            needle=p.otp,
        ),
        Item(
            "dm-photo",
            at(2025, 5, 10, 0),
            "the new deck, finally 😍",
            Audience.MESSAGE,
            "friend",
            rule="photo-gps",
            mistake="Photo sent in a chat with its GPS position",
            needle="EXIF GPS",
            photo=Photo(_SKY, _spot(home, (-1, 2), rng), at(2025, 5, 9, 23)),
        ),
    ]
    items.sort(key=lambda i: i.when)
    return Story(persona, items)


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"
