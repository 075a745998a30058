"""Checks that each benchmark shop's score counts exactly the reviews that are stored.

For every shop: the distribution of the score must equal the grades of all its published reviews
(paged through the public API), and its count must equal its invitations in state "reviewed" (a
different table). The reviews wrk saw acknowledged must all be among them; a few more may have
been stored while wrk stopped listening at the end of a round (at most one per connection).

Arguments: label, base URL, shops file ("slug apiKey" lines), reviews acknowledged, connections x rounds.
Prints one JSON line; exits non-zero when a review was lost or counted twice.
"""
import json
import sys
import urllib.request


def get(url, key=None):
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + key} if key else {})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def stored_grades(base, slug):
    grades, page = {}, 0
    while True:
        reviews = get(f"{base}/api/v1/shops/{slug}/reviews?size=100&page={page}")
        for review in reviews["items"]:
            grades[str(review["score"])] = grades.get(str(review["score"]), 0) + 1
        if (page + 1) * 100 >= reviews["total"]:
            return grades
        page += 1


def main():
    label, base, shops_file, acknowledged, in_flight = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    shops = [line.split() for line in open(shops_file) if line.strip()]
    counted, problems = 0, []
    for slug, key in shops:
        score = get(f"{base}/api/v1/shops/{slug}/score")
        reviewed = get(f"{base}/api/v1/shops/{slug}/invitations?state=reviewed&size=1", key)["total"]
        grades = stored_grades(base, slug)
        distribution = {grade: n for grade, n in score["distribution"].items() if n}
        if distribution != grades:
            problems.append(f"{slug}: distribution {distribution} but stored {grades}")
        if score["count"] != reviewed:
            problems.append(f"{slug}: count {score['count']} but {reviewed} invitations reviewed")
        counted += score["count"]
    if not acknowledged <= counted <= acknowledged + in_flight:
        problems.append(f"{acknowledged} acknowledged but {counted} counted")
    exact = not problems
    print(json.dumps({"label": "exact-" + label, "acknowledged": acknowledged, "counted": counted, "exact": exact,
                      "problems": problems}))
    if not exact:
        sys.exit(f"{label}: " + "; ".join(problems))


if __name__ == "__main__":
    main()
