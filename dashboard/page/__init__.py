"""The Streamlit page: the app, its charts and cards. The only layer that imports Streamlit."""
