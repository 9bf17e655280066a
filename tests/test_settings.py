"""Typed settings: every setting declared once (type, default, variable, help), read as
an attribute (never ``getattr``, never through ``Any``), and settable from anywhere."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.settings import Settings, env_name

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "newsgraph"


def test_every_setting_has_its_type_default_variable_and_help() -> None:
    described = Settings.describe()
    assert [d[0] for d in described] == list(Settings.__dataclass_fields__)
    for name, kind, default, env, text in described:
        assert kind in (bool, int, float, str) and type(default) is kind, name
        assert env == f"NEWSGRAPH_{name.upper()}" == env_name(name)
        assert len(text) > 10, name


def test_settings_that_were_unreachable_now_come_from_files_and_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "newsgraph.toml"
    config.write_text("[newsgraph]\nstory_threshold = 0.6\nshard_size = 40\n", encoding="utf-8")
    monkeypatch.setenv("NEWSGRAPH_STORY_WINDOW_DAYS", "3")
    settings = Settings.load(config)
    assert (settings.story_threshold, settings.shard_size, settings.story_window_days) == (
        0.6,
        40,
        3,
    )
    monkeypatch.setenv("NEWSGRAPH_TONE", "maybe")
    with pytest.raises(ConfigError, match="'tone' from environment is 'maybe'; expected a bool"):
        Settings.load(config)


def _settings_lookups() -> list[str]:
    """``getattr(<settings>, ...)`` calls and parameters or attributes typed ``Any`` whose
    name says they hold settings, anywhere in the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(PACKAGE)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "getattr"
                and node.args
                and "settings" in ast.unparse(node.args[0]).lower()
            ):
                found.append(f"{where}:{node.lineno} {ast.unparse(node)}")
            if isinstance(node, ast.arg | ast.AnnAssign):
                name = node.arg if isinstance(node, ast.arg) else ast.unparse(node.target)
                annotation = node.annotation
                if (
                    "settings" in name
                    and annotation is not None
                    and ast.unparse(annotation) in ("Any", "Any | None", "object")
                ):
                    found.append(f"{where}:{node.lineno} {name}: {ast.unparse(annotation)}")
    return found


def test_no_setting_is_read_with_getattr_or_typed_any() -> None:
    assert _settings_lookups() == []
