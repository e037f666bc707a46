"""``python -m qms demo --scale``: only into an empty database, refused in Vietnamese."""

from __future__ import annotations

from qms import cli
from qms.core.i18n import t


def test_synthetic_history_is_refused_on_a_database_that_already_has_data(
        fresh_database_url, capsys):
    cli.run(["migrate"])
    cli.run(["demo"])
    assert cli.main(["demo", "--scale", "commune-10y", "--seed", "3"]) == 2
    assert t("demo_scale.not_empty") in capsys.readouterr().err
