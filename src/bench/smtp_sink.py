"""A minimal SMTP server that accepts every mail and keeps none, for the benchmarks.

The service sends an invitation mail for every invitation the benchmark makes. Without a mail
server each send fails and is retried with backoff, logged with its stack trace: work that a real
installation never does, which the review rounds then pay for. Counts what it received and prints
the count when stopped.

It offers PIPELINING, as Postfix and other real servers do, and works on the bytes as they
arrive (an asyncio protocol, a mail's content found by its end marker, not read line by line),
so that the mail relay benchmark (mail-relay.sh) measures the service's sending and not this
script; mail-relay.sh reports the sink's own CPU too.

Usage: python3 smtp_sink.py <port> [<stats file>]
With a stats file it writes, every quarter second, one JSON object: the mails received, the
distinct recipients among them (fewer than mails means one was sent twice), the connections
opened, and the times of the first and last mail.
"""
import asyncio
import json
import os
import signal
import sys
import time

received = 0
recipients = set()
connections = 0
first = None
last = None


class Session(asyncio.Protocol):
    """One SMTP connection, driven by the bytes as they arrive: a protocol rather than streams, so
    that a mail costs the sink a few string operations and not a coroutine step per command."""

    def connection_made(self, transport):
        global connections
        connections += 1
        self.transport = transport
        self.buffer = b""
        self.in_data = False
        transport.write(b"220 bench-sink ESMTP\r\n")

    def data_received(self, data):
        global received, first, last
        self.buffer += data
        replies = []
        while True:
            if self.in_data:
                end = self.buffer.find(b"\r\n.\r\n")
                if end < 0:
                    break
                self.buffer = self.buffer[end + 5:]
                self.in_data = False
                received += 1
                last = time.time()
                first = first or last
                replies.append(b"250 OK\r\n")
                continue
            end = self.buffer.find(b"\r\n")
            if end < 0:
                break
            line, self.buffer = self.buffer[:end], self.buffer[end + 2:]
            command = line[:4].upper()
            if command == b"EHLO":
                replies.append(b"250-bench-sink\r\n250 PIPELINING\r\n")
            elif command == b"HELO":
                replies.append(b"250 bench-sink\r\n")
            elif command == b"RCPT":
                recipients.add(line[8:].strip().lower())
                replies.append(b"250 OK\r\n")
            elif command == b"DATA":
                replies.append(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                self.in_data = True
                # the end marker's CRLF may be the one that ended the DATA line
                self.buffer = b"\r\n" + self.buffer
            elif command == b"QUIT":
                replies.append(b"221 Bye\r\n")
                self.transport.write(b"".join(replies))
                self.transport.close()
                return
            else:  # MAIL, RSET, NOOP
                replies.append(b"250 OK\r\n")
        if replies:
            self.transport.write(b"".join(replies))


async def write_stats(path):
    while True:
        stats = {"received": received, "recipients": len(recipients), "connections": connections,
                 "first": first, "last": last}
        with open(path + ".tmp", "w") as out:
            json.dump(stats, out)
        os.replace(path + ".tmp", path)
        await asyncio.sleep(0.25)


async def main(port, stats_path):
    server = await asyncio.get_running_loop().create_server(Session, "127.0.0.1", port)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    stats = asyncio.create_task(write_stats(stats_path)) if stats_path else None
    async with server:
        await stop.wait()
    if stats:
        stats.cancel()
    print(f"smtp sink received {received} mails over {connections} connections", file=sys.stderr)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None))
