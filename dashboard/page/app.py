"""The Streamlit page: widgets in, calls into the core, elements out.

Run with `streamlit run dashboard/page/app.py`; the data directory is env var DASHBOARD_DATA or the
repository's `data/`, new articles go to the manifest DASHBOARD_SOURCES (or seeds/sources.csv).
Every filter is mirrored in the URL's query params.

The page is in `sections` (its layout and `main`), `forms` and `cached` (what it computes,
cached per data version and filter spec); this script only runs it. Streamlit reads, rewrites
and compiles the script itself, not the modules it imports, for each script runner it makes
(a server once, AppTest on every run), so a short script starts sooner.
"""

from dashboard.page.sections import main

if __name__ == "__main__":
    main()
