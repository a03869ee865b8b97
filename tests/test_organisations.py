"""Organisations: fragments and non-organisations left out, names cut or joined by the model read whole.

Every sentence here is invented; the bodies are fictional unless they are well-known agencies.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from release_nlp import extract
from release_nlp.readers.common_words import LowerCase
from release_nlp.readers.gazetteer import lookup
from release_nlp.readers.org_checks import plausible_org
from release_nlp.readers.org_gazetteer import known_org
from release_nlp.readers.org_names import (
    continues_title,
    extend_complement,
    extend_dangling,
    extend_name_list,
    governments,
    plural_heads,
    split_org_span,
)
from release_nlp.readers.organisations import (
    OrgRecord,
    _amount_or_code,
    _named_groups,
    _place_and_its_kind,
    clean_org,
    merge_prefixes,
)
from release_nlp.readers.roles import has_head


def with_ents(doc: Doc, *ents: tuple[str, str]) -> Doc:
    """`doc` with the given (phrase, label) entities, as the model might tag them (each phrase's first match)."""
    text = doc.text
    spans = []
    for phrase, label in ents:
        start = text.index(phrase)
        span = doc.char_span(start, start + len(phrase), label=label)
        assert span is not None, phrase
        spans.append(span)
    doc.ents = spans
    return doc


def tagged(blank: Language, text: str, *ents: tuple[str, str]) -> Doc:
    """A blank doc with the given (phrase, label) entities, as the model might tag them."""
    return with_ents(blank.make_doc(text), *ents)


def is_body(name: str) -> bool:
    return any(w.casefold() in {"ministry", "foundation", "office", "department", "fund", "bureau", "administration"}
               for w in name.split()) or known_org(name) is not None


def is_country(name: str) -> bool:
    found = lookup(name)
    return found is not None and found.kind == "country"


def is_place(name: str) -> bool:
    return lookup(name) is not None


@pytest.mark.parametrize(("raw", "clean"), [
    ("a National Committee for Coastal Safety", "National Committee for Coastal Safety"),
    ("Our Commission", "Commission"),
    ("ABOUT CARE", "CARE"),
    ("U.S. Army Col", "U.S. Army"),
    ("Marine Corps Lt. Col.", "Marine Corps"),
    ("Clean Water Interstate (CWIR", "Clean Water Interstate"),
    ("the Lebanese Government’s", "Lebanese Government"),
    ("A Better Harvest Foundation", "A Better Harvest Foundation"),  # a capital A may begin a name
    ("During COP31", "COP31"),
    ("Following Lakeshore Relief Agency", "Lakeshore Relief Agency"),
    ("Ministry of Water and Sanitation, Tel", "Ministry of Water and Sanitation"),
    ("Coastal Aid Network Email:", "Coastal Aid Network"),
    ("HIV/", "HIV"),
    ("Fax Authority", "Fax Authority"),
    ("An ISAF Incident Review Team", "ISAF Incident Review Team"),  # an article opened the sentence
    ("A UNHCR Protection Team", "UNHCR Protection Team"),
    ("An Post", "An Post"),  # Irish bodies begin with "An"
])
def test_determiners_ranks_and_unclosed_parentheses_are_trimmed(raw: str, clean: str) -> None:
    assert clean_org(raw) == clean


@pytest.mark.parametrize("name", [
    "Sustainable Development Goals", "Global Compact", "Media Contact", "El Niño", "Civil Society", "Governments",
    "Nationally Designated Authorities", "Local Authorities", "Co-Financing Policy", "Doctorate Degrees",
    "Commission on Clean Rivers Act", "Field Logistics Simulation Training", "Massive Open Online Course",
    "EUR 2.5 million", "USD 40,000", "€300,000", "P12-million", "Coastal Resilience Framework", "Typhoon Lorna",
    "Tropical Storm Ana", "Commissioners", "Directors", "ENDS",  # the mark that closes a release's text
    "NAMAs", "SDGs", "MRAPs",  # an acronym in the plural names a kind of thing
    "Coastal Posture Review", "Evening Operational Update", "REVIEW",  # a review or update of a policy or operation
    "RPG", "RPGs",  # a weapon, like IED
])
def test_goals_compacts_labels_weather_and_generic_plurals_are_no_organisations(name: str) -> None:
    assert not plausible_org(name)


@pytest.mark.parametrize("name", [
    "Office of Legal Policy", "Afghan National Security Forces", "Committee on Local Authorities", "Oxfam",
    "Ministry of Ports and Harbours", "G20", "Task Force 373", "Police Training Centre", "3rd Battalion",
    "Appeals Court of Review", "Board of Review",  # a body whose complement is a review
])
def test_named_units_and_forces_stay_organisations(name: str) -> None:
    assert plausible_org(name)


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("a grant of EUR 5 million to the fund", "EUR", True),
    ("worth 3,000 CHF in all", "CHF", True),
    ("the EUR office in Brussels", "EUR", False),
    ("a loan of P14-million to farmers", "P14", True),
    ("families in Tanner, AK said", "AK", True),
    ("families in Tanner, AK said", "Tanner", True),
    ("the G20 met in Osaka", "G20", False),
])
def test_currency_codes_amounts_and_postal_codes_are_no_organisations(text: str, name: str, expected: bool) -> None:
    start = text.index(name)
    assert _amount_or_code(text, start, start + len(name)) is expected


def test_a_possessive_chain_names_the_unit_and_its_owner(blank: Language) -> None:
    text = "Funds came from the Ministry of Energy's Office of Rural Lighting last year."
    doc = tagged(blank, text, ("Ministry of Energy's Office of Rural Lighting", "ORG"))
    pieces = [p.text for p in split_org_span(doc, doc.ents[0], is_body, is_place)]
    assert pieces == ["Ministry of Energy", "Office of Rural Lighting"]


def test_a_possessive_after_a_place_or_a_person_is_read_right(blank: Language) -> None:
    text = "Kenya's Bureau of Statistics and Tarvo's Jonas Merle spoke; the Women's Refugee Commission too."
    doc = tagged(blank, text, ("Kenya's Bureau of Statistics", "ORG"), ("Tarvo's Jonas Merle", "ORG"),
                 ("Women's Refugee Commission", "ORG"))
    bureau, person, commission = doc.ents
    assert [p.text for p in split_org_span(doc, bureau, is_body, is_place)] == ["Kenya", "Bureau of Statistics"]
    # The part after the possessive names no body: only the owner is kept, to be judged on its own.
    assert "Jonas Merle" not in [p.text for p in split_org_span(doc, person, is_body, lambda n: True)]
    # "Women" is no body and no place: the possessive belongs to the name.
    assert [p.text for p in split_org_span(doc, commission, is_body, is_place)] == ["Women's Refugee Commission"]


def test_a_list_of_bodies_read_as_one_is_split(blank: Language) -> None:
    text = "Partners include the Ministry of Water, Lumo Foundation and others."
    doc = tagged(blank, text, ("Ministry of Water, Lumo Foundation", "ORG"))
    assert [p.text for p in split_org_span(doc, doc.ents[0], is_body, is_place)] == ["Ministry of Water",
                                                                                  "Lumo Foundation"]


@pytest.mark.parametrize(("name", "parts"), [
    ("Lakeside Mine Action Office and KIDR", ["Lakeside Mine Action Office", "KIDR"]),
    ("Ministry of Science and ICT", ["Ministry of Science and ICT"]),  # a subject list keeps its acronym
])
def test_a_body_and_an_acronym_joined_by_and_are_two(blank: Language, name: str, parts: list[str]) -> None:
    text = f"Staff of the {name} met in Tarsus."
    doc = tagged(blank, text, (name, "ORG"))
    assert [p.text for p in split_org_span(doc, doc.ents[0], is_body, is_place)] == parts


def test_a_name_whose_subject_is_a_list_is_read_whole(blank: Language) -> None:
    text = "The Ministry of Forests, Wildlife and Tourism said the Office of Youth and Family Support agreed."
    doc = tagged(blank, text, ("Ministry of Forests", "ORG"), ("Office of Youth", "ORG"))
    ministry, office = doc.ents
    assert extend_name_list(doc, ministry, has_head).text == "Ministry of Forests, Wildlife and Tourism"
    assert extend_name_list(doc, office, has_head).text == "Office of Youth and Family Support"


def test_a_subject_the_model_took_for_a_place_stays_in_the_name_unless_it_is_one(blank: Language) -> None:
    text = "The Ministry of Rural Roads, Bridges and Ferries met the Ministry of Health, Nepal and India."
    doc = tagged(blank, text, ("Ministry of Rural Roads", "ORG"), ("Bridges", "GPE"), ("Ministry of Health", "ORG"),
                 ("Nepal", "GPE"), ("India", "GPE"))
    roads, health = (e for e in doc.ents if e.label_ == "ORG")
    assert extend_name_list(doc, roads, has_head).text == "Ministry of Rural Roads, Bridges and Ferries"
    assert extend_name_list(doc, health, has_head).text == "Ministry of Health"


def test_a_name_cut_at_its_head_takes_its_complement(blank: Language) -> None:
    text = "It is funded by the Federal Ministry for Coasts, Rivers and Inland Waters (FMCR) of Norland."
    doc = tagged(blank, text, ("Federal Ministry", "ORG"))
    assert extend_name_list(doc, doc.ents[0], has_head).text == \
        "Federal Ministry for Coasts, Rivers and Inland Waters"


@pytest.mark.parametrize(("text", "tag"), [
    ("The Ministry of Health and Save the Children signed the plan.", "Ministry of Health"),
    ("The Department of Roads and Senator Amy Holt met.", "Department of Roads"),
    ("The Office of Trade and Mr Kofi Adu met.", "Office of Trade"),
    ("The Ministry of Health, Lumo Foundation and UNICEF met.", "Ministry of Health"),
    ("The Department of Transport and Lakeview Airport agreed.", "Department of Transport"),
])
def test_a_list_of_other_names_is_not_swallowed(blank: Language, text: str, tag: str) -> None:
    ents = [(tag, "ORG")]
    if "Lakeview Airport" in text:
        ents.append(("Lakeview Airport", "ORG"))
    doc = tagged(blank, text, *ents)
    assert extend_name_list(doc, doc.ents[0], has_head).text == tag


def test_committee_on_a_list_closed_by_a_serial_comma(blank: Language) -> None:
    text = "He chairs the Senate Committee on Farms, Food, and Forests this year."
    doc = tagged(blank, text, ("Senate Committee on Farms", "ORG"))
    assert extend_name_list(doc, doc.ents[0], has_head).text == "Senate Committee on Farms, Food, and Forests"


def test_governments_and_municipalities_named_by_country_or_town(blank: Language) -> None:
    text = ("The Government of Nepal and the Government of the Federal Democratic Republic of Ethiopia thanked "
            "the Municipality of Vel Ora. The Government of Good Intentions is a novel.")
    doc = blank.make_doc(text)
    found = [text[s:e] for s, e in governments(doc, text, is_country)]
    assert found == ["Government of Nepal", "Government of the Federal Democratic Republic of Ethiopia",
                     "Municipality of Vel Ora"]


def test_donor_and_command_names_are_known() -> None:
    for name in ("UK Aid", "Irish Aid", "ISAF Joint Command", "Red Cross and Red Crescent Climate Centre"):
        assert known_org(name) is not None, name


@pytest.mark.integration
def test_release_level_organisations(nlp: Language) -> None:
    text = ("Relief Flows Into Hill Districts\n\n"
            "KABUL, Afghanistan - The Ministry of Rural Roads, Bridges and Ferries said today that Irish Aid "
            "and the Government of Nepal had given EUR 2 million. Our Commission welcomed the gift, said "
            "U.S. Army Col. Dan Harrow. The Ministry of Water's Office of Well Safety will report in June.")
    names = {o.name for o in extract(text, nlp=nlp).organisations}
    assert "Ministry of Rural Roads, Bridges and Ferries" in names
    assert {"Irish Aid", "Government of Nepal", "Office of Well Safety"} <= names
    assert not names & {"KABUL", "EUR", "Our Commission", "U.S. Army Col"}


@pytest.mark.parametrize(("text", "tagged_as", "read"), [
    ("Delegates of the National Congress of Andean Peoples met on Friday.", "National Congress",
     "National Congress of Andean Peoples"),
    ("Funds go through the Office of Juvenile Justice and Delinquency Prevention this year.", "Office",
     "Office of Juvenile Justice and Delinquency Prevention"),
    ("The Regulatory Commission of Alaska ruled on the rates.", "Regulatory Commission",
     "Regulatory Commission of Alaska"),
    ("National Congress of Andean Peoples President Rosa Quispe said so.", "National Congress",
     "National Congress of Andean Peoples"),  # a role and a person's name after the body's name
    ("The Regulatory Commission of Alaska and Senator Ana Ruiz agreed.", "Regulatory Commission",
     "Regulatory Commission of Alaska"),
    # Not read on: a month, a role, a second body, a word cut at a hyphen, a complement already there.
    ("The Foreign Affairs Council of May agreed on the sanctions.", "Foreign Affairs Council",
     "Foreign Affairs Council"),
    ("The Department of Defense Commander in Chief's Award went to the base.", "Department", "Department of Defense"),
    ("The Merchant Marine Subcommittee of the Senate Commerce Committee met.", "Merchant Marine Subcommittee",
     "Merchant Marine Subcommittee"),
    ("The Revitalization Forum of the Inter-Governmental Authority met.", "Revitalization Forum",
     "Revitalization Forum"),
    ("The Ministry of Health of Norland issued figures.", "Ministry of Health", "Ministry of Health"),
])
def test_a_body_cut_before_its_of_complement_is_read_on(blank: Language, text: str, tagged_as: str,
                                                        read: str) -> None:
    doc = tagged(blank, text, (tagged_as, "ORG"))
    assert extend_complement(doc, doc.ents[0], has_head).text == read


def test_a_name_cut_after_a_joining_word_is_read_on(blank: Language) -> None:
    text = "The Donors Group for Water in Norland (DGWN) met; the Joint Team on HIV/AIDS too."
    doc = tagged(blank, text, ("Donors Group for", "ORG"), ("Joint Team on HIV", "ORG"))
    group, team = doc.ents
    assert extend_dangling(doc, group).text == "Donors Group for Water in Norland"
    assert extend_dangling(doc, team).text == "Joint Team on HIV/AIDS"
    assert clean_org("Sustainable Water Goals of ‘") == "Sustainable Water Goals"


def test_the_end_of_an_office_title_is_no_organisation(blank: Language) -> None:
    text = "They met the Minister of Agriculture, Animal Industries, and Fisheries of Norland today."
    doc = tagged(blank, text, ("Fisheries of Norland", "ORG"))
    assert continues_title(doc, doc.ents[0], has_head)
    text = "Aid came from Oxfam, Lumo Foundation and Tarvo Trust."
    doc = tagged(blank, text, ("Tarvo Trust", "ORG"))
    assert not continues_title(doc, doc.ents[0], has_head)


def test_back_references_join_their_organisation() -> None:
    records = [OrgRecord("Native Lakes Alliance Foundation", mentions=[("x", 0, 1)]),
               OrgRecord("Foundation", mentions=[("x", 5, 6)]),
               OrgRecord("Small Farms Administration", mentions=[("x", 9, 10)]),
               OrgRecord("SFA", "SFA", mentions=[("x", 20, 21)]),
               OrgRecord("Commission", mentions=[("x", 30, 31)]),
               OrgRecord("Commission on Truth", mentions=[("x", 40, 41)]),
               OrgRecord("Commission on Rivers", mentions=[("x", 50, 51)])]
    merged = {r.name: r for r in merge_prefixes(records)}
    assert set(merged) == {"Native Lakes Alliance Foundation", "Small Farms Administration", "Commission",
                           "Commission on Truth", "Commission on Rivers"}  # "Commission" is ambiguous: kept
    assert merged["Small Farms Administration"].acronym == "SFA"
    assert len(merged["Native Lakes Alliance Foundation"].mentions) == 2


def test_a_bare_body_word_joins_the_body_of_its_kind_named_last_before_it() -> None:
    records = [OrgRecord("Credentials Committee", mentions=[("x", 0, 1)]),
               OrgRecord("Budget Committee", mentions=[("x", 20, 21)]),
               OrgRecord("Committee", mentions=[("x", 40, 41), ("x", 90, 91)]),
               OrgRecord("Committee on Fisheries", mentions=[("x", 60, 61)])]
    merged = {r.name: r for r in merge_prefixes(records)}
    assert set(merged) == {"Credentials Committee", "Budget Committee", "Committee on Fisheries"}
    assert "Committee" in merged["Budget Committee"].aliases


@pytest.mark.parametrize("name", [
    "Convention for the Protection of Migrant Fishers", "Harbour Charter on Coastal Rights",
    "Memorandum of Cooperation", "Kestrel Statute", "Lakeshore Protocol", "State of the Province Address",
    "Accord between the Parties",
    "14:05 - Okafor",  # a line of a recording's index
])
def test_instruments_before_their_complement_and_clock_times_are_no_bodies(name: str) -> None:
    assert not plausible_org(name)


@pytest.mark.parametrize("name", [
    "Secretariat of the Convention on Wetlands", "Office of Protocol", "Charter Schools Association",
    "Commission on Human Rights in Ruritania",
])
def test_bodies_of_instruments_stay(name: str) -> None:
    assert plausible_org(name)


@pytest.mark.integration
def test_first_word_of_a_title_is_no_organisation(nlp: Language) -> None:
    r = extract("Relief plan agreed\n\nCabinet Secretary Ann Loro said the Ministry of Roads would help.", nlp=nlp)
    names = {o.name for o in r.organisations}
    assert "Cabinet" not in names and "Ministry of Roads" in names


def test_a_name_cut_inside_the_last_item_of_its_list(blank: Language) -> None:
    text = "Rangers of the Norland Department of Fish and Game counted the herd."
    doc = tagged(blank, text, ("Norland Department of Fish and", "ORG"))
    assert extend_name_list(doc, doc.ents[0], has_head).text == "Norland Department of Fish and Game"


@pytest.mark.integration
def test_a_body_before_a_lowercase_role_stays(nlp: Language) -> None:
    r = extract("Arrest made in Norland\n\nKABUL, Afghanistan (Feb. 3, 2013)\nAn Afghan and coalition security force "
                "arrested a Taliban leader in Norland district, Tarvo province, today. He is thought to plan "
                "attacks.\n\nThe force also detained two suspects.", nlp=nlp)
    assert "Taliban" in {o.name for o in r.organisations}


@pytest.mark.parametrize(("text", "names"), [
    ("the Norland ministries of Health and Gender, Child and Social Affairs signed",
     ["Ministry of Health", "Ministry of Gender, Child and Social Affairs"]),
    ("The Departments of Roads, Water and Labor will help",
     ["Department of Roads", "Department of Water", "Department of Labor"]),
    ("the ministries of Health agreed", []),
])
def test_plural_heads_give_one_body_per_subject(text: str, names: list[str]) -> None:
    assert [n for n, _, _ in plural_heads(text)] == names


@pytest.mark.parametrize(("name", "expected"), [
    ("Oromia Region", True), ("Diyala Governorate", True), ("Garissa County", True),
    ("Garissa County Government", False), ("Lakeshore Health District", False), ("Region", False),
])
def test_a_known_place_and_its_administrative_kind_is_no_body(name: str, expected: bool) -> None:
    assert _place_and_its_kind(name) is expected


@pytest.mark.parametrize("name", ["Tarlan del Norte", "Buriga del Sur", "Mindara Occidental"])
def test_spanish_named_provinces_are_no_organisations(name: str) -> None:
    assert not plausible_org(name)


@pytest.mark.integration
def test_the_rest_of_a_title_is_no_organisation(nlp: Language) -> None:
    r = extract("New adviser named\n\nJohn Arlo, the Assistant Secretary for Planning and Evaluation, joined the "
                "Department of Health and Human Services in May, the department said.\n\nHe starts today.", nlp=nlp)
    names = {o.name for o in r.organisations}
    assert "Planning and Evaluation" not in names
    assert "Department of Health and Human Services" in names


@pytest.mark.integration
def test_a_body_named_after_a_title_stays(nlp: Language) -> None:
    r = extract("New director named\n\nAmos Leku, Director of Tarvo Orphanage Home, and Ruth Ama, President of "
                "WILPF Norland, met the press on Monday.\n\nThey spoke for an hour.", nlp=nlp)
    names = {o.name for o in r.organisations}
    assert "Tarvo Orphanage Home" in names


@pytest.mark.integration
def test_a_secretary_portfolio_is_no_organisation(nlp: Language) -> None:
    r = extract("Jobs bill passes\n\nThe bill was praised by Secretary of Labor Ann Varo and by the Norland Farm "
                "Bureau on Monday.\n\nIt now goes to the House.", nlp=nlp)
    assert "Labor" not in {o.name for o in r.organisations}


@pytest.mark.integration
def test_a_towns_own_services_are_organisations() -> None:
    release = extract(
        "Grants for rural firefighters\n\nWASHINGTON, D.C. – Senator Ana Ruiz said today that the Dorvale "
        "Volunteer Fire Department will receive $25,000 and the Kessler County Sheriff's Office $12,000.")
    names = {o.name for o in release.organisations}
    assert {"Dorvale Volunteer Fire Department", "Kessler County Sheriff's Office"} <= names


def test_a_name_cut_short_before_the_word_act_is_a_law_not_a_body(blank: Language) -> None:
    from release_nlp.readers.organisations import extract_organisations

    text = "The Velmar Child Safety Act passed. The Velmar Child Safety Board met. The UN Convention was cited."
    doc = tagged(blank, text, ("Velmar Child Safety", "ORG"), ("Velmar Child Safety Board", "ORG"), ("UN", "ORG"))
    records, _ = extract_organisations(doc, lambda _: True, [], set())
    assert sorted(r.name for r in records) == ["United Nations", "Velmar Child Safety Board"]  # an acronym stays


@pytest.mark.parametrize(("tagged_as", "name"), [
    ("Lumo Bank organized the Clean Water Hackathon", "Lumo Bank"),
    ("Assembly’s seventy-fourth", "Assembly"),
    ("Alder Trust Tarvo nkovar@alder.example.org", "Alder Trust Tarvo"),
    # Small words of names, lower-case body words and a known name written in lower case stay.
    ("Action against Hunger", "Action against Hunger"),
    ("Médecins du Monde", "Médecins du Monde"),
    ("Haqqani network", "Haqqani network"),
    ("Senate Appropriations committee", "Senate Appropriations committee"),
    ("Kettle Verein e.V.", "Kettle Verein e.V"),
    ("Agence française de développement", "Agence française de développement"),
])
def test_a_name_ends_where_running_text_begins(tagged_as: str, name: str) -> None:
    assert clean_org(tagged_as) == name


@pytest.mark.parametrize("name", ["Okafor et al", "Lind et al.", "S/RES/2417/2018", "A/HRC/40/L.2", "Add.3",
                                  "TEODORA VASQUEZ RUIZ", "IVAN PETROV"])
def test_citations_document_symbols_and_names_in_capitals_are_no_bodies(name: str) -> None:
    assert not plausible_org(name)


@pytest.mark.parametrize("name", ["UN WOMEN", "NATIONAL DISASTER MANAGEMENT AUTHORITY", "HALO Trust", "UNICEF"])
def test_bodies_in_capitals_stay(name: str) -> None:
    assert plausible_org(name)


def test_a_role_of_several_words_is_no_body_but_an_office_named_with_one_is() -> None:
    assert not plausible_org("Regional Technical Advisor")
    assert not plausible_org("Public Education Officer")
    assert all(map(plausible_org, ["Office of the National Coordinator", "Executive Board", "General Assembly"]))


@pytest.mark.parametrize(("name", "expected"), [
    ("Northern Chad", True), ("Mwanza, Tanzania", True), ("Victoria, Seychelles", True), ("Chad", True),
    ("Paris, Kenya", False),  # a town of another country: a body's seat, say, not this place
    ("Western Union", False), ("Central Bank of Chad", False),
])
def test_a_country_in_part_or_after_its_town_is_a_place_not_a_body(name: str, expected: bool) -> None:
    from release_nlp.readers.entities import _is_place_name

    assert _is_place_name(name) is expected


@pytest.mark.parametrize(("name", "expected"), [
    ("Osprey River Falls", True), ("Kestrel National Wildlife Refuge", True), ("Trans-Borealis Pipeline", True),
    ("Marlow islands", True), ("Helder National Forest on Crow Creek", True),
    ("Government of the Osprey Islands", False), ("Lake Basin Commission", False), ("River Authority", False),
])
def test_a_natural_feature_site_or_work_is_named_by_its_head(name: str, expected: bool) -> None:
    from release_nlp.readers.org_checks import names_a_feature

    assert names_a_feature(name) is expected
    assert plausible_org(name) is not expected


def test_the_first_words_of_a_features_name_are_no_body_either(blank: Language) -> None:
    from release_nlp.readers.organisations import extract_organisations

    text = ("The Trans-Borealis carries oil to Osprey. Funds will repair the Trans-Borealis Pipeline. "
            "The Osprey Harbour Board welcomed the money. Veltra said its Veltra Assembly Plant would reopen.")
    doc = tagged(blank, text, ("Trans-Borealis Pipeline", "ORG"), ("Trans-Borealis", "ORG"),
                 ("Osprey Harbour Board", "ORG"), ("Veltra", "ORG"), ("Veltra Assembly Plant", "ORG"))
    records, _ = extract_organisations(doc, lambda _: True, [], set())
    assert [r.name for r in records] == ["Osprey Harbour Board", "Veltra"]  # the company that owns the plant


def test_a_capitalised_word_hyphened_onto_the_start_belongs_to_the_name(blank: Language) -> None:
    from release_nlp.readers.organisations import extract_organisations

    text = "Survivors can call the One-Stop Crisis Management Centre in Tarsus."
    doc = tagged(blank, text, ("Stop Crisis Management Centre", "ORG"))
    records, _ = extract_organisations(doc, lambda _: True, [], set())
    assert [r.name for r in records] == ["One-Stop Crisis Management Centre"]
    text = "The bill funds LABOR-HKS programmes."  # a heading's word before an acronym stays apart
    doc = tagged(blank, text, ("HKS", "ORG"))
    assert [r.name for r in extract_organisations(doc, lambda _: True, [], set())[0]] == ["HKS"]


@pytest.mark.parametrize(("longer", "short", "same"), [
    ("Ministry of Health and Child Care", "Ministry of Health", True),
    ("Ministry of Water, Irrigation and Livestock", "Ministry of Water", True),
    ("Ministry of Health of Chad", "Ministry of Health", True),
    ("Special Tribunal for Lebanon", "Special Tribunal", True),
    ("Lumo Foundation International", "Lumo Foundation", True),
    ("United Nations Children's Fund", "United Nations", False),  # another body
    ("Lumo Water and Sanitation Trust", "Lumo Water", False),  # no complement: not a subject list
    ("Ministry of Health Reform Unit", "Ministry of Health", False),
])
def test_a_name_written_out_in_full_is_the_same_body(longer: str, short: str, same: bool) -> None:
    records = [OrgRecord(longer, mentions=[("x", 0, 1)]), OrgRecord(short, mentions=[("x", 50, 51)])]
    assert len(merge_prefixes(records)) == (1 if same else 2)


def test_a_one_word_group_name_before_network_names_a_network(blank: Language) -> None:
    text = ("Forces detained a Sardani network facilitator in Khost. One network relayed the alert, and "
            "the Coastal Marine Automated Network logged it.")
    doc = tagged(blank, text, ("Sardani", "PERSON"), ("One", "CARDINAL"))
    assert [span.text for span in _named_groups(doc, LowerCase(text))] == ["Sardani network"]


def test_a_one_word_group_name_before_an_armed_groups_member_names_the_group(blank: Language) -> None:
    text = ("Troops held two Velani facilitators near Rawa and a Velani senior commander in Dasht. Elsewhere — "
            "Numerous insurgents fled, Afghan militants hid, and talks with Opposition militants ended when "
            "the opposition walked out. VELANI COMMANDERS HELD, the Velani Commander said. Korani leaders, "
            "Korani fighters and the Korani militia met Torvan elders.")
    doc = tagged(blank, text, ("Velani", "PERSON"))
    # Not a clause's first word, a people, a word also written in lower case, or before a capitalised noun; and
    # leaders, fighters and militia are also a people's ("Dinka leaders"), so they name no armed group.
    assert [(span.text, span.start_char) for span in _named_groups(doc, LowerCase(text))] == [
        ("Velani", text.index("Velani")), ("Velani", text.index("Velani senior"))]


def test_a_people_the_model_tags_norp_names_no_armed_group(blank: Language) -> None:
    text = "Clashes between Korani militants and the army displaced hundreds."
    assert _named_groups(tagged(blank, text, ("Korani", "NORP")), LowerCase(text)) == []
    assert [s.text for s in _named_groups(tagged(blank, text, ("Korani", "PERSON")), LowerCase(text))] == ["Korani"]


def test_a_group_named_before_a_member_noun_is_an_organisation_whatever_the_model_tagged(blank: Language) -> None:
    from release_nlp.readers.organisations import extract_organisations

    text = ("Troops held two Velani facilitators near Rawa. Velani fighters had attacked a post, and a Velani "
            "commander was held, officials said.")
    doc = tagged(blank, text, ("Velani", "GPE"), ("Rawa", "GPE"))
    records, _ = extract_organisations(doc, lambda _: True, [], set())
    assert [(r.name, len(r.mentions)) for r in records] == [("Velani", 2)]


def test_a_group_named_before_network_is_an_organisation_when_the_model_took_its_name_for_a_person(
        blank: Language) -> None:
    from release_nlp.readers.organisations import extract_organisations

    text = ("Forces detained a Sardani network facilitator in Khost. The Sardani network moves weapons, and "
            "Sardani fighters guard its routes.")
    doc = tagged(blank, text, ("Sardani", "PERSON"))
    records, _ = extract_organisations(doc, lambda _: True, [], set())
    assert [(r.name, len(r.mentions)) for r in records] == [("Sardani network", 2)]


@pytest.mark.integration
def test_a_tribunal_for_a_place_keeps_its_whole_name() -> None:
    r = extract("Judges of the International Criminal Tribunal for the Former Yugoslavia sentenced the general to "
                "life in prison on Wednesday, the court said.")
    assert "International Criminal Tribunal for the Former Yugoslavia" in [o.name for o in r.organisations]


@pytest.mark.parametrize("name, plausible", [
    ("HIV/ STI", False), ("TB/HIV", False),  # conditions joined by a slash
    ("UNDP/UNICEF", True), ("Royal Jordanian", True), ("Caritas Burundi", True),
])
def test_joined_conditions_name_no_body(name: str, plausible: bool) -> None:
    assert plausible_org(name) is plausible


def test_an_acronym_the_release_defines_for_a_body_outranks_the_term_it_otherwise_is() -> None:
    assert not plausible_org("STI") and plausible_org("STI", defined=True)  # "Swiss Tropical Institute (STI)"


def test_a_people_used_as_a_noun_is_no_body(blank: Language) -> None:
    from release_nlp.readers.organisations import extract_organisations

    text = ("He nominated a fellow Nebraskan, Dr. Ana Ruiz, and the only Native American on the panel. Royal "
            "Jordanian will add flights, a Caritas Burundi team said, for the Nepali people.")
    doc = tagged(blank, text, ("Nebraskan", "ORG"), ("Native American", "ORG"), ("Royal Jordanian", "ORG"),
                 ("Caritas Burundi", "ORG"), ("Nepali", "ORG"))
    records, _ = extract_organisations(doc, lambda _: True, [], set())
    assert {r.name for r in records} == {"Royal Jordanian", "Caritas Burundi"}


def test_a_spaced_dash_sets_two_bodies_side_by_side_but_not_a_body_and_its_field(blank: Language) -> None:
    from release_nlp.readers.organisations import extract_organisations

    text = ("The IOM Kenya - Danish Government partnership funds clinics. The Regional Command - North staff met "
            "Harbor Trust - Debris Removal crews and the Ministry of Health - Department of Surveillance.")
    doc = tagged(blank, text, ("IOM Kenya - Danish Government", "ORG"), ("Regional Command - North", "ORG"),
                 ("Harbor Trust - Debris Removal", "ORG"), ("Ministry of Health - Department of Surveillance", "ORG"))
    records, _ = extract_organisations(doc, lambda _: True, [], set(), is_country)
    names = {r.name for r in records}
    assert "Danish Government" in names and "IOM" in {r.acronym for r in records} | names
    assert "Regional Command - North" in names  # "North" is a field of the name, not a second body
    assert not {"North", "Debris Removal", "Department of Surveillance"} & names  # a field, a unit of its parent


def test_a_name_that_is_a_whole_phrase_under_a_names_a_kind_of_holder_not_a_body(blank: Language) -> None:
    from release_nlp.readers.organisations import extract_organisations

    text = ("Ruritania was named a Climate Resilience Champion at the summit. A WFP truck and a Velmora Trust "
            "grant reached the district, and an Orvan Foundation. A Kestrel Sachs and Orvan Lynch syndicate and "
            "Category A Velmora Harvest, the seed company, paid.")
    doc = tagged(blank, text, ("Climate Resilience Champion", "ORG"), ("WFP", "ORG"), ("Velmora Trust", "ORG"),
                 ("Orvan Foundation", "ORG"), ("Kestrel Sachs", "ORG"), ("Orvan Lynch", "ORG"),
                 ("Velmora Harvest", "ORG"))
    records, _ = extract_organisations(doc, lambda _: True, [], set())
    names = {r.name for r in records} | {r.acronym for r in records}
    assert "Climate Resilience Champion" not in names
    # A modifier of a noun, a name headed by a body word, the first of two joined names, a name after a label.
    assert {"WFP", "Velmora Trust", "Orvan Foundation", "Kestrel Sachs", "Orvan Lynch", "Velmora Harvest"} <= names
