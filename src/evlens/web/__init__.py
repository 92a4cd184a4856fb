"""The web dashboard: ``evlens serve`` runs :func:`create_app` with uvicorn
(:func:`evlens.web.server.run`); :func:`is_loopback` tells it whether the address it binds
is reachable from other machines."""

from .app import create_app
from .security import is_loopback

__all__ = ["create_app", "is_loopback"]
