"""CON family: consent of the State concerned (rules/con.yaml, checks/consent.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.parser import parse_text
from checker.rules.checks.consent import addressee, clauses
from checker.rules.config import Config
from checker.rules.engine import lint, load_ruleset
from checker.rules.examples import run_examples

RULES = Path(__file__).resolve().parents[1] / "rules" / "con.yaml"
GA = "The General Assembly,\n\n"
HRC = "The Human Rights Council,\n\n"
SC = "The Security Council,\n\n"


@pytest.fixture(scope="module")
def ruleset():
    return load_ruleset([RULES], include_default=False, use_cache=False)


def found(ruleset, text: str, head: str = GA) -> list[tuple[str, str]]:
    return [(f.rule, f.address) for f in lint(parse_text(head + text), ruleset, Config())]


def test_examples_pass(ruleset):
    failures = [str(f) for rule in ruleset.rules for f in run_examples(rule, parse_text)]
    assert not failures, "\n\n".join(failures)


def test_every_rule_documented(ruleset):
    for rule in ruleset.rules:
        spec = rule.spec
        assert spec.summary and spec.rationale and spec.fix, spec.code
        assert spec.examples.get("valid") and spec.examples.get("invalid"), spec.code


# ------------------------------------------------------------ clause helpers

def test_clauses_split_at_new_operative_verb():
    text = "Requests the Office to provide technical assistance to X, and invites States, at their request, to act;"
    parts = clauses(text, 0, len(text), "Requests")
    assert [p.opening.split()[0] for p in parts] == ["Requests", "invites"]
    assert "at their request" in text[parts[1].start:parts[1].end]
    assert "at their request" not in text[parts[0].start:parts[0].end]


def test_addressee_of_a_decision_to_request_is_the_one_asked_in_turn():
    assert addressee("decides to request the Secretary-General to make available").strip() == \
        "decides to request the Secretary-General"
    # States asked to request assistance are not asked to give it: the Office is not the addressee.
    assert addressee("Encourages States to request technical assistance from the Office").strip() == "Encourages States"


def test_passive_call_is_asked_of_its_agent():
    from checker.rules.checks.consent import _passive_agent
    body = ("Recommends that the capacity of the Ministry of Justice be strengthened through the provision "
            "of expertise by United Nations entities and bilateral partners;")
    assert body[_passive_agent(body):].startswith("by United Nations entities")
    assert _passive_agent("Requests the Office to provide technical assistance by the end of 2026;") is None


def test_chapter_vii_mandate_tasks_are_not_judged_but_requests_are(ruleset):
    text = ("Acting under Chapter VII of the Charter of the United Nations,\n\n"
            "1. Decides that the mandate of MINUSCA shall include the following tasks:\n\n"
            "(a) To provide technical assistance to the Central African authorities;\n\n"
            "2. Requests the Secretary-General to deploy a team of experts to assist the national authorities;\n")
    assert found(ruleset, text, SC) == [("CON001", "OP2")]
    # Without Chapter VII the Council's mandate tasks are judged like any other.
    assert ("CON002", "OP1(a)") in found(ruleset, text.split("\n\n", 1)[1], SC)


def test_addressee_stops_at_infinitive_and_drops_partners():
    assert addressee("Requests the Office to provide assistance").strip() == "Requests the Office"
    who = addressee("Urges Member States, in collaboration with the United Nations system, to continue")
    assert "United Nations" not in who and "Member States" in who


# ------------------------------------------------------------ CON001

def test_operative_without_consent_is_flagged_at_its_address(ruleset):
    text = ("1. Decides to remain seized of the matter;\n\n"
            "2. Requests the Office of the High Commissioner to provide technical assistance to the Government of Mali;\n")
    assert found(ruleset, text, HRC) == [("CON001", "OP2")]


@pytest.mark.parametrize("text", [
    "5. Requests the Office to provide technical assistance to the Government of Mali, at its request;",
    "5. Requests the Office to provide, upon the request of the Government of Mali, technical assistance;",
    "5. Requests the Office to provide advisory services, in consultation with and with the consent of the State concerned;",
    "5. Invites States to request technical assistance from the Office of the High Commissioner;",
    "5. Welcomes the request of the Government of Mali for technical assistance from the Office;",
    "5. Recalls that the Secretary-General provides technical assistance to States;",
    "5. Takes note of the report of the Secretary-General on technical cooperation with States;",
    "5. Calls upon Member States to provide technical assistance to other States;",
    "5. Stresses the importance of technical assistance for States;",
])
def test_traps_produce_nothing(ruleset, text):
    assert found(ruleset, text) == []


def test_consent_in_another_clause_does_not_cover(ruleset):
    text = ("5. Encourages the international community to provide technical assistance to Somalia, "
            "and invites States, at their request, to share best practices;")
    assert found(ruleset, text) == [("CON001", "OP5")]


def test_message_suggests_the_verified_phrase(ruleset):
    doc = parse_text(GA + "5. Requests the Secretary-General to provide capacity-building to national institutions;")
    (f,) = lint(doc, ruleset, Config())
    assert "at the request of the State concerned" in f.message
    assert "'capacity-building'" in f.message
    assert f.severity == "warning"


# ------------------------------------------------------------ CON002

def test_subparagraph_covered_by_chapeau(ruleset):
    text = ("5. Requests the Office, at the request of the State concerned, to:\n"
            "(a) Provide technical assistance to national institutions;\n(b) Report to the Council;\n")
    assert found(ruleset, text) == []


def test_subparagraph_without_consent_is_flagged(ruleset):
    text = ("5. Requests the Office to:\n(a) Report to the Council;\n"
            "(b) Provide technical assistance to the Government of Mali;\n")
    assert found(ruleset, text) == [("CON002", "OP5(b)")]


def test_subparagraph_with_its_own_welcoming_verb_is_not_a_call(ruleset):
    text = ("5. Reaffirms the importance of the work of the Commission, and in this connection:\n"
            "(a) Welcomes the technical assistance provided by the Secretary-General to States;\n"
            "(b) Notes the advisory services of the Office to Governments;\n")
    assert found(ruleset, text) == []


# ------------------------------------------------------------ CON003

def test_preamble_call_for_expanded_assistance_is_info(ruleset):
    text = ("Recognizing the need for the United Nations system to expand technical assistance "
            "for national justice institutions,\n\n1. Decides to remain seized of the matter.\n")
    doc = parse_text(GA + text)
    findings = lint(doc, ruleset, Config())
    assert [(f.rule, f.address, f.severity) for f in findings] == [("CON003", "PP1", "info")]


def test_preamble_that_recalls_is_not_flagged(ruleset):
    text = ("Recalling the technical assistance provided by the Office of the High Commissioner to States,\n\n"
            "1. Decides to remain seized of the matter.\n")
    assert found(ruleset, text) == []


# ------------------------------------------------------------ CON004

def test_field_presence_without_consent(ruleset):
    text = "7. Requests the High Commissioner to establish a field presence in Mali;"
    assert found(ruleset, text, HRC) == [("CON004", "OP7")]


def test_field_presence_with_agreement_or_in_security_council(ruleset):
    assert found(ruleset, "7. Requests the High Commissioner to open, with the consent of the Government "
                          "of Mali, a country office in Bamako;", HRC) == []
    assert found(ruleset, "7. Requests the Secretary-General to establish a field presence in Mali;", SC) == []


def test_team_or_mission_established_in_a_named_country(ruleset):
    assert found(ruleset, "5. Decides to establish a census advisory team in Haiti to support the national "
                          "statistical institute;") == [("CON004", "OP5")]
    assert found(ruleset, "5. Requests the Secretary-General to set up a monitoring mission in the Sudan;") == [("CON004", "OP5")]
    assert found(ruleset, "5. Requests the Secretary-General to establish a liaison office in Haiti, with the "
                          "consent of the Government of Haiti;") == []


@pytest.mark.parametrize("text", [
    "5. Decides to establish a task team in the Secretariat to review the guidelines;",
    "5. Requests the Secretary-General to set up a task team in Geneva to coordinate the reports;",
    "5. Decides to establish a working group to review the methods of work;",
    "5. Welcomes the establishment of a country team in Haiti by the Government of Haiti;",
])
def test_team_in_a_body_or_headquarters_city_is_not_a_presence(ruleset, text):
    assert found(ruleset, text) == []


# ------------------------------------------------------------ CON005

def test_consent_from_the_wrong_party(ruleset):
    text = "4. Requests the Office to provide technical assistance to Mali with the consent of the international community;"
    assert found(ruleset, text) == [("CON005", "OP4")]


def test_request_of_a_body_not_the_state_is_con005_not_con001(ruleset):
    text = ("6. Encourages the regional commissions to provide, at the request of the Statistical Commission, "
            "technical advice to countries whose census has been postponed;")
    assert found(ruleset, text) == [("CON005", "OP6")]
    text = "6. Requests the Office to provide technical assistance to Mali, upon the request of the Human Rights Council;"
    assert found(ruleset, text) == [("CON005", "OP6")]


@pytest.mark.parametrize("text", [
    # The State's own consent is there as well: the body's request is its mandate, not consent.
    "6. Requests the Office, at the request of the Human Rights Council, to provide technical assistance to "
    "Mali at the request of the Government of Mali;",
    # A clause that welcomes past assistance calls for nothing.
    "6. Welcomes the technical assistance provided to Mali at the request of the Statistical Commission;",
])
def test_wrong_party_traps(ruleset, text):
    assert found(ruleset, text) == []


def test_a_national_body_of_the_state_is_not_the_wrong_party(ruleset):
    text = "6. Requests the Office to provide technical assistance at the request of the National Electoral Commission;"
    assert ("CON005", "OP6") not in found(ruleset, text)


def test_request_of_a_body_outside_an_assistance_clause_is_fine(ruleset):
    assert found(ruleset, "4. Requests the Secretary-General, at the request of the Office, to prepare a report;") == []


# ------------------------------------------------------------ false-alarm classes of adopted texts

@pytest.mark.parametrize("text", [
    # Support to the provider's own fund, programme or work, not assistance to a State.
    "5. Invites Member States and donors to contribute to the technical cooperation trust funds of the Programme;",
    "5. Appeals to Governments and donors to support the technical cooperation programme of the Commission;",
    "5. Appeals to Governments and donors to assist the secretariat of the Commission in carrying out "
    "technical cooperation activities, in particular in developing countries;",
    "5. Urges the Secretary-General to provide resources to the Office so that it can implement its mandate, "
    "including capacity-building activities for Member States;",
    "5. Encourages United Nations agencies to take into account in their technical assistance to States "
    "the elements necessary for the rule of law;",
    "5. Calls upon donors to support the Facility, recognizing its vital role in providing technical assistance, "
    "advisory services and capacity-building to developing countries;",
    # Assistance to a body, not to a State.
    "5. Invites the United Nations Institute for Training and Research to provide technical assistance "
    "to the Group of Experts;",
    # National ownership, work with the State, the States' own demand.
    "5. Invites the international community to increase technical assistance to developing countries "
    "in line with their national development strategies;",
    "5. Requests the Secretary-General to deliver capacity-building activities in cooperation with Member States;",
    "5. Encourages the Office to increase its capability to meet the growing demand for support to strengthen "
    "the capacity-building of developing countries;",
    # States among those asked: national institutions are their own.
    "5. Encourages Member States and the United Nations to support women's leadership, including by "
    "building the capacities of national institutions;",
])
def test_false_alarm_classes_of_adopted_texts(ruleset, text):
    assert found(ruleset, text) == []


@pytest.mark.parametrize("text", [
    "5. Requests the Secretary-General, in cooperation with Member States, international financial institutions "
    "and donors, to provide technical assistance to developing countries;",
    "5. Urges the Office to provide technical assistance to the Government of Mali to implement its national plan;",
    "5. Encourages Member States and the United Nations to provide technical assistance to Somalia;",
    "5. Requests the Office to provide technical assistance to the Group of Mali's national experts in Bamako, "
    "and to States;",
])
def test_true_cases_beside_the_false_alarm_classes_still_fire(ruleset, text):
    assert [rule for rule, _ in found(ruleset, text)] == ["CON001"]


def test_first_person_declaration_items_answer_to_their_own_verb(ruleset):
    text = ("5. We are deeply concerned at the pace of progress, and we:\n"
            "(a) Recognize that finance and capacity-building are critical enablers for developing countries;\n"
            "(b) Note the gap in adaptation finance;\n")
    assert found(ruleset, text) == []
    call = ("5. We are deeply concerned at the pace of progress, and we:\n"
            "(a) Request the Secretary-General to provide capacity-building to developing countries;\n"
            "(b) Note the gap in adaptation finance;\n")
    assert found(ruleset, call) == [("CON002", "OP5(a)")]


# ------------------------------------------------------------ held-out review: triggers, providers, consent

@pytest.mark.parametrize("text", [
    # "build(ing) the capacity" (§7.2), the capacity being the recipients'.
    "5. Calls upon the Office to assist the national electoral commissions of least developed countries "
    "in building their capacity to conduct elections;",
    "5. Requests the United Nations Development Programme to build the capacity of judicial institutions "
    "in small island developing States;",
    "5. Invites relevant United Nations agencies to continue building the capacity of land registries "
    "in developing countries;",
    # Training and expertise for States (§7.2, secondary triggers with a State as recipient).
    "5. Requests the Office to provide training to judges of Member States on the Bangkok Rules;",
    "5. Requests the Secretary-General to provide expertise to Member States in the drafting of legislation;",
    # Regional commissions and Secretariat departments are providers.
    "5. Requests the regional commissions to provide technical cooperation to the statistical offices "
    "of developing countries;",
    "5. Requests the Economic Commission for Africa to provide advisory services to African States;",
    "5. Requests the Department of Economic and Social Affairs of the Secretariat to provide technical "
    "assistance to least developed countries;",
])
def test_held_out_trigger_and_provider_classes_fire(ruleset, text):
    assert [rule for rule, _ in found(ruleset, text)] == ["CON001"]


def test_subparagraph_building_their_capacity_under_a_department(ruleset):
    text = ("5. Requests the Statistics Division of the Department of Economic and Social Affairs to:\n"
            "(a) Assist the national statistical offices of small island developing States in building their "
            "capacity to compile census data;\n"
            "(b) Report to the Commission at its next session;\n")
    assert found(ruleset, text) == [("CON002", "OP5(a)")]


def test_deploying_teams_of_experts_to_assist_national_authorities(ruleset):
    # Experts sent to help a State are technical assistance (§7.2 "to deploy (experts|a team)"): CON001, once.
    assert found(ruleset, "5. Requests the Secretary-General to deploy teams of experts to assist national "
                          "authorities in countries in transition with the drafting of laws;") == [("CON001", "OP5")]
    assert found(ruleset, "5. Requests the Secretary-General to deploy teams of experts to Mali;") == [("CON001", "OP5")]
    # A mission is a presence: CON004.
    assert found(ruleset, "5. Requests the Secretary-General to deploy a mission to assist national "
                          "authorities in countries in transition with the drafting of laws;") == [("CON004", "OP5")]


def test_experts_deployed_to_assist_are_judged_in_security_council_texts_too(ruleset):
    text = "5. Requests the Secretary-General to deploy a team of experts to assist the national authorities in the " \
           "investigation and prosecution of serious crimes;\n\n6. Decides to remain seized of the matter."
    assert found(ruleset, text, SC) == [("CON001", "OP5")]
    assert found(ruleset, text.replace(";", ", at the request of the Government;", 1), SC) == []


def test_experts_deployed_as_the_means_of_support_to_national_institutions(ruleset):
    text = ("2. Requests the Office of the United Nations High Commissioner for Human Rights\nto support, including "
            "through the deployment of experts, the establishment and\nstrengthening of national institutions in West "
            "Africa and the Sahel;")
    assert found(ruleset, text) == [("CON001", "OP2")]


def test_organizations_qualified_by_their_countries_are_not_state_recipients(ruleset):
    ngo = "2. Requests the Secretary-General to provide capacity-building and training to non-governmental " \
          "organizations from developing countries on the application process;"
    assert found(ruleset, ngo) == []
    assert found(ruleset, ngo.replace("to non-governmental", "to civil society organizations in the least developed "
                                      "countries and to non-governmental")) == []
    # A State named beside them is still a recipient.
    assert found(ruleset, ngo.replace("to non-governmental", "to Member States and to non-governmental")) == \
        [("CON001", "OP2")]


@pytest.mark.parametrize("text", [
    # Consent phrasings of the held-out review.
    "5. Requests the regional commissions to provide technical cooperation to the statistical offices of "
    "developing countries, at the request of those countries;",
    "5. Requests the Office to provide technical assistance to developing countries, subject to their consent;",
    "5. Requests the Office to provide technical assistance to developing countries, at the request of the "
    "countries concerned;",
    "5. Requests the Office to provide technical assistance to the Government of Mali, with the agreement of "
    "the Government concerned;",
    "5. Requests the Office to provide technical assistance to developing countries, upon the request of the "
    "recipient State;",
    "5. Requests the Secretary-General to deploy teams of experts to assist national authorities in countries "
    "in transition, subject to their consent;",
    # The provider's own capacity, training of its own staff, expertise for a body: no assistance to a State.
    "5. Requests the Secretary-General to build the capacity of the Office to support Member States;",
    "5. Requests the Office to provide training to its staff on gender mainstreaming;",
    "5. Requests the Secretary-General to provide expertise to the Committee in its work;",
    "5. Calls upon Member States to build the capacity of their judicial institutions;",
    "5. Requests the Secretary-General to deploy teams of experts to assist the Committee in its work;",
])
def test_held_out_consent_phrasings_and_traps_stay_silent(ruleset, text):
    assert found(ruleset, text) == []


@pytest.mark.parametrize("text", [
    "7. Calls upon the international community to support the training of civil registrars and community "
    "health workers in remote and border areas of developing countries;",
    "7. Invites donors to support national training for judges and prosecutors;",
])
def test_supporting_the_training_of_officials_of_states_is_assistance(ruleset, text):
    assert found(ruleset, text) == [("CON001", "OP7")]


def test_supporting_training_by_states_themselves_is_not_a_call_on_a_provider(ruleset):
    assert found(ruleset, "7. Calls upon States to support the training of civil registrars in their countries;") == []
    assert found(ruleset, "7. Invites donors to support the training of the staff of the Office;") == []


def test_training_for_the_providers_own_coordinators_is_not_assistance_to_a_state(ruleset):
    text = ("5. Requests the Secretary-General to strengthen the support provided to United Nations country teams, "
            "including by providing necessary training to resident coordinators;")
    assert found(ruleset, text) == []


def test_required_words_of_trigger_patterns() -> None:
    """The pre-filter words: every match of a pattern contains one of them, or there is no pre-filter."""
    from checker.rules.checks.consent import required_words

    assert required_words(r"technical\s+(?:and\s+financial\s+)?assistance") == {"assistance"}
    assert required_words(r"(?:provide|offer)\s+(?:training|expertise)\s+to") == {"training", "expertise"}
    assert required_words(r"(?:build|strengthen)\s+capacit(?:y|ies)") == {"capacit"}
    assert required_words(r"[a-z]+\s+aid") is None      # nothing of four letters every match needs
    assert required_words(r"(unclosed") is None


# ------------------------------------------------------------ held-out review 3/4: amendments, deployments, later calls

AMENDMENT = "Mali and Norway: amendment to draft resolution A/C.3/81/L.40\n\n"
REPLACE_OP = "4. Replace operative paragraph 6 with the following text:\n\n"


def amendment_found(ruleset, text: str) -> list[tuple[str, str]]:
    doc = parse_text(AMENDMENT + text)
    assert doc.kind == "amendment"
    return [(f.rule, f.address) for f in lint(doc, ruleset, Config())]


@pytest.mark.parametrize("text", [
    # The proposed paragraph on its own line, and quoted on the instruction's line.
    REPLACE_OP + "“6. Requests the Office to provide technical assistance to States in the area of juvenile justice;”",
    "4. Replace operative paragraph 6 with the following text: “6. Requests the Office to provide technical "
    "assistance to States in the area of juvenile justice;”",
    # A negotiation label or "bis" number before the proposed paragraph.
    "4. After operative paragraph 6, insert a new operative paragraph, reading:\n\n“[OP6bis] Encourages the "
    "international community to provide capacity-building to developing countries;”",
    "4. After operative paragraph 6, insert a new operative paragraph, reading:\n\n“6 bis. Encourages the "
    "international community to provide capacity-building to developing countries;”",
])
def test_amendment_proposed_operative_paragraph_is_judged_at_the_instruction(ruleset, text):
    assert amendment_found(ruleset, text) == [("CON001", "OP4")]


def test_amendment_finding_points_into_the_proposed_text(ruleset):
    doc = parse_text(AMENDMENT + REPLACE_OP + "“6. Requests the Office to provide technical assistance to States;”")
    [f] = lint(doc, ruleset, Config())
    assert doc.source[f.span.start:f.span.end] == "technical assistance"
    assert doc.source.rfind("\n", 0, f.span.start) > doc.source.find("following text:")


@pytest.mark.parametrize("text", [
    REPLACE_OP + "“6. Requests the Office to provide technical assistance to States, at their request;”",
    REPLACE_OP + "“6. Recalls that the Office provides technical assistance to States;”",
    # Deleted text and replaced fragments are not proposed paragraphs.
    "4. Delete operative paragraph 6, which reads:\n\n“6. Requests the Office to provide technical assistance to States;”",
    "4. In operative paragraph 6, delete the following sentence:\n\n“Requests the Office to provide technical "
    "assistance to States.”",
    "4. In operative paragraph 6, replace the words “technical assistance to States” with the words "
    "“technical assistance to States, at their request”.",
    "4. In operative paragraph 6, after the words “technical assistance”, insert the words “to States”.",
    # A proposed preambular paragraph is for CON003, not CON001; this one only recalls.
    "4. Insert a new preambular paragraph after the third preambular paragraph, reading:\n\n“Recalling that the "
    "Office provides technical assistance to States,”",
])
def test_amendment_traps_stay_silent(ruleset, text):
    assert amendment_found(ruleset, text) == []


def test_amendment_proposed_preambular_call_is_con003(ruleset):
    text = ("4. Insert a new preambular paragraph after the third preambular paragraph, reading:\n\n“Urging the "
            "Office to expand its technical assistance to States in the area of juvenile justice,”")
    assert amendment_found(ruleset, text) == [("CON003", "OP4")]


def test_quoted_text_in_an_ordinary_draft_is_not_treated_as_proposed(ruleset):
    # Only amendments propose text; a draft resolution's paragraph reads as it stands.
    text = ("4. Recalls the following text:\n\n“Requests the Office to provide technical assistance to States;”")
    assert found(ruleset, text) == []


@pytest.mark.parametrize("head", [GA, SC])
def test_team_deployed_to_a_named_country_to_give_assistance(ruleset, head):
    text = ("3. Requests the Secretary-General to deploy a team of electoral experts to the Republic of Guinea "
            "to provide technical assistance for the preparation of the elections;")
    got = found(ruleset, text, head)
    assert ("CON001", "OP3") in got
    # The Security Council is not asked for consent to a presence (CON004), only to assistance.
    assert ("CON004", "OP3") not in got or head == GA


@pytest.mark.parametrize("text", [
    "3. Requests the Secretary-General to deploy, at the request of the Government of Haiti, a team of electoral "
    "experts to Haiti to provide technical assistance for the preparation of the elections;",
    "3. Requests the Secretary-General to deploy a team of experts to the United Nations Mission in South Sudan "
    "to provide technical advice on elections;",
    "3. Calls upon Member States to deploy experts to Haiti to provide technical assistance;",
])
def test_deployment_traps_stay_silent(ruleset, text):
    assert found(ruleset, text, SC) == []


def test_later_call_in_a_preambular_paragraph(ruleset):
    text = ("Noting that the United Nations Development Programme supports national human rights institutions, "
            "and urging it to expand its technical assistance to the national institutions of all States,\n\n"
            "1. Decides to remain seized of the matter.\n")
    doc = parse_text(GA + text)
    [f] = lint(doc, ruleset, Config())
    assert (f.rule, f.address, f.severity) == ("CON003", "PP1", "info")
    assert doc.source.find("urging") < f.span.start


@pytest.mark.parametrize("text", [
    # Consent anywhere in the paragraph covers the later call.
    "Noting that the United Nations Development Programme supports, at the request of States, national human "
    "rights institutions, and urging it to expand its technical assistance to the national institutions,",
    # "them" may be the States named before it.
    "Noting that States and the Office cooperate closely, and urging them to expand technical assistance to "
    "national institutions,",
    # States asked to seek assistance, or to give it: no outside provider.
    "Noting the work of the Office, and encouraging Member States to seek technical assistance from it,",
    "Noting the work of the Office, and inviting States to provide technical assistance to other States,",
    # A later clause that does not call ("and noting ...").
    "Welcoming the work of the Office, and noting its technical assistance to developing countries,",
])
def test_later_call_traps_stay_silent(ruleset, text):
    assert found(ruleset, text + "\n\n1. Decides to remain seized of the matter.\n") == []


# ------------------------------------------------------------ holdout5: asides, answered requests, SC missions, annexes

@pytest.mark.parametrize("text", [
    # A short parenthetical inside the consent phrase.
    "3. Encourages the Office to continue to provide, at the request of, and in close cooperation with, the "
    "Governments concerned, technical assistance on the protection of displaced persons;",
    "3. Requests the Office to provide, with the consent of, and in consultation with, the States concerned, "
    "advisory services to national institutions;",
    "3. Requests the Office to provide, at the request of, or in consultation with, the Governments concerned, "
    "capacity-building to national institutions;",
    # The State's request stated before, the assistance given in response to it.
    "3. Takes note of the request made by the Government of Haiti for support in the reform of its prison system, "
    "and requests BINUH and the United Nations country team, in response to that request, to provide "
    "capacity-building and technical advice to the Directorate of Penitentiary Administration;",
    "3. Welcomes the letter in which the Government of Mali requested assistance, and requests the Office, in "
    "response to that request, to provide advisory services to national institutions;",
    # The request named in the clause itself.
    "3. Requests the Office to provide technical assistance to the Government of Mali, in response to the request "
    "of the Government of Mali;",
    "3. Requests the United Nations Development Programme, pursuant to the request made by the Government of Mali, "
    "to provide capacity-building to national institutions;",
])
def test_holdout5_consent_forms_stay_silent(ruleset, text):
    assert found(ruleset, text, SC) == []
    assert found(ruleset, text) == []


@pytest.mark.parametrize("text", [
    # The earlier request is an organ's, not the State's.
    "3. Takes note of the request of the Human Rights Council for a study, and requests the Office, in response "
    "to that request, to provide technical assistance to States;",
    # No request stated before "the request".
    "3. Requests the Office, in response to the request, to provide technical assistance to States;",
    # An aside that does not end before the requester is no consent phrase.
    "3. Requests the Office to provide, at the request of, and in cooperation with, the Office of the High "
    "Commissioner, advisory services to national institutions;",
    # A mission named by its acronym; a State's institution by its nationality adjective.
    "2. Requests BINUH to provide technical assistance and strategic advice to the Haitian National Police on "
    "recruitment and vetting;",
    "2. Requests MINUSCA to provide technical assistance to the Central African national police;",
    "4. Calls upon Member States and the international community to provide training, equipment and financial "
    "assistance to the Haitian justice system;",
    "4. Requests the Office to provide training, equipment and logistical support to the Malian armed forces;",
    # "the strengthening of the capacity of national ...".
    "7. Calls upon the international community to support the strengthening of the capacity of national disaster "
    "management authorities in small island developing States;",
])
def test_holdout5_calls_without_consent_fire(ruleset, text):
    assert [rule for rule, _ in found(ruleset, text, SC)] == ["CON001"]


@pytest.mark.parametrize("text", [
    "4. Requests the Office to provide training and equipment to the African Union Mission in Somalia;",
    "4. Requests the Office to provide training, guidance and tools to its staff;",
    "4. Calls upon States to support the strengthening of the capacity of their national human rights institutions;",
    "4. Encourages Member States to support the strengthening of the capacity of national human rights institutions;",
])
def test_holdout5_trigger_extensions_keep_their_limits(ruleset, text):
    assert found(ruleset, text) == []


def test_advisers_deployed_to_assist_national_authorities(ruleset):
    text = ("2. Requests the Office of the High Commissioner to deploy human rights advisers to the offices of resident "
            "coordinators in the countries most affected by sea-level rise in order to assist national authorities in "
            "developing planned relocation policies;")
    assert found(ruleset, text, HRC) == [("CON001", "OP2")]  # technical assistance (CON001), not a presence
    assert found(ruleset, text.replace("to deploy", "to deploy, with the consent of the States concerned,"), HRC) == []
    assert found(ruleset, "2. Requests the Office to deploy human rights advisers to United Nations country teams in "
                          "order to assist them in mainstreaming human rights;", HRC) == []


ANNEX = "1. Adopts the guidelines annexed to the present resolution.\n\nAnnex\n\nGuidelines on administrative data\n\n"


def test_annex_sentence_calling_on_a_provider_is_con006(ruleset):
    text = ANNEX + ("11. National accounts should follow the 2025 SNA.\n\n"
                    "12. The Statistics Division and the regional commissions should provide capacity-building to "
                    "national statistical systems in developing countries in the linking of administrative registers.\n")
    assert found(ruleset, text, "The Economic and Social Council,\n\n") == [("CON006", "ANNEX.12")]


@pytest.mark.parametrize("para", [
    # Consent in the sentence, or elsewhere in the paragraph.
    "12. The Statistics Division should provide, upon request, capacity-building to national statistical systems.",
    "12. The Statistics Division should provide capacity-building to national statistical systems. Such support is "
    "to be given at the request of the countries concerned.",
    # The States' own commitment, in the first person.
    "12. We will leverage existing United Nations mechanisms to support capacity-building in developing countries.",
    # "will" states an arrangement; the consent is the national office's.
    "13. The Commission will review the experience of pilot countries and, at the request of the national "
    "statistical office concerned, the Statistics Division will provide advisory services on business registers.",
    # The subject is not an outside provider.
    "12. National statistical offices should take part in capacity-building programmes of the regional commissions.",
])
def test_annex_traps_stay_silent(ruleset, para):
    assert found(ruleset, ANNEX + para + "\n", "The Economic and Social Council,\n\n") == []


def test_aside_placeholder_is_optional_and_short():
    from checker.rules.checks.consent import ASIDE
    import re
    pat = re.compile(r"at the request of" + ASIDE + r" the States concerned")
    assert pat.search("at the request of the States concerned")
    assert pat.search("at the request of, and in close cooperation with, the States concerned")
    assert not pat.search("at the request of, and in cooperation with the Office. Then, the States concerned")


# ------------------------------------------------------------ holdout7 classes

@pytest.mark.parametrize("text", [
    # Consultation with the host Governments, and the State's own condition.
    "2. Requests the Secretary-General to provide, in consultation with the host Governments concerned, technical "
    "assistance to national police services;",
    "2. Requests the Secretary-General to provide technical assistance to national police services, in "
    "consultation with the host countries;",
    "4. Requests the Office to provide technical cooperation to host countries, where the States concerned so request;",
    "4. Requests the Office to provide technical cooperation to host countries when they so request;",
    "4. Requests the Office to provide technical assistance to the Government of Mali, if it so requests;",
    "4. Requests the Office to provide technical assistance to States, as requested by the States concerned;",
    # "provide X with": a body, not a country.
    "4. Requests the Office to provide the Committee with technical advice on its working methods;",
    "4. Requests the Secretary-General to provide the Special Rapporteur with technical assistance;",
])
def test_holdout7_consent_forms_and_bodies_stay_silent(ruleset, text):
    assert found(ruleset, text) == []


@pytest.mark.parametrize("text", [
    "5. Calls upon United Nations agencies, funds and programmes to provide the Central African Republic with "
    "technical and financial assistance for the preparation of local elections;",
    "5. Requests the Office to provide the Democratic Republic of the Congo with technical assistance;",
    # A pronoun with no "so" is no condition set by the State.
    "4. Requests the Office to provide technical cooperation to host countries when it requests information;",
])
def test_holdout7_double_object_country_is_a_recipient(ruleset, text):
    assert [rule for rule, _ in found(ruleset, text, HRC)] == ["CON001"]


def test_holdout6_regional_organizations_training_a_national_coast_guard(ruleset):
    text = "6. Urges Member States and regional organizations to provide training and equipment to the Libyan Coast Guard;"
    assert found(ruleset, text, SC) == [("CON001", "OP6")]
    assert found(ruleset, text.replace(";", ", at the request of the Libyan authorities;"), SC) == []


HNP = "Concerned at the capacity of the Haitian National Police (HNP) to protect the population,\n\n"


def test_acronym_defined_for_a_national_institution_is_a_recipient(ruleset):
    op = "3. Requests BINUH to support the HNP in capacity-building, including through the vetting of police officers;"
    assert found(ruleset, HNP + op, SC) == [("CON001", "OP3")]
    # The same paragraph where the acronym stands for a body, and with no definition: no recipient.
    # (The clause answers are remembered: they must not carry over from the document above.)
    body = "Welcoming the work of the Haitian Police Oversight Panel (HNP),\n\n"
    assert found(ruleset, body + op, SC) == []
    assert found(ruleset, op, SC) == []
    assert found(ruleset, HNP + op, SC) == [("CON001", "OP3")]
    # With States among those asked, an acronym for a national institution is their own.
    assert found(ruleset, HNP + "3. Encourages Member States and the United Nations to support the HNP in "
                                "capacity-building;", SC) == []


def test_chapeau_names_the_recipients_of_its_items(ruleset):
    text = ("3. Encourages the Office to provide the following forms of support to national police academies in "
            "developing countries:\n\n(a) Advisory services on the design of human rights curricula;\n\n"
            "(b) Training of trainers and the provision of teaching materials;\n")
    assert found(ruleset, text) == [("CON002", "OP3(a)")]
    assert found(ruleset, text.replace("countries:", "countries, at their request:")) == []
    assert found(ruleset, text.replace("to national police academies in developing countries", "to the Working Group")) == []


def test_item_with_its_own_infinitive_verb_asks_its_own_addressee(ruleset):
    text = ("Decides:\n\n(a) To convene a one-day intersessional seminar;\n\n(b) To request the Office of the High "
            "Commissioner to provide technical assistance to States in establishing national mechanisms;\n")
    assert found(ruleset, text, HRC) == [("CON002", "OP1(b)")]
    assert found(ruleset, text.replace("to States", "to States, at their request"), HRC) == []
    assert found(ruleset, text.replace("(b) To request the Office of the High Commissioner to provide",
                                       "(b) To invite States that wish to do so to request"), HRC) == []


@pytest.mark.parametrize("text, expected", [
    # Training for a State's officials named by its adjective, without "the" (holdout11 H11-060).
    ("3. Requests the Office to provide training for Libyan judicial personnel and prosecutors, in close"
     " consultation with UNSMIL, on the investigation of crimes against migrants;", [("CON001", "OP3")]),
    ("4. Calls upon donors to provide training to Somali police officers;", [("CON001", "OP4")]),
    # A United Nations mission or entity consulted is not the State.
    ("3. Requests the Office to provide training for Libyan judicial personnel, in close consultation with MINUSCA;",
     [("CON001", "OP3")]),
    ("3. Requests the Office to provide technical assistance to Libya, in close consultation with the United Nations"
     " Support Mission in Libya;", [("CON001", "OP3")]),
    ("3. Requests the Office to provide technical assistance to Libya, in close consultation with UNDP;",
     [("CON001", "OP3")]),
    # The State consulted is its consent.
    ("3. Requests the Office to provide training for Libyan judicial personnel, in close consultation with the"
     " Libyan authorities;", []),
    ("3. Requests the Office to provide training for Libyan judicial personnel, in consultation with the"
     " Government of Libya;", []),
    ("3. Requests the Office to provide training for Libyan judicial personnel, in consultation with the"
     " Governments concerned;", []),
    # A region's adjective, or no institution word after the adjective: not a State's officials.
    ("3. Requests the Office to provide training for African judicial personnel;", []),
    ("3. Requests the Office to provide training for European police officers;", []),
    ("3. Requests the Office to provide training for Libyan civil society actors;", []),
])
def test_training_for_state_officials_without_article(ruleset, text, expected):
    assert found(ruleset, text, HRC) == expected
