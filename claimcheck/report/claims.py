"""One source's claims -> text or JSON (``claimcheck/claims@1``), for `claimcheck claims`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from claimcheck.model import Claim, Mention, Source

SCHEMA = "claimcheck/claims@1"


def render(source: Source, claims: Sequence[Claim], *, as_json: bool) -> str:
    """Every claim with its mentions; JSON is stable and documented in README."""
    if as_json:
        return json.dumps(as_dict(source, claims), indent=2, ensure_ascii=False) + "\n"
    lines = [f"{source.id}  outlet: {source.outlet or '?'}  published: {_date(source)}", ""]
    for claim in claims:
        flags = [claim.polarity.value]
        if claim.hedged:
            flags.append("hedged")
        if claim.attribution:
            flags.append(f"attributed to {claim.attribution}")
        lines.append(f"[{claim.span.start}:{claim.span.end}] {claim.text}")
        lines.append(f"    {', '.join(flags)}")
        for mention in claim.mentions:
            role = f" ({mention.role})" if mention.role else ""
            lines.append(
                f"    - {mention.kind.value}: {mention.surface!r} -> {mention.value.key()}{role}"
            )
    return "\n".join(lines) + "\n"


def as_dict(source: Source, claims: Sequence[Claim]) -> dict[str, Any]:
    """The claims as plain JSON-ready data."""
    return {
        "schema": SCHEMA,
        "source": {
            "id": source.id,
            "outlet": source.outlet,
            "published": _date(source) if source.published else None,
            "title": source.title,
            "url": source.url,
            "sha256": source.sha256,
        },
        "claims": [
            {
                "id": claim.id,
                "start": claim.span.start,
                "end": claim.span.end,
                "text": claim.text,
                "polarity": claim.polarity.value,
                "attribution": claim.attribution,
                "hedged": claim.hedged,
                "mentions": [_mention(m) for m in claim.mentions],
            }
            for claim in claims
        ],
    }


def _mention(mention: Mention) -> dict[str, Any]:
    return {
        "kind": mention.kind.value,
        "start": mention.span.start,
        "end": mention.span.end,
        "surface": mention.surface,
        "value": mention.value.key(),
        "role": mention.role,
    }


def _date(source: Source) -> str:
    return source.published.isoformat() if source.published else "unknown"
