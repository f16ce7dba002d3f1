#!/usr/bin/env python3
"""Checks intake's FHIR exports with tools nobody on the project wrote.

Usage: check_fhir.py FOLDER

FOLDER holds, per persona, NAME.bundle.json (what `intake export --format fhir` writes) and
NAME.expected.json (what intake's own engine concluded: the items and sections it shows, the
answers it keeps for hidden items, its computed values and scores, the points it raises). An
expected file with "mustFail": true holds a deliberately broken export: it passes only when the
checks below find it wrong.

For each persona:
  - the Bundle validates with fhir.resources (R4B models) and with fhircraft (R4 models, which
    evaluate the invariants que-1, que-3, qrs-1 and others); que-2 (unique linkIds), which
    fhircraft does not catch, and que-12 (read as its text says) are checked here;
  - every enableWhen is evaluated by the R4 rules written out below, every SDC
    enableWhenExpression and variable with fhirpathpy's FHIRPath (R4 model), against the exported
    response; the items and sections that come out enabled must be exactly those intake shows,
    and every item intake hides (those with answers kept in the file included) disabled;
  - the variables' values must be intake's computed values and scores;
  - the response holds answers for exactly the shown, answered items, nested as in the
    Questionnaire, each of the type its item asks for; the report's points match the engine's.

Exits 0 when every persona passes, 1 otherwise, 2 on wrong usage.
"""

import json
import sys
import time
import warnings
from decimal import Decimal
from pathlib import Path

from fhir.resources.R4B.bundle import Bundle as R4BBundle
from fhircraft.fhir.resources.datatypes.R4.core.bundle import Bundle as CraftBundle
from fhircraft.fhir.resources.datatypes.R4.core.questionnaire import (
    Questionnaire as CraftQuestionnaire,
)
from fhircraft.fhir.resources.datatypes.R4.core.questionnaire_response import (
    QuestionnaireResponse as CraftQuestionnaireResponse,
)
from fhircraft.config import configure as configure_fhircraft
from fhirpathpy import compile as compile_fhirpath
from fhirpathpy.models import models as fhirpath_models

R4 = fhirpath_models["r4"]
VARIABLE = "http://hl7.org/fhir/StructureDefinition/variable"
ENABLE_WHEN_EXPRESSION = (
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"
)
DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
CONSTRAINT = "http://hl7.org/fhir/StructureDefinition/questionnaire-constraint"
REPORT_POINT = "https://intake.invalid/fhir/StructureDefinition/report-point"
RAISES_REPORT_POINT = "https://intake.invalid/fhir/StructureDefinition/raises-report-point"
# Narrative is a SHOULD (dom-6); intake writes none (docs/fhir.md says why). fhircraft's ele-1
# (every element has a value or children) and que-2 (unique linkIds) take most of its time on a
# Questionnaire this size, and its que-2 misses duplicates: both are checked below instead.
configure_fhircraft(disabled_fhir_constraints={"dom-6", "ele-1", "que-2"})

_compiled = {}


def fhirpath(resource, expression, environment):
    """Evaluates FHIRPath with fhirpathpy's R4 model, each expression parsed once."""
    if expression not in _compiled:
        _compiled[expression] = compile_fhirpath(expression, model=R4)
    return _compiled[expression](resource, environment)

VALUE_KEYS = ("valueCoding", "valueInteger", "valueDecimal", "valueString", "valueDate",
              "valueBoolean")
ANSWER_KEYS = ("answerCoding", "answerInteger", "answerDecimal", "answerString", "answerDate",
               "answerBoolean")
ANSWER_TYPE = {"choice": "valueCoding", "integer": "valueInteger", "decimal": "valueDecimal",
               "string": "valueString", "text": "valueString", "date": "valueDate"}


class Failure(Exception):
    pass


def extensions(element, url):
    return [e for e in element.get("extension", []) if e.get("url") == url]


def walk(items, parent=None):
    """Every Questionnaire item with its parent, in document order."""
    for item in items or []:
        yield item, parent
        yield from walk(item.get("item"), item)


# MARK: Validation by the libraries


def validate(bundle, questionnaire, response):
    problems = []
    try:
        R4BBundle.model_validate(bundle)
    except Exception as error:  # noqa: BLE001 - any validation error is a failure
        problems.append(f"fhir.resources R4B: {error}")
    for label, model, data in (("Bundle", CraftBundle, bundle),
                               ("Questionnaire", CraftQuestionnaire, questionnaire),
                               ("QuestionnaireResponse", CraftQuestionnaireResponse, response)):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                model.model_validate(data)
            except Exception as error:  # noqa: BLE001
                problems.append(f"fhircraft {label}: {error}")
        for warning in caught:
            text = str(warning.message)
            if not text.startswith(ALLOWED_WARNINGS):
                problems.append(f"fhircraft {label} warning: {text}")
    problems += [f"ele-1: {where} is empty" for where in empty_elements(bundle, "Bundle")]
    link_ids = [item["linkId"] for item, _ in walk(questionnaire.get("item"))]
    duplicates = sorted({x for x in link_ids if link_ids.count(x) > 1})
    if duplicates:
        problems.append(f"que-2: linkIds used twice: {duplicates}")
    for item, _ in walk(questionnaire.get("item")):
        conditions = item.get("enableWhen", [])
        if len(conditions) > 1 and "enableBehavior" not in item:
            problems.append(f"que-12: {item['linkId']} has {len(conditions)} enableWhen and no "
                            "enableBehavior")
        if conditions and extensions(item, ENABLE_WHEN_EXPRESSION):
            problems.append(f"{item['linkId']} has both enableWhen and enableWhenExpression")
    if problems:
        raise Failure("\n".join(problems))


def empty_elements(value, where):
    """ele-1: every element has a value or children; JSON has no empty objects, arrays or
    strings, and no nulls."""
    if value is None or value == "" or value == [] or value == {}:
        yield where
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from empty_elements(inner, f"{where}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from empty_elements(inner, f"{where}[{index}]")


# MARK: Enabled items


def response_answers(response):
    """Answers by linkId, wherever the item is nested."""
    found = {}

    def visit(items):
        for item in items or []:
            if "answer" in item:
                found[item["linkId"]] = item["answer"]
            visit(item.get("item"))
            for answer in item.get("answer", []):
                visit(answer.get("item"))

    visit(response.get("item"))
    return found


def answer_value(answer):
    for key in VALUE_KEYS:
        if key in answer:
            return key, answer[key]
    return None


def same(key, value, expected):
    if key == "valueCoding":
        return value.get("code") == expected.get("code") and (
            "system" not in expected or value.get("system") == expected.get("system"))
    if key in ("valueInteger", "valueDecimal"):
        return Decimal(str(value)) == Decimal(str(expected))
    return value == expected


def order(key, value, expected, operator):
    if key == "valueCoding":
        return False  # codings have no order
    if key in ("valueInteger", "valueDecimal"):
        value, expected = Decimal(str(value)), Decimal(str(expected))
    return {">": value > expected, "<": value < expected, ">=": value >= expected,
            "<=": value <= expected}[operator]


def enable_when(condition, answers, enabled):
    """One enableWhen by the R4 rules: an item that is not enabled counts as unanswered; an
    answer that carries only a data-absent-reason exists, but has no value to compare."""
    question = condition["question"]
    given = answers.get(question, []) if enabled.get(question) else []
    operator = condition["operator"]
    expected_key = next(k for k in ANSWER_KEYS if k in condition)
    expected = condition[expected_key]
    if operator == "exists":
        return (len(given) > 0) == expected
    values = [v for v in (answer_value(a) for a in given) if v is not None]
    value_key = "value" + expected_key[len("answer"):]
    if operator == "=":
        return any(k == value_key and same(k, v, expected) for k, v in values)
    if operator == "!=":
        # "True if no answer has a value equal to the enableWhen answer" (so also without one).
        return not any(k == value_key and same(k, v, expected) for k, v in values)
    return any(k == value_key and order(k, v, expected, operator) for k, v in values)


def enabled_items(questionnaire, response, stats):
    answers = response_answers(response)
    env = {"resource": response}
    variables = {}
    for ext in extensions(questionnaire, VARIABLE):
        expression = ext["valueExpression"]
        value = fhirpath(response, expression["expression"], dict(env, **variables))
        variables[expression["name"]] = value
        stats["variables"] += 1
    enabled = {}
    for item, parent in walk(questionnaire.get("item")):
        link_id = item["linkId"]
        if parent is not None and not enabled[parent["linkId"]]:
            enabled[link_id] = False
            continue
        conditions = item.get("enableWhen")
        expressions = extensions(item, ENABLE_WHEN_EXPRESSION)
        if conditions:
            stats["enableWhen"] += 1
            results = [enable_when(c, answers, enabled) for c in conditions]
            behavior = item.get("enableBehavior", "all")
            enabled[link_id] = all(results) if behavior == "all" else any(results)
        elif expressions:
            stats["enableWhenExpression"] += 1
            text = expressions[0]["valueExpression"]["expression"]
            result = fhirpath(response, text, dict(env, **variables))
            if result not in ([], [True], [False]):
                raise Failure(f"{link_id}: enableWhenExpression gave {result}, not a boolean")
            enabled[link_id] = result == [True]
        else:
            enabled[link_id] = True
    return enabled, variables


# MARK: Comparison with intake


def as_number(values):
    if values in ([], None):
        return None
    if len(values) != 1:
        raise Failure(f"a variable gave {values}, more than one value")
    return values[0]


def check_values(expected, variables):
    problems = []
    for name, want in expected["values"].items():
        if name not in variables:
            problems.append(f"variable %{name} is missing")
            continue
        got = as_number(variables[name])
        if isinstance(want, bool) or want is None or isinstance(got, bool) or got is None:
            if got != want:
                problems.append(f"%{name} is {got}, intake has {want}")
        elif abs(Decimal(str(got)) - Decimal(str(want))) > Decimal("1e-9"):
            problems.append(f"%{name} is {got}, intake has {want}")
    return problems


def check_constraints(questionnaire, response, stats):
    """Every questionnaire-constraint holds for the answer given. `today()` is the day the
    answers were given (the date of `authored`), so the check means the same on any later day."""
    problems = []
    day = response["authored"][:10]
    for item, parent in walk(questionnaire.get("item")):
        for ext in extensions(item, CONSTRAINT):
            parts = {p["url"]: p for p in ext["extension"]}
            expression = parts["expression"]["valueString"].replace("today()", f"@{day}")
            path = (f"%resource.item.where(linkId = '{parent['linkId']}').item"
                    f".where(linkId = '{item['linkId']}')")
            result = fhirpath(response, f"{path}.select({expression})", {"resource": response})
            stats["constraints"] += 1
            if False in result:
                problems.append(f"{item['linkId']}: constraint {parts['key']['valueCode']} "
                                f"({parts['human']['valueString']}) fails")
    return problems


def check_response(expected, questionnaire, response):
    problems = []
    if response["status"] != expected["status"]:
        problems.append(f"status {response['status']}, expected {expected['status']}")
    if "T" not in response["authored"] or not (
            response["authored"].endswith("Z") or response["authored"][-6] in "+-"):
        problems.append(f"authored {response['authored']} has no time zone")
    items = {item["linkId"]: (item, parent) for item, parent in walk(questionnaire.get("item"))}

    # Nesting as in the Questionnaire, each answer of its item's type.
    def visit(nodes, parent):
        for node in nodes or []:
            link_id = node["linkId"]
            if link_id not in items:
                problems.append(f"response item {link_id} is not in the Questionnaire")
                continue
            definition, definition_parent = items[link_id]
            if (definition_parent or {}).get("linkId") != parent:
                problems.append(f"response item {link_id} is nested under {parent}")
            for answer in node.get("answer", []):
                value = answer_value(answer)
                reasons = extensions(answer, DATA_ABSENT_REASON)
                if value is None:
                    if len(reasons) != 1 or reasons[0].get("valueCode") not in (
                            "asked-unknown", "asked-declined"):
                        problems.append(f"{link_id}: an answer without a value or reason")
                    continue
                if value[0] != ANSWER_TYPE.get(definition["type"]):
                    problems.append(f"{link_id}: {value[0]} for a {definition['type']} item")
                if value[0] == "valueCoding":
                    codes = [(o["valueCoding"]["system"], o["valueCoding"]["code"])
                             for o in definition.get("answerOption", [])]
                    if (value[1].get("system"), value[1].get("code")) not in codes:
                        problems.append(f"{link_id}: {value[1]} is not one of its options")
                if len(node["answer"]) > 1 and not definition.get("repeats"):
                    problems.append(f"{link_id}: several answers to a non-repeating item")
            visit(node.get("item"), link_id)

    visit(response.get("item"), None)
    answers = response_answers(response)
    if sorted(answers) != sorted(expected["answered"]):
        problems.append(f"answered items {sorted(answers)}, expected {sorted(expected['answered'])}")
    special = {link_id: extensions(a[0], DATA_ABSENT_REASON)[0]["valueCode"]
               for link_id, a in answers.items() if extensions(a[0], DATA_ABSENT_REASON)}
    if special != expected["special"]:
        problems.append(f"special answers {special}, expected {expected['special']}")
    for link_id in expected["hiddenWithAnswers"] + expected["withheld"]:
        if link_id in answers:
            problems.append(f"{link_id} is exported, but intake does not show it (or it is withheld)")
    name = response.get("subject", {}).get("display")
    if name != expected["subject"]:
        problems.append(f"subject {name!r}, expected {expected['subject']!r}")

    points = [{"rule": next(p["valueCode"] for p in ext["extension"] if p["url"] == "rule"),
               "items": [p["valueString"] for p in ext["extension"] if p["url"] == "item"]}
              for ext in extensions(response, REPORT_POINT)]
    if points != expected["points"]:
        problems.append(f"report points {points}, expected {expected['points']}")
    for link_id, (item, _) in ((n["linkId"], (n, None)) for n, _ in walk(response.get("item"))):
        raised = [e["valueCode"] for e in extensions(item, RAISES_REPORT_POINT)]
        want = [p["rule"] for p in expected["points"]
                if link_id in p["items"] and link_id in answers]
        if raised != want:
            problems.append(f"{link_id} names points {raised}, expected {want}")
    return problems


def check(name, bundle, expected, stats):
    entries = {e["resource"]["resourceType"]: e["resource"] for e in bundle["entry"]}
    questionnaire, response = entries["Questionnaire"], entries["QuestionnaireResponse"]
    if bundle.get("type") != "collection" or len(bundle["entry"]) != 2:
        raise Failure("expected a collection Bundle of a Questionnaire and a response")
    if response["questionnaire"] != f"{questionnaire['url']}|{questionnaire['version']}":
        raise Failure(f"response.questionnaire {response['questionnaire']} is not url|version")
    validate(bundle, questionnaire, response)

    enabled, variables = enabled_items(questionnaire, response, stats)
    questions = {item["linkId"]: item for item, _ in walk(questionnaire.get("item"))
                 if item["type"] not in ("group", "display")}
    groups = {item["linkId"] for item, _ in walk(questionnaire.get("item"))
              if item["type"] == "group"}
    problems = []
    shown = sorted(link_id for link_id in questions if enabled[link_id])
    if shown != sorted(expected["visibleItems"]):
        extra = sorted(set(shown) - set(expected["visibleItems"]))
        missing = sorted(set(expected["visibleItems"]) - set(shown))
        problems.append(f"enabled items differ from intake's: enabled but hidden by intake {extra}, "
                        f"shown by intake but disabled {missing}")
    shown_groups = sorted(link_id for link_id in groups if enabled[link_id])
    if shown_groups != sorted(expected["visibleSections"]):
        problems.append(f"enabled groups {shown_groups}, intake shows {expected['visibleSections']}")
    for link_id in expected["hiddenWithAnswers"]:
        if enabled.get(link_id, True):
            problems.append(f"{link_id} has an answer kept while hidden, but comes out enabled")
    problems += check_values(expected, variables)
    problems += check_constraints(questionnaire, response, stats)
    problems += check_response(expected, questionnaire, response)
    stats["items"] += len(questions)
    if problems:
        raise Failure("\n".join(problems))


def main(argv):
    if len(argv) != 2 or not Path(argv[1]).is_dir():
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    folder = Path(argv[1])
    names = sorted(p.name[: -len(".bundle.json")] for p in folder.glob("*.bundle.json"))
    if not names:
        print(f"fhir-check: no *.bundle.json in {folder}", file=sys.stderr)
        return 2
    started = time.monotonic()
    failed = []
    stats = {"items": 0, "enableWhen": 0, "enableWhenExpression": 0, "variables": 0,
             "constraints": 0}
    for name in names:
        bundle = json.loads((folder / f"{name}.bundle.json").read_text(encoding="utf-8"))
        expected = json.loads((folder / f"{name}.expected.json").read_text(encoding="utf-8"))
        must_fail = expected.get("mustFail", False)
        try:
            check(name, bundle, expected, stats)
            if must_fail:
                failed.append(name)
                print(f"fhir-check: {name}: FAILED: a broken export passed every check")
            else:
                print(f"fhir-check: {name}: ok")
        except Failure as failure:
            detail = "\n  " + str(failure).replace("\n", "\n  ")
            if must_fail:
                print(f"fhir-check: {name}: found wrong, as it should be:{detail}")
            else:
                failed.append(name)
                print(f"fhir-check: {name}: FAILED{detail}")
    seconds = time.monotonic() - started
    print(f"fhir-check: {len(names) - len(failed)} of {len(names)} exports as expected; "
          f"{stats['items']} items, {stats['enableWhen']} enableWhen and "
          f"{stats['enableWhenExpression']} enableWhenExpression evaluations, "
          f"{stats['variables']} variables, {stats['constraints']} constraints, in {seconds:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
