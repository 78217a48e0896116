"""The language classifier is loaded once per process, however many turns ask for it at once.

A gateway's first messages arrive while the classifier is still loading in the background; each
worker thread that asked for it then loaded the 6 MB file again, one after the other, holding the
first turns back (seen profiling the benchmark)."""

from __future__ import annotations

import threading
import time

import joblib

from bot import language_id


def test_threads_asking_at_once_load_the_classifier_once(monkeypatch):
    language_id.ready()  # the file exists (fitted if needed)
    loads = []
    real_load = joblib.load

    def slow_load(path, *args, **kwargs):
        loads.append(path)
        time.sleep(0.2)  # long enough for every thread to be waiting
        return real_load(path, *args, **kwargs)

    monkeypatch.setattr(joblib, "load", slow_load)
    monkeypatch.setattr(language_id, "_loaded", None)
    assert not language_id.loaded()
    found = []
    def turn() -> None:
        found.append(language_id.identify("bonjour je cherche le rsa"))

    threads = [threading.Thread(target=turn) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(loads) == 1
    assert language_id.loaded()
    assert [f.language for f in found] == ["fr"] * 6
