"""The web app: the Gradio chat UI and the HTTP API (REST and OpenAI-compatible), served together.

`rag.web.server.main` is what `python app.py` and the `newsrag` command run. Importing this package
loads neither gradio nor FastAPI.
"""
