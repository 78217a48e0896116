"""Which right(s) a message is about, from what it says, and how sure the model is.

Trained on every NLU example that carries a right: the `benefit` entity of examples that name
one, and the `right` metadata of blocks that describe a situation without naming it
(`nlu/<lang>/situations.yml`). Every other example teaches "no right" (greetings, "how do I
apply?", estimate answers...). One model for all languages: a multilingual sentence vector
(meaning) beside character n-grams of the folded text (names with typos or missing accents,
French names inside other languages), in one multinomial logistic regression.

What it adds to the parse result:
- `benefit` entities (extractor `RightsClassifier`), most likely first, when the message names
  a right or the model is sure; a right named by DIET and mapped by synonyms comes first;
- `rights`: the ranking of rights with their probabilities, `rights_none` (the probability that
  the message is about no right of its own: a follow-up, a greeting...) and `rights_confident`,
  so that the bot can ask back with the best guesses when it is not sure;
- when DIET fell back (`nlu_fallback`) or said `out_of_scope` but the model is sure the message
  is about a right, the intent becomes `ask_benefit`.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from allervers_nlu.names import NamedRights, names_table
from allervers_nlu.normalise import fold
from allervers_nlu.sentence_encoder import SENTENCE_VECTOR, UniversalSentenceEncoderFeaturizer, encode

logger = logging.getLogger(__name__)

NO_RIGHT = "_none"
ENTITY = "benefit"
# Intents whose examples never carry a right of their own: they teach "no right".
FOLLOW_UP_INTENTS = {"ask_benefit", "check_eligibility", "how_to_apply"}
RIGHT_INTENTS = FOLLOW_UP_INTENTS


def example_rights(message: Message, known: set[str] | None = None) -> list[str]:
    """The rights a training example is labelled with (metadata first, then entities)."""
    metadata = message.get("metadata") or {}
    labelled = (metadata.get("intent") or {}).get("right") or (metadata.get("example") or {}).get("right")
    if labelled:
        return [labelled]
    values = []
    for entity in message.get(ENTITIES) or []:
        if entity.get("entity") == ENTITY and entity.get("value") not in values:
            values.append(entity.get("value"))
    return [v for v in values if known is None or v in known]


def surfaces(training_data: TrainingData) -> list[tuple[str, str]]:
    """(name as written, right) pairs: the annotated `benefit` entities and the synonyms."""
    synonyms = training_data.entity_synonyms
    pairs = list(synonyms.items())
    for message in training_data.intent_examples:
        text = message.get(TEXT) or ""
        for entity in message.get(ENTITIES) or []:
            if entity.get("entity") == ENTITY and "start" in entity and "end" in entity:
                value = str(entity.get("value"))
                pairs.append((text[entity["start"]:entity["end"]], synonyms.get(value.lower(), value)))
    return pairs


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class RightsClassifier(GraphComponent):
    """Rights from meaning: see the module docstring."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [UniversalSentenceEncoderFeaturizer]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "confident": 0.5,  # the top right is used as the benefit at or above this
            "also": 0.1,  # other rights offered beside it at or above this
            "ranking_length": 3,
            "sentence_weight": 2.0,  # scale of the sentence vector beside the n-grams
            "C": 8.0,
            "min_ngram": 2,
            "max_ngram": 5,
            "max_features": 60000,
            "named_lookup": True,  # rights named in the text, by the training data's names (names.py)
            "short_message_words": 7,  # a message this short naming one right is about it
        }

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 vectorizer: TfidfVectorizer | None = None, weights: np.ndarray | None = None,
                 bias: np.ndarray | None = None, labels: list[str] | None = None,
                 names: dict[str, str] | None = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.vectorizer = vectorizer
        self.weights = weights
        self.bias = bias
        self.labels = labels or []
        self.names = names or {}
        self.named_rights = NamedRights(self.names) if self.config["named_lookup"] else None

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> RightsClassifier:
        return cls(config, model_storage, resource)

    # --- training ---------------------------------------------------------------------------

    def _features(self, texts: list[str], vectors: np.ndarray) -> sparse.csr_matrix:
        assert self.vectorizer is not None
        ngrams = self.vectorizer.transform([fold(t) for t in texts])
        dense = sparse.csr_matrix(vectors * self.config["sentence_weight"])
        return sparse.hstack([ngrams, dense]).tocsr()

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get(TEXT)]
        named = {r for m in examples for r in example_rights(m)}
        texts, labels = [], []
        for message in examples:
            rights = example_rights(message, named)
            for right in rights or [NO_RIGHT]:
                texts.append(message.get(TEXT))
                labels.append(right)
        self.vectorizer = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(self.config["min_ngram"], self.config["max_ngram"]),
            min_df=2, sublinear_tf=True, max_features=self.config["max_features"], dtype=np.float32)
        self.vectorizer.fit([fold(t) for t in texts])
        self.names = names_table(surfaces(training_data), named)
        self.named_rights = NamedRights(self.names) if self.config["named_lookup"] else None
        features = self._features(texts, encode(texts))
        model = LogisticRegression(C=self.config["C"], max_iter=2000, random_state=42)
        model.fit(features, labels)
        self.weights = model.coef_.astype(np.float32)
        self.bias = model.intercept_.astype(np.float32)
        self.labels = [str(c) for c in model.classes_]
        logger.info("RightsClassifier: %d examples, %d labels", len(texts), len(self.labels))
        self.persist()
        return self._resource

    def persist(self) -> None:
        assert self.vectorizer is not None
        with self._model_storage.write_to(self._resource) as directory:
            np.savez_compressed(directory / "model.npz", weights=self.weights, bias=self.bias,
                                idf=self.vectorizer.idf_.astype(np.float32))
            (directory / "model.json").write_text(json.dumps({
                "labels": self.labels,
                "vocabulary": {k: int(v) for k, v in self.vectorizer.vocabulary_.items()},
                "names": self.names,
            }), encoding="utf-8")

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> RightsClassifier:
        config = {**cls.get_default_config(), **config}
        try:
            with model_storage.read_from(resource) as directory:
                arrays = np.load(directory / "model.npz")
                meta = json.loads((directory / "model.json").read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            logger.warning("RightsClassifier: no trained model found; it will add nothing")
            return cls(config, model_storage, resource)
        vectorizer = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(config["min_ngram"], config["max_ngram"]),
            sublinear_tf=True, dtype=np.float32, vocabulary=meta["vocabulary"])
        vectorizer.idf_ = arrays["idf"]
        return cls(config, model_storage, resource, vectorizer, arrays["weights"], arrays["bias"],
                   meta["labels"], meta.get("names"))

    # --- prediction -------------------------------------------------------------------------

    def probabilities(self, messages: list[Message]) -> np.ndarray:
        texts = [m.get(TEXT) or "" for m in messages]
        vectors = np.stack([
            m.get(SENTENCE_VECTOR) if m.get(SENTENCE_VECTOR) is not None else encode([t])[0]
            for m, t in zip(messages, texts, strict=True)
        ])
        scores = self._features(texts, vectors) @ self.weights.T + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def process(self, messages: list[Message]) -> list[Message]:
        if self.weights is None or not messages:
            return messages
        with_text = [m for m in messages if m.get(TEXT)]
        if not with_text:
            return messages
        for message, probs in zip(with_text, self.probabilities(with_text), strict=True):
            self._decide(message, probs)
        return messages

    def _decide(self, message: Message, probs: np.ndarray) -> None:
        order = np.argsort(-probs)
        ranking = [{"value": self.labels[i], "confidence": round(float(probs[i]), 4)}
                   for i in order if self.labels[i] != NO_RIGHT][: self.config["ranking_length"]]
        known = set(self.labels) - {NO_RIGHT}
        # A `benefit` entity DIET found in words that are no right's name ("apply") would
        # fill the slot with nonsense: only known rights stay.
        entities = [e for e in message.get(ENTITIES) or []
                    if e.get("entity") != ENTITY or e.get("value") in known]
        named = list(dict.fromkeys(e["value"] for e in entities if e.get("entity") == ENTITY))
        top = self.labels[order[0]]
        confident = bool(named) or bool(top != NO_RIGHT and probs[order[0]] >= self.config["confident"])
        # Unsure, but the message writes a right's name ("AME : à qui s'adresse l'aide ?"): that
        # right, rather than asking back (most likely first when it names several). Sure of another
        # right, but the message is short and names one right: that right ("cât primești pe lună de
        # la RSA" is about the RSA, not the Christmas bonus its recipients get). In the training
        # data, a message of 7 words or fewer naming one right is about it 93-100 % of the time;
        # longer ones name it as context more and more often (59 % at 12 words and more).
        text = message.get(TEXT) or ""
        written = [r for r in self.named_rights.find(text) if r in self.labels] \
            if self.named_rights and not named else []
        short = len(text.split()) <= self.config["short_message_words"]
        looked_up: list[str] = []
        if not named and not confident:
            looked_up = sorted(written, key=lambda right: -probs[self.labels.index(right)])
        elif not named and short and len(written) == 1 and written[0] != top:
            looked_up = written
        for right in looked_up:
            entities.append({"entity": ENTITY, "value": right, "start": 0, "end": 0,
                             "confidence_entity": float(probs[self.labels.index(right)]),
                             "extractor": f"{self.__class__.__name__}.names"})
        named += looked_up
        confident = confident or bool(looked_up)
        chosen = list(named)
        if confident:
            # Beside rights the person named, only a sure guess is added; beside a sure guess,
            # other likely rights are offered too ("behind on rent" -> FSL and housing aid).
            also = self.config["confident"] if named else self.config["also"]
            for guess in ranking:
                if guess["value"] in chosen:
                    continue
                floor = also if chosen else self.config["confident"]
                if guess["confidence"] >= floor:
                    chosen.append(guess["value"])
        # Named rights keep DIET's entities (first); the guesses follow, most likely first.
        for value in chosen[len(named):]:
            entities.append({"entity": ENTITY, "value": value, "start": 0, "end": 0,
                             "confidence_entity": float(probs[self.labels.index(value)]),
                             "extractor": self.__class__.__name__})
        message.set(ENTITIES, entities, add_to_output=True)
        message.set("rights", ranking, add_to_output=True)
        message.set("rights_confident", confident, add_to_output=True)
        none = self.labels.index(NO_RIGHT) if NO_RIGHT in self.labels else None
        message.set("rights_none", 0.0 if none is None else round(float(probs[none]), 4),
                    add_to_output=True)
        intent = message.get(INTENT) or {}
        if chosen and (looked_up or not named) and intent.get("name") in ("nlu_fallback", "out_of_scope"):
            confidence = float(probs[self.labels.index(chosen[0])])
            message.set(INTENT, {"name": "ask_benefit", "confidence": confidence}, add_to_output=True)
            ranking_key = message.get(INTENT_RANKING_KEY) or []
            message.set(INTENT_RANKING_KEY,
                        [{"name": "ask_benefit", "confidence": confidence},
                         *[r for r in ranking_key if r.get("name") != "ask_benefit"]],
                        add_to_output=True)
