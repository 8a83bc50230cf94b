"""Kanta onboarding guide: YAML data → bilingual static guidance site.

Stages, one module each: load → validate → render → build → postbuild.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).parent
TEMPLATE_DIR = PACKAGE_DIR / "templates"
