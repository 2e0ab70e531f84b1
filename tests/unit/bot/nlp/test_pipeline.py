"""The spaCy pipeline built from the knowledge base finds platforms by any spelling."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
import yaml

from bot.knowledge import get_knowledge_base
from bot.nlp.pipeline import PLATFORM_LABEL, build_pipeline, synonyms_nlu, write_build


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline(get_knowledge_base())


def platforms_in(nlp, text: str):
    return [
        (ent.text, ent.ent_id_) for ent in nlp(text.lower()).ents if ent.label_ == PLATFORM_LABEL
    ]


@pytest.mark.parametrize(
    "text, found",
    [
        ("is robolox safe for my 8 year old?", [("robolox", "roblox")]),
        ("she is on tik tok and insta", [("tik tok", "tiktok"), ("insta", "instagram")]),
        ("he plays fortnight on his ps5", [("fortnight", "fortnite"), ("ps5", "playstation")]),
        ("found omgele in the history", [("omgele", "omegle")]),
        ("what about among us", [("among us", "among_us")]),
        ("is the monkey app ok", [("the monkey app", "monkey")]),
        ("we let off steam on x amount of days", []),  # "steam" and "x" need a qualifier
        ("is twitter ok", [("twitter", "x")]),
        ("my kids love monkeys at the zoo", []),  # a bare common word is not an app
        ("how do i talk to my son about staying safe", []),
    ],
)
def test_entity_ruler_finds_platforms(nlp, text, found) -> None:
    assert platforms_in(nlp, text) == found


@pytest.mark.parametrize(
    "text, found",
    [
        ("Character.AI and Kids: What Parents Need To Know", [("Character.AI", "character_ai")]),
        ("is Life360 a trust breaker", [("Life360", "life360")]),
        ("Steam And Kids", []),  # still needs a qualifier, whatever the case
    ],
)
def test_names_are_found_as_written_whatever_the_tokenizer_makes_of_capitals(
    nlp, text, found
) -> None:
    ents = [(e.text, e.ent_id_) for e in nlp(text).ents if e.label_ == PLATFORM_LABEL]
    assert ents == found


def test_lemmas_come_from_the_lookup_table(nlp) -> None:
    assert [t.lemma_ for t in nlp("children were playing games")] == ["child", "be", "play", "game"]


def test_every_spelling_maps_to_its_id_in_the_synonyms(fixture_kb) -> None:
    data = yaml.safe_load(synonyms_nlu(fixture_kb))
    synonyms = {block["synonym"]: block["examples"].split("\n- ") for block in data["nlu"]}
    assert data["version"] == "3.1"
    assert set(synonyms) == {"roblox", "tiktok", "ometv"}
    assert "robolox" in "".join(synonyms["roblox"])


def test_built_pipeline_loads_from_disk_without_lookups_package(fixture_kb, tmp_path: Path) -> None:
    written = write_build(fixture_kb, tmp_path)
    loaded = spacy.load(written["spacy"])
    assert [(e.text, e.ent_id_) for e in loaded("is robolox ok").ents] == [("robolox", "roblox")]
    assert loaded("games")[0].lemma_ == "game"
    assert written["synonyms"].read_text(encoding="utf-8").startswith("# Generated")
