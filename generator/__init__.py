"""Kanta onboarding guide: YAML data → bilingual static guidance site.

The packages are the stages, in the order a build runs them and top to bottom in the imports:
commands → publish → build → render → check → load → model (README "Design").
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).parent
TEMPLATE_DIR = PACKAGE_DIR / "templates"
