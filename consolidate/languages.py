"""The languages of the corpus and which one a command uses when none is asked for.

Kazakh (``kaz``, the state language) and Russian (``rus``) are the authentic
texts of a Kazakh law; Adilet's English (``eng``) is an unofficial
translation.  This module imports nothing: the command line's quick path
reads it.
"""

LANGS = ("rus", "kaz", "eng")

#: BCP 47 tags of the languages, for HTML ``lang`` and Akoma Ntoso
BCP47 = {"rus": "ru", "kaz": "kk", "eng": "en"}


def default_lang(available: "tuple[str, ...] | list[str]") -> str:
    """Russian, the authentic text the corpus holds most of, when the law has
    it; else the first language it has (in the order of :data:`LANGS`)."""
    ordered = [lang for lang in LANGS if lang in available]
    return "rus" if "rus" in ordered or not ordered else ordered[0]
