"""The setup page for a school's web admin: the embed snippet and a live preview of its look.

Served at /webhooks/widget/setup?site=ID on the assistant's own origin. The preview is the
widget itself, embedded with ``data-preview="ID"``: it asks /webhooks/widget/config for that
site's look, which the server grants only to its own origin (Sites.for_config), so no other
page can borrow a school's look. Plain HTML, no script of its own.
"""

from __future__ import annotations

from html import escape
from typing import List, Tuple

from bot.channels.sites import Site, contrast_ratio


def setup_html(site: Site, server: str) -> str:
    """The page for ``site``; ``server`` is the assistant's origin, as the snippet names it."""
    snippet = f'<script src="{server}/webhooks/widget/widget.js" defer></script>'
    settings = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in _settings(site))
    side = "left" if site.position == "bottom-left" else "right"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Set up the online safety assistant: {escape(site.name)}</title>
<style>
  body {{ margin: 0; font: 16px/1.5 system-ui, "Segoe UI", Roboto, sans-serif; color: #1a1a1a;
    background: #fff; }}
  main {{ max-width: 46rem; margin: 0 auto; padding: 1rem 1rem 8rem; }}
  pre {{ white-space: pre-wrap; overflow-wrap: anywhere; padding: .75rem; background: #f3f5f7;
    border: 1px solid #6b6b6b; border-radius: 6px; }}
  dt {{ font-weight: 700; margin-top: .5rem; }}
  dd {{ margin-left: 1rem; overflow-wrap: anywhere; }}
  a {{ color: #0b4f8a; }}
  .swatch {{ display: inline-block; padding: 0 .5rem; border: 1px solid #1a1a1a; }}
</style>
</head>
<body>
<main>
<h1>Set up the online safety assistant on {escape(site.name)}</h1>
<h2>1. Add one line to your pages</h2>
<p>Paste this where your website's editor allows HTML, for example before
  <code>&lt;/body&gt;</code>:</p>
<pre><code>{escape(snippet)}</code></pre>
<p>It works on pages whose address starts with one of the origins the assistant's operator
  listed for your site. A Content Security Policy must allow <code>{escape(server)}</code> in
  <code>script-src</code> and <code>connect-src</code>.</p>
<h2>2. Your settings</h2>
<p>These come from the assistant's configuration (<code>bot/sites.yml</code>); ask its
  operator to change them. A page can never change them.</p>
<dl>{settings}</dl>
<h2>3. Preview</h2>
<p>The chat button at the bottom {side} of this page is the widget with your settings. In the
  preview, answers come from the demonstration site: your country, safeguarding contact and
  links are used on your own pages.</p>
</main>
<script src="/webhooks/widget/widget.js" data-preview="{escape(site.id)}" defer></script>
</body>
</html>
"""


def _settings(site: Site) -> List[Tuple[str, str]]:
    """Each setting as (name, HTML), "default" where the school set none."""
    default = "<em>default</em>"
    questions = "".join(f"<li>{escape(q)}</li>" for q in site.starter_questions)
    links = "".join(
        f'<li><a href="{escape(link.url)}">{escape(link.title)}</a> ({escape(link.url)})</li>'
        for link in site.links
    )
    colours = default
    if site.colours:
        accent, text = site.colours.accent, site.colours.accent_text
        ratio = contrast_ratio(accent, text)
        colours = (
            f'<span class="swatch" style="background:{accent};color:{text}">Sample text</span> '
            f"accent {accent}, text {text} (contrast {ratio:.1f}:1)"
        )
    return [
        ("Title", escape(site.title) if site.title else default),
        ("Greeting", escape(site.greeting) if site.greeting else default),
        ("Starter questions", f"<ul>{questions}</ul>" if questions else "none"),
        ("Colours", colours),
        ("Position", escape(site.position)),
        ("Links in reporting and crisis answers", f"<ul>{links}</ul>" if links else "none"),
    ]
