#!/usr/bin/python3
"""missiecanvas --present --room BOARD: the real program opens the board,
presents it and prints the join link on standard output (so the room can
be scripted): a numeric IPv4 address, a port, a 128-bit token in the
fragment. The server behind it answers for that address (sent in Host
over loopback), wants the token for data, and is gone when the program
ends. Loopback only.

    test-room-cli.py MISSIECANVAS BOARD
"""
import http.client
import os
import re
import selectors
import shutil
import subprocess
import sys
import tempfile

DEADLINE = 60 * float(os.environ.get("MC_TEST_TIMEOUT_MULTIPLIER", "1"))
LINK = re.compile(r"^http://(\d{1,3}(?:\.\d{1,3}){3}):(\d+)/#t=([0-9a-f]{32})$")


def get(port, host, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=DEADLINE)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return response.status, body


def first_line(process):
    """The program's first line on standard output, within the deadline."""
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    assert selector.select(DEADLINE), "no join link on standard output"
    return process.stdout.readline().strip()


def main():
    program, board = sys.argv[1], sys.argv[2]
    home = tempfile.mkdtemp(prefix="mc-room-cli-")
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = os.path.join(home, name.lower())
    copy = os.path.join(home, "board.missiecanvas")
    shutil.copy(board, copy)
    # A bus of its own: a missiecanvas already running would take the
    # command line otherwise.
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                           stdout=subprocess.PIPE, text=True)
    env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().strip()
    process = subprocess.Popen([program, "--present", "--room", copy],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        line = first_line(process)
        match = LINK.match(line)
        assert match, f"not a join link with a numeric IPv4 address: {line!r}"
        address, port, token = match.group(1), int(match.group(2)), match.group(3)
        assert all(int(part) < 256 for part in address.split(".")), address
        host = f"{address}:{port}"

        status, page = get(port, host, "/")
        assert status == 200 and "<html lang=" in page, (status, page[:200])
        assert token not in page
        assert get(port, host, "/api/prompt")[0] == 403
        status, prompt = get(port, host, "/api/prompt?t=" + token)
        assert status == 200 and '"lang"' in prompt, (status, prompt)
        assert get(port, "evil.example", "/")[0] == 421
        print(f"ok: {line.split('#')[0]}… serves the room")
    finally:
        process.terminate()
        process.wait(timeout=DEADLINE)
        bus.terminate()
        bus.wait(timeout=DEADLINE)
        shutil.rmtree(home, ignore_errors=True)
    # The program gone, so is the room.
    try:
        get(port, host, "/")
        raise AssertionError("the room still answers after the program ended")
    except ConnectionRefusedError:
        pass


if __name__ == "__main__":
    main()
