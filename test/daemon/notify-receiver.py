"""A stand-in for systemd's notification socket: prints each datagram, closes passed fds (which
releases systemd-notify's BARRIER=1 wait, as the service manager does)."""
import array
import os
import socket
import sys

path = sys.argv[1]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(path)
print("listening", flush=True)
while True:
    data, ancdata, _flags, _addr = s.recvmsg(4096, socket.CMSG_SPACE(16 * 4))
    for level, kind, payload in ancdata:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds = array.array("i")
            fds.frombytes(payload[: len(payload) - (len(payload) % fds.itemsize)])
            for fd in fds:
                os.close(fd)
    text = data.decode("utf-8", "replace")
    if text.strip() != "BARRIER=1":
        print(text.replace("\n", " ").strip(), flush=True)
