"""`pip wheel .` without a system Boost: the build takes Boost's headers from PyPI's boost-headers
(a build requirement in pyproject.toml), and the wheel installs and imports in a fresh venv.

"No system Boost" is simulated by telling CMake not to look for it
(``-Ccmake.define.CMAKE_DISABLE_FIND_PACKAGE_Boost=ON``), and proved by the module itself:
``eldercare._core.boost_version`` is the version of the headers it was compiled with, which must be
boost-headers' (1.85 or later) and not the system's (Debian bookworm: 1.74). The build has its own
build directory and runs in pip's isolated build environment (it downloads scikit-build-core,
pybind11 and boost-headers from PyPI), so it takes minutes: slow.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys
import venv

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_a_wheel_built_with_boost_from_pypi_installs_and_imports(tmp_path: pathlib.Path) -> None:
    wheels = tmp_path / "wheels"
    settings = [
        f"-Cbuild-dir={tmp_path / 'build'}",
        "-Ccmake.define.CMAKE_DISABLE_FIND_PACKAGE_Boost=ON",
        "-Ccmake.build-type=Release",
    ]
    if shutil.which("ccache"):
        settings.append("-Ccmake.define.CMAKE_CXX_COMPILER_LAUNCHER=ccache")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-w", str(wheels), "-v", *settings],
        capture_output=True,
        text=True,
        env=env,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    assert "Boost's headers from PyPI (boost-headers)" in build.stdout + build.stderr
    (wheel,) = wheels.glob("eldercare-*.whl")

    # A fresh venv: only the wheel is installed in it (numpy and pandas come from the system's
    # site-packages, which a venv puts after its own, so the venv's eldercare is the one imported).
    home = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=True).create(home)
    python = home / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--ignore-installed", str(wheel)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    probe = (
        "import eldercare, eldercare._core as c; "
        "print(eldercare.__file__); print(c.boost_version); "
        "print(eldercare.IdNumber('11010519491231002X').birth_date)"
    )
    out = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    where, boost, birth = out.stdout.split()
    assert pathlib.Path(where).is_relative_to(home)
    major, minor = (int(x) for x in boost.split("_")[:2])
    assert (major, minor) >= (1, 85), boost  # boost-headers', not Debian bookworm's 1.74
    assert birth == "1949-12-31"
    cli = subprocess.run([str(home / "bin" / "eldercare"), "--version"], capture_output=True, text=True, env=env)
    assert cli.returncode == 0 and cli.stdout.startswith("eldercare ")
