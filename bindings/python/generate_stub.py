"""Writes aidtrack/_core.pyi, the type stub of the compiled module, with mypy's stubgen.

Usage: generate_stub.py PACKAGE_PARENT   (the directory that holds the built aidtrack/ package)

stubgen reads the signatures pybind11 writes into every docstring. What it gets wrong for a
pybind11 module is put right here, from the same docstrings, so that the stub passes mypy:

- static methods come out as ``def f(self, *args, **kwargs) -> Any``: they get their signature;
- ``__eq__(self, arg0: X)`` narrows object's signature: it becomes ``other: object``;
- ``__hash__: ClassVar[None]`` (unhashable classes) conflicts with object's: marked as intended;
- an argument whose default is ``None`` (a pointer or optional in C++) becomes ``Optional``;
- the error classes get their constructor and the attributes it sets; ``__version__`` is added;
- a typed array ``numpy.ndarray[numpy.uint32]`` (one type argument where numpy's stubs want
  two) becomes ``numpy.typing.NDArray[numpy.uint32]``.

Run by the ``aidtrack_python_stub`` target after every build of the module.
"""
from __future__ import annotations

import importlib
import re
import sys
import tempfile
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

MODULE = "aidtrack._core"

#: Pointer arguments without a default that accept None (the package passes None to them).
NULLABLE_ARGS: Dict[Tuple[str, str], Set[str]] = {("Portfolio", "_totals"): {"rates"}}

ERROR_CLASS = '''class Error(Exception):
    """Base of every error aidtrack raises; the place and rule are attributes (None when unknown)."""
    file: Optional[str]
    line: Optional[int]
    element: Optional[str]
    rule: Optional[str]
    message: str
    def __init__(self, text: str = ..., *, file: Optional[str] = ..., line: Optional[int] = ...,
                 element: Optional[str] = ..., rule: Optional[str] = ..., message: Optional[str] = ...) -> None: ...
'''


def split_top_level(text: str) -> List[str]:
    """Splits at commas outside brackets and quotes."""
    parts, depth, quote, current = [], 0, "", []
    for ch in text:
        if quote:
            current.append(ch)
            if ch == quote:
                quote = ""
            continue
        if ch in "'\"":
            quote = ch
        elif ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(ch)
    if "".join(current).strip():
        parts.append("".join(current).strip())
    return parts


def signatures(doc: Optional[str], name: str) -> List[Tuple[str, str]]:
    """(argument list, return type) of each ``name(...) -> T`` line of a pybind11 docstring."""
    out = []
    for line in (doc or "").splitlines():
        match = re.match(rf"^(?:\d+\. )?{re.escape(name)}\((.*)\) -> (.+)$", line.strip())
        if match:
            out.append((match.group(1), match.group(2)))
    return out


def none_default_args(doc: Optional[str], name: str) -> Set[str]:
    names = set()
    for args, _ in signatures(doc, name):
        for arg in split_top_level(args):
            if re.match(r"^\w+: .+ = None$", arg):
                names.add(arg.split(":", 1)[0])
    return names


def stub_type(text: str) -> str:
    return text.replace(MODULE + ".", "")


def static_method_stub(indent: str, name: str, doc: Optional[str]) -> List[str]:
    sigs = signatures(doc, name)
    if not sigs:
        return [f"{indent}@staticmethod", f"{indent}def {name}(*args: Any, **kwargs: Any) -> Any: ..."]
    lines = []
    for args, ret in sigs:
        rendered = []
        for arg in split_top_level(args):
            if arg in ("*", "/") or arg.startswith("*"):
                rendered.append(arg)
                continue
            arg_name, _, rest = arg.partition(": ")
            arg_type, has_default, default = rest.partition(" = ")
            arg_type = stub_type(arg_type)
            if has_default and default == "None" and not arg_type.startswith("Optional["):
                arg_type = f"Optional[{arg_type}]"
            rendered.append(f"{arg_name}: {arg_type}" + (" = ..." if has_default else ""))
        if len(sigs) > 1:
            lines.append(f"{indent}@overload")
        lines.append(f"{indent}@staticmethod")
        lines.append(f"{indent}def {name}({', '.join(rendered)}) -> {stub_type(ret)}: ...")
    return lines


def make_optional(line: str, args: Set[str]) -> str:
    for arg in args:
        line = re.sub(rf"\b{arg}: (?!Optional\[)([^=,)]+(?:\[[^\]]*\])?)( = \.\.\.)?(?=[,)])",
                      lambda m: f"{arg}: Optional[{m.group(1)}]{m.group(2) or ''}", line)
    return line


def fix(text: str, module) -> str:
    out: List[str] = []
    cls = None
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        class_match = re.match(r"^class (\w+)", line)
        if class_match:
            cls = getattr(module, class_match.group(1), None)
            if class_match.group(1) == "Error":
                out.extend(ERROR_CLASS.rstrip("\n").splitlines())
                i += 1
                while i < len(lines) and (lines[i].startswith("    ") or not lines[i].strip()):
                    if not lines[i].strip():
                        out.append("")
                    i += 1
                continue
        elif line and not line.startswith(" "):
            cls = None
        def_match = re.match(r"^(\s*)def (\w+)\((.*)\) -> (.*): \.\.\.$", line)
        if def_match:
            indent, name, args, _ = def_match.groups()
            owner = cls if cls is not None else module
            raw = vars(owner).get(name) if cls is not None else getattr(module, name, None)
            if isinstance(raw, staticmethod) or (cls is not None and args == "self, *args, **kwargs" and name != "__init__"):
                out.extend(static_method_stub(indent, name, getattr(owner, name).__doc__))
                i += 1
                continue
            if name in ("__eq__", "__ne__"):
                line = f"{indent}def {name}(self, other: object) -> bool: ..."
            else:
                doc = getattr(getattr(owner, name, None), "__doc__", None)
                nullable = none_default_args(doc, name)
                nullable |= NULLABLE_ARGS.get((getattr(cls, "__name__", ""), name), set())
                if nullable:
                    line = make_optional(line, nullable)
        line = re.sub(r"\bnumpy\.ndarray\[(numpy\.\w+)\]", r"numpy.typing.NDArray[\1]", line)
        if re.match(r"^\s*__hash__: ClassVar\[None\]", line):
            line = line.split(" = ")[0] + "  # type: ignore[assignment]  # unhashable: it defines __eq__"
        out.append(line)
        i += 1
    # After the imports: the names the fixes use, and the version string set in module.cpp.
    first = next(n for n, line in enumerate(out) if line and not line.startswith(("from ", "import ")))
    out[first:first] = ["from typing import Any, Callable, Iterable, Optional, Sequence, Set, Union, overload",
                        "import numpy.typing", "", "__version__: str"]
    return ('"""Type stub of the compiled module aidtrack._core (generated by bindings/python/generate_stub.py '
            'with mypy\'s stubgen; do not edit)."""\n' + "\n".join(out) + "\n")


def main() -> int:
    parent = Path(sys.argv[1]).resolve()
    sys.path.insert(0, str(parent))
    from mypy.stubgen import main as stubgen  # Debian's mypy is compiled: no `python -m mypy.stubgen`

    module = importlib.import_module(MODULE)
    with tempfile.TemporaryDirectory() as tmp:
        stubgen(["-m", MODULE, "-o", tmp, "--quiet"])
        text = (Path(tmp) / "aidtrack" / "_core.pyi").read_text()
    (parent / "aidtrack" / "_core.pyi").write_text(fix(text, module))
    return 0


if __name__ == "__main__":
    sys.exit(main())
