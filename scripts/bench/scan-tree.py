#!/usr/bin/env python3
"""Writes a synthetic project tree for the boundary-scan benchmark.

Usage: scan-tree.py DIR [FILES]  (default 20000 files of scanned kinds, plus a
node_modules directory and a few binaries the scan must skip). The content is
deterministic: text and code lines full of the letters the leak rules anchor on,
credential references that must be downgraded, and a known number of planted
hits, so the benchmark also checks that the scan still finds them.
"""
import os
import random
import sys

root = sys.argv[1]
total = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
rng = random.Random(7)

WORDS = (
    "the agent reads a plan before it acts and writes back what it did; policy "
    "data path table list build deploy the a of to in is for on with as by it "
    "test docs internal address version 10 172 192 home users task lark office "
    "parameter default value config state ledger append history reward"
).split()

CODE = [
    "def load(path, token=None):",
    "    headers = {'Authorization': f'Bearer {token}'}",
    "    password=os.environ.get('DB_PASSWORD')",
    "    return client.get(url, timeout=10.5)",
    "export TOKEN=$GITHUB_TOKEN",
    "curl -H \"Authorization: Bearer $API_TOKEN\" https://api.example.com/v1/items",
    "version: 1.10.2",
    "listen: 127.0.0.1:8080",
    "see https://example.com/docs/home/index.html",
]

# (file index, line) -> text planted; the scan must report exactly these.
AWS = "AKIA" + "QWERTYUIOPASDFGH"
PLANTS = [
    "aws_access_key_id = " + AWS,
    "db host 10." + "20.30.40 port 5432",
    "see " + "/Users/" + "hzq/Documents/plan.md",
    "doc: https://acme.lark" + "office.com/wiki/abc",
    "task " + "t-20" + "250101123456-abcd",
]

KINDS = [(".md", 35), (".py", 25), (".json", 15), (".yaml", 10), (".sh", 5), (".toml", 5), (".yml", 5)]
suffixes = [s for s, w in KINDS for _ in range(w)]


def text_lines(n):
    lines = []
    for _ in range(n):
        if rng.random() < 0.3:
            lines.append(rng.choice(CODE))
        else:
            lines.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16))))
    return lines


planted = {}
step = total // len(PLANTS)
for k, text in enumerate(PLANTS):
    planted[k * step + 17] = text

for i in range(total):
    directory = os.path.join(root, "pkg%02d" % (i % 40), "mod%02d" % ((i // 40) % 25))
    os.makedirs(directory, exist_ok=True)
    lines = text_lines(rng.randint(20, 90))
    if i in planted:
        lines.insert(rng.randint(0, len(lines)), planted[i])
    path = os.path.join(directory, "file%05d%s" % (i, suffixes[i % len(suffixes)]))
    with open(path, "w") as handle:
        handle.write("\n".join(lines) + "\n")

# Skipped on purpose: vendored code, build output and binaries.
for i in range(1000):
    directory = os.path.join(root, "node_modules", "dep%02d" % (i % 20))
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "index%04d.md" % i), "w") as handle:
        handle.write(AWS + "\n")
os.makedirs(os.path.join(root, "assets"), exist_ok=True)
for i in range(50):
    with open(os.path.join(root, "assets", "blob%02d.json" % i), "wb") as handle:
        handle.write(bytes([0, 1, 2, 3]) * 2048)

print(len(PLANTS))
