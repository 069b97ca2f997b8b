"""Build hook: [project.urls] from datapackage.json's `homepage`, the project's one metadata source.

Nothing is invented: with no `homepage` in the descriptor the distribution lists no URL.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hatchling.metadata.plugin.interface import MetadataHookInterface


class CustomMetadataHook(MetadataHookInterface):
    def update(self, metadata: dict[str, Any]) -> None:
        descriptor = json.loads((Path(self.root) / "datapackage.json").read_text(encoding="utf-8"))
        homepage = descriptor.get("homepage")
        metadata["urls"] = {"Homepage": homepage, "Source": homepage} if isinstance(homepage, str) and homepage else {}
