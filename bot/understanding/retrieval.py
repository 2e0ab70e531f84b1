"""A second signal beside the classifier: how close a message is to each entry's own words.

Every guidance entry carries the questions it answers (``questions``), its ``keywords``
and its text. A TF-IDF cosine over those, per entry, tells which topics hold an answer
worded like the parent's message. It grows with the content: a new entry teaches the
assistant its own questions without retraining. Pure Python, built once per process.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Dict, Iterable, List, Sequence, Tuple

from bot.knowledge.schema import GuidanceEntry
from bot.understanding.text import stem, words

# Words that say nothing about the subject of a question.
STOP_WORDS = frozenset(
    """a an the and or but if of to in on at for with from by about as into over is are was
    were be been being am do does did doing have has had having i me my we our us you your
    he him his she her they them their it its this that these those there here what which
    who whom whose when where why how can could should would will shall may might must
    not no yes so than too very just also any some all more most other such only own same
    get got gets let lets make made know want wants need needs think thing things really
    please thanks thank hi hello ok okay child children kid kids son daughter year years
    old yo parent parents mum mom dad""".split()
)
# Question wording counts twice: it is written the way parents ask.
QUESTION_WEIGHT = 2.0


def terms(text: str) -> List[str]:
    """The stemmed content words of ``text``."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS and len(w) > 1]


class TopicIndex:
    """Cosine similarity between a message and each entry, reported per topic."""

    def __init__(self, entries: Sequence[GuidanceEntry]) -> None:
        documents: List[Tuple[GuidanceEntry, Dict[str, float]]] = []
        for entry in entries:
            bag: Dict[str, float] = defaultdict(float)
            for question in entry.questions:
                for term in terms(question):
                    bag[term] += QUESTION_WEIGHT
            for text in (*entry.keywords, entry.answer, *entry.steps):
                for term in terms(text):
                    bag[term] += 1.0
            documents.append((entry, bag))
        frequency: Counter[str] = Counter()
        for _, bag in documents:
            frequency.update(bag.keys())
        total = max(len(documents), 1)
        self._idf = {t: math.log((1 + total) / (1 + n)) + 1.0 for t, n in frequency.items()}
        self._postings: Dict[str, List[Tuple[int, float]]] = defaultdict(list)
        self._entries: List[GuidanceEntry] = []
        for index, (entry, bag) in enumerate(documents):
            vector = {t: (1 + math.log(c)) * self._idf[t] for t, c in bag.items()}
            norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
            for term, weight in vector.items():
                self._postings[term].append((index, weight / norm))
            self._entries.append(entry)

    def entry_scores(self, text: str) -> Dict[str, float]:
        """Cosine similarity of ``text`` with each entry that shares a word with it, by id."""
        query = Counter(t for t in terms(text) if t in self._idf)
        if not query:
            return {}
        vector = {t: (1 + math.log(c)) * self._idf[t] for t, c in query.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        scores: Dict[int, float] = defaultdict(float)
        for term, weight in vector.items():
            for index, entry_weight in self._postings[term]:
                scores[index] += weight / norm * entry_weight
        return {self._entries[i].id: score for i, score in scores.items()}

    def topic_scores(self, text: str) -> Dict[str, float]:
        """The best entry similarity per topic (topics with no shared word are absent)."""
        by_id = {e.id: e for e in self._entries}
        best: Dict[str, float] = {}
        for entry_id, score in self.entry_scores(text).items():
            topic = by_id[entry_id].topic
            best[topic] = max(best.get(topic, 0.0), score)
        return best


def ranked(scores: Dict[str, float]) -> List[Tuple[str, float]]:
    """Scores best first (ties by name, so the order is stable)."""
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def top(scores: Dict[str, float], exclude: Iterable[str] = ()) -> Tuple[str, float]:
    """The best (name, score), or ("", 0.0) when there is none."""
    skip = set(exclude)
    for name, score in ranked(scores):
        if name not in skip:
            return name, score
    return "", 0.0
