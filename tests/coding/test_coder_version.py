"""The coder version follows the dictionaries the coder reads, not only its verb files."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from dyadwatch.coding.actors.recognizer import ActorRecognizer
from dyadwatch.coding.coder import Coder
from dyadwatch.dictionaries.verbs import default_verbs
from dyadwatch.settings import Settings


def test_a_user_actor_file_changes_the_coder_version(
    nlp: Language, recognizer: ActorRecognizer, tmp_path: Path
) -> None:
    plain = Coder(nlp, recognizer, default_verbs(), settings=Settings(prefilter=False))
    (tmp_path / "agents.tsv").write_text("phrase\tcode\n", encoding="utf-8")
    settings = Settings(prefilter=False, dictionary_dir=str(tmp_path))
    with_user_file = Coder(nlp, recognizer, default_verbs(), settings=settings)
    assert plain.version.startswith("rules") and with_user_file.version.startswith("rules")
    assert with_user_file.version != plain.version
