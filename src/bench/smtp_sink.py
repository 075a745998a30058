"""A minimal SMTP server that accepts every mail and keeps none, for the benchmark.

The service sends an invitation mail for every invitation the benchmark makes. Without a mail
server each send fails and is retried with backoff, logged with its stack trace: work that a real
installation never does, which the review rounds then pay for. Counts what it received and prints
the count when stopped.

Usage: python3 smtp_sink.py <port>
"""
import asyncio
import signal
import sys

received = 0


async def session(reader, writer):
    try:
        await converse(reader, writer)
    except (ConnectionError, asyncio.CancelledError):
        pass  # the service hung up, or the sink is stopping
    finally:
        writer.close()


async def converse(reader, writer):
    global received
    writer.write(b"220 bench-sink ESMTP\r\n")
    in_data = False
    while line := await reader.readline():
        if in_data:
            if line in (b".\r\n", b".\n"):
                in_data = False
                received += 1
                writer.write(b"250 OK\r\n")
            continue
        command = line[:4].upper()
        if command in (b"EHLO", b"HELO"):
            writer.write(b"250 bench-sink\r\n")
        elif command == b"DATA":
            in_data = True
            writer.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
        elif command == b"QUIT":
            writer.write(b"221 Bye\r\n")
            break
        else:  # MAIL, RCPT, RSET, NOOP
            writer.write(b"250 OK\r\n")
        await writer.drain()


async def main(port):
    server = await asyncio.start_server(session, "127.0.0.1", port)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    async with server:
        await stop.wait()
    print(f"smtp sink received {received} mails", file=sys.stderr)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
