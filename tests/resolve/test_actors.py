"""Actor resolution: named groups, generic agents with their country, claimant types, user dictionaries."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwatch.errors import ResolveError
from eventwatch.records import CLAIMANT_TYPES, Actor
from eventwatch.resolve.actors import ROLES, ActorDictionary, ActorResolver


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def names(resolver: ActorResolver, text: str, focus: str | None = None) -> list[tuple[str, str]]:
    return [(m.surface, m.actor.name) for m in resolver.find(text, focus_country=focus)]


@pytest.mark.parametrize(
    ("text", "focus", "expected"),
    [
        ("Syrian troops shelled the town.", None, [("Syrian troops", "Military Forces of Syria")]),
        ("Iraqi police found two bodies.", None, [("Iraqi police", "Police Forces of Iraq")]),
        ("Security forces opened fire.", "SY", [("Security forces", "Military Forces of Syria")]),
        ("Pro-government militiamen stormed the village.", "SY",
         [("Pro-government militiamen", "Pro-Government Militia (Syria)")]),
        ("Gunmen on motorbikes struck.", "NG", [("Gunmen", "Unidentified Armed Group (Nigeria)")]),
        ("the Free Syrian Army said", "SY", [("Free Syrian Army", "Free Syrian Army")]),
        ("Nigerian soldiers repelled the raid.", "CM", [("Nigerian soldiers", "Military Forces of Nigeria")]),
        ("Syria's army pushed north.", None, [("Syria's army", "Military Forces of Syria")]),
        ("U.S. troops withdrew.", "AF", [("U.S. troops", "Military Forces of the United States")]),
        ("Philippine troops clashed with rebels.", "PH",
         [("Philippine troops", "Military Forces of the Philippines"), ("rebels", "Opposition Rebels (Philippines)")]),
        ("opposition fighters advanced", "SY", [("opposition fighters", "Opposition Rebels (Syria)")]),
        ("army defectors attacked a checkpoint", "SY", [("army defectors", "Mutiny of Military Forces of Syria")]),
        ("defected soldiers", "SY", [("defected soldiers", "Mutiny of Military Forces of Syria")]),
        ("anti-government protesters marched", "EG", [("anti-government protesters", "Protesters (Egypt)")]),
        ("rioters torched cars", "FR", [("rioters", "Rioters (France)")]),
        ("three villagers were killed", "ML", [("villagers", "Civilians (Mali)")]),
        ("the Syrian government denied it", None, [("Syrian government", "Government of Syria")]),
        ("pro-Assad forces", "SY", [("pro-Assad forces", "Pro-Government Militia (Syria)")]),
        ("Kurdish fighters took the town", "SY", [("Kurdish fighters", "Kurdish Ethnic Militia (Syria)")]),
        ("the Hamas-run health ministry said", "PS", [("health ministry", "Government of Palestine")]),
        ("Reuters reporters saw it", "IQ", [("Reuters", "Reuters"), ("reporters", "Civilians (Iraq)")]),
        ("drug gangs fought police", "BR",
         [("drug gangs", "Unidentified Gang (Brazil)"), ("police", "Police Forces of Brazil")]),
        ("two dead in police-mob clash", "IN", [("police", "Police Forces of India"), ("mob", "Rioters (India)")]),
        ("army-rebel fighting resumed", "CO",
         [("army", "Military Forces of Colombia"), ("rebel", "Opposition Rebels (Colombia)")]),
        ("the police-run shelter", "IN", []),  # a hyphen glued to a modifier word is not a side of a fight
    ],
)
def test_find_names_generic_agents_with_their_country(
        resolver: ActorResolver, text: str, focus: str | None, expected: list[tuple[str, str]]) -> None:
    assert names(resolver, text, focus) == expected


@pytest.mark.parametrize(
    ("text", "focus", "expected"),
    [
        ("Boko Haram militants raided the town.", "NG",
         ("Boko Haram militants", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad")),
        ("Taliban fighters stormed a post.", "AF", ("Taliban fighters", "Taliban")),
        ("fighters from the Free Syrian Army", "SY", ("fighters from the Free Syrian Army", "Free Syrian Army")),
        ("ISIS claimed the attack", "IQ", ("ISIS", "Islamic State")),
        ("Daesh claimed the attack", "SY", ("Daesh", "Islamic State")),
        ("IS militants attacked", "AF", ("IS militants", "Islamic State Khorasan Province")),
        ("Islamic State fighters attacked", "NG", ("Islamic State fighters", "Islamic State West Africa Province (ISWAP)")),
        ("RSF fighters looted the market", "SD", ("RSF fighters", "RSF: Rapid Support Forces")),
        ("al-Shabab claimed it", "SO", ("al-Shabab", "Al Shabaab")),
        ("the Pakistani Taliban", "PK", ("Pakistani Taliban", "TTP: Tehrik-i-Taliban Pakistan")),
        ("Hezbollah fired rockets", "LB", ("Hezbollah", "Hezbollah")),
        ("Hamas said", "PS", ("Hamas", "Hamas")),
        ("the Kurdistan Workers' Party", "TR", ("Kurdistan Workers' Party", "PKK: Kurdistan Workers Party")),
        ("the Kurdistan Workers’ Party", "TR", ("Kurdistan Workers’ Party", "PKK: Kurdistan Workers Party")),
        ("ELN guerrillas", "CO", ("ELN guerrillas", "ELN: National Liberation Army")),
        ("M23 rebels seized Goma", "CD", ("M23 rebels", "M23: March 23 Movement")),
        ("the People's Defence Force", "MM", ("People's Defence Force", "PDF: People's Defense Force")),
        ("the Arab League observers", "SY", ("Arab League observers", "Arab League")),
        ("the African Union", None, ("African Union", "African Union")),
        ("the Wagner Group", "ML", ("Wagner Group", "Wagner Group")),
        ("the IDF said", "PS", ("IDF", "Military Forces of Israel")),
    ],
)
def test_find_resolves_named_groups_by_alias(
        resolver: ActorResolver, text: str, focus: str | None, expected: tuple[str, str]) -> None:
    assert names(resolver, text, focus) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "WHAT IS HAPPENING IN THE CITY",  # "IS" inside an all-caps headline is a verb
        "the pro-Hezbollah newspaper",  # a modifier, not the group
        "free syrian army",  # capitalised names need capitals
        "he is a fan of hamas cuisine",
        "the rally was postponed",
    ],
)
def test_find_skips_look_alikes(resolver: ActorResolver, text: str) -> None:
    assert all(m.actor.kind != "named" for m in resolver.find(text))


@pytest.mark.parametrize(
    ("text", "focus", "inter"),
    [
        ("Syrian troops", "SY", 1),
        ("U.S. troops", "AF", 8),  # foreign state forces are external forces
        ("Turkish police", "TR", 1),
        ("the UN", None, 8),
        ("rebels", "CO", 2),
        ("gunmen", "NG", 3),
        ("Fulani herdsmen", "NG", 4),
        ("rioters", "KE", 5),
        ("protesters", "KE", 6),
        ("civilians", "SY", 7),
    ],
)
def test_find_gives_acled_inter_codes(resolver: ActorResolver, text: str, focus: str | None, inter: int) -> None:
    assert resolver.find(text, focus_country=focus)[0].actor.inter == inter


@pytest.mark.parametrize(
    ("text", "cameo"),
    [("journalists", "SYRMED"), ("worshippers", "SYRREL"), ("students", "SYREDU"), ("Syrian troops", "SYRMIL"),
     ("Israeli police", "ISRCOP"), ("opposition fighters", "SYRREB"), ("Arab League", "IGOARL")],
)
def test_find_gives_cameo_actor_codes(resolver: ActorResolver, text: str, cameo: str) -> None:
    assert resolver.find(text, focus_country="SY")[0].actor.cameo == cameo


def test_find_spans_point_into_the_text(resolver: ActorResolver) -> None:
    text = "Residents said Syrian troops and shabiha militiamen raided Homs as Arab League observers watched."
    for mention in resolver.find(text, focus_country="SY"):
        assert text[mention.span.start:mention.span.end] == mention.surface
    assert [m.actor.name for m in resolver.find(text, focus_country="SY")] == [
        "Civilians (Syria)", "Military Forces of Syria", "Shabiha Militia (Syria)", "Arab League"]


def test_find_country_must_be_adjacent(resolver: ActorResolver) -> None:
    found = resolver.find("Nigerian officials said troops", focus_country="CM")
    assert [m.actor.name for m in found] == ["Government of Nigeria", "Military Forces of Cameroon"]


@pytest.mark.parametrize(
    ("role", "country", "expected"),
    [
        ("civilians", "SY", Actor("Civilians (Syria)", 7, "SY", "SYRCVL")),
        ("military", "US", Actor("Military Forces of the United States", 1, "US", "USAMIL")),
        ("police", "IQ", Actor("Police Forces of Iraq", 1, "IQ", "IRQCOP")),
        ("rebels", "SY", Actor("Opposition Rebels (Syria)", 2, "SY", "SYRREB")),
        ("unidentified_armed", "AF", Actor("Unidentified Armed Group (Afghanistan)", 3, "AF", "AFGUAF")),
        ("protesters", "EG", Actor("Protesters (Egypt)", 6, "EG", "EGYOPP")),
        ("rioters", "FR", Actor("Rioters (France)", 5, "FR", "FRACVL")),
        ("defectors", "SY", Actor("Mutiny of Military Forces of Syria", 2, "SY", "SYRREB")),
        ("militia_progov", "AF", Actor("Pro-Government Militia (Afghanistan)", 3, "AF", "AFGUAF")),
        ("civilians", None, Actor("Civilians", 7, None, "---CVL")),
    ],
)
def test_generic_builds_acled_names_and_cameo_codes(
        resolver: ActorResolver, role: str, country: str | None, expected: Actor) -> None:
    assert resolver.generic(role, country) == expected


def test_generic_rejects_unknown_roles(resolver: ActorResolver) -> None:
    with pytest.raises(ValueError, match="unknown actor role"):
        resolver.generic("aliens", "SY")


@pytest.mark.parametrize(("country", "name"), [("SY", "Government of Syria"), ("PH", "Government of the Philippines")])
def test_government_names_the_state(resolver: ActorResolver, country: str, name: str) -> None:
    assert resolver.government(country).name == name
    assert resolver.government(country).inter == 1


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("activists", "activists"),
        ("the Syrian Observatory for Human Rights", "activists"),
        ("the Britain-based Syrian Observatory", "activists"),
        ("state media", "government"),
        ("Syrian state television", "government"),
        ("SANA", "government"),
        ("the interior ministry", "government"),
        ("officials", "government"),
        ("a spokesman for the governor", "government"),
        ("health ministry", "government"),
        ("Syria", "government"),
        ("the army", "military"),
        ("a military spokesman", "military"),
        ("security sources", "military"),
        ("witnesses", "witnesses"),
        ("residents", "witnesses"),
        ("a villager", "witnesses"),
        ("doctors", "medical"),
        ("hospital officials", "medical"),
        ("officials at the local hospital", "medical"),
        ("medics", "medical"),
        ("the opposition", "opposition"),
        ("the Syrian National Council", "opposition"),
        ("the Taliban", "armed_group"),
        ("a militant spokesman", "armed_group"),
        ("a Taliban spokesman", "armed_group"),
        ("UN", "igo"),
        ("observers", "igo"),
        ("Amnesty", "ngo"),
        ("Human Rights Watch", "ngo"),
        ("rights groups", "ngo"),
        ("Reuters", "media"),
        ("local media", "media"),
        ("Al Jazeera", "media"),
        ("Hamas officials", "armed_group"),
        ("Syrian authorities (cited by Al Arabiya)", "government"),
        ("Reuters (eyewitness)", "media"),
        ("a resident, speaking by telephone", "witnesses"),
        ("a spokesman for the Taliban", "armed_group"),
        ("spokesman for the Khost police chief", "government"),
        ("security sources, via Anadolu Agency", "military"),
        ("villagers via Radio Free Asia", "witnesses"),
        ("unnamed sources", "unknown"),
        ("he", "unknown"),
        # local government bodies speak for the state
        ("a spokeswoman for the regional council", "government"),
        ("the municipality", "government"),
        ("a spokesman for the provincial governor", "government"),
        # a capital city standing for its state
        ("Washington", "government"),
        ("Moscow", "government"),
        ("Victoria", "unknown"),  # a small territory's capital is as likely a first name
        # monitoring groups and their media offices
        ("the Britain-based observatory", "activists"),
        ("a pro-opposition media center", "activists"),
        ("local coordination committees", "activists"),
        # relief and rescue organisations
        ("aid organizations", "ngo"),
        ("a volunteer rescue group", "ngo"),
        ("relief agencies", "ngo"),
        # kin and neighbours of victims
        ("a relative of one victim", "witnesses"),
        ("neighbours", "witnesses"),
    ],
)
def test_claimant_type_classifies_sources(resolver: ActorResolver, phrase: str, expected: str) -> None:
    assert resolver.claimant_type(phrase, focus_country="SY") == expected


def test_builtin_dictionary_is_large_and_valid() -> None:
    dictionary = ActorDictionary.load()
    assert len(dictionary.entries) >= 300
    assert {e.claimant_type for e in dictionary.entries} <= set(CLAIMANT_TYPES)
    assert {t.role for t in dictionary.terms if t.kind == "noun"} <= set(ROLES) | {"source"}


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


HEADER = "# my groups\nname\taliases\tinter\tcountry\tcameo\tclaimant_type\tsource\n"


def test_user_tsv_extends_the_dictionary(tmp_path: Path) -> None:
    extra = write(tmp_path, "mine.tsv", HEADER + "Red Hand Brigade\tRHB|Red Hand\t3\tNG\tNGAUAF\tarmed_group\tme\n")
    resolver = ActorResolver(ActorDictionary.load(extra=extra))
    assert names(resolver, "RHB gunmen attacked", "NG") == [("RHB gunmen", "Red Hand Brigade")]
    assert resolver.claimant_type("a Red Hand spokesman") == "armed_group"


def test_user_rows_override_builtin_rows_of_the_same_name(tmp_path: Path) -> None:
    extra = write(tmp_path, "mine.tsv", HEADER + "Taliban\tTaliban|Talibs\t8\tAF\t\tarmed_group\tme\n")
    resolver = ActorResolver(ActorDictionary.load(extra=extra))
    assert resolver.find("Talibs attacked", focus_country="AF")[0].actor.inter == 8
    assert resolver.find("the Taleban", focus_country="AF") == []  # the built-in aliases went with the row


def test_user_jsonl_is_accepted(tmp_path: Path) -> None:
    row = {"name": "Harbour Militia", "aliases": ["Harbour Boys"], "inter": 4, "country": "LY",
           "claimant_type": "armed_group"}
    extra = write(tmp_path, "mine.jsonl", json.dumps(row) + "\n")
    resolver = ActorResolver(ActorDictionary.load(extra=extra))
    actor = resolver.find("the Harbour Boys fired", focus_country="LY")[0].actor
    assert (actor.name, actor.inter, actor.country) == ("Harbour Militia", 4, "LY")


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("bad.tsv", HEADER + "X Group\tXG\t9\tSY\t\tarmed_group\t\n", "inter must be"),
        ("bad.tsv", HEADER + "X Group\tXG\t2\tZZ\t\tarmed_group\t\n", "unknown country"),
        ("bad.tsv", HEADER + "X Group\tXG\t2\tSY\t\tfriends\t\n", "claimant_type"),
        ("bad.tsv", HEADER + "\tXG\t2\tSY\t\tarmed_group\t\n", "no name"),
        ("bad.tsv", HEADER + "X Group\tXG\t2\tSY\t\tarmed_group\t\textra\n", "cells"),
        ("bad.tsv", "X Group\tXG\t2\n", "header"),
        ("bad.tsv", HEADER + "<navy>\tXN\t1\tSY\t\tmilitary\t\n", "placeholder"),
        ("bad.jsonl", '{"name": "X", "aliases": "XG"\n', "malformed JSON"),
        ("bad.jsonl", "[1, 2]\n", "not a JSON object"),
    ],
)
def test_bad_user_files_raise_resolve_error_with_line_and_hint(
        tmp_path: Path, filename: str, content: str, message: str) -> None:
    with pytest.raises(ResolveError, match=message) as info:
        ActorDictionary.load(extra=write(tmp_path, filename, content))
    assert info.value.hint


def test_missing_user_file_raises_resolve_error(tmp_path: Path) -> None:
    with pytest.raises(ResolveError, match="cannot read"):
        ActorDictionary.load(extra=tmp_path / "nope.tsv")
