from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from claimcmp.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
    SourceNotFoundError,
    UnsupportedLanguageError,
)
from claimcmp.ingest import Article, decode_bytes, find_blocks, parse_date

BODY = (
    "The city council voted on Tuesday to approve a new budget for the coming year. "
    "The mayor said the plan would fund two new schools and repair the main road.\n"
)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start : b.end]) for b in find_blocks(text)]


def test_utf8_with_and_without_bom(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(codecs.BOM_UTF8 + BODY.encode())
    a = Article.from_file(p)
    assert a.text == BODY
    assert a.source == "a"
    p.write_bytes(BODY.encode())
    assert Article.from_file(p).text == BODY


def test_utf16_with_bom_is_certain() -> None:
    assert decode_bytes(BODY.encode("utf-16")) == BODY


def test_legacy_encoding_is_refused_unless_named() -> None:
    data = "Caf\u00e9 owners said the mayor\u2019s plan was fair.".encode("cp1252")
    with pytest.raises(EncodingError, match=r"not valid UTF-8.*--encoding"):
        decode_bytes(data, name="x.txt")
    assert decode_bytes(data, encoding="cp1252").startswith("Café")


def test_declared_charset_is_used() -> None:
    data = '<meta charset="windows-1252">Caf\u00e9 news.'.encode("cp1252")
    assert "Café" in decode_bytes(data)


def test_unknown_codec_names_the_field() -> None:
    with pytest.raises(EncodingError, match="'encoding' must name a codec"):
        decode_bytes(b"abc", encoding="no-such-codec")


def test_empty_and_blank_files(tmp_path: Path) -> None:
    for content in (b"", b"   \n\n  "):
        p = tmp_path / "e.txt"
        p.write_bytes(content)
        with pytest.raises(EmptyInputError, match="empty"):
            Article.from_file(p)


def test_only_boilerplate_is_empty() -> None:
    with pytest.raises(EmptyInputError, match="no reporting text"):
        Article.from_text("Share this\n\nLeave a Comment\n\nScroll to Top\n")


def test_binary_file(tmp_path: Path) -> None:
    p = tmp_path / "b.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(BinaryInputError, match="binary"):
        Article.from_file(p)


def test_control_characters_are_binary() -> None:
    with pytest.raises(BinaryInputError, match="control characters"):
        Article.from_text(BODY + "\x01\x02\x03\x04\x05" * 20)


def test_missing_path_and_directory(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError, match="does not exist"):
        Article.from_file(tmp_path / "nope.txt")
    with pytest.raises(SourceNotFoundError, match="not a file"):
        Article.from_file(tmp_path)


def test_too_large(tmp_path: Path) -> None:
    with pytest.raises(InputTooLargeError, match="over the limit"):
        Article.from_text(BODY * 100, max_chars=1000)
    p = tmp_path / "big.txt"
    p.write_text(BODY * 100)
    with pytest.raises(InputTooLargeError, match="max-chars"):
        Article.from_file(p, max_chars=100)


def test_non_english_is_refused_with_advice() -> None:
    german = (
        "Der Bundeskanzler hat am Dienstag in Berlin eine Rede gehalten, in der er die "
        "Regierung verteidigte und die Opposition scharf kritisierte.\n"
    )
    with pytest.raises(UnsupportedLanguageError, match="does not look like English"):
        Article.from_text(german)
    russian = (
        "Президент заявил во вторник, что переговоры продолжатся на следующей неделе в Минске.\n"
    )
    with pytest.raises(UnsupportedLanguageError):
        Article.from_text(russian)
    assert Article.from_text(german, check_language=False).body


def test_telegraphic_english_brief_is_not_refused() -> None:
    # No function words of any language: too little evidence to call it foreign.
    brief = "PHILADELPHIA 76ERS Fired Jim O'Brien, coach. Named Maurice Cheeks coach.\n"
    assert Article.from_text(brief).body
    spanish = (
        "El presidente dijo que los ministros del gobierno no estaban de acuerdo con el plan.\n"
    )
    with pytest.raises(UnsupportedLanguageError):
        Article.from_text(spanish)


@pytest.mark.parametrize(
    "text",
    [
        # A one-sentence wire brief full of names and titles (the word-ratio rule refused it).
        "U.S. president-elect Barack Obama has asked neurosurgeon Sanjay Gupta, CNN's chief "
        "medical correspondent, to serve as the country's surgeon general, CNN reported Tuesday.\n",
        "Registration will run from October 26 to November 20.\n",
        "Barack Obama, Hillary Clinton, Sanjay Gupta, Eric Holder, Timothy Geithner\n",
        "Quake rattles Sumatra coast\n\nA magnitude 6.1 earthquake struck off Sumatra on Monday.\n",
    ],
)
def test_short_english_news_is_accepted(text: str) -> None:
    assert Article.from_text(text).body


@pytest.mark.parametrize(
    "text",
    [
        "Le président a annoncé mardi une série de mesures pour soutenir les entreprises touchées.\n",
        "De regering heeft dinsdag besloten dat de belastingen volgend jaar niet zullen stijgen.\n",
        "O presidente afirmou que o país não vai aceitar novas sanções impostas pelos vizinhos.\n",
        "总统星期二表示，该国不会接受新的制裁，谈判将在下周继续进行。\n",
    ],
)
def test_other_languages_are_refused_with_what_was_found(text: str) -> None:
    with pytest.raises(UnsupportedLanguageError, match=r"identified as|Latin letters"):
        Article.from_text(text)


def test_furniture_words_in_real_sentences_stay_body() -> None:
    text = (
        BODY
        + "Reached by telephone yesterday, the mayor declined to comment.\n"
        + "Officials said more than 200,000 of the comments opposed the rule change.\n"
        + "Once installed, the software steals login credentials for online games.\n"
        + "The lawsuit alleges copyright infringement by the studio.\n"
        + "Share | Tweet | Comments (12)\n"
        + "Copyright 2013 The Associated Press. All rights reserved.\n"
    )
    assert [k for k, _ in kinds(text)] == ["body"] * 5 + ["boilerplate"] * 2


def test_a_headline_alone_is_what_the_article_reports() -> None:
    text = "Obama taps Gupta for surgeon general\n"
    article = Article.from_text(text)
    assert [(b.kind, text[b.start : b.end]) for b in article.blocks] == [
        ("body", "Obama taps Gupta for surgeon general")
    ]
    # With prose below it, the same line stays the headline.
    with_lede = text + "\nThe president-elect asked CNN's Sanjay Gupta to serve, aides said.\n"
    assert kinds(with_lede)[0] == ("headline", "Obama taps Gupta for surgeon general")


def test_blocks_by_shape() -> None:
    text = (
        "World\n\n"
        "Flooding forces thousands from homes in river valley\n\n"
        "By Jane Roe and John Doe, Staff Writers\n\n"
        "Friday, June 7, 2024\n\n"
        "(Photo: Local Fire Service)\n\n"
        "LYON, France (AP) — Heavy rain flooded the valley on Thursday, officials said.\n\n"
        "Rescue teams moved 3,000 residents to shelters overnight.\n\n"
        "Related stories\n\n"
        "Sign up for our newsletter\n"
    )
    got = kinds(text)
    assert ("boilerplate", "World") in got
    assert ("headline", "Flooding forces thousands from homes in river valley") in got
    assert ("byline", "By Jane Roe and John Doe, Staff Writers") in got
    assert ("dateline", "Friday, June 7, 2024") in got
    assert ("caption", "(Photo: Local Fire Service)") in got
    assert ("dateline", "LYON, France (AP) — ") in got
    assert ("body", "Heavy rain flooded the valley on Thursday, officials said.") in got
    assert ("body", "Rescue teams moved 3,000 residents to shelters overnight.") in got
    assert ("boilerplate", "Related stories") in got
    assert ("boilerplate", "Sign up for our newsletter") in got
    a = Article(text)
    assert a.title == "Flooding forces thousands from homes in river valley"
    assert a.published == dt.date(2024, 6, 7)


def test_metadata_prefix_keeps_the_rest_of_the_line() -> None:
    text = " date 2024-01-05 The council met on Friday and approved the budget.\n"
    got = kinds(text)
    assert got[0] == ("metadata", "date 2024-01-05")
    assert got[1] == ("body", "The council met on Friday and approved the budget.")
    assert Article(text).published == dt.date(2024, 1, 5)


def test_body_paragraph_without_final_punctuation_stays_body() -> None:
    text = (
        "The council met on Friday and approved the budget after a long debate.\n\n"
        "Officials said the vote followed months of talks between the parties and the unions —\n"
    )
    assert [k for k, _ in kinds(text)] == ["body", "body"]


def test_offsets_index_text_exactly() -> None:
    text = "Headline here about things\n\n  Body text starts here, and it is long enough.  \n"
    for b in find_blocks(text):
        piece = text[b.start : b.end]
        assert piece == piece.strip()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-02-26", dt.date(2023, 2, 26)),
        ("Wednesday | March 1, 2023", dt.date(2023, 3, 1)),
        ("1 March 2023", dt.date(2023, 3, 1)),
        ("Sept. 9, 2021", dt.date(2021, 9, 9)),
        ("no date here", None),
        ("2023-02-30", None),
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "headline", "stamp", "published", "body_starts"),
    [
        (
            "AMD Buys SeaMicro, Enters Server Business Feb 29, 2012 2:31 PM Advanced Micro Devices announced Wednesday it is buying SeaMicro.",
            "AMD Buys SeaMicro, Enters Server Business",
            "Feb 29, 2012 2:31 PM",
            dt.date(2012, 2, 29),
            "Advanced Micro",
        ),
        (
            "Climbers killed in New Zealand SEPTEMBER 16, 2013 11:12AM ONE Australian climber has died.",
            "Climbers killed in New Zealand",
            "SEPTEMBER 16, 2013 11:12AM",
            dt.date(2013, 9, 16),
            "ONE Australian",
        ),
        (
            "Obama Administration Flips Species Ruling 04 / 28 / 09 07:35 PM ET Federal agencies again will have to consult.",
            "Obama Administration Flips Species Ruling",
            "04 / 28 / 09 07:35 PM ET",
            dt.date(2009, 4, 28),
            "Federal agencies",
        ),
        (
            "Microsoft Issues Emergency Patch to Curb Hackers Microsoft today issued an emergency update.",
            "Microsoft Issues Emergency Patch to Curb Hackers",
            None,
            None,
            "Microsoft today",
        ),
    ],
)
def test_headline_and_stamp_inside_the_first_paragraph(
    text: str, headline: str, stamp: str | None, published: dt.date | None, body_starts: str
) -> None:
    article = Article(text)
    kinds = {b.kind: text[b.start : b.end] for b in article.blocks}
    assert kinds["headline"] == headline
    assert kinds.get("metadata") == stamp
    assert article.published == published
    assert article.body.startswith(body_starts)


@pytest.mark.parametrize(
    "text",
    [
        "The European Union Foreign Affairs Council met on Monday in Brussels.",
        "Advanced Micro Devices Inc. shook up the personal computer industry by buying ATI.",
        "U.S. president-elect Barack Obama has asked neurosurgeon Sanjay Gupta to serve as surgeon general, CNN reported Tuesday.",
    ],
)
def test_ordinary_first_sentences_stay_body(text: str) -> None:
    assert [b.kind for b in Article(text).blocks] == ["body"]


def test_a_stamp_after_the_first_sentence_is_metadata_and_the_sentence_stays() -> None:
    text = (
        "Cheeks returns as coach after one season. Posted: May 24, 2005 Billy King spun the door."
    )
    article = Article(text)
    assert [b.kind for b in article.blocks] == ["body", "metadata", "body"]
    assert article.published == dt.date(2005, 5, 24)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # A blog's footer: who posted it, in which category, when. Metadata, never an event.
        (
            "On behalf of Howard R. Sanders, Esq. posted in Pedestrian Accidents on Wednesday, "
            "September 18, 2013.",
            "metadata",
        ),
        ("Posted by Jane Doe on March 1, 2023", "metadata"),
        ("Filed under World News on 1 March 2023 10:32 GMT", "metadata"),
        # A sentence of the story that says when something was posted stays reporting.
        ("The video was posted by the ministry on September 18, 2013.", "body"),
        ("He posted in Spanish on March 1, 2023.", "body"),
    ],
)
def test_a_posted_footer_is_metadata(line: str, kind: str) -> None:
    text = f"{BODY}{line}\n"
    assert kinds(text)[-1] == (kind, line)
