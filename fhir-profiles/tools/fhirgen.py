#!/usr/bin/env python3
"""Helpers for generate_measures.py. Writes the first version of every measure's Questionnaire and scoring rules.

The JSON files under src/main/resources/org/openrom/profiles/ are the source of truth: edit them
directly (a site correcting an [M] value edits rules/<id>.json). This script only exists so that the
twenty files were written consistently, and so that a bulk change (say, a new extension on every
choice item) can be made once. Re-running it overwrites hand edits: diff before committing.

Every number in a rules file carries its source tag from MEASURES.md: V (checked against a public
source), M (from the literature as remembered, not yet checked) or D (a design decision).

The calculatedExpressions use only FHIRPath that HAPI's R4 engine evaluates: repeat(item), where,
count, exists, iif, div, arithmetic. Each coded answer's score is written as a literal mapping from
answer code to weight (answer.value.where(code='x').count() * w), so an expression needs neither
ordinal() (not in HAPI's R4 engine) nor %questionnaire. The weights equal the ordinalValue extension
of the option (after the measure's reversal or weighting); FhirPathTotalsTest proves, on random
responses, that each expression equals the engine's value.

Usage: python3 tools/generate_measures.py   (from fhir-profiles/)
"""
import json
import os

ROOT = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "org", "openrom", "profiles")
BASE = "http://openrom.org/fhir/Questionnaire/"
CS = "http://openrom.org/fhir/CodeSystem/"
ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
CALC = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression"
MINV = "http://hl7.org/fhir/StructureDefinition/minValue"
MAXV = "http://hl7.org/fhir/StructureDefinition/maxValue"
SDC = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire"
DATE = "2026-11-22"
LOINC = "http://loinc.org"


# ---------------------------------------------------------------------------------------------
# Questionnaire building blocks

def options(system, pairs):
    """pairs: [(code, display)] in printed order; the ordinalValue is the position from 0."""
    return [{"extension": [{"url": ORDINAL, "valueDecimal": i}],
             "valueCoding": {"system": system, "code": c, "display": d}}
            for i, (c, d) in enumerate(pairs)]


def choice(link, text, opts, required=False, enable=None):
    item = {"linkId": link, "type": "choice"}
    if required:
        item["required"] = True
    item["text"] = text
    if enable:
        item.update(enable)
    item["answerOption"] = opts
    return item


def number(link, text, typ, lo, hi, required=False):
    ext = [{"url": MINV, ("valueDecimal" if typ == "decimal" else "valueInteger"): lo},
           {"url": MAXV, ("valueDecimal" if typ == "decimal" else "valueInteger"): hi}]
    item = {"extension": ext, "linkId": link, "type": typ}
    if required:
        item["required"] = True
    item["text"] = text
    return item


def text_item(link, text, typ="text", max_length=2000):
    return {"linkId": link, "type": typ, "text": text, "maxLength": max_length}


def display(link, text):
    return {"linkId": link, "type": "display", "text": text}


def calc(link, text, typ, expression, code=None):
    item = {"extension": [{"url": CALC, "valueExpression": {"language": "text/fhirpath", "expression": expression}}],
            "linkId": link, "type": typ, "readOnly": True, "text": text}
    if code:
        item["code"] = [code]
    return item


def questionnaire(mid, name, title, description, copyright_, items, code=None):
    q = {"resourceType": "Questionnaire", "id": mid, "meta": {"profile": [SDC]},
         "url": BASE + mid, "version": "1.0.0", "name": name, "title": title, "status": "active",
         "subjectType": ["Patient"], "date": DATE, "publisher": "OpenROM", "description": description,
         "copyright": copyright_}
    if code:
        q["code"] = [code]
    q["item"] = items
    return q


# ---------------------------------------------------------------------------------------------
# FHIRPath: literal code→weight scoring (see the module docstring)

def lits(xs):
    return "(" + " | ".join("'%s'" % x for x in xs) + ")"


def answers(links):
    if len(links) == 1:
        return "%%resource.repeat(item).where(linkId = '%s').answer.value" % links[0]
    return "%%resource.repeat(item).where(linkId in %s).answer.value" % lits(links)


def coded_sum(links, codes, weights):
    """Sum over items of weight(code of the answer)."""
    terms = []
    for c, w in zip(codes, weights):
        if w is None or w == 0:
            continue
        t = "%s.where(code = '%s').count()" % (answers(links), c)
        terms.append(t if w == 1 else "%s * %s" % (t, w))
    return "(" + " + ".join(terms) + ")" if terms else "0"


def coded_count(links, codes, weights):
    """How many of the items have a scored (non-missing) answer."""
    scored = [c for c, w in zip(codes, weights) if w is not None]
    return "%s.where(code in %s).count()" % (answers(links), lits(scored))


def scale_expr(scale, codes, item_max):
    """The value of one item-based scale, empty when too few items are answered."""
    links = scale["items"]
    rev = set(scale.get("reversed", []))
    weights = scale.get("weights") or list(range(len(codes)))
    fwd = [l for l in links if l not in rev]
    parts = []
    if fwd:
        parts.append(coded_sum(fwd, codes, weights))
    if rev:
        parts.append(coded_sum(sorted(rev, key=links.index), codes,
                               [None if w is None else item_max - w for w in weights]))
    raw = " + ".join(parts)
    n = coded_count(links, codes, weights)
    k = len(links)
    min_answered = scale.get("minAnswered", k)
    dec = scale.get("decimals", 0)
    method = scale.get("method", "sum")
    if method == "sum" and min_answered == k:
        return "iif(%s = %d, %s)" % (n, k, raw)
    # sum: mean(answered) x k; mean: mean(answered). Rounded half up (= half away from zero, as scores are never
    # negative) at `dec` decimals, in integer arithmetic: floor((2 * raw * mult * 10^dec + n) / (2n)).
    mult = {"sum": k, "mean": 1}[method]
    scaled = "((%s) * %d + %s) div (2 * %s)" % (raw, 2 * mult * 10 ** dec, n, n)
    if dec:
        scaled = "(%s) / %d" % (scaled, 10 ** dec)
    return "iif(%s >= %d, %s)" % (n, min_answered, scaled)


def mean_expr(values_exprs, min_present, dec):
    """Mean of the present values, rounded half up at `dec` decimals."""
    total = " + ".join("iif((%s).exists(), %s, 0)" % (e, e) for e in values_exprs)
    n = " + ".join("(%s).count()" % e for e in values_exprs)
    return "iif((%s) >= %d, ((%s) * %d + (%s)) div (2 * (%s)) / %d)" % (
        n, min_present, total, 2 * 10 ** dec, n, n, 10 ** dec)


# ---------------------------------------------------------------------------------------------
# Rules building blocks

def scale(sid, items, direction, source, lo, hi, reversed_=None, weights=None, min_answered=None,
          method="sum", decimals=0, note=None):
    s = {"id": sid, "method": method, "items": items}
    if reversed_:
        s["reversed"] = reversed_
    if weights:
        s["weights"] = weights
    s["minAnswered"] = min_answered if min_answered is not None else len(items)
    s["decimals"] = decimals
    s["range"] = [lo, hi]
    s["direction"] = direction
    s["source"] = source
    if note:
        s["note"] = note
    return s


def derived(sid, of, method, direction, source, lo, hi, decimals=0, min_present=None, note=None):
    d = {"id": sid, "method": method, "of": of}
    if min_present is not None:
        d["minPresent"] = min_present
    d["decimals"] = decimals
    d["range"] = [lo, hi]
    d["direction"] = direction
    d["source"] = source
    if note:
        d["note"] = note
    return d


def bands(sid, scheme, rows, source, note=None):
    """rows: [(label, min, max)], inclusive; None = unbounded."""
    b = {"scale": sid, "scheme": scheme, "source": source,
         "bands": [{"label": l, "min": lo, "max": hi} for l, lo, hi in rows]}
    if note:
        b["note"] = note
    return b


def rules(mid, title, informant, item_max, scales, derived_=(), band_tables=(), cutoffs=(), rci=(),
          alerts=(), headline=None, licensed=False, answer_codes=None, extra=None, notes=()):
    r = {"measure": mid, "version": "1.0.0", "title": title, "informant": informant,
         "licensedText": licensed}
    if item_max is not None:
        r["itemMax"] = item_max
    if answer_codes:
        r["answerCodes"] = answer_codes
    r["scales"] = list(scales)
    r["derived"] = list(derived_)
    r["bands"] = list(band_tables)
    r["cutoffs"] = list(cutoffs)
    r["reliableChange"] = list(rci)
    r["alerts"] = list(alerts)
    if headline:
        r["headlineScale"] = headline
    if extra:
        r.update(extra)
    if notes:
        r["notes"] = list(notes)
    return r


def cutoff(sid, value, direction, source, note=None, age=None, sex=None):
    c = {"scale": sid, "value": value, "clinicalWhen": direction}
    if age:
        c["ageMin"], c["ageMax"] = age
    if sex:
        c["sex"] = sex
    c["source"] = source
    if note:
        c["note"] = note
    return c


def rc(sid, threshold, source, note=None, age=None):
    c = {"scale": sid, "threshold": threshold}
    if age:
        c["ageMin"], c["ageMax"] = age
    c["source"] = source
    if note:
        c["note"] = note
    return c


def alert(aid, kind, message, source, item=None, scale_=None, above=None, below=None):
    a = {"id": aid, "kind": kind}
    if item:
        a["item"] = item
    if scale_:
        a["scale"] = scale_
    if above is not None:
        a["above"] = above
    if below is not None:
        a["below"] = below
    a["message"] = message
    a["source"] = source
    return a


def write(mid, q, r):
    with open(os.path.join(ROOT, "questionnaires", mid + ".json"), "w", encoding="utf-8") as f:
        json.dump(q, f, indent=2, ensure_ascii=False)
        f.write("\n")
    with open(os.path.join(ROOT, "rules", mid + ".json"), "w", encoding="utf-8") as f:
        json.dump(r, f, indent=2, ensure_ascii=False)
        f.write("\n")


def placeholder(short, link):
    return "%s %s (text from licensed content pack)" % (short, link)


LICENSED_NOTE = (" Item text is not distributed with OpenROM: the wording shown here is a placeholder and the"
                 " real text comes from the site's licensed content pack (docs/content-packs.md).")

