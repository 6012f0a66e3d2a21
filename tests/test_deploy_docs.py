"""docs/deploy.md: its two workflows are valid YAML, call `pack` with arguments the command
line accepts, and publish the files `pack --archive` writes."""

import re
import shlex
from pathlib import Path

import yaml

from pygbag_like.archive import archive_path
from pygbag_like.cli import main_parser
from pygbag_like.output import DEFAULT_OUT
from tests.e2e import REPO

DEPLOY = REPO / "docs" / "deploy.md"


def workflows() -> list[dict]:
    blocks = re.findall(r"```yaml\n(.*?)```", DEPLOY.read_text(), re.DOTALL)
    return [yaml.safe_load(block) for block in blocks]


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def run_lines(workflow: dict) -> list[str]:
    return [line.strip() for step in steps(workflow) for line in step.get("run", "").splitlines()]


def test_two_workflows_each_step_a_run_or_a_uses():
    found = workflows()
    assert [w["name"] for w in found] == ["Publish the game on GitHub Pages",
                                          "Push the game to itch.io"]
    for workflow in found:
        assert True in workflow or "on" in workflow  # YAML 1.1 reads the key `on` as True
        for step in steps(workflow):
            assert ("run" in step) != ("uses" in step), step


def test_pack_calls_are_valid_and_install_both_wheels():
    for workflow in workflows():
        lines = run_lines(workflow)
        packs = [shlex.split(line) for line in lines if line.startswith("pack ")]
        assert ["pack", ".", "--archive"] in packs
        for argv in packs:
            main_parser().parse_args(argv[1:])  # exits (a failure here) if pack refuses them
        assert any(line.startswith("pip install") and "wheels/*.whl" in line for line in lines)
        assert not any("emcc" in line or "apt-get" in line for line in lines)


def test_what_is_published_is_what_pack_archive_writes():
    zip_name = archive_path(Path(DEFAULT_OUT)).as_posix()
    pages, itch = workflows()
    uploads = {step["uses"].split("@")[0]: step.get("with", {}) for step in steps(pages)
               if "uses" in step}
    assert uploads["actions/upload-pages-artifact"]["path"] == DEFAULT_OUT
    assert uploads["actions/upload-artifact"]["path"] == zip_name
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    push = [line for line in run_lines(itch) if line.startswith("butler push")]
    assert push and shlex.split(push[0])[2:4] == [zip_name, "user/game:html5"]
    env = next(step["env"] for step in steps(itch) if "butler push" in step.get("run", ""))
    assert env["BUTLER_API_KEY"] == "${{ secrets.BUTLER_API_KEY }}"
