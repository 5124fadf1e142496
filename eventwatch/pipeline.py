"""``Pipeline.code(article) -> Result``: the one per-article function every entry point calls.

Heavy objects (spaCy pipeline, gazetteer, actor dictionary) are constructor arguments with lazy defaults, so tests
inject small ones and the CLI, API, store and Spark job share the same code path.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .assemble import ActorLookup, PlaceLookup, assemble
from .records import Article, Result, Skipped
from .settings import Settings, load_settings

if TYPE_CHECKING:
    pass

__all__ = ["Pipeline", "skipped_result"]


def skipped_result(skipped: Skipped) -> Result:
    """A Result for an input that was not coded, so every input gets exactly one output line."""
    article = Article(id=skipped.id or (skipped.source or "unknown"), text="", source=skipped.source, language=None)
    return Result(article=article, skipped=skipped)


class Pipeline:
    def __init__(
        self,
        *,
        nlp: Language | None = None,
        places: PlaceLookup | None = None,
        actors: ActorLookup | None = None,
        settings: Settings | None = None,
    ) -> None:
        self.settings = settings or load_settings()
        self._nlp = nlp
        self._places = places
        self._actors = actors

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from .nlp import load_nlp

            self._nlp = load_nlp(self.settings.spacy_model)
        return self._nlp

    @property
    def places(self) -> PlaceLookup:
        if self._places is None:
            from .resolve.gazetteer import Gazetteer
            from .resolve.places import PlaceResolver

            self._places = PlaceResolver(Gazetteer.load(cache_dir=self.settings.gazetteer_cache))
        return self._places

    @property
    def actors(self) -> ActorLookup:
        if self._actors is None:
            from .resolve.actors import ActorDictionary, ActorResolver

            self._actors = ActorResolver(ActorDictionary.load(extra=self.settings.actors))
        return self._actors

    def code(self, article: Article | Skipped) -> Result:
        """Code one article."""
        return next(self.code_many([article]))

    def code_doc(self, article: Article, doc: Doc) -> Result:
        events, statements = assemble(article, doc, places=self.places, actors=self.actors)
        return Result(article=article, events=tuple(events), statements=tuple(statements))

    def code_many(self, items: Iterable[Article | Skipped], *, batch_size: int | None = None,
                  n_process: int | None = None) -> Iterator[Result]:
        """Code many articles with ``nlp.pipe`` batching; output order follows input order."""
        batch = batch_size or self.settings.batch_size
        processes = n_process or self.settings.n_process
        pending: list[Article | Skipped] = []
        for item in items:
            pending.append(item)
            if len(pending) >= batch * max(processes, 1):
                yield from self._code_batch(pending, batch, processes)
                pending = []
        if pending:
            yield from self._code_batch(pending, batch, processes)

    def _code_batch(self, items: list[Article | Skipped], batch: int, processes: int) -> Iterator[Result]:
        articles = [item for item in items if isinstance(item, Article)]
        docs = iter(self.nlp.pipe((a.text for a in articles), batch_size=batch, n_process=processes))
        for item in items:
            if isinstance(item, Skipped):
                yield skipped_result(item)
            else:
                yield self.code_doc(item, next(docs))
