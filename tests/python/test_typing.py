"""Signatures tools can read: the generated stub of the compiled module covers it, the package's
stubs match its functions, mypy accepts the package and the examples, and help() shows the
measure options."""
from __future__ import annotations

import ast
import inspect
import pydoc
import re
from pathlib import Path

import pytest

import aidtrack
from aidtrack import _core

mypy_api = pytest.importorskip("mypy.api", reason="mypy is not installed (Debian: python3-mypy)")

REPO = Path(__file__).resolve().parents[2]
PACKAGE = Path(aidtrack.__file__).resolve().parent
STUB = PACKAGE / "_core.pyi"


def _stub_names(path: Path) -> dict[str, ast.AST]:
    tree = ast.parse(path.read_text())
    names: dict[str, ast.AST] = {}
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names[node.name] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] = node
        elif isinstance(node, ast.Assign):
            names.update({t.id: node for t in node.targets if isinstance(t, ast.Name)})
    return names


def test_the_generated_stub_names_everything_the_compiled_module_holds():
    assert STUB.exists(), f"no generated stub at {STUB} (the build makes it with mypy's stubgen)"
    stub = _stub_names(STUB)
    runtime = {n for n in dir(_core) if not n.startswith("__")} | {"__version__"}
    assert sorted(runtime - set(stub)) == []
    assert sorted(set(stub) - runtime) == []
    # Classes list their public methods and properties too.
    for name, node in stub.items():
        if isinstance(node, ast.ClassDef) and not issubclass(getattr(_core, name), BaseException):
            members = {n.name for n in node.body if isinstance(n, ast.FunctionDef)} | {
                n.target.id for n in node.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)}
            public = {m for m in vars(getattr(_core, name)) if not m.startswith("_")}
            assert public <= members, f"{name}: {sorted(public - members)} missing from the stub"


def test_the_stub_gives_static_methods_and_errors_real_signatures():
    text = STUB.read_text()
    assert "def from_imf_csv(path: str) -> ExchangeRates: ..." in text
    assert "def load(path: str) -> Portfolio: ..." in text
    assert "*args, **kwargs) -> Any" not in text.split("class Error")[1].split("\nclass ")[0]
    assert re.search(r"class Error\(Exception\):.*?line: Optional\[int\]", text, re.S)


def _parameters(node: ast.FunctionDef) -> list[tuple[str, str]]:
    a = node.args
    out = [(p.arg, "positional") for p in a.posonlyargs + a.args]
    if a.vararg:
        out.append((a.vararg.arg, "*"))
    out += [(p.arg, "keyword") for p in a.kwonlyargs]
    if a.kwarg:
        out.append((a.kwarg.arg, "**"))
    return out


_KINDS = {inspect.Parameter.POSITIONAL_ONLY: "positional", inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional",
          inspect.Parameter.VAR_POSITIONAL: "*", inspect.Parameter.KEYWORD_ONLY: "keyword",
          inspect.Parameter.VAR_KEYWORD: "**"}
PURE_MODULES = sorted(p.stem for p in PACKAGE.glob("*.pyi") if p.stem != "_core" and (PACKAGE / f"{p.stem}.py").exists())


@pytest.mark.parametrize("module", PURE_MODULES)
def test_the_hand_written_stubs_match_the_functions(module):
    runtime = __import__(f"aidtrack.{module}", fromlist=["_"])
    stub = _stub_names(PACKAGE / f"{module}.pyi")
    checked = 0
    for name, node in stub.items():
        if not isinstance(node, ast.FunctionDef) or name.startswith("_"):
            continue
        function = getattr(runtime, name)
        try:
            signature = inspect.signature(function)
        except ValueError:  # a compiled function re-exported: its stub is _core's
            continue
        want = [(p.name, _KINDS[p.kind]) for p in signature.parameters.values()]
        assert _parameters(node) == want, f"aidtrack.{module}.{name}"
        checked += 1
    assert checked > 0


def test_measures_spell_out_their_options():
    for name in aidtrack.measures.__all__:
        function = getattr(aidtrack.measures, name)
        if not inspect.isfunction(function):
            continue
        parameters = inspect.signature(function).parameters
        assert not any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()), name
        if name not in ("load_activity_shares", "load_questionnaire", "load_government_budget", "load_global_aid"):
            for option in ("methodology", "calendar", "years", "currency", "rates", "policy", "donor", "hop", "totals"):
                assert parameters[option].kind is inspect.Parameter.KEYWORD_ONLY, (name, option)
    text = pydoc.render_doc(aidtrack.measures.predictability, renderer=pydoc.plaintext)
    for option in ("methodology", "calendar", "years", "currency", "rates", "policy", "donor", "donor_calendars",
                   "hop", "schedule_fallback", "government_orgs", "country", "totals", "places"):
        assert re.search(rf"\b{option}: ", text), option
    with pytest.raises(TypeError, match="bogus"):
        aidtrack.measures.predictability(aidtrack.Portfolio(), bogus=1)  # type: ignore[call-arg]


def test_every_measure_option_reaches_the_compiled_options():
    rates = aidtrack.ExchangeRates()
    o = aidtrack.measures.options(methodology="paris2008", calendar=aidtrack.FiscalCalendar(7), years=[2022, 2023],
                                  currency="USD", rates=rates, policy=aidtrack.ConversionPolicy.fixed_year(2020),
                                  donor="provider_org", donor_calendars={"AU-5": aidtrack.FiscalCalendar(7)},
                                  hop="reported", schedule_fallback=True, government_orgs=["KH-CMAA"], country="LA",
                                  totals=False, places=4)
    assert (o.methodology, o.calendar.start_month, o.years, o.currency, o.policy.name, o.donor) == (
        "paris2008", 7, [2022, 2023], "USD", aidtrack.ConversionPolicy.fixed_year(2020).name, "provider_org")
    assert (list(o.donor_calendars), o.hop, o.budgets_as_schedule_fallback, o.government_orgs, o.country, o.totals,
            o.places) == (["AU-5"], "reported", True, {"KH-CMAA"}, "LA", False, 4)
    # And every public field of the compiled options has a keyword (places included).
    fields = {n for n in vars(_core.MeasureOptions) if not n.startswith("_") and n != "set_rates"}
    keywords = set(inspect.signature(aidtrack.measures.options).parameters) | {"budgets_as_schedule_fallback"}
    assert fields - keywords == set()


WRONG = ("import aidtrack\n"
         "p = aidtrack.Portfolio()\n"
         "aidtrack.measures.predictability(p, hop='sideways')\n"
         "line: int = aidtrack.ParseError('x').line\n"
         "aidtrack.ExchangeRates.from_imf_csv(3)\n")


@pytest.fixture(scope="module")
def mypy_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int, list[str]]:
    """One mypy run (it is slow) with the project's configuration over the package, every example
    and a file of wrong calls: (output, exit status, the files checked)."""
    tmp = tmp_path_factory.mktemp("mypy")
    wrong = tmp / "wrong.py"
    wrong.write_text(WRONG)
    examples = sorted(str(p) for p in (REPO / "examples").glob("*.py"))
    assert examples
    targets = [str(PACKAGE), *examples, str(wrong)]
    out, err, status = mypy_api.run(["--config-file", str(REPO / "pyproject.toml"), "--cache-dir", str(tmp / "cache"),
                                     "--no-incremental", *targets])
    return out + err, status, targets


def test_mypy_accepts_the_package_and_the_examples(mypy_report):
    out, status, targets = mypy_report
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert errors and all(line.startswith(targets[-1]) for line in errors), out  # only the wrong calls
    modules = {p.stem for p in PACKAGE.glob("*.py")} | {p.stem for p in PACKAGE.glob("*.pyi")}
    assert f"Found 3 errors in 1 file (checked {len(modules) + len(targets) - 1} source files)" in out, out


def test_mypy_catches_a_wrong_call(mypy_report):
    out, status, _ = mypy_report
    assert status == 1, out
    assert 'wrong.py:3: error: Argument "hop" to "predictability"' in out
    assert "wrong.py:4: error: Incompatible types in assignment" in out
    assert 'wrong.py:5: error: Argument 1 to "from_imf_csv" of "ExchangeRates" has incompatible type "int"' in out
