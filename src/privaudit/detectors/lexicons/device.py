"""Device vocabulary: identifying metadata tags, placeholder values and device names."""

from __future__ import annotations

SERIAL_TAGS: frozenset[str] = frozenset(
    {"BodySerialNumber", "CameraSerialNumber", "SerialNumber", "LensSerialNumber",
     "InternalSerialNumber"}
)  # fmt: skip
"""Metadata tags holding a camera body's or lens's serial number."""

OWNER_TAGS: frozenset[str] = frozenset(
    {"Artist", "OwnerName", "CameraOwnerName", "XPAuthor", "Copyright", "Author", "Creator"}
)  # fmt: skip
"""Metadata tags holding the owner's or author's name."""

NAME_TAGS: frozenset[str] = frozenset({"HostComputer"})
"""Metadata tags that may hold a device's personal name ("Anna's MacBook Pro")."""

PLACEHOLDER_SERIALS: frozenset[str] = frozenset(
    {"", "0", "00", "000", "0000", "00000", "000000", "0000000", "00000000", "0000000000",
     "000000000000", "0000000000000000", "unknown", "none", "n/a", "na", "null", "nil", "-",
     "--", "serial", "serial number", "serialnumber", "default", "123456789", "1234567890",
     "12345678", "123456", "ffffffff", "xxxxxxxx", "not available", "undefined"}
)  # fmt: skip
"""Values cameras and software write when there is no real serial number."""

OWNER_NOISE: frozenset[str] = frozenset(
    {"copyright", "©", "(c)", "c", "all", "rights", "reserved", "photo", "photos", "foto",
     "fotos", "photography", "photographie", "fotografie", "fotografía", "photographer",
     "by", "von", "par", "por", "image", "images", "picture", "pictures", "studio", "studios",
     "media", "productions", "production", "design", "art", "the", "and", "&", "und", "y",
     "et", "owner", "author", "artist", "urheberrecht", "derechos", "droits", "réservés",
     "vorbehalten", "reservados", "alle", "rechte", "todos", "los", "tous"}
)  # fmt: skip
"""Words around a name in copyright lines; removed before looking at what is left."""

BUSINESS_SUFFIXES: frozenset[str] = frozenset(
    {"ltd", "llc", "inc", "gmbh", "corp", "corporation", "co", "sa", "sl", "sarl", "bv", "ag",
     "plc", "pty", "kg", "ug", "srl", "spa", "oy", "ab", "as", "limited", "company"}
)  # fmt: skip
"""Legal-entity words: the owner is a business, not a person."""

GENERIC_OWNERS: frozenset[str] = frozenset(
    {"unknown", "owner", "user", "admin", "administrator", "none", "default", "picasa",
     "windows", "canon", "nikon", "sony", "apple", "samsung", "olympus", "panasonic",
     "fujifilm", "fuji", "adobe", "google", "huawei", "xiaomi", "lg", "motorola", "oneplus",
     "gopro", "dji", "leica", "pentax", "ricoh", "kodak", "hasselblad", "sigma", "tamron",
     "instagram", "snapseed", "vsco", "lightroom", "photoshop", "gimp", "public", "domain",
     "creative", "commons", "cc", "name", "your", "camera", "digital", "phone", "iphone",
     "android", "mobile", "unknown author", "anonymous", "n/a", "na", "null", "test", "me",
     "myself", "nobody", "someone", "corporation", "microsoft", "facebook", "twitter",
     "flickr", "pixabay", "unsplash", "shutterstock", "getty", "istock", "stock", "free"}
)  # fmt: skip
"""Values that are software, vendors or placeholders, not a person."""

DEVICES: tuple[str, ...] = (
    r"iPhone(?:\s?(?:\d{1,2}|X[RS]?|SE))?(?:\s(?:Pro|Max|Plus|mini|Pro Max))?",
    r"iPad(?:\s(?:Pro|Air|mini))?", r"MacBook(?:\s(?:Pro|Air))?", r"iMac(?:\s?Pro)?",
    r"Mac(?:\s?(?:mini|Pro|Studio))?", r"Apple\sWatch", r"AirPods(?:\s(?:Pro|Max))?",
    r"Galaxy(?:\s[A-Z]?\d{1,3}\w*|\s(?:Tab|Note|Buds|Watch)\w*)?", r"Pixel(?:\s\d\w*)?",
    r"Surface(?:\s(?:Pro|Laptop|Go|Book))?(?:\s\d)?", r"ThinkPad", r"Chromebook", r"Laptop",
    r"Notebook", r"PC", r"Desktop", r"Phone", r"Kindle", r"Echo(?:\sDot)?", r"HomePod",
    r"Fire\sTV(?:\sStick)?", r"Xbox", r"PlayStation", r"Switch", r"Watch", r"Computer",
    r"Handy", r"Tablet", r"Portátil", r"Ordinateur", r"Ordi", r"Móvil", r"Galaxy",
)  # fmt: skip
"""Device kinds that operating systems and people put after an owner's name."""

NOT_OWNER_NAMES: frozenset[str] = frozenset(
    {"apple", "apples", "samsung", "google", "microsoft", "amazon", "dell", "hp", "lenovo",
     "asus", "acer", "sony", "my", "the", "your", "our", "new", "old", "work", "home",
     "office", "family", "kids", "news", "windows", "series", "mens", "womens", "years",
     "parents", "others", "its", "his", "hers", "this", "that", "mein", "meine", "mi", "mon",
     "ma", "le", "la", "el", "das", "der", "die", "test", "guest", "admin", "user",
     "owner", "default", "unknown", "iphones", "ipads", "macs", "pcs"}
)  # fmt: skip
"""Capitalised words that stand before a device kind but are not someone's name."""
