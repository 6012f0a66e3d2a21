"""The HTML shell: templates, placeholders, escaping."""

import dataclasses

import pytest

from pygbag_like.config import GameConfig
from pygbag_like.errors import ConfigError
from pygbag_like.page import PageConfig
from pygbag_like.shell import read_template, render_page, write_shell

PAGE_CONFIG = PageConfig(runtime_js="runtime/python.js", runtime_wasm="runtime/python.wasm",
                         asyncify=False, module_store="runtime/modules.data",
                         module_contents="/usr/local/lib/python3.11/_pack_store.json",
                         game_data="game.data", mount="/game", main="main.py", cwd="",
                         sizes={})


def test_default_template_renders_title_canvas_and_config(tmp_path):
    config = GameConfig(title="Tom & <Jerry>", width=320, height=200, pixel_art=True)
    html = render_page(read_template(config, tmp_path), config, PAGE_CONFIG, live_reload=False)
    assert "<title>Tom &amp; &lt;Jerry&gt;</title>" in html
    assert 'width="320" height="200"' in html
    assert "--pl-rendering: pixelated" in html
    assert PAGE_CONFIG.to_json() in html and '"asyncify": false' in html
    assert "{{" not in html
    assert "livereload.js" not in html


def test_live_reload_script_only_when_serving(tmp_path):
    config = GameConfig(title="t")
    template = read_template(config, tmp_path)
    html = render_page(template, config, PAGE_CONFIG, live_reload=True)
    assert '<script src="livereload.js"></script>' in html
    (tmp_path / "served").mkdir()
    (tmp_path / "packed").mkdir()
    write_shell(tmp_path / "served", html, live_reload=True)
    write_shell(tmp_path / "packed", render_page(template, config, PAGE_CONFIG, False), False)
    assert "EventSource" in (tmp_path / "served" / "livereload.js").read_text()
    assert not (tmp_path / "packed" / "livereload.js").exists()
    assert (tmp_path / "packed" / "notice.js").is_file()


def test_user_template_keeps_its_own_markup(tmp_path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>{{title}}!</title>{{pack_head}}</head>"
        "<body><h1>Mine</h1>{{pack_body}}</body></html>"
    )
    config = GameConfig(title="Game", template="page.html")
    html = render_page(read_template(config, tmp_path), config, PAGE_CONFIG, live_reload=False)
    assert "<title>Game!</title>" in html and "<h1>Mine</h1>" in html
    assert 'id="canvas"' in html and "loader.js" in html


def test_user_template_without_placeholders_is_refused(tmp_path):
    (tmp_path / "page.html").write_text("<html><body>{{pack_body}}</body></html>")
    config = GameConfig(title="Game", template="page.html")
    with pytest.raises(ConfigError, match=r"\{\{pack_head\}\}"):
        read_template(config, tmp_path)


def test_missing_user_template_is_a_config_error(tmp_path):
    config = GameConfig(title="Game", template="nope.html")
    with pytest.raises(ConfigError, match=r"nope\.html"):
        read_template(config, tmp_path)


def test_script_end_tag_in_config_cannot_break_out(tmp_path):
    config = GameConfig(title="t")
    page_config = dataclasses.replace(PAGE_CONFIG, main="</script><b>x")
    html = render_page(read_template(config, tmp_path), config, page_config, live_reload=False)
    assert "</script><b>x" not in html


def test_placeholders_in_the_title_stay_text(tmp_path):
    config = GameConfig(title="{{pack_head}} {{pack_body}} {{title}}")
    html = render_page(read_template(config, tmp_path), config, PAGE_CONFIG, live_reload=False)
    assert html.count("loader.js") == 1 and html.count('id="canvas"') == 1
    assert "<title>{{pack_head}} {{pack_body}} {{title}}</title>" in html
