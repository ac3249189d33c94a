"""Sphinx configuration of the course website (make site; see scripts/build_site.py).

This folder holds the site's own sources. The build copies them, with the notebooks and the
glossary, into build/site-src/ and builds from there: nothing here refers to the internet, and
the pages request nothing outside the site.
"""

import sys
from pathlib import Path

project = "Machine learning for geoscientists (ICTP_EQ)"
author = "the ICTP_EQ course"
copyright = "the ICTP_EQ course authors"

extensions = ["myst_nb"]
exclude_patterns = ["_build", "_extra", "**.ipynb_checkpoints"]
html_extra_path = ["_extra"]  # the notebooks themselves, for download: notebooks/*.ipynb

# The notebooks are shown with the outputs they are stored with; never run here.
nb_execution_mode = "off"
# Markdown as the notebooks write it: $...$ and $$...$$ math, and headings with anchors.
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3
myst_dmath_double_inline = True  # $$...$$ inside a paragraph, as Jupyter allows
# The notebooks put "### Map of the day" under their title (h1 to h3), as the course template has it.
suppress_warnings = ["myst.header"]

# MathJax 3 from the site itself (copied from npm's `mathjax` package by the build), never a CDN.
mathjax_path = "mathjax/tex-chtml.js"
# Sphinx writes math between \( \) and \[ \]; MathJax looks for nothing else.
mathjax3_config = {"tex": {"inlineMath": [["\\(", "\\)"]], "displayMath": [["\\[", "\\]"]]}}

html_theme = "sphinx_book_theme"
html_title = "Machine learning for geoscientists"
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_copy_source = False  # the notebooks are offered for download, unchanged, instead
html_show_sourcelink = False
html_last_updated_fmt = None
html_show_copyright = False
html_context = {"default_mode": "auto"}  # light or dark as the reader's system is set
html_theme_options = {
    "home_page_in_toc": True,
    "show_navbar_depth": 1,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "search_bar_text": "Search the course...",
    "footer_content_items": [],
}


# Headings get the anchors Jupyter gives them (site/course_anchors.py), so that the notebooks'
# links to their own sections ("#5.-Group-leakage") resolve on the site too.
sys.path.insert(0, str(Path(__file__).parent))
myst_heading_slug_func = "course_anchors.jupyter_anchor"
