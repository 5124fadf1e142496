"""Offline language detection keeps English news and names the language of the rest."""
from __future__ import annotations

import time

import pytest

from eventwatch.ingest import detect_language
from eventwatch.ingest.language import MIN_WORDS, load_stopwords

ENGLISH = [
    # headline plus one paragraph: the shortest texts users feed in
    "Car bomb kills nine in capital\n\nA car bomb exploded near a busy checkpoint in the capital on Sunday, "
    "killing at least nine people and wounding 30, police and hospital officials said.",
    "Troops clash with rebels near border\n\nGovernment troops clashed with rebel fighters near the northern "
    "border overnight, the army said in a statement, adding that several soldiers were wounded.",
    # name-heavy wire copy with few function words per sentence
    "KANO, Nigeria (AP) — Suspected Boko Haram militants attacked Gamboru Ngala, Bama and Konduga on Tuesday. "
    "Borno state police commissioner Lawal Tanko said 14 people died. Residents fled toward Maiduguri and "
    "Cameroon, witnesses said.",
    # English quoting foreign words and names in another script
    "Protesters chanted \u201cel pueblo quiere la ca\u00edda del r\u00e9gimen\u201d as they marched through the old city "
    "on Friday, and banners reading \u0627\u0644\u0634\u0639\u0628 were held up while security forces watched from rooftops nearby.",
    # business and sport paragraphs are English too, even if not events
    "Shares in the state oil company rose four percent on Monday after the government announced plans to sell "
    "a minority stake to foreign investors, traders said.",
]

FOREIGN = [
    ("es", "Al menos diez personas murieron el domingo en un ataque contra un mercado en el norte del pa\u00eds, "
           "seg\u00fan informaron las autoridades locales, que culparon a un grupo armado de la regi\u00f3n."),
    ("pt", "Pelo menos dez pessoas morreram no domingo num ataque contra um mercado no norte do pa\u00eds, "
           "segundo as autoridades locais, que culparam um grupo armado da regi\u00e3o pelo ataque."),
    ("it", "Almeno dieci persone sono morte domenica in un attacco contro un mercato nel nord del paese, "
           "secondo le autorit\u00e0 locali, che hanno accusato un gruppo armato della regione."),
    ("de", "Mindestens zehn Menschen sind am Sonntag bei einem Angriff auf einen Markt im Norden des Landes "
           "get\u00f6tet worden, teilten die Beh\u00f6rden mit, die eine bewaffnete Gruppe daf\u00fcr verantwortlich machten."),
    ("nl", "Zeker tien mensen zijn zondag om het leven gekomen bij een aanval op een markt in het noorden van "
           "het land, zo hebben de lokale autoriteiten gemeld, die een gewapende groep de schuld geven."),
    ("fr", "Au moins dix personnes ont \u00e9t\u00e9 tu\u00e9es dimanche dans une attaque contre un march\u00e9 dans le nord "
           "du pays, selon les autorit\u00e9s locales qui accusent un groupe arm\u00e9 de la r\u00e9gion."),
    ("pl", "Co najmniej dziesi\u0119\u0107 os\u00f3b zgin\u0119\u0142o w niedziel\u0119 w ataku na targ na p\u00f3\u0142nocy kraju, "
           "jak poinformowa\u0142y w\u0142adze lokalne, kt\u00f3re o atak oskar\u017cy\u0142y zbrojn\u0105 grup\u0119 z tego regionu."),
    ("id", "Setidaknya sepuluh orang tewas pada hari Minggu dalam serangan terhadap sebuah pasar di utara negara "
           "itu, kata pejabat setempat yang menyalahkan kelompok bersenjata di wilayah tersebut atas serangan itu."),
    ("ru", "\u041f\u043e \u043c\u0435\u043d\u044c\u0448\u0435\u0439 \u043c\u0435\u0440\u0435 \u0434\u0435\u0441\u044f\u0442\u044c \u0447\u0435\u043b\u043e\u0432\u0435\u043a \u043f\u043e\u0433\u0438\u0431\u043b\u0438 \u0432 \u0432\u043e\u0441\u043a\u0440\u0435\u0441\u0435\u043d\u044c\u0435 \u043f\u0440\u0438 \u043d\u0430\u043f\u0430\u0434\u0435\u043d\u0438\u0438 \u043d\u0430 \u0440\u044b\u043d\u043e\u043a."),
    ("ar", "\u0642\u062a\u0644 \u0639\u0634\u0631\u0629 \u0623\u0634\u062e\u0627\u0635 \u0639\u0644\u0649 \u0627\u0644\u0623\u0642\u0644 \u0641\u064a \u0647\u062c\u0648\u0645 \u0639\u0644\u0649 \u0633\u0648\u0642 \u0641\u064a \u0634\u0645\u0627\u0644 \u0627\u0644\u0628\u0644\u0627\u062f \u064a\u0648\u0645 \u0627\u0644\u0623\u062d\u062f."),
    ("fa", "\u062f\u0633\u062a \u06a9\u0645 \u062f\u0647 \u0646\u0641\u0631 \u062f\u0631 \u062d\u0645\u0644\u0647 \u0628\u0647 \u06cc\u06a9 \u0628\u0627\u0632\u0627\u0631 \u062f\u0631 \u0634\u0645\u0627\u0644 \u06a9\u0634\u0648\u0631 \u06a9\u0634\u062a\u0647 \u0634\u062f\u0646\u062f \u0648 \u067e\u0644\u06cc\u0633 \u06af\u0641\u062a."),
    ("zh", "\u661f\u671f\u65e5\uff0c\u8be5\u56fd\u5317\u90e8\u4e00\u4e2a\u5e02\u573a\u906d\u5230\u88ad\u51fb\uff0c\u81f3\u5c11\u5341\u4eba\u6b7b\u4ea1\u3002"),
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_news_is_recognised(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize(("expected", "text"), FOREIGN, ids=[code for code, _ in FOREIGN])
def test_other_languages_are_named(expected: str, text: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Anschlag in Berlin", "Attentat \u00e0 Paris: trois morts", "Explosi\u00f3n en Madrid deja dos heridos", ""],
)
def test_texts_under_min_words_default_to_english(text: str) -> None:
    assert len(text.split()) < MIN_WORDS
    assert detect_language(text) == "en"


def test_long_text_without_function_words_gets_no_verdict() -> None:
    table = " ".join(f"Kandahar Helmand Kunduz Herat {n} {n + 1}" for n in range(10))
    assert detect_language(table) is None


def test_stopword_table_covers_many_languages() -> None:
    table = load_stopwords()
    assert len(table) >= 15
    assert {"the", "of", "and", "said"} <= table["en"]


def test_detection_is_fast_on_long_articles() -> None:
    text = " ".join(ENGLISH) * 200
    started = time.perf_counter()
    for _ in range(50):
        detect_language(text)
    assert (time.perf_counter() - started) / 50 < 0.01
