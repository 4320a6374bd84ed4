#!/usr/bin/env python3
"""Prints a school's placed list (已派位名单) through the platform's integration API.

Uses only the Python standard library and the OpenAPI document the platform serves: it reads
/api/openapi.json, finds the operation whose operationId is `listPlacements`, and calls it with an
integration key (scope `placements.read`).

    python3 placed_list.py --url https://enroll.example.cn --key ik_… --school <学校编号> [--season <招生季编号>]

The key may also come from the environment variable ENROLL_KEY.
"""

import argparse
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

OPERATION_ID = "listPlacements"


def fetch_json(url, key=None):
    headers = {"Accept": "application/json"}
    if key:
        headers["Authorization"] = "Bearer " + key
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        try:
            problem = json.load(error)["error"]
            message = "{} {}: {}".format(error.code, problem.get("code"), problem.get("message"))
        except (ValueError, KeyError, TypeError):
            message = "{} {}".format(error.code, error.reason)
        raise SystemExit("请求失败 " + message)


def find_operation(document, operation_id):
    """The (method, path, operation) of the document's operation with this operationId."""
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return method, path, operation
    raise SystemExit("文档中没有 operationId 为 {} 的接口".format(operation_id))


def operation_url(base, path, operation, values):
    """Fills the path's parameters and adds the query parameters the operation declares."""
    query = {}
    for parameter in operation.get("parameters", []):
        name, where = parameter["name"], parameter["in"]
        value = values.get(name)
        if value is None:
            if parameter.get("required"):
                raise SystemExit("缺少参数 " + name)
            continue
        if where == "path":
            path = path.replace("{" + name + "}", urllib.parse.quote(value, safe=""))
        elif where == "query":
            query[name] = value
    return base + path + ("?" + urllib.parse.urlencode(query) if query else "")


def main():
    parser = argparse.ArgumentParser(description="打印学校的已派位名单")
    parser.add_argument("--url", required=True, help="平台地址，如 https://enroll.example.cn")
    parser.add_argument("--key", default=os.environ.get("ENROLL_KEY"), help="集成密钥 ik_…（或环境变量 ENROLL_KEY）")
    parser.add_argument("--school", required=True, help="学校编号")
    parser.add_argument("--season", help="招生季编号（默认：当前招生季）")
    args = parser.parse_args()
    if not args.key:
        raise SystemExit("请提供集成密钥（--key 或环境变量 ENROLL_KEY）")
    base = args.url.rstrip("/")

    document = fetch_json(base + "/api/openapi.json")
    method, path, operation = find_operation(document, OPERATION_ID)
    if method != "get":
        raise SystemExit("接口 {} 不是 GET".format(OPERATION_ID))
    url = operation_url(base, path, operation, {"schoolId": args.school, "seasonId": args.season})
    answer = fetch_json(url, args.key)

    placed = [entry for entry in answer["entries"] if entry["placed"]]
    print("{} · {} · 已派位 {} 人".format(answer["school"]["name"], answer["season"]["name"], len(placed)))
    for entry in placed:
        print("\t".join([entry["number"], entry["childName"], entry["statusName"]]))


if __name__ == "__main__":
    sys.stdout.reconfigure(encoding="utf-8")
    main()
