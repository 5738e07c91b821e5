"""Text checks shared by drafts and moderation: one engine, many small detector kinds.

Each kind is one module with a Cerberus SCHEMA and a compile function; adding a kind means
adding a module and a line to KINDS.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from govern.checks import (
    avoid,
    classifier,
    context,
    emoji,
    hashtags,
    hate,
    hostility,
    insult,
    length,
    metric,
    patterns,
    personal_data,
    phrases,
    profanity,
    scores,
    sentences,
    styled,
    targeted,
    threat,
    words,
)
from govern.checks.base import CompileEnv, Detector

Compile = Callable[[dict[str, Any], CompileEnv], Detector | None]

KINDS: dict[str, tuple[dict[str, Any], Compile]] = {
    "phrases": (phrases.SCHEMA, phrases.compile_phrases),
    "patterns": (patterns.SCHEMA, patterns.compile_patterns),
    "words": (words.SCHEMA, words.compile_words),
    "personal-data": (personal_data.SCHEMA, personal_data.compile_personal_data),
    "sentiment": (scores.SENTIMENT_SCHEMA, scores.compile_sentiment),
    "offensive": (scores.OFFENSIVE_SCHEMA, scores.compile_offensive),
    "metric": (metric.SCHEMA, metric.compile_metric),
    "length": (length.SCHEMA, length.compile_length),
    "context": (context.SCHEMA, context.compile_context),
    "targeted": (targeted.SCHEMA, targeted.compile_targeted),
    "classifier": (classifier.SCHEMA, classifier.compile_classifier),
    "profanity": (profanity.SCHEMA, profanity.compile_profanity),
    "insult": (insult.SCHEMA, insult.compile_insult),
    "hate": (hate.SCHEMA, hate.compile_hate),
    "threat": (threat.SCHEMA, threat.compile_threat),
    "words-to-avoid": (avoid.SCHEMA, avoid.compile_words_to_avoid),
    "hostility": (hostility.SCHEMA, hostility.compile_hostility),
    "emoji": (emoji.SCHEMA, emoji.compile_emoji),
    "hashtags": (hashtags.SCHEMA, hashtags.compile_hashtags),
    "sentences": (sentences.SCHEMA, sentences.compile_sentences),
    "styled-letters": (styled.SCHEMA, styled.compile_styled_letters),
}
