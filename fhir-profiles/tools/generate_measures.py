#!/usr/bin/env python3
"""Writes every measure's Questionnaire, scoring rules and measures.txt (see fhirgen.py for why and how).

Usage (from fhir-profiles/): python3 tools/generate_measures.py
"""
import os

from fhirgen import ROOT, write
from measures_data import ALL

if __name__ == "__main__":
    os.makedirs(os.path.join(ROOT, "questionnaires"), exist_ok=True)
    os.makedirs(os.path.join(ROOT, "rules"), exist_ok=True)
    ids = []
    for build in ALL:
        mid, q, r = build()
        write(mid, q, r)
        ids.append(mid)
    with open(os.path.join(ROOT, "measures.txt"), "w", encoding="utf-8") as f:
        f.write("# Measure ids in catalogue order (MEASURES.md). questionnaires/<id>.json and rules/<id>.json each.\n")
        f.write("\n".join(ids) + "\n")
    print("wrote", len(ids), "measures")
