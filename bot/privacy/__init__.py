"""Privacy: keyed pseudonyms, encryption of the few personal values kept, erasure, retention.

```mermaid
flowchart LR
  T[Telegram id] -- HMAC --> P[pseudonym] --> DB[(app database)]
  N[phone, chat id] -- AES-GCM --> DB
  F[/forget, any channel/] --> E[forget_person] --> DB & R[(Rasa tracker store)]
  J[daily job] --> RT[apply_retention] --> DB & R
```

This package's `__init__` imports nothing, so the low-level modules (crypto, pseudonyms) can be
used by the database layer while erasure and retention, higher up, use the database.
"""
