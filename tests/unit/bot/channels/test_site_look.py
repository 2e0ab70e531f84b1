"""A school's own widget from bot/sites.yml: each field checked at start-up, the look sent to
the widget (and nothing else), the setup page, and the school's links on its own answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict

import pytest
import yaml

from bot.channels.setup_page import setup_html
from bot.channels.sites import SitesConfigError, contrast_ratio, load_sites
from bot.channels.trust import request_context, site_metadata
from bot.channels.widget import WidgetInput, widget_reply
from tests.harness.routes import call, request

OWN = "http://localhost:5005"
SCHOOL: Dict[str, Any] = {
    "id": "school",
    "name": "A School",
    "origins": ["https://school.example"],
    "country": "GB",
    "safeguarding_contact": "the office",
    "insights_token_sha256": "a" * 64,
    "title": "A School: online safety help",
    "greeting": "Hello from A School.",
    "starter_questions": ["Is Roblox safe?", "Snapchat's age?", "PS5 controls?"],
    "colours": {"accent": "#1e5b2a", "accent_text": "#fff"},
    "position": "bottom-left",
    "links": [{"title": "Our policy", "url": "https://school.example/policy"}],
}


def sites_file(tmp_path: Path, **changes: Any) -> Path:
    school = {**SCHOOL, **changes}
    school = {k: v for k, v in school.items() if v is not None}
    path = tmp_path / "sites.yml"
    document = {"sites": [{"id": "demo", "name": "Demo", "origins": []}, school]}
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    return path


def test_every_look_field_is_read_when_valid(tmp_path: Path) -> None:
    site = load_sites(sites_file(tmp_path)).by_id["school"]
    assert site.title == "A School: online safety help"
    assert site.greeting == "Hello from A School."
    assert site.starter_questions == ("Is Roblox safe?", "Snapchat's age?", "PS5 controls?")
    assert site.colours is not None
    assert (site.colours.accent, site.colours.accent_text) == ("#1e5b2a", "#ffffff")
    assert site.position == "bottom-left"
    assert [link.as_dict() for link in site.links] == SCHOOL["links"]


def test_every_look_field_is_optional(tmp_path: Path) -> None:
    path = sites_file(
        tmp_path, title=None, greeting=None, starter_questions=None, colours=None,
        position=None, links=None,
    )  # fmt: skip
    site = load_sites(path).by_id["school"]
    assert (site.title, site.greeting, site.starter_questions) == (None, None, ())
    assert (site.colours, site.position, site.links) == (None, "bottom-right", ())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": "x" * 61}, "site school: title must be at most 60 characters"),
        ({"title": 7}, "site school: title must be text"),
        ({"greeting": "   "}, "site school: greeting must be text"),
        ({"greeting": "x" * 301}, "site school: greeting must be at most 300"),
        ({"starter_questions": ["a", "b"]}, "site school: starter_questions must be a list of 3 to 4"),
        ({"starter_questions": ["a", "b", "c", "d", "e"]}, "starter_questions must be a list of 3 to 4"),
        ({"starter_questions": ["a", "b", "x" * 101]}, "starter_questions must be at most 100"),
        ({"starter_questions": ["a", "b", "a"]}, "starter_questions lists a question twice"),
        ({"colours": {"accent": "#1e5b2a"}}, "colours must have exactly accent and accent_text"),
        ({"colours": {"accent": "green", "accent_text": "#fff"}}, "colours.accent must be a hex"),
        ({"colours": {"accent": "#1e5b2a", "accent_text": "#ffff"}}, "colours.accent_text must be"),
        ({"position": "top-left"}, "site school: position must be one of bottom-right, bottom-left"),
        ({"links": []}, "site school: links must be a list of 1 to 4"),
        ({"links": [{"title": "Policy"}]}, "each link has exactly a title and a url"),
        ({"links": [{"title": "P", "url": "http://school.example/p"}]}, "must be an https://"),
        ({"links": [{"title": "P", "url": "javascript:alert(1)"}]}, "must be an https://"),
        ({"links": [{"title": "P", "url": "https://"}]}, "must be an https://"),
        ({"links": [{"title": "P", "url": "https://s.example/" + "p" * 300}]}, "at most 300"),
        ({"links": [{"title": "x" * 81, "url": "https://s.example/"}]}, "links.title must be at most 80"),
        ({"favicon": "x"}, "site school: unknown field favicon"),
    ],
)  # fmt: skip
def test_an_invalid_field_is_refused_naming_file_site_and_field(
    tmp_path: Path, change: Dict[str, Any], message: str
) -> None:
    with pytest.raises(SitesConfigError, match="^sites.yml: ") as refused:
        load_sites(sites_file(tmp_path, **change))
    assert message in str(refused.value)


def test_colours_below_wcag_aa_contrast_are_refused_at_start(tmp_path: Path) -> None:
    grey = {"accent": "#ffffff", "accent_text": "#777777"}  # 4.48:1, just below AA
    with pytest.raises(SitesConfigError, match=r"site school: colours: .* 4\.48:1, below"):
        load_sites(sites_file(tmp_path, colours=grey))
    passing = {"accent": "#ffffff", "accent_text": "#767676"}  # 4.54:1
    assert load_sites(sites_file(tmp_path, colours=passing)).by_id["school"].colours


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#0b4f8a", "#ffffff") == pytest.approx(8.4, abs=0.05)
    assert contrast_ratio("#abcdef", "#abcdef") == 1


def test_the_config_body_is_the_look_only(tmp_path: Path) -> None:
    site = load_sites(sites_file(tmp_path)).by_id["school"]
    body = site.display()
    assert body == {
        "title": "A School: online safety help",
        "greeting": "Hello from A School.",
        "starter_questions": ["Is Roblox safe?", "Snapchat's age?", "PS5 controls?"],
        "colours": {"accent": "#1e5b2a", "accent_text": "#ffffff"},
        "position": "bottom-left",
    }
    said = repr(body)
    assert "the office" not in said and "a" * 64 not in said and "GB" not in said


def test_the_look_follows_the_origin_and_a_preview_only_on_the_servers_own(tmp_path: Path) -> None:
    sites = load_sites(sites_file(tmp_path))
    school = sites.by_id["school"]
    assert sites.for_config("https://school.example", OWN, None) is school
    assert sites.for_config(None, OWN, None) is sites.demo
    assert sites.for_config(OWN, OWN, "school") is school  # the setup page's preview
    assert sites.for_config(None, OWN, "school") is school
    # Another page can't take a school's look by asking for its preview.
    assert sites.for_config("https://school.example", OWN, "demo") is school
    assert sites.for_config("https://evil.example", OWN, "school") is None
    assert sites.for_config(OWN, OWN, "nobody") is None


def test_the_shipped_demo_site_shows_the_look() -> None:
    demo = load_sites().demo.display()
    assert demo["title"] and demo["greeting"] and len(demo["starter_questions"]) == 3
    assert demo["colours"] and demo["position"] == "bottom-right"


def test_the_setup_page_shows_the_snippet_settings_and_the_preview(tmp_path: Path) -> None:
    site = load_sites(sites_file(tmp_path, greeting="Hi <b>there</b>")).by_id["school"]
    page = setup_html(site, "https://assistant.example")
    assert (
        "&lt;script src=&quot;https://assistant.example/webhooks/widget/widget.js&quot; "
        "defer&gt;&lt;/script&gt;"
    ) in page
    assert '<script src="/webhooks/widget/widget.js" data-preview="school" defer></script>' in page
    assert "Hi &lt;b&gt;there&lt;/b&gt;" in page and "<b>there" not in page
    assert "https://school.example/policy" in page and "contrast 8.1:1" in page
    assert "the office" not in page and "a" * 64 not in page


def test_the_widget_channel_carries_the_sites_links_to_the_actions(tmp_path: Path) -> None:
    site = load_sites(sites_file(tmp_path)).by_id["school"]
    links = request_context(site_metadata(site), "widget").school_links
    assert links == ({"title": "Our policy", "url": "https://school.example/policy"},)
    assert request_context(site_metadata(site), "rest").school_links == ()
    forged = {"school_links": [{"title": "x", "url": "javascript:1"}, "junk"]}
    assert request_context(forged, "widget").school_links == ()


def test_the_widget_api_puts_the_links_on_their_message() -> None:
    link = {"title": "Our policy", "url": "https://school.example/policy"}
    reply = widget_reply(
        [{"text": "Report it here."}, {"custom": {"meta": {"kind": "guidance"}, "school_links": [link]}}]
    )  # fmt: skip
    assert reply["messages"] == [{"text": "Report it here.", "buttons": [], "school_links": [link]}]


async def test_the_config_route_answers_the_origins_look_with_cors(tmp_path: Path) -> None:
    channel = WidgetInput(load_sites(sites_file(tmp_path)))
    school = await call(channel, "GET", "/config", request(None, origin="https://school.example"))
    assert school.status == 200 and json.loads(school.body)["position"] == "bottom-left"
    assert school.headers["access-control-allow-origin"] == "https://school.example"
    assert school.headers["vary"] == "Origin"
    demo = await call(channel, "GET", "/config", request(None, origin=None))
    assert json.loads(demo.body)["title"] is None  # the demo site of this file
    preview = request(None, origin=None, args={"preview": "school"})
    assert json.loads((await call(channel, "GET", "/config", preview)).body)["title"]
    stranger = request(None, origin="https://evil.example", args={"preview": "school"})
    assert (await call(channel, "GET", "/config", stranger)).status == 403


async def test_the_setup_route_serves_the_page_under_a_strict_policy(tmp_path: Path) -> None:
    channel = WidgetInput(load_sites(sites_file(tmp_path)))
    page = await call(channel, "GET", "/setup", request(None, args={"site": "school"}))
    assert page.status == 200 and b'data-preview="school"' in page.body
    assert b"http://localhost:5005/webhooks/widget/widget.js" in page.body
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    missing = await call(channel, "GET", "/setup", request(None, args={"site": "nobody"}))
    assert missing.status == 404
