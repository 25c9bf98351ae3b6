"""The indexed knowledge base kept in the user's cache folder is the base the files make."""
from marsad import kb as kb_module


def _fresh(monkeypatch, folder):
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.delenv("MARSAD_NO_CACHE", raising=False)
    kb_module.knowledge_base.cache_clear()
    return kb_module.knowledge_base()


def test_the_cached_base_is_the_base_the_files_make(monkeypatch, tmp_path):
    try:
        built = _fresh(monkeypatch, tmp_path)
        cached_files = list((tmp_path / "marsad").glob("kb-*.pickle"))
        assert len(cached_files) == 1
        loaded = _fresh(monkeypatch, tmp_path)
        assert loaded is not built
        assert loaded.entities == built.entities
        assert {k: [(a.entity, a.ambiguous) for a in v] for k, v in loaded.aliases.items()} == \
            {k: [(a.entity, a.ambiguous) for a in v] for k, v in built.aliases.items()}
        assert loaded.lookup("اليابان")[0].id == "japan"
        assert loaded.holder("japan.prime_minister", built.entities["shinzo_abe"].offices[-1].start).id == "shinzo_abe"
    finally:
        kb_module.knowledge_base.cache_clear()


def test_a_damaged_cache_is_rebuilt_not_trusted(monkeypatch, tmp_path):
    try:
        _fresh(monkeypatch, tmp_path)
        cached = next((tmp_path / "marsad").glob("kb-*.pickle"))
        cached.write_bytes(b"not a pickle")
        again = _fresh(monkeypatch, tmp_path)
        assert again.lookup("اليابان")[0].id == "japan"
        assert cached.read_bytes() != b"not a pickle"
    finally:
        kb_module.knowledge_base.cache_clear()
