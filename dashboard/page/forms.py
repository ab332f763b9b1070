"""The page's forms: reviewing an event, adding a source, the story's settings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import RerunException, StopException

from dashboard import humanize
from dashboard.page import cached
from dashboard.page.cached import Version
from dashboard.read.sources import SourceError, read_manifest
from dashboard.store import curation, dataset, uploads
from dashboard.story import review


def leave(message: str, error: bool = False) -> None:
    """Leave a message for the page's next runs (`sections.flash` shows it)."""
    st.session_state["flash"] = {"text": message, "error": error}


def review_form(data_dir: str, on_page, version: Version) -> None:
    """Mark an event of this page verified or rejected, or correct it (saved to curation.csv).

    The fields' keys carry the data's version, so after a save they start from the saved values.
    """
    if on_page.empty:
        return
    with st.expander("Review an event (verify, reject or correct)"):
        events = {e["event_id"]: e for e in on_page.to_dict("records")}
        picked = [i for i in st.query_params.get_all("event") if i in events]
        event_id = st.selectbox(
            "Event", list(events), index=list(events).index(picked[0]) if picked else 0,
            key="review_event",
            format_func=lambda i: f"{humanize.event_date(events[i])} · "
                                  f"{humanize.text(events[i]['summary'])[:90]}")
        event = events[event_id]
        tag = f"{event_id}_{version[0]}_{version[1]}"
        with st.form(f"review_{tag}"):
            st.caption(f"Now: {humanize.status_label(event.get('status'))}. Leave a field as it "
                       "is to keep what the machine found.")
            verdict = st.radio("Verdict", review.VERDICTS, horizontal=True, key="review_verdict",
                               format_func=lambda v: {"keep": "No verdict",
                                                      "verified": "Verified",
                                                      "rejected": "Rejected"}[v])
            values = {"verdict": verdict}
            left, right, third = st.columns(3)
            values["date"] = left.text_input("First day (YYYY-MM-DD)",
                                             humanize.text(event.get("date")),
                                             key=f"review_date_{tag}")
            values["date_end"] = right.text_input("Last day (YYYY-MM-DD)",
                                                  humanize.text(event.get("date_end")),
                                                  key=f"review_date_end_{tag}")
            precisions = list(dict.fromkeys([*review.PRECISIONS,
                                             humanize.text(event.get("precision")) or "day"]))
            values["precision"] = third.selectbox(
                "Precision", precisions, key=f"review_precision_{tag}",
                index=precisions.index(humanize.text(event.get("precision")) or "day"))
            values["summary"] = st.text_area("Summary", humanize.text(event.get("summary")),
                                             key=f"review_summary_{tag}", height=80)
            values["actors"] = st.text_input("Actors (separated by “; ”)",
                                             humanize.text(event.get("actors")),
                                             key=f"review_actors_{tag}")
            kinds = list(dict.fromkeys([*review.KINDS, humanize.text(event.get("kind"))
                                        or "event"]))
            values["kind"] = st.selectbox("Kind", kinds, key=f"review_kind_{tag}",
                                          index=kinds.index(humanize.text(event.get("kind"))
                                                            or "event"),
                                          format_func=humanize.kind_label)
            if st.form_submit_button("Save review"):
                save_review(data_dir, event, values)


def save_review(data_dir: str, event: dict, values: dict) -> None:
    """Record the review, then rerun so every part of the page shows it."""
    try:
        status, fixed = review.changes(event, values)
        previous = curation.read(data_dir)
        previous = previous[previous["event_id"] == event["event_id"]].to_dict("records")
        status, kept = review.merged(previous[-1] if previous else None, status, fixed)
        curation.save(data_dir, event["event_id"], status, **kept)
    except (review.ReviewError, ValueError, OSError) as error:
        st.error(humanize.plain_markdown(f"Not saved: {error}"))
        return
    cached.load.clear()
    leave(f"Saved: the event is now {humanize.status_label(status)}"
          + (f" ({', '.join(fixed)} corrected)." if fixed else "."))
    st.rerun()


def add_source_form(data_dir: str) -> None:
    """The sidebar's "Add a source" form: store the article, rebuild with a progress bar."""
    manifest = dataset.default_manifest()
    with st.sidebar.expander("Add a source"), st.form("add_source", clear_on_submit=False):
        upload = st.file_uploader("Article file (.txt, .md, .html)",
                                  type=["txt", "md", "html", "htm"], key="add_file",
                                  max_upload_size=uploads.MAX_BYTES // (1024 * 1024))
        pasted = st.text_area("…or paste the article's text", key="add_text", height=100)
        by_url = st.text_input("…or add by URL (the page is fetched and kept)", key="add_by_url",
                               placeholder="https://…")
        url = st.text_input("URL (http or https)", key="add_url")
        title = st.text_input("Title", key="add_title")
        outlet = st.text_input("Outlet", key="add_outlet")
        published = st.date_input("Publication date (blank: found in the text)", value=None,
                                  key="add_published", format="YYYY-MM-DD")
        if not st.form_submit_button("Add and rebuild"):
            return
        if upload is not None:
            content, name = upload.getvalue(), upload.name
        elif pasted.strip():
            content, name = pasted.encode("utf-8"), uploads.PASTED_NAME
        elif by_url.strip():
            content, name = None, by_url.strip()
        else:
            st.error("Choose a file, paste the article's text or give its URL.")
            return
        progress = Unbroken(st.progress(0.0, text="Reading the articles…"))
        given, today = published.isoformat() if published else "", dt.date.today().isoformat()
        try:
            if content is None:
                stored = uploads.add_url(manifest, data_dir, name, progress=progress,
                                         published=given, undated=today)
            else:
                stored = uploads.add(manifest, data_dir, content, name, url=url,
                                     published=given, title=title, outlet=outlet,
                                     progress=progress, undated=today)
        except SourceError as error:
            if progress.interrupted is not None:  # the next run shows why nothing was added
                leave(str(error), error=True)
                progress.resume()
            progress.bar.empty()
            st.error(humanize.plain_markdown(str(error)))
            return
    cached.load.clear()
    leave(f"Added {stored.name} to {manifest.name} and rebuilt the data."
          + ("" if given else _dated_note(manifest, stored, today)))
    progress.resume()
    st.rerun()


class Unbroken:
    """A build's progress bar that the page's next run cannot cut in half.

    Streamlit stops a running script at its next element call when the reader touches a widget,
    so a progress update would abandon an added article half built, and the run that follows
    knows nothing of the click that started it: no message, no error. This callback keeps the
    interruption for later (`resume` raises it once the build is over) and stops drawing.
    """

    def __init__(self, bar) -> None:
        self.bar, self.interrupted = bar, None

    def __call__(self, done: int, total: int) -> None:
        if self.interrupted is not None:
            return
        try:
            self.bar.progress(done / max(total, 1), text=f"Extracting: {done} of {total} articles")
        except (RerunException, StopException) as interruption:
            self.interrupted = interruption

    def resume(self) -> None:
        """Let the run the reader asked for during the build go on now."""
        if self.interrupted is not None:
            raise self.interrupted


def _dated_note(manifest: Path, stored: Path, today: str) -> str:
    """What the flash says of the date an article added without one was given."""
    row = next((r for r in read_manifest(manifest) if Path(r["path"]).name == stored.name), {})
    if row.get("published") == today:
        return (f" No publication date was given or found in it, so it is dated today "
                f"({humanize.day_label(today)}), the day it was added: correct it in "
                f"{manifest.name} if it is older.")
    if row.get("published"):
        return f" Its publication date, {humanize.day_label(row['published'])}, is its URL's."
    return " Its publication date is the one found in the article."


def story_settings(data_dir: str, data: dataset.Dataset) -> None:
    """The sidebar's "Story settings" form: the story's title, saved to story.json."""
    with st.sidebar.expander("Story settings"), st.form("story_settings"):
        title = st.text_input("Story title", data.title, key="settings_title", max_chars=200,
                              help="Saved in story.json in the data folder and beside the "
                                   "manifest. Leave it blank to name the story from its "
                                   "articles' titles.")
        if not st.form_submit_button("Save settings"):
            return
        try:
            saved = dataset.save_title(data_dir, title, dataset.default_manifest().parent)
        except OSError as error:
            st.error(humanize.plain_markdown(f"Not saved: {error}"))
            return
    cached.load.clear()
    st.session_state.pop("settings_title", None)
    leave(f"Saved the story's title: {saved}." if saved else
          "Removed the story's title: it is named from its articles.")
    st.rerun()


