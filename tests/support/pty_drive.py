#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal and answers its prompts.

Usage: pty_drive.py PROMPT=ANSWER [PROMPT=ANSWER ...] -- COMMAND [ARGS...]

Each time the terminal output ends with a PROMPT (a substring of the last line), the
matching ANSWER and a newline are typed. Prints a JSON object on stdout:
{"output": everything the terminal showed, "status": exit code}.
Used by the integration tests to check that `objcmd config init` prompts on a terminal
and never echoes the secret.

With PTY_DRIVE_STDIN=FILE in the environment, the command reads FILE as its stdin (stdout
and stderr stay on the terminal): a piped upload, as `producer | objcmd put - URL` runs.
"""
import json
import os
import pty
import select
import sys
import time

sep = sys.argv.index("--")
answers = [a.split("=", 1) for a in sys.argv[1:sep]]
command = sys.argv[sep + 1:]

pid, fd = pty.fork()
if pid == 0:
    stdin_file = os.environ.get("PTY_DRIVE_STDIN")
    if stdin_file:
        os.dup2(os.open(stdin_file, os.O_RDONLY), 0)
    os.execvp(command[0], command)

output = b""
deadline = time.time() + 30
pending = list(answers)
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.1)
    if ready:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
        last_line = output.decode("utf-8", "replace").rsplit("\n", 1)[-1]
        if pending and pending[0][0] in last_line:
            os.write(fd, (pending.pop(0)[1] + "\n").encode())
_, status = os.waitpid(pid, 0)
print(json.dumps({"output": output.decode("utf-8", "replace"),
                  "status": os.waitstatus_to_exitcode(status)}))
