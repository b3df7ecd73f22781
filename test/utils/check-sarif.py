#!/usr/bin/env python3
"""check-sarif.py FILE [--schema SCHEMA]: checks a SARIF log as GitHub code
scanning would take it, and against the SARIF 2.1.0 JSON schema when given.

GitHub's rules (docs: "SARIF support for code scanning"): version 2.1.0 and
a $schema; each run names its tool; each rule has an id, a short and a full
description and help text; each result has a ruleId that is a rule's id (and
a ruleIndex pointing at it), a message text and a location whose
physicalLocation has an artifactLocation uri and a region with a startLine
(and columns, if given, of at least 1); related locations have ids; code
flows have thread flows whose locations are physical locations; uris with a
uriBaseId are relative; each invocation says whether it succeeded, and its
notifications have a level and a message. Prints one line per result,
"ruleId uri:line:col flow=N related=N fixes=N", then one per invocation,
"invocation successful=BOOL", and one per notification, "notification LEVEL
ID uri: first line of the message", for the test to check, or the problems
found.
"""
import json
import sys

problems = []


def need(cond, what):
    if not cond:
        problems.append(what)
    return cond


def physical(loc, where):
    p = loc.get("physicalLocation")
    if not need(isinstance(p, dict), where + ": no physicalLocation"):
        return "?"
    a = p.get("artifactLocation", {})
    uri = a.get("uri")
    need(isinstance(uri, str) and uri, where + ": no artifactLocation.uri")
    if "uriBaseId" in a:
        need(not uri.startswith("/") and "://" not in uri,
             where + ": a uri with a uriBaseId must be relative: " + str(uri))
    r = p.get("region", {})
    need(isinstance(r.get("startLine"), int) and r["startLine"] >= 1,
         where + ": region.startLine must be a positive integer")
    if "startColumn" in r:
        need(isinstance(r["startColumn"], int) and r["startColumn"] >= 1,
             where + ": region.startColumn must be at least 1")
    return "%s:%s:%s" % (uri, r.get("startLine"), r.get("startColumn"))


def main():
    log = json.load(open(sys.argv[1]))
    if "--schema" in sys.argv:
        import jsonschema
        schema = json.load(open(sys.argv[sys.argv.index("--schema") + 1]))
        jsonschema.validate(log, schema)
    need(log.get("version") == "2.1.0", "version must be 2.1.0")
    need("$schema" in log, "no $schema")
    lines = []
    for run in log.get("runs", []):
        driver = run.get("tool", {}).get("driver", {})
        need(driver.get("name"), "the run's tool has no name")
        rules = driver.get("rules", [])
        ids = [r.get("id") for r in rules]
        need(len(ids) == len(set(ids)), "rule ids repeat")
        for r in rules:
            for field in ("shortDescription", "fullDescription", "help"):
                need(r.get(field, {}).get("text"),
                     "rule %s: no %s text" % (r.get("id"), field))
        for base, value in run.get("originalUriBaseIds", {}).items():
            need(value.get("uri", "").endswith("/"),
                 "originalUriBaseIds %s must end with /" % base)
        for i, res in enumerate(run.get("results", [])):
            where = "result %d" % i
            rid = res.get("ruleId")
            need(rid in ids, where + ": ruleId %s is no rule's id" % rid)
            if "ruleIndex" in res:
                need(0 <= res["ruleIndex"] < len(ids) and ids[res["ruleIndex"]] == rid,
                     where + ": ruleIndex does not point at its rule")
            need(res.get("message", {}).get("text"), where + ": no message text")
            locs = res.get("locations", [])
            if not need(len(locs) >= 1, where + ": no location"):
                continue
            at = physical(locs[0], where)
            rel = res.get("relatedLocations", [])
            rel_ids = [r.get("id") for r in rel]
            need(len(rel_ids) == len(set(rel_ids)) and None not in rel_ids,
                 where + ": related locations need distinct ids")
            for r in rel:
                physical(r, where + " related")
            steps = 0
            for flow in res.get("codeFlows", []):
                for thread in flow.get("threadFlows", []):
                    need(thread.get("locations"), where + ": an empty thread flow")
                    for step in thread.get("locations", []):
                        physical(step.get("location", {}), where + " flow")
                        steps += 1
            need(res.get("partialFingerprints"), where + ": no partialFingerprints")
            lines.append("%s %s flow=%d related=%d fixes=%d" % (
                rid, at, steps, len(rel), len(res.get("fixes", []))))
        for inv in run.get("invocations", []):
            ok = inv.get("executionSuccessful")
            need(isinstance(ok, bool), "invocation: executionSuccessful must be a boolean")
            lines.append("invocation successful=%s" % str(ok).lower())
            for n in inv.get("toolExecutionNotifications", []):
                level = n.get("level")
                need(level in ("none", "note", "warning", "error"),
                     "notification: bad level %s" % level)
                text = n.get("message", {}).get("text", "")
                need(text, "notification: no message text")
                uris = [l.get("physicalLocation", {}).get("artifactLocation", {}).get("uri")
                        for l in n.get("locations", [])]
                lines.append("notification %s %s %s: %s" % (
                    level, n.get("descriptor", {}).get("id"), ",".join(map(str, uris)),
                    text.split("\n")[0]))
    if problems:
        print("\n".join("check-sarif: " + p for p in problems))
        sys.exit(1)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
