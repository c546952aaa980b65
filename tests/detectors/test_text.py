from __future__ import annotations

from privaudit.detectors.text import (
    blank,
    last_match,
    mask_decimal,
    mask_tail,
    mask_word,
    overlaps,
    prose,
    url_spans,
)


def test_blank_keeps_length_and_offsets() -> None:
    text = "call me https://t.co/abc 2065550142"
    out = blank(text, [(8, 24)])
    assert len(out) == len(text)
    assert out[8:24] == " " * 16
    assert out[25:] == text[25:]


def test_blank_overlapping_and_unsorted_spans() -> None:
    assert blank("abcdefgh", [(4, 6), (1, 3), (2, 5)]) == "a     gh"
    assert blank("abc", []) == "abc"


def test_prose_blanks_links_handles_hashtags_but_not_emails() -> None:
    text = "@dana_k see https://t.co/x1Y2 and www.site.de/2065550142 #tbt2020 mail a.b@c.com"
    out = prose(text)
    assert len(out) == len(text)
    for gone in ("@dana_k", "https://t.co/x1Y2", "www.site.de/2065550142", "#tbt2020"):
        assert gone not in out
    assert "a.b@c.com" in out
    assert out.index("mail") == text.index("mail")


def test_prose_bare_tco_and_unicode_hashtag() -> None:
    out = prose("lol t.co/AbC123 #cumpleaños 🎂")
    assert "t.co" not in out and "cumpleaños" not in out and "🎂" in out


def test_url_spans_prefilter() -> None:
    assert url_spans("no links here 2065550142") == []
    assert url_spans("HTTPS://EXAMPLE.ORG/a") == [(0, 21)]


def test_masks() -> None:
    assert mask_tail("2065550142") == "•••• ••0142"
    assert mask_tail("15123456789") == "••••• ••6789"
    assert mask_tail("123") == "•••"
    assert mask_word("dana") == "d•••"
    assert mask_word("") == ""
    assert mask_decimal(52.5287) == "52.5•••"
    assert mask_decimal(-33.8688) == "-33.8•••"
    assert mask_decimal(-0.05) == "-0.0•••"


def test_overlaps_and_last_match() -> None:
    import re

    assert overlaps((2, 5), [(4, 9)])
    assert not overlaps((2, 5), [(5, 9)])
    found = last_match(re.compile(r"\d"), "a1b2c3")
    assert found is not None and found.group(0) == "3"
    assert last_match(re.compile(r"x"), "abc") is None


def test_view_records_blanked_spans() -> None:
    from privaudit.detectors.text import view

    tv = view("206 #tbt 5550142 @bob")
    assert tv.prose == "206      5550142     "
    assert tv.blanked == ((4, 8), (17, 21))
    assert tv.touches_blank(0, 16)
    assert not tv.touches_blank(0, 4)
    assert view("plain") == view("plain")
    assert view("plain").blanked == ()
