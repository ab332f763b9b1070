"""The story's title: its settings (story.json), else its articles' shared subject, else its
folder's name; set on the page through the store."""

import json

import pandas as pd

from dashboard.store import dataset
from dashboard.story.subject import shared_subject


def test_the_title_of_the_settings_comes_first(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "story.json").write_text('{"title": "Port strike"}', encoding="utf-8")
    sources = pd.DataFrame({"title": ["Water main breaks", "Water main repaired"]})
    assert dataset.story_title(data, sources) == "Port strike"


def test_else_the_subject_the_articles_share_else_the_folder(tmp_path):
    data = tmp_path / "water-main_break" / "data"
    data.mkdir(parents=True)
    titles = ["Water main break floods Elm Street", "Elm Street water main break: crews dig",
              "Who pays for the water main break?", "Council meets"]
    assert dataset.story_title(data, pd.DataFrame({"title": titles})) == "Water main break"
    unrelated = pd.DataFrame({"title": ["Port strike ends", "Rain in May"]})
    assert dataset.story_title(data, unrelated) == "Water main break"  # the folder's name
    assert dataset.story_title(tmp_path / "harbour", unrelated) == "Harbour"


def test_saving_the_title_writes_both_folders_and_keeps_other_settings(tmp_path):
    data, story = tmp_path / "data", tmp_path / "seeds"
    data.mkdir()
    story.mkdir()
    (story / "story.json").write_text('{"title": "Old", "lang": "en"}', encoding="utf-8")
    assert dataset.save_title(data, "  Bridge   collapse ", story) == "Bridge collapse"
    assert json.loads((story / "story.json").read_text()) == {"title": "Bridge collapse",
                                                              "lang": "en"}
    assert json.loads((data / "story.json").read_text()) == {"title": "Bridge collapse"}
    assert dataset.load(data).title == "Bridge collapse"
    dataset.save_title(data, "", story)  # blank: named from the articles again
    assert "title" not in json.loads((story / "story.json").read_text())


def test_a_shared_subject_needs_two_titles_and_keeps_their_spelling():
    assert shared_subject(["Port strike", "Port Strike talks", "Port STRIKE ends"]) == \
        "Port strike"
    assert shared_subject(["One title only about a bridge"]) == ""
    assert shared_subject([]) == ""
