#!/usr/bin/env python3
"""Interoperability check of `loopx mcp` with the official Python MCP SDK (`mcp` on PyPI).

Makes a temporary project with the built binary (`loopx bootstrap`), starts `loopx mcp` over
stdio, initializes, lists the tools, calls should_run and gate_check, and compares each
structured result with the CLI's `--format json` answer for the same request. Exits non-zero
on any mismatch.

Usage: mcp_client.py /path/to/loopx
"""
import asyncio
import json
import os
import subprocess
import sys
import tempfile

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

EXPECTED_TOOLS = {
    "should_run", "gate_check", "refresh_state", "spend_slot", "void_slot", "todo_claim",
    "todo_release", "todo_complete", "reward_preview", "status", "rules_explain",
}
NOW = "2026-01-01T08:00:00Z"


def field(obj, snake, camel):
    """A result field by its name in SDK 2.x (snake_case) or 1.x (camelCase)."""
    return getattr(obj, snake) if hasattr(obj, snake) else getattr(obj, camel)


class Failure(Exception):
    """A mismatch or a protocol problem: reported in one line, exit status 1."""


def fail(message):
    raise Failure(message)


def first_failure(error):
    """The Failure inside an exception (anyio task groups wrap it in exception groups)."""
    if isinstance(error, Failure):
        return error
    for inner in getattr(error, "exceptions", ()):
        found = first_failure(inner)
        if found:
            return found
    return None


def cli(binary, env, cwd, *arguments):
    result = subprocess.run([binary, *arguments, "--format", "json"], cwd=cwd, env=env,
                            capture_output=True, text=True, check=False)
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError:
        fail(f"`loopx {' '.join(arguments)}` printed no JSON: {result.stdout!r} {result.stderr!r}")


async def check(binary, home, project):
    env = {"HOME": home, "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LOOPX_NOW": NOW, "LANG": "C.UTF-8"}
    params = StdioServerParameters(command=binary, args=["mcp"], env=env, cwd=project)
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            server_name = field(init, "server_info", "serverInfo").name
            if server_name != "loopx":
                fail(f"server name {server_name!r}")
            tools = {tool.name: tool for tool in (await session.list_tools()).tools}
            if set(tools) != EXPECTED_TOOLS:
                fail(f"tools {sorted(tools)} != {sorted(EXPECTED_TOOLS)}")
            for name, tool in tools.items():
                if field(tool, "input_schema", "inputSchema").get("type") != "object":
                    fail(f"{name}: input schema is not an object schema")
            requests = [
                ("should_run", {"goal_id": "demo", "read_only": True},
                 ["quota", "should-run", "--goal-id", "demo", "--read-only"]),
                ("gate_check", {"goal_id": "demo", "kind": "push", "ref": "feature/x", "read_only": True},
                 ["gate", "check", "--goal-id", "demo", "--kind", "push", "--ref", "feature/x", "--read-only"]),
                ("gate_check", {"goal_id": "demo", "kind": "destructive-git", "command": "git push --force origin main",
                                "ref": "main", "read_only": True},
                 ["gate", "check", "--goal-id", "demo", "--kind", "destructive-git", "--command",
                  "git push --force origin main", "--ref", "main", "--read-only"]),
            ]
            for name, arguments, command in requests:
                result = await session.call_tool(name, arguments)
                if field(result, "is_error", "isError"):
                    fail(f"{name}: tool error {result.content}")
                expected = cli(binary, env, project, *command)
                if field(result, "structured_content", "structuredContent") != expected:
                    fail(f"{name}: structured content differs from `loopx {' '.join(command)}`")
                print(f"mcp interop: {name} {json.dumps(arguments, sort_keys=True)} == CLI "
                      f"(ok={expected.get('ok')}, decision={expected.get('decision', expected.get('gate'))})")
            error = await session.call_tool("gate_check", {"goal_id": "demo", "kind": "pussh"})
            structured = field(error, "structured_content", "structuredContent") or {}
            if not field(error, "is_error", "isError") or structured.get("error", {}).get("code") != "usage":
                fail(f"a bad kind should be a usage tool error, got {error}")
            print("mcp interop: error result carries error.code=usage")


def main():
    try:
        run()
    except BaseException as error:  # noqa: BLE001 - an exception group may hold the Failure
        failure = first_failure(error)
        if failure is None:
            raise
        print(f"mcp interop: FAIL: {failure}", file=sys.stderr)
        sys.exit(1)


def run():
    if len(sys.argv) != 2:
        fail("usage: mcp_client.py /path/to/loopx")
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="loopx-mcp-interop-") as home:
        project = os.path.join(home, "proj")
        os.makedirs(project)
        env = {"HOME": home, "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LOOPX_NOW": NOW, "LANG": "C.UTF-8"}
        boot = subprocess.run([binary, "bootstrap", "--goal-id", "demo", "--project", project],
                              cwd=project, env=env, capture_output=True, text=True, check=False)
        if boot.returncode != 0:
            fail(f"bootstrap failed: {boot.stdout} {boot.stderr}")
        asyncio.run(check(binary, home, project))
    print("mcp interop: ok")


if __name__ == "__main__":
    main()
