"""`styled-letters`: letters from Unicode's styled alphabets, which screen readers cannot read.

Catches: 𝗯𝗼𝗹𝗱, 𝘪𝘵𝘢𝘭𝘪𝘤, 𝓈𝒸𝓇𝒾𝓅𝓉, ⓒⓘⓡⓒⓛⓔⓓ, 🅝🅔🅖🅐🅣🅘🅥🅔, ｆｕｌｌｗｉｄｔｈ, ⒫⒜⒭⒠⒩ and ꜱᴍᴀʟʟ ᴄᴀᴘꜱ letters
(and styled digits), and regional-indicator letters where they spell letters, not a flag
("🇳🇴🇵🇪"; `normalise.regional_letter_runs`). The finding covers each run of styled words and
suggests the plain text.
Example: `{kind: styled-letters}`. Reads the text as written (normalising folds these letters
to plain ones), so spans are offsets in it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from govern.checks.base import CompileEnv, Span, Subject
from govern.checks.normalise import regional_letter_runs

SCHEMA: dict[str, Any] = {"kind": {"type": "string", "required": True}}

# Small capitals that NFKC leaves alone, and the plain letters they stand for.
_SMALL_CAPS = dict(zip("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘǫʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnopqrstuvwyz", strict=True))
_STYLED = (
    "\U0001d400-\U0001d7ff"  # Mathematical Alphanumeric Symbols: bold, italic, script, fraktur, ...
    "\u24b6-\u24e9"  # circled letters
    "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"  # fullwidth digits and letters
    "\U0001f130-\U0001f149\U0001f150-\U0001f169\U0001f170-\U0001f189"  # squared, negative circled/squared
    "\u249c-\u24b5\U0001f110-\U0001f129"  # parenthesised letters
    + "".join(_SMALL_CAPS)
)
# A run: styled letters, and the spaces and punctuation between styled words.
_REGIONAL = re.compile("[\U0001f1e6-\U0001f1ff]")
RUN = re.compile(rf"[{_STYLED}]+(?:[\s'’.,!?:;-]+[{_STYLED}]+)*")


def plain(text: str) -> str:
    """The plain letters that styled ones stand for ("𝗯𝗼𝗹𝗱" -> "bold")."""
    out = []
    for c in text:
        code = ord(c)
        if 0x249C <= code <= 0x24B5:
            out.append(chr(ord("a") + code - 0x249C))
        elif 0x1F110 <= code <= 0x1F129:
            out.append(chr(ord("A") + code - 0x1F110))
        elif 0x1F1E6 <= code <= 0x1F1FF:
            out.append(chr(ord("A") + code - 0x1F1E6))
        elif 0x1F150 <= code <= 0x1F169:
            out.append(chr(ord("A") + code - 0x1F150))
        elif 0x1F170 <= code <= 0x1F189:
            out.append(chr(ord("A") + code - 0x1F170))
        elif c in _SMALL_CAPS:
            out.append(_SMALL_CAPS[c])
        else:
            out.append(unicodedata.normalize("NFKC", c))
    return "".join(out)


@dataclass
class StyledLetters:
    pattern: str | None = None
    reads_raw: bool = True

    def find(self, subject: Subject) -> list[Span]:
        text = subject.original
        if text.isascii():
            return []
        spans = [Span(m.start(), m.end(), plain(m.group())) for m in RUN.finditer(text)]
        if _REGIONAL.search(text):
            spans.extend(Span(a, b, plain(text[a:b])) for a, b in regional_letter_runs(list(text)))
            spans.sort(key=lambda s: s.start)
        return spans


def compile_styled_letters(spec: dict[str, Any], env: CompileEnv) -> StyledLetters | None:
    return StyledLetters()
