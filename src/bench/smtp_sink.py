"""A minimal SMTP server that accepts every mail and keeps none, for the benchmarks.

The service sends an invitation mail for every invitation the benchmark makes. Without a mail
server each send fails and is retried with backoff, logged with its stack trace: work that a real
installation never does, which the review rounds then pay for. Counts what it received and prints
the count when stopped.

It offers PIPELINING, as Postfix and other real servers do, and reads a mail's content in one
piece rather than line by line, so that the mail relay benchmark (mail-relay.sh) measures the
service's sending and not this script.

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


async def session(reader, writer):
    global connections
    connections += 1
    try:
        await converse(reader, writer)
    except (ConnectionError, asyncio.CancelledError, asyncio.IncompleteReadError):
        pass  # the service hung up, or the sink is stopping
    finally:
        writer.close()


async def converse(reader, writer):
    global received, first, last
    writer.write(b"220 bench-sink ESMTP\r\n")
    while line := await reader.readline():
        command = line[:4].upper()
        if command == b"EHLO":
            writer.write(b"250-bench-sink\r\n250 PIPELINING\r\n")
        elif command == b"HELO":
            writer.write(b"250 bench-sink\r\n")
        elif command == b"RCPT":
            recipients.add(line[8:].strip().lower())
            writer.write(b"250 OK\r\n")
        elif command == b"DATA":
            writer.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
            await writer.drain()
            await reader.readuntil(b"\n.\r\n")
            received += 1
            last = time.time()
            first = first or last
            writer.write(b"250 OK\r\n")
        elif command == b"QUIT":
            writer.write(b"221 Bye\r\n")
            break
        else:  # MAIL, RSET, NOOP
            writer.write(b"250 OK\r\n")
        await writer.drain()


async def write_stats(path):
    while True:
        stats = {"received": received, "recipients": len(recipients), "connections": connections,
                 "first": first, "last": last}
        with open(path + ".tmp", "w") as out:
            json.dump(stats, out)
        os.replace(path + ".tmp", path)
        await asyncio.sleep(0.25)


async def main(port, stats_path):
    server = await asyncio.start_server(session, "127.0.0.1", port, limit=1 << 20)
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
