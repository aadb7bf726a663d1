import re

from rag.config import PROJECT_DIR, Settings

README = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented_in_the_readme():
    documented = set(re.findall(r"^\| `RAG_([A-Z0-9_]+)`", README, flags=re.M))
    assert documented == {name.upper() for name in Settings.model_fields}


def test_quick_start_is_two_commands_and_ci_runs_the_test_one():
    block = re.search(r"## Quick start.*?```bash\n(.*?)```", README, flags=re.S)[1].strip().splitlines()
    assert len(block) == 2 and "app.py" in block[0] and "pytest" in block[1]
    ci = (PROJECT_DIR / ".ci" / "run").read_text(encoding="utf-8")
    assert block[1].replace(" -q", "") in ci.replace(" -q", "")
