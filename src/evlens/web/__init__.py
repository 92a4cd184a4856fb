"""The web dashboard: ``evlens serve`` runs :func:`create_app` with uvicorn."""

from .app import create_app

__all__ = ["create_app"]
