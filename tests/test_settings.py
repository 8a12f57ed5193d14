"""Settings: every one documented in the README's table, EVENTWIRE_* variables honoured (flag first,
then environment, then default), and a bad value reported with the variable's name."""
from __future__ import annotations

import os
import re

import pytest

from eventwire import settings
from eventwire.errors import SettingError

from conftest import REPO


def readme_settings_rows() -> dict[str, str]:
    """The rows of the README's settings table, keyed by the environment variable they name."""
    rows = {}
    for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("|"):
            for env in re.findall(r"EVENTWIRE_[A-Z_]+", line):
                rows[env] = line
    return rows


@pytest.mark.parametrize("setting", settings.SETTINGS, ids=lambda s: s.name)
def test_each_setting_is_documented_in_the_readme_table(setting):
    rows = readme_settings_rows()
    assert setting.env in rows, f"README.md's settings table has no row for {setting.env}"
    flag = "--" + setting.name.replace("_", "-")
    row = rows[setting.env]
    assert flag in row if setting.flag else "| — |" in row, f"the row for {setting.env} does not say {flag}"


def test_the_readme_documents_no_setting_that_does_not_exist():
    assert set(readme_settings_rows()) <= {s.env for s in settings.SETTINGS}


def test_flag_then_environment_then_default(monkeypatch):
    monkeypatch.delenv("EVENTWIRE_BATCH_SIZE", raising=False)
    assert settings.resolve("batch_size") == 16
    monkeypatch.setenv("EVENTWIRE_BATCH_SIZE", "4")
    assert settings.resolve("batch_size") == 4
    assert settings.resolve("batch_size", 8) == 8
    monkeypatch.setenv("EVENTWIRE_BATCH_SIZE", "")
    assert settings.resolve("batch_size") == 16  # empty means unset


def test_path_lists_split_on_the_platform_separator(monkeypatch):
    monkeypatch.setenv("EVENTWIRE_ACTORS", os.pathsep.join(["a.yaml", "", "b.yaml"]))
    assert settings.resolve("actors") == ("a.yaml", "b.yaml")
    assert settings.resolve("actors", ("c.yaml",)) == ("c.yaml",)


@pytest.mark.parametrize("name,value", [("workers", "0"), ("workers", "many"), ("batch_size", "-3")])
def test_a_bad_value_names_the_variable(monkeypatch, name, value):
    env = settings.BY_NAME[name].env
    monkeypatch.setenv(env, value)
    with pytest.raises(SettingError) as err:
        settings.resolve(name)
    assert env in str(err.value) and value in str(err.value)
    assert err.value.code.startswith("E5")


def test_a_bad_environment_value_is_a_clean_cli_error(plain_cli, monkeypatch, tmp_path):
    (tmp_path / "a.txt").write_text("France criticised Russia.", encoding="utf-8")
    monkeypatch.setenv("EVENTWIRE_WORKERS", "lots")
    result = plain_cli("extract", "a.txt", "--no-store")
    assert result.exit_code == 1
    assert "EVENTWIRE_WORKERS" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.model
def test_a_bad_flag_value_is_refused_like_the_variable(cli, tmp_path):
    """`--workers 0` must be refused as EVENTWIRE_WORKERS=0 is: the flag's value is never passed
    through the setting's parser (settings.resolve returns any flag value as given)."""
    (tmp_path / "a.txt").write_text("France criticised Russia.", encoding="utf-8")
    result = cli("extract", "a.txt", "--no-store", "--workers", "0")
    assert result.exit_code != 0 and "workers" in result.stderr


@pytest.mark.model
def test_eventwire_db_chooses_the_store(cli, monkeypatch, tmp_path):
    (tmp_path / "a.txt").write_text("The French foreign minister met the German chancellor in Berlin.",
                                    encoding="utf-8")
    monkeypatch.setenv("EVENTWIRE_DB", str(tmp_path / "from-env.duckdb"))
    result = cli("extract", "a.txt", "--published", "2025-01-10")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "from-env.duckdb").exists() and not (tmp_path / "eventwire.duckdb").exists()
    result = cli("extract", "a.txt", "--db", "flag.duckdb", "--published", "2025-01-10")
    assert (tmp_path / "flag.duckdb").exists()
