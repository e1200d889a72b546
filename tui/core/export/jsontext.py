"""JSON text that is safe to print: every control character escaped, C1 and DEL included, and
lone surrogates (which UTF-8 cannot hold) escaped as JSON allows.

`json.dumps(..., ensure_ascii=False)` escapes C0 controls but writes DEL and the C1 controls
(U+0080-U+009F; U+009B is a one-byte CSI to many terminals) as they are. Escaping them keeps the
same JSON value and keeps them away from a terminal that shows the export."""

from __future__ import annotations

import json
import re

_RAW_CONTROL = re.compile("[\x7f-\x9f\ud800-\udfff]")


def dumps(data, **options) -> str:
    text = json.dumps(data, ensure_ascii=False, **options)
    return _RAW_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
