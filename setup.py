"""Builds the aidtrack wheel with the project's own CMake build (see pyproject.toml).

The compiled module is built by CMake in ``build-python/cmake`` (kept between installs, so a
second ``pip install .`` only rebuilds what changed) with only the Python module enabled; its
generated type stub, the pure-Python package from ``bindings/python/aidtrack`` and the shipped
``data/`` (as ``aidtrack/data``) go into the wheel. ``AIDTRACK_CMAKE_BUILD_DIR`` names an
already configured build tree to use instead (for example ``build``, the developer build), and
``CMAKE_BUILD_PARALLEL_LEVEL`` the number of compile jobs. Nothing is downloaded.
"""
from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

ROOT = os.path.dirname(os.path.abspath(__file__))
PACKAGE_BUILD = os.path.join(ROOT, "build-python")


def project_version() -> str:
    with open(os.path.join(ROOT, "CMakeLists.txt"), encoding="utf-8") as f:
        match = re.search(r"project\(aidtrack\s+VERSION\s+([0-9.]+)", f.read())
    if match is None:
        raise RuntimeError("no project(aidtrack VERSION …) in CMakeLists.txt")
    return match.group(1)


class CMakeExtension(Extension):
    """The compiled module ``aidtrack._core``, made by the CMake target ``aidtrack_python``."""

    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    """Configures (once) and builds the Python module with CMake, then copies it and its stub."""

    def build_extension(self, ext: Extension) -> None:
        build_dir = os.environ.get("AIDTRACK_CMAKE_BUILD_DIR") or os.path.join(PACKAGE_BUILD, "cmake")
        build_dir = os.path.abspath(build_dir)
        if not os.path.exists(os.path.join(build_dir, "CMakeCache.txt")):
            configure = ["cmake", "-S", ROOT, "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release",
                         f"-DPython3_EXECUTABLE={sys.executable}", "-DAIDTRACK_BUILD_PYTHON=ON",
                         "-DAIDTRACK_BUILD_TESTS=OFF", "-DAIDTRACK_BUILD_DOCS=OFF", "-DAIDTRACK_BUILD_EXAMPLES=OFF",
                         "-DAIDTRACK_BUILD_TOOLS=OFF"]
            if shutil.which("ninja"):
                configure += ["-G", "Ninja"]
            subprocess.run(configure, check=True)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL") or str(os.cpu_count() or 1)
        subprocess.run(["cmake", "--build", build_dir, "--target", "aidtrack_python_all", "-j", jobs], check=True)

        built = os.path.join(build_dir, "python", "aidtrack")
        modules = glob.glob(os.path.join(built, "_core.*.so")) + glob.glob(os.path.join(built, "_core.so"))
        if not modules:
            raise RuntimeError(f"the CMake build made no aidtrack/_core module in {built}")
        target = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(modules[0], target)
        shutil.copymode(modules[0], target)
        stub = os.path.join(built, "_core.pyi")
        if os.path.exists(stub):  # absent only when mypy's stubgen was not installed at configure time
            shutil.copyfile(stub, os.path.join(os.path.dirname(target), "_core.pyi"))


class BuildPyWithData(build_py):
    """The pure-Python package plus the shipped data/ as aidtrack/data."""

    def run(self) -> None:
        super().run()
        target = os.path.join(self.build_lib, "aidtrack", "data")
        if os.path.isdir(target):
            shutil.rmtree(target)
        shutil.copytree(os.path.join(ROOT, "data"), target)


os.makedirs(os.path.join(PACKAGE_BUILD, "setuptools"), exist_ok=True)
setup(
    version=project_version(),
    packages=["aidtrack"],
    package_dir={"aidtrack": "bindings/python/aidtrack"},
    package_data={"aidtrack": ["*.pyi", "py.typed"]},
    ext_modules=[CMakeExtension("aidtrack._core")],
    cmdclass={"build_ext": CMakeBuild, "build_py": BuildPyWithData},
    zip_safe=False,
    options={
        "build": {"build_base": os.path.relpath(os.path.join(PACKAGE_BUILD, "setuptools"), ROOT)},
        "egg_info": {"egg_base": os.path.relpath(os.path.join(PACKAGE_BUILD, "setuptools"), ROOT)},
    },
)
