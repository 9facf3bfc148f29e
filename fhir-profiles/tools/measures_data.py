"""The measure definitions, transcribed from shared/design/MEASURES.md (section numbers in comments)."""
from fhirgen import (CS, LICENSED_NOTE, LOINC, answers, bands, calc, choice, coded_count, coded_sum, cutoff,
                     derived, display, lits, mean_expr, number, options, placeholder, questionnaire, rc, rules,
                     scale, scale_expr, text_item, alert)

Q = ["q%d" % i for i in range(0, 60)]  # Q[7] == "q7"


def qs(*nums):
    return [Q[n] for n in nums]


def calc_items(scale_defs, codes, item_max, derived_exprs=()):
    """One read-only calculated item per multi-item scale and per derived scale; linkId = scale id."""
    items, exprs = [], {}
    for s in scale_defs:
        e = scale_expr(s, codes, item_max)
        exprs[s["id"]] = e
        if len(s["items"]) > 1:
            items.append(calc(s["id"], "Score: " + s["id"], "decimal" if s["decimals"] else "integer", e))
    for sid, expr_of, dec in derived_exprs:
        e = expr_of(exprs)
        exprs[sid] = e
        items.append(calc(sid, "Score: " + sid, "decimal" if dec else "integer", e))
    return items, exprs


def plus(ids):
    return lambda ex: " + ".join("(%s)" % ex[i] for i in ids)


# ---------------------------------------------------------------------------------------------
# PHQ-9 and GAD-7 (§8) — free, full text

PHQ_OPTS = [("LA6568-5", "Not at all"), ("LA6569-3", "Several days"), ("LA6570-1", "More than half the days"),
            ("LA6571-9", "Nearly every day")]
PHQ_CODES = [c for c, _ in PHQ_OPTS]


def loinc_options():
    return options(LOINC, PHQ_OPTS)


def phq9():
    texts = ["Little interest or pleasure in doing things",
             "Feeling down, depressed, or hopeless",
             "Trouble falling or staying asleep, or sleeping too much",
             "Feeling tired or having little energy",
             "Poor appetite or overeating",
             "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
             "Trouble concentrating on things, such as reading the newspaper or watching television",
             "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so "
             "fidgety or restless that you have been moving around a lot more than usual",
             "Thoughts that you would be better off dead or of hurting yourself in some way"]
    total = scale("total", qs(*range(1, 10)), "higher_is_worse", "V", 0, 27,
                  note="No proration: every item must be answered, as in the NHS Talking Therapies dataset [M/D].")
    items = [display("intro", "Over the last 2 weeks, how often have you been bothered by any of the following problems?")]
    items += [choice(Q[i + 1], t, loinc_options(), required=True) for i, t in enumerate(texts)]
    e = scale_expr(total, PHQ_CODES, 3)
    items.append(calc("total", "Total score", "integer", e,
                      {"system": LOINC, "code": "44261-6",
                       "display": "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"}))
    q = questionnaire("phq9", "PHQ9", "Patient Health Questionnaire (PHQ-9)",
                      "Nine items on how often, over the last two weeks, the respondent has been bothered by "
                      "symptoms of depression. Total 0-27.",
                      "PHQ-9: developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
                      "with an educational grant from Pfizer Inc. No permission required to reproduce, translate, "
                      "display or distribute.", items,
                      {"system": LOINC, "code": "44249-1", "display": "PHQ-9 quick depression assessment panel"})
    r = rules("phq9", "PHQ-9", "self", 3, [total],
              band_tables=[bands("total", "phq9-severity", [("minimal", 0, 4), ("mild", 5, 9), ("moderate", 10, 14),
                                                           ("moderately-severe", 15, 19), ("severe", 20, 27)], "V")],
              cutoffs=[cutoff("total", 10, "at_or_above", "V", "NHS Talking Therapies caseness: PHQ-9 >= 10")],
              rci=[rc("total", 6, "V", "NHS Talking Therapies: a change of 6 or more")],
              alerts=[alert("phq9-item9", "RISK", "PHQ-9 item 9 (thoughts of being better off dead or of self-harm) "
                            "was answered above 'Not at all': review risk today.", "V", item="q9", above=0)],
              headline="total")
    return "phq9", q, r


def gad7():
    texts = ["Feeling nervous, anxious, or on edge",
             "Not being able to stop or control worrying",
             "Worrying too much about different things",
             "Trouble relaxing",
             "Being so restless that it is hard to sit still",
             "Becoming easily annoyed or irritable",
             "Feeling afraid, as if something awful might happen"]
    total = scale("total", qs(*range(1, 8)), "higher_is_worse", "V", 0, 21,
                  note="No proration: every item must be answered, as in the NHS Talking Therapies dataset [M/D].")
    items = [display("intro", "Over the last 2 weeks, how often have you been bothered by the following problems?")]
    items += [choice(Q[i + 1], t, loinc_options(), required=True) for i, t in enumerate(texts)]
    items.append(calc("total", "Total score", "integer", scale_expr(total, PHQ_CODES, 3),
                      {"system": LOINC, "code": "70274-6",
                       "display": "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]"}))
    q = questionnaire("gad7", "GAD7", "Generalised Anxiety Disorder scale (GAD-7)",
                      "Seven items on how often, over the last two weeks, the respondent has been bothered by "
                      "symptoms of anxiety. Total 0-21.",
                      "GAD-7: developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
                      "with an educational grant from Pfizer Inc. No permission required to reproduce, translate, "
                      "display or distribute.", items,
                      {"system": LOINC, "code": "69737-5", "display": "Generalized anxiety disorder 7 item (GAD-7)"})
    r = rules("gad7", "GAD-7", "self", 3, [total],
              band_tables=[bands("total", "gad7-severity", [("minimal", 0, 4), ("mild", 5, 9), ("moderate", 10, 14),
                                                           ("severe", 15, 21)], "V")],
              cutoffs=[cutoff("total", 8, "at_or_above", "V", "NHS Talking Therapies caseness: GAD-7 >= 8")],
              rci=[rc("total", 4, "V", "NHS Talking Therapies: a change of 4 or more")],
              headline="total")
    return "gad7", q, r


# ---------------------------------------------------------------------------------------------
# YP-CORE (§4) — free (CC BY-ND 4.0), verbatim text

YP_OPTS = [("not-at-all", "Not at all"), ("only-occasionally", "Only occasionally"), ("sometimes", "Sometimes"),
           ("often", "Often"), ("most-or-all-of-the-time", "Most or all of the time")]


def ypcore():
    texts = ["I've felt edgy or nervous",
             "I haven't felt like talking to anyone",
             "I've felt able to cope when things go wrong",
             "I've thought of hurting myself",
             "There's been someone I felt able to ask for help",
             "My thoughts and feelings distressed me",
             "My problems have felt too much for me",
             "It's been hard to go to sleep or stay asleep",
             "I've felt unhappy",
             "I've done all the things I wanted to"]
    codes = [c for c, _ in YP_OPTS]
    total = scale("total", qs(*range(1, 11)), "higher_is_worse", "V", 0, 40, reversed_=qs(3, 5, 10),
                  min_answered=9, decimals=1,
                  note="Clinical score = mean item score x 10, prorated when at most one item is missing [V]; "
                       "items 3, 5 and 10 reversed (4 - x) [M]; one decimal, half away from zero [D].")
    items = [display("intro", "Over the last week...")]
    items += [choice(Q[i + 1], t, options(CS + "ypcore-answer", YP_OPTS)) for i, t in enumerate(texts)]
    items.append(calc("total", "Clinical score (0-40)", "decimal", scale_expr(total, codes, 4)))
    q = questionnaire("ypcore", "YPCORE", "Young Person's CORE (YP-CORE)",
                      "Ten items about the last week, for young people aged 11-16 (used to 18). Clinical score "
                      "0-40, one decimal. Item text must match the CORE System Trust form verbatim (check before "
                      "go-live).",
                      "YP-CORE: copyright CORE System Trust, https://www.coresystemtrust.org.uk. Reproduced under "
                      "the Creative Commons Attribution-NoDerivatives 4.0 International licence (CC BY-ND 4.0); "
                      "the wording must not be modified.", items)
    r = rules("ypcore", "YP-CORE", "self", 4, [total],
              alerts=[alert("ypcore-item4", "RISK", "YP-CORE item 4 (thoughts of hurting myself) was answered above "
                            "'Not at all': review risk today.", "M", item="q4", above=0)],
              headline="total",
              notes=["Clinical cut-offs and RCIs by age band (11-13, 14-16) and sex (Twigg et al. 2016) were not "
                     "recovered: none are given here, so change verdicts report 'not computable'. Add them as "
                     "cutoffs/reliableChange entries with ageMin/ageMax/sex and source V once read from the paper."])
    return "ypcore", q, r


# ---------------------------------------------------------------------------------------------
# GBO (§5) — anchors only (CC BY-NC-SA 4.0)

def gbo():
    items = [display("intro", "Goals agreed together. For each goal: on a scale from 0 to 10, how close are you to "
                              "reaching this goal? 0 = not at all, 10 = goal reached.")]
    goals = []
    for n in (1, 2, 3):
        items.append(text_item("goal-%d-text" % n, "Goal %d (in your own words)" % n, "string", 500))
        items.append(number("goal-%d" % n, "Goal %d: how close to reaching it (0-10)" % n, "integer", 0, 10))
        goals.append(scale("goal_%d" % n, ["goal-%d" % n], "higher_is_better", "V", 0, 10, min_answered=1))
    mean = derived("mean", ["goal_1", "goal_2", "goal_3"], "mean", "higher_is_better", "D", 0, 10, decimals=2,
                   min_present=1, note="Mean of the goals rated, two decimals half away from zero [D]; services "
                                       "report it per person and time point [M].")
    gexpr = [answers(["goal-%d" % n]) for n in (1, 2, 3)]
    items.append(calc("mean", "Mean of goals rated", "decimal", mean_expr(gexpr, 1, 2)))
    q = questionnaire("gbo", "GBO", "Goal Based Outcomes (GBO)",
                      "Up to three goals agreed collaboratively, each rated 0-10 for progress. Goal wording is "
                      "patient data and never leaves the site.",
                      "Goal Based Outcomes: (c) Duncan Law, licensed under CC BY-NC-SA 4.0. Non-commercial use.",
                      items)
    rcis = [rc("goal_%d" % n, 2.45, "M", "Edbrooke-Childs et al. 2015; integer goal ratings, so a change of 3 or "
                                           "more is reliable. Per goal: clinical feedback [D].") for n in (1, 2, 3)]
    rcis.append(rc("mean", 2.45, "M", "Applied to the mean of goals for service reporting [D]."))
    r = rules("gbo", "Goal Based Outcomes", "goal owner", None, goals,
              derived_=[mean], rci=rcis, headline="mean",
              notes=["If a goal changes, a new baseline is needed [M]: record the new goal as a new first rating."])
    return "gbo", q, r


# ---------------------------------------------------------------------------------------------
# SDQ (§1) — licensed: placeholder text

SDQ_OPTS = [("not-true", "Not true"), ("somewhat-true", "Somewhat true"), ("certainly-true", "Certainly true")]
SDQ_CODES = [c for c, _ in SDQ_OPTS]
DIFF_OPTS = [("no", "No"), ("yes-minor", "Yes – minor difficulties"), ("yes-definite", "Yes – definite difficulties"),
             ("yes-severe", "Yes – severe difficulties")]
CHRON_OPTS = [("less-than-a-month", "Less than a month"), ("1-5-months", "1–5 months"),
              ("6-12-months", "6–12 months"), ("over-a-year", "Over a year")]
IMPACT_OPTS = [("not-at-all", "Not at all"), ("only-a-little", "Only a little"), ("quite-a-lot", "Quite a lot"),
               ("a-great-deal", "A great deal")]
IMPACT_CODES = [c for c, _ in IMPACT_OPTS]

SDQ_3BAND = {
    # scale: {informant: (rows, source)}
    "total_difficulties": {"parent": ([0, 13, 16, 40], "V"), "teacher": ([0, 11, 15, 40], "V*"), "self": ([0, 15, 19, 40], "M")},
    "emotional": {"parent": ([0, 3, 4, 10], "V"), "teacher": ([0, 4, 5, 10], "V*"), "self": ([0, 5, 6, 10], "M")},
    "conduct": {"parent": ([0, 2, 3, 10], "V"), "teacher": ([0, 2, 3, 10], "V*"), "self": ([0, 3, 4, 10], "M")},
    "hyperactivity": {"parent": ([0, 5, 6, 10], "V"), "teacher": ([0, 5, 6, 10], "V*"), "self": ([0, 5, 6, 10], "M")},
    "peer": {"parent": ([0, 2, 3, 10], "V"), "teacher": ([0, 3, 4, 10], "V*"), "self": ([0, 3, 5, 10], "M")},
}
SDQ_4BAND = {  # upper bounds of the first three bands, then max
    "total_difficulties": {"parent": [13, 16, 19, 40], "teacher": [11, 15, 18, 40], "self": [14, 17, 19, 40]},
    "emotional": {"parent": [3, 4, 6, 10], "teacher": [3, 4, 5, 10], "self": [4, 5, 6, 10]},
    "conduct": {"parent": [2, 3, 5, 10], "teacher": [2, 3, 4, 10], "self": [3, 4, 5, 10]},
    "hyperactivity": {"parent": [5, 7, 8, 10], "teacher": [5, 7, 8, 10], "self": [5, 6, 7, 10]},
    "peer": {"parent": [2, 3, 4, 10], "teacher": [2, 4, 5, 10], "self": [2, 3, 4, 10]},
}
SDQ_4BAND_PROSOCIAL = {"parent": [8, 7, 6], "teacher": [6, 5, 4], "self": [7, 6, 5]}  # lower bounds of bands 1-3


def sdq_bands(inf, impact_max):
    out = []
    for sid, by in SDQ_3BAND.items():
        (lo, a, b, hi), src = by[inf]
        rows = [("normal", lo, a), ("borderline", a + 1, b), ("abnormal", b + 1, hi)]
        if src == "V*":
            t = bands(sid, "sdq-3band", rows, "M",
                      "Teacher abnormal threshold checked [V (6)]; the normal/borderline boundary is [M].")
            t["bands"][2]["source"] = "V"
        else:
            t = bands(sid, "sdq-3band", rows, src)
        out.append(t)
    out.append(bands("prosocial", "sdq-3band", [("normal", 6, 10), ("borderline", 5, 5), ("abnormal", 0, 4)], "M",
                     "A secondary source prints the parent row as 8-10/7/0-6; the long-standing 6-10/5/0-4 is used."))
    out.append(bands("impact", "sdq-3band", [("normal", 0, 0), ("borderline", 1, 1), ("abnormal", 2, impact_max)], "M"))
    src4 = "V" if inf == "teacher" else "M"
    for sid, by in SDQ_4BAND.items():
        a, b, c, hi = by[inf]
        out.append(bands(sid, "sdq-4band", [("close-to-average", 0, a), ("slightly-raised", a + 1, b),
                                            ("high", b + 1, c), ("very-high", c + 1, hi)], src4))
    p1, p2, p3 = SDQ_4BAND_PROSOCIAL[inf]
    out.append(bands("prosocial", "sdq-4band", [("close-to-average", p1, 10), ("slightly-lowered", p2, p1 - 1),
                                                ("low", p3, p2 - 1), ("very-low", 0, p3 - 1)], src4))
    out.append(bands("impact", "sdq-4band", [("close-to-average", 0, 0), ("slightly-raised", 1, 1), ("high", 2, 2),
                                             ("very-high", 3, impact_max)], src4))
    return out


def sdq_cutoffs(inf):
    """Clinical range = borderline or abnormal in the 3-band scheme (Wolpert 2015 'crossing clinical threshold')."""
    out = []
    for sid, by in SDQ_3BAND.items():
        (lo, a, b, hi), src = by[inf]
        out.append(cutoff(sid, a + 1, "at_or_above", "M" if src == "V*" else src,
                          "Lower bound of the 3-band borderline band; crossing below it is 'recovery' (CCT) [V (16) "
                          "concept]."))
    out.append(cutoff("prosocial", 5, "at_or_below", "M", "Upper bound of the 3-band borderline band."))
    out.append(cutoff("impact", 1, "at_or_above", "M", "Lower bound of the 3-band borderline band."))
    return out


def sdq(mid, informant, who):
    short = {"parent": "SDQ-P", "teacher": "SDQ-T", "self": "SDQ-S"}[informant]
    emotional = scale("emotional", qs(3, 8, 13, 16, 24), "higher_is_worse", "V", 0, 10, min_answered=3)
    conduct = scale("conduct", qs(5, 7, 12, 18, 22), "higher_is_worse", "V", 0, 10, reversed_=qs(7), min_answered=3)
    hyper = scale("hyperactivity", qs(2, 10, 15, 21, 25), "higher_is_worse", "V", 0, 10, reversed_=qs(21, 25),
                  min_answered=3)
    peer = scale("peer", qs(6, 11, 14, 19, 23), "higher_is_worse", "V", 0, 10, reversed_=qs(11, 14), min_answered=3)
    prosocial = scale("prosocial", qs(1, 4, 9, 17, 20), "higher_is_better", "V", 0, 10, min_answered=3)
    for s in (emotional, conduct, hyper, peer, prosocial):
        s["rounding"] = "half_away_from_zero"
        s["note"] = "Scored when at least 3 of 5 items are answered: RND(mean(answered) x 5), RND half away from zero [V]."
    if informant == "teacher":
        interference = ["impact-peers", "impact-classroom"]
    else:
        interference = ["impact-home", "impact-friendships", "impact-classroom", "impact-leisure"]
    impact_items = ["impact-distress"] + interference
    impact_max = 2 * len(impact_items)
    impact = scale("impact", impact_items, "higher_is_worse", "V", 0, impact_max, weights=[0, 0, 1, 2],
                   note="Not at all 0, Only a little 0, Quite a lot 1, A great deal 2 [V (14)]; every item needed when "
                        "the screening answer is Yes [D]; the burden item is not scored [M].")
    impact["rule"] = {"name": "sdq-impact-skip", "screeningItem": "impact-difficulties", "noPosition": 0,
                      "source": "M", "note": "Screening answer 'No' -> impact 0 (items skipped by design) [M]; "
                                             "screening unanswered -> impact missing [D]."}
    difficulty_ids = ["emotional", "conduct", "hyperactivity", "peer"]
    total = derived("total_difficulties", difficulty_ids, "sum", "higher_is_worse", "D", 0, 40,
                    note="Only when all four difficulty scales are scorable [D].")
    ext = derived("externalising", ["conduct", "hyperactivity"], "sum", "higher_is_worse", "D", 0, 20,
                  note="Both component scales required [D]; no official bands [M].")
    internal = derived("internalising", ["emotional", "peer"], "sum", "higher_is_worse", "D", 0, 20,
                       note="Both component scales required [D]; no official bands [M].")

    items = [display("intro", placeholder(short, "instructions"))]
    items += [choice(Q[n], placeholder(short, "item %d" % n), options(CS + "sdq-answer", SDQ_OPTS)) for n in range(1, 26)]
    yes = {"enableWhen": [{"question": "impact-difficulties", "operator": "=",
                           "answerCoding": {"system": CS + "sdq-difficulties", "code": c}}
                          for c in ("yes-minor", "yes-definite", "yes-severe")], "enableBehavior": "any"}
    imp = [choice("impact-difficulties", placeholder(short, "impact-difficulties"),
                  options(CS + "sdq-difficulties", DIFF_OPTS)),
           choice("impact-chronicity", placeholder(short, "impact-chronicity"),
                  options(CS + "sdq-chronicity", CHRON_OPTS), enable=yes)]
    for link in impact_items + ["impact-burden"]:
        imp.append(choice(link, placeholder(short, link), options(CS + "sdq-impact", IMPACT_OPTS), enable=yes))
    items.append({"linkId": "impact-supplement", "type": "group", "text": placeholder(short, "impact supplement"), "item": imp})

    scales_ = [emotional, conduct, hyper, peer, prosocial]
    calcs, ex = calc_items(scales_, SDQ_CODES, 2, [
        ("total_difficulties", plus(difficulty_ids), 0),
        ("externalising", plus(["conduct", "hyperactivity"]), 0),
        ("internalising", plus(["emotional", "peer"]), 0)])
    screen = answers(["impact-difficulties"])
    impact_expr = "iif(%s.where(code = 'no').exists(), 0, iif(%s.where(code in %s).exists() and %s = %d, %s))" % (
        screen, screen, lits(["yes-minor", "yes-definite", "yes-severe"]),
        coded_count(impact_items, IMPACT_CODES, [0, 0, 1, 2]), len(impact_items),
        coded_sum(impact_items, IMPACT_CODES, [0, 0, 1, 2]))
    calcs.append(calc("impact", "Score: impact", "integer", impact_expr))
    items += calcs
    q = questionnaire(mid, mid.upper().replace("-", ""), "Strengths and Difficulties Questionnaire (%s), with impact "
                      "supplement" % short,
                      "25 items, %s; 'Not true' / 'Somewhat true' / 'Certainly true', plus the impact supplement." % who
                      + LICENSED_NOTE,
                      "SDQ: copyright Robert Goodman / Youthinmind (sdqinfo.org). Not distributed with OpenROM; "
                      "electronic administration needs an agreement with Youthinmind.", items)
    r = rules(mid, short, informant, 2, scales_ + [impact],
              derived_=[total, ext, internal], band_tables=sdq_bands(informant, impact_max),
              cutoffs=sdq_cutoffs(informant), headline="total_difficulties", licensed=True,
              notes=["No RCI is given: the SD and reliability CORC/Wolpert et al. (2015) used were not recovered "
                     "(MEASURES.md 1.6). Add a reliableChange entry (threshold, or sd + reliability) once confirmed.",
                     "Added Value Score coefficients are [M] and not implemented."])
    return mid, q, r


# ---------------------------------------------------------------------------------------------
# RCADS (§2) and RCADS-25 (§3) — licensed: placeholder text, norms from the content pack

RC_OPTS = [("never", "Never"), ("sometimes", "Sometimes"), ("often", "Often"), ("always", "Always")]
RC_CODES = [c for c, _ in RC_OPTS]
RCADS_SUBSCALES = [("separation_anxiety", (5, 9, 17, 18, 33, 45, 46)), ("generalised_anxiety", (1, 13, 22, 27, 35, 37)),
                   ("panic", (3, 14, 24, 26, 28, 34, 36, 39, 41)), ("social_phobia", (4, 7, 8, 12, 20, 30, 32, 38, 43)),
                   ("ocd", (10, 16, 23, 31, 42, 44)), ("depression", (2, 6, 11, 15, 19, 21, 25, 29, 40, 47))]


def t_bands(sid):
    return bands(sid, "rcads-t", [("normal", None, 64), ("borderline-clinical", 65, 69), ("clinical", 70, None)], "V",
                 "T >= 65 borderline clinical, T >= 70 clinical [V (9)].")


def t_cutoff(sid):
    return cutoff(sid, 65, "at_or_above", "D", "Clinical range = borderline or clinical (T >= 65), by analogy with the "
                                             "SDQ borderline/abnormal rule [D].")


def rcads_scale(sid, nums, src):
    n = len(nums)
    return scale(sid, qs(*nums), "higher_is_worse", src, 0, 3 * n, min_answered=n, decimals=2,
                 note="Person-mean proration (mean(answered) x items) is supported; the maximum number of missing "
                      "items is not known (User's Guide rule not retrieved), so minAnswered = all items until a site "
                      "fills it in [D]. Two decimals, half away from zero, when prorated [D].")


def norms(table, scales_):
    return {"norms": {"table": table, "scales": scales_, "gradeOffset": -6, "gradeMin": 3, "gradeMax": 12,
                      "sexes": ["female", "male"], "rawRounding": "half_up", "tRounding": "half_away_from_zero",
                      "source": "V",
                      "note": "US grade = age - 6; binary sex only; ages outside grades 3-12 or other sex -> raw only "
                              "[V (9), D]. Prorated raw is rounded half up before the lookup and flagged [D]. T = "
                              "50 + 10 (raw - mean) / sd, or the table's own raw -> T entries (content pack)."}}


def rcads(mid, informant, who):
    short = {"rcads-c": "RCADS", "rcads-p": "RCADS-P"}[mid]
    subs = [rcads_scale(sid, nums, "M") for sid, nums in RCADS_SUBSCALES]
    anx = [s["id"] for s in subs[:5]]
    all_ = [s["id"] for s in subs]
    tot_anx = derived("total_anxiety", anx, "sum", "higher_is_worse", "V", 0, 111, decimals=2,
                      note="Sum of the five anxiety subscales; all five must be scorable [D].")
    tot = derived("total", all_, "sum", "higher_is_worse", "V", 0, 141, decimals=2,
                  note="'Total internalizing': all six subscales; all must be scorable [D].")
    t_scales = all_ + ["total_anxiety", "total"]
    items = [display("intro", placeholder(short, "instructions"))]
    items += [choice(Q[n], placeholder(short, "item %d" % n), options(CS + "rcads-answer", RC_OPTS)) for n in range(1, 48)]
    calcs, _ = calc_items(subs, RC_CODES, 3, [("total_anxiety", plus(anx), 2), ("total", plus(all_), 2)])
    items += calcs
    q = questionnaire(mid, mid.upper().replace("-", ""), "Revised Child Anxiety and Depression Scale (%s)" % short,
                      "47 items, %s; Never / Sometimes / Often / Always." % who + LICENSED_NOTE,
                      "RCADS: copyright Bruce F. Chorpita and Susan H. Spence. Not distributed with OpenROM; institutional "
                      "and EHR use need written permission (rcads.ucla.edu). Norm tables come from the site's licensed "
                      "content pack.", items)
    r = rules(mid, short, informant, 3, subs, derived_=[tot_anx, tot],
              band_tables=[t_bands(s + "_t") for s in t_scales], cutoffs=[t_cutoff(s + "_t") for s in t_scales],
              headline="total", licensed=True, extra=norms(mid, t_scales),
              notes=["Subscale membership [M] (consistent with the totals); parent version uses the same numbering [M].",
                     "No RCI is given in MEASURES.md: change verdicts report 'not computable' until one is added."])
    return mid, q, r


def rcads25(mid, informant, who):
    short = {"rcads25-c": "RCADS-25", "rcads25-p": "RCADS-25-P"}[mid]
    dep = rcads_scale("depression", (1, 4, 8, 10, 13, 15, 16, 19, 21, 24), "V")
    anx = rcads_scale("total_anxiety", (2, 3, 5, 6, 7, 9, 11, 12, 14, 17, 18, 20, 22, 23, 25), "V")
    tot = derived("total", ["depression", "total_anxiety"], "sum", "higher_is_worse", "V", 0, 75, decimals=2,
                  note="Both scales must be scorable [D].")
    t_scales = ["depression", "total_anxiety", "total"]
    items = [display("intro", placeholder(short, "instructions"))]
    items += [choice(Q[n], placeholder(short, "item %d" % n), options(CS + "rcads-answer", RC_OPTS)) for n in range(1, 26)]
    calcs, _ = calc_items([dep, anx], RC_CODES, 3, [("total", plus(["depression", "total_anxiety"]), 2)])
    items += calcs
    q = questionnaire(mid, mid.upper().replace("-", ""), "RCADS-25 short form (%s)" % short,
                      "25 items, %s; Never / Sometimes / Often / Always." % who + LICENSED_NOTE,
                      "RCADS-25: copyright Bruce F. Chorpita and Susan H. Spence. Not distributed with OpenROM; "
                      "institutional and EHR use need written permission (rcads.ucla.edu).", items)
    r = rules(mid, short, informant, 3, [dep, anx], derived_=[tot],
              band_tables=[t_bands(s + "_t") for s in t_scales], cutoffs=[t_cutoff(s + "_t") for s in t_scales],
              headline="total", licensed=True, extra=norms(mid, t_scales),
              notes=["Item numbering [V (12)]; confirm against the licensed form. No raw cut-offs [D].",
                     "No RCI is given in MEASURES.md: change verdicts report 'not computable' until one is added."])
    return mid, q, r


# ---------------------------------------------------------------------------------------------
# ESQ (§6) — treated as licensed until CORC's terms are confirmed

ESQ_OPTS = [("certainly-true", "Certainly true"), ("partly-true", "Partly true"), ("not-true", "Not true"),
            ("dont-know", "Don't know")]
ESQ_CODES = [c for c, _ in ESQ_OPTS]


def esq(mid, informant, who):
    short = {"esq-p": "ESQ-P", "esq-yp": "ESQ-YP", "esq-c": "ESQ-C"}[mid]
    w = [2, 1, 0, None]
    care = scale("care", qs(1, 2, 3, 4, 5, 6, 7, 11, 12), "higher_is_better", "M", 0, 18, weights=w,
                 note="Satisfaction with care (Brown et al. 2014) [V constructs, M item split]; Certainly 2, Partly 1, "
                      "Not 0 [M]; 'Don't know' is missing; sum only when complete [D].")
    env = scale("environment", qs(8, 9, 10), "higher_is_better", "M", 0, 6, weights=w,
                note="Satisfaction with environment; should not be used on its own [V]. Sum only when complete [D].")
    items = [display("intro", placeholder(short, "instructions"))]
    items += [choice(Q[n], placeholder(short, "item %d" % n), options(CS + "esq-answer", ESQ_OPTS)) for n in range(1, 13)]
    items += [text_item(Q[n], placeholder(short, "free text %d" % (n - 12))) for n in (13, 14, 15)]
    calcs, _ = calc_items([care, env], ESQ_CODES, 2)
    items += calcs
    q = questionnaire(mid, mid.upper().replace("-", ""), "Experience of Service Questionnaire (%s)" % short,
                      "12 items and three free-text boxes, %s. Certainly true / Partly true / Not true / Don't know. "
                      "Free text never leaves the site." % who + LICENSED_NOTE,
                      "CHI-ESQ: developed by the Commission for Health Improvement; distributed by CORC. Treated as "
                      "licensed until CORC's terms for electronic use are confirmed.", items)
    r = rules(mid, short, informant, 2, [care, env], licensed=True,
              notes=["Dashboards mostly report item-level % 'Certainly true' (items 11 and 12) [M]: the score set "
                     "carries every item's answer position.", "Not an outcome measure: no RCI or cut-off."])
    return mid, q, r


# ---------------------------------------------------------------------------------------------
# ORS/CORS, SRS/CSRS (§7) — licensed

def pcoms(mid, parts, title, short, who, cut, rcis, alerts_):
    items = [display("intro", placeholder(short, "instructions"))]
    items += [number(p, placeholder(short, p), "decimal", 0, 10, required=True) for p in parts]
    sc = [scale(p.replace("-", "_"), [p], "higher_is_better", "V", 0, 10, decimals=1) for p in parts]
    for s in sc:
        s["note"] = "Mark in centimetres from the left, 0.0-10.0, one decimal [V]."
    tot = derived("total", [s["id"] for s in sc], "sum", "higher_is_better", "V", 0, 40, decimals=1,
                  note="Sum of the four lines; all four required [D].")
    items.append(calc("total", "Total (0-40)", "decimal", " + ".join(answers([p]) for p in parts)))
    q = questionnaire(mid, mid.upper(), title, "Four 10 cm visual analogue lines, %s. Total 0-40, higher is better."
                      % who + LICENSED_NOTE,
                      "%s: copyright Scott D. Miller and Barry L. Duncan. Not distributed with OpenROM; organisational "
                      "use needs a licence from the developers." % short, items)
    r = rules(mid, short, "self", None, sc, derived_=[tot], cutoffs=cut, rci=rcis, alerts=alerts_,
              headline="total", licensed=True)
    return mid, q, r


ORS_PARTS = ["individual", "interpersonal", "social", "overall"]
SRS_PARTS = ["relationship", "goals-topics", "approach-method", "overall"]


def srs_alerts(short):
    out = [alert(short.lower() + "-total", "DISCUSSION", "%s total below 36: discuss the alliance." % short, "M",
                 scale_="total", below=36)]
    for p in SRS_PARTS:
        out.append(alert("%s-%s" % (short.lower(), p), "DISCUSSION", "%s '%s' below 9: discuss the alliance." % (short, p),
                         "M", item=p, below=9))
    return out


def ors():
    return pcoms("ors", ORS_PARTS, "Outcome Rating Scale (ORS)", "ORS", "for ages 13 and over",
                 [cutoff("total", 28, "below", "M", "Adolescents 13-17.", age=(13, 17)),
                  cutoff("total", 25, "below", "M", "Adults.", age=(18, 200))],
                 [rc("total", 6, "M", "Youth ORS.", age=(13, 17)), rc("total", 5, "M", "Adult ORS.", age=(18, 200))], [])


def cors():
    return pcoms("cors", ORS_PARTS, "Child Outcome Rating Scale (CORS)", "CORS", "for ages 6-12",
                 [cutoff("total", 32, "below", "M", "Children 6-12.", age=(6, 12))],
                 [rc("total", 6, "M", "CORS.")], [])


def srs():
    return pcoms("srs", SRS_PARTS, "Session Rating Scale (SRS)", "SRS", "rating the session's alliance",
                 [], [], srs_alerts("SRS"))


def csrs():
    return pcoms("csrs", SRS_PARTS, "Child Session Rating Scale (CSRS)", "CSRS", "rating the session's alliance (child)",
                 [], [], srs_alerts("CSRS"))


# ---------------------------------------------------------------------------------------------
# SFQ (§9) and Current View (§10)

def sfq():
    opts = [("0", "0 – Not at all"), ("1", "1"), ("2", "2"), ("3", "3"), ("4", "4 – Totally")]
    codes = [c for c, _ in opts]
    mean = scale("mean", qs(1, 2, 3, 4), "higher_is_better", "D", 0, 4, method="mean", decimals=2,
                 note="Optional mean of the four items [D], only when all four are answered [D]; no validated total, "
                      "no reliable change [M].")
    items = [display("intro", placeholder("SFQ", "instructions"))]
    items += [choice(Q[n], placeholder("SFQ", "item %d" % n), options(CS + "sfq-answer", opts)) for n in range(1, 5)]
    items.append(calc("mean", "Mean of the four items", "decimal", scale_expr(mean, codes, 4)))
    q = questionnaire("sfq", "SFQ", "How was this meeting? (CYP IAPT Session Feedback Questionnaire)",
                      "Four session-by-session items on a 5-point scale from 'Not at all' to 'Totally' [M], shown "
                      "item by item." + LICENSED_NOTE,
                      "CYP IAPT Session Feedback Questionnaire: distributed by CORC. Treated as licensed until CORC's "
                      "terms are confirmed.", items)
    r = rules("sfq", "SFQ", "self", 4, [mean], licensed=True,
              notes=["Item wording and scale labels are [M]: verify against the CYP IAPT form."])
    return "sfq", q, r


SEV = [("none", "None"), ("mild", "Mild"), ("moderate", "Moderate"), ("severe", "Severe"), ("not-known", "Not known")]
YNK = [("yes", "Yes"), ("no", "No"), ("not-known", "Not known")]


def current_view():
    def group(link, title, first, last, opts, system):
        return {"linkId": link, "type": "group", "text": placeholder("Current View", title),
                "item": [choice(Q[n], placeholder("Current View", "item %d" % n), options(CS + system, opts))
                         for n in range(first, last + 1)]}
    items = [group("problems", "provisional problem descriptions", 1, 30, SEV, "current-view-severity"),
             group("complexity", "selected complexity factors", 31, 44, YNK, "current-view-yes-no"),
             group("context", "contextual problems", 45, 48, SEV, "current-view-severity"),
             group("eet", "education, employment and training", 49, 50, SEV, "current-view-severity")]
    q = questionnaire("current-view", "CurrentView", "CORC Current View (practitioner-completed)",
                      "30 provisional problem descriptions, 14 complexity factors, 4 contextual problems and 2 EET "
                      "items [M lists]. Severity None / Mild / Moderate / Severe / Not known; complexity Yes / No / "
                      "Not known. 'Not known' only for insufficient information. No scores." + LICENSED_NOTE,
                      "Current View: copyright CORC. A licence is needed for electronic incorporation.", items)
    r = rules("current-view", "Current View", "clinician", None, [], licensed=True,
              notes=["No psychometrics and no scales [V]: the score set carries the coded answers only.",
                     "Item lists and order are [M]: verify against the Current View form."])
    return "current-view", q, r


ALL = [lambda: sdq("sdq-p", "parent", "parent-report, ages 4-17"),
       lambda: sdq("sdq-t", "teacher", "teacher-report, ages 4-17"),
       lambda: sdq("sdq-s", "self", "self-report, ages 11-17"),
       lambda: rcads("rcads-c", "self", "child/young person self-report, grades 3-12"),
       lambda: rcads("rcads-p", "parent", "parent/caregiver report, grades 3-12"),
       lambda: rcads25("rcads25-c", "self", "child/young person self-report"),
       lambda: rcads25("rcads25-p", "parent", "parent/caregiver report"),
       ypcore, gbo,
       lambda: esq("esq-p", "parent", "for parents and carers"),
       lambda: esq("esq-yp", "self", "for young people aged 12-18"),
       lambda: esq("esq-c", "self", "for children aged 9-11"),
       ors, cors, srs, csrs, phq9, gad7, sfq, current_view]
