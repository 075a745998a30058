package io.shopscore.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small but real SMTP server on loopback for the tests: the application sends its mails here over
 * a socket, so what a test reads back is what a mail server would have received (headers as
 * encoded, MIME parts, dot-stuffing), not what the application meant to send. It keeps every
 * message, and can refuse the next transactions with a reply of the test's choosing so that sends
 * fail for real. One thread per connection; EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP and QUIT.
 */
public final class SmtpServer implements AutoCloseable {

    private static final Duration GREETING_DELAY = Duration.ofMillis(50);

    private final ServerSocket socket;
    private final List<ReceivedMail> received = new ArrayList<>();
    private final List<Socket> connections = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger connectionsOpened = new java.util.concurrent.atomic.AtomicInteger();
    private int refusals;
    private String refusal;

    private SmtpServer(ServerSocket socket) {
        this.socket = socket;
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static SmtpServer start() {
        try {
            SmtpServer server = new SmtpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            Thread acceptor = new Thread(server::accept, "smtp-test-server");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many connections clients have opened since the server started: a sender that keeps one open opens few. */
    public int connectionsOpened() {
        return connectionsOpened.get();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Every message received since the last {@link #clear()}, in the order they arrived. */
    public synchronized List<ReceivedMail> mails() {
        return List.copyOf(received);
    }

    /** The messages whose envelope named this recipient (exactly as the sender wrote it). */
    public synchronized List<ReceivedMail> mailsTo(String address) {
        return received.stream().filter(mail -> mail.recipients().contains(address)).toList();
    }

    /** Waits until at least {@code count} messages to this recipient arrived; fails the test after the timeout. */
    public synchronized List<ReceivedMail> awaitMailsTo(String address, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ReceivedMail> mails;
        while ((mails = mailsTo(address)).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Expected " + count + " mails to " + address + " within " + timeout + ", got " + mails.size());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for mail", e);
            }
        }
        return mails;
    }

    /**
     * Waits for the first message to this recipient that matches, ignoring the others a shop's
     * address also gets (alerts about new reviews, digests) whose order against it is not fixed.
     */
    public synchronized ReceivedMail awaitMailTo(String address, java.util.function.Predicate<ReceivedMail> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ReceivedMail> mails = mailsTo(address);
            for (ReceivedMail mail : mails) {
                if (matching.test(mail)) {
                    return mail;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No matching mail to " + address + " within " + timeout + "; got "
                        + mails.stream().map(ReceivedMail::subject).toList());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for mail", e);
            }
        }
    }

    /** Forgets every message received so far (and any refusals still planned). */
    public synchronized void clear() {
        received.clear();
        refusals = 0;
    }

    /**
     * Answers the RCPT TO of the next {@code transactions} transactions with {@code reply}, for
     * example {@code "550 5.1.1 No such user"} (permanent) or {@code "451 4.3.0 Try again later"}
     * (temporary). 0 accepts everything again.
     */
    public synchronized void refuseNext(int transactions, String reply) {
        if (!reply.matches("[45]\\d\\d( .*)?")) {
            throw new IllegalArgumentException("Not a failure reply: " + reply);
        }
        refusals = transactions;
        refusal = reply;
    }

    private synchronized String takeRefusal() {
        if (refusals == 0) {
            return null;
        }
        refusals--;
        return refusal;
    }

    private synchronized void keep(ReceivedMail mail) {
        received.add(mail);
        notifyAll();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
            synchronized (connections) {
                for (Socket connection : connections) {
                    connection.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connectionsOpened.incrementAndGet();
                synchronized (connections) {
                    connections.add(connection);
                }
                Thread session = new Thread(() -> serve(connection), "smtp-test-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                // closed: the suite is over
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; InputStream in = new BufferedInputStream(connection.getInputStream());
                OutputStream out = connection.getOutputStream()) {
            new Session(connection, in, out).run();
        } catch (IOException e) {
            // the client went away
        } finally {
            synchronized (connections) {
                connections.remove(connection);
            }
        }
    }

    /** One connection's dialogue. */
    private final class Session {

        private final Socket connectionSocket;
        private final InputStream in;
        private final OutputStream out;
        private String sender;
        private final List<String> recipients = new ArrayList<>();
        /** The reply refusing this transaction's recipients, if the test asked for one. */
        private String refusedWith;

        Session(Socket connectionSocket, InputStream in, OutputStream out) {
            this.connectionSocket = connectionSocket;
            this.in = in;
            this.out = out;
        }

        void run() throws IOException {
            // The Vert.x mail client now and then misses a greeting that arrives within a moment of
            // connecting, and waits for it until the mailer's timeout (60 s): greet a little later, as
            // a server across a network would.
            pause(GREETING_DELAY);
            reply("220 localhost Shopscore test SMTP");
            String line;
            while ((line = readLine()) != null) {
                String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> reply("250-localhost", "250 8BITMIME");
                    case "HELO" -> reply("250 localhost");
                    case "MAIL" -> mailFrom(line);
                    case "RCPT" -> rcptTo(line);
                    case "DATA" -> data();
                    case "RSET" -> {
                        reset();
                        reply("250 OK");
                    }
                    case "NOOP" -> reply("250 OK");
                    case "QUIT" -> {
                        reply("221 Bye");
                        awaitClientClose();
                        return;
                    }
                    default -> reply("502 5.5.2 Command not implemented");
                }
            }
        }

        /**
         * Leaves closing to the client. The Vert.x mail client, when the server closed first, now and
         * then lost track of a connection it had quit after a refusal and waited for the mailer's
         * timeout (60 s) on the next send.
         */
        private void awaitClientClose() throws IOException {
            connectionSocket.setSoTimeout(5_000);
            try {
                while (in.read() != -1) {
                    // nothing more is expected after QUIT
                }
            } catch (java.net.SocketTimeoutException e) {
                // the client keeps it open: close after all
            }
        }

        private void mailFrom(String line) throws IOException {
            if (!line.toUpperCase(Locale.ROOT).startsWith("MAIL FROM:")) {
                reply("501 5.5.4 Syntax: MAIL FROM:<address>");
                return;
            }
            reset();
            sender = address(line.substring("MAIL FROM:".length()));
            reply("250 OK");
        }

        private void rcptTo(String line) throws IOException {
            if (sender == null) {
                reply("503 5.5.1 MAIL first");
                return;
            }
            if (!line.toUpperCase(Locale.ROOT).startsWith("RCPT TO:")) {
                reply("501 5.5.4 Syntax: RCPT TO:<address>");
                return;
            }
            if (recipients.isEmpty() && refusedWith == null) {
                refusedWith = takeRefusal();
            }
            if (refusedWith != null) {
                reply(refusedWith);
                return;
            }
            recipients.add(address(line.substring("RCPT TO:".length())));
            reply("250 OK");
        }

        private void data() throws IOException {
            if (recipients.isEmpty()) {
                reply("503 5.5.1 RCPT first");
                return;
            }
            reply("354 End data with <CR><LF>.<CR><LF>");
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            byte[] lineBytes;
            while ((lineBytes = readLineBytes()) != null) {
                String text = new String(lineBytes, StandardCharsets.US_ASCII);
                if (text.equals(".\r\n") || text.equals(".\n")) {
                    keep(ReceivedMail.parse(sender, List.copyOf(recipients), message.toByteArray()));
                    reset();
                    reply("250 OK queued");
                    return;
                }
                // dot-unstuffing (RFC 5321 4.5.2)
                int from = lineBytes.length > 0 && lineBytes[0] == '.' ? 1 : 0;
                message.write(lineBytes, from, lineBytes.length - from);
            }
        }

        private void reset() {
            sender = null;
            recipients.clear();
            refusedWith = null;
        }

        private String address(String argument) {
            String value = argument.strip();
            int space = value.indexOf(' ');
            if (space > 0) {
                value = value.substring(0, space); // parameters such as BODY=8BITMIME
            }
            return value.startsWith("<") && value.endsWith(">") ? value.substring(1, value.length() - 1) : value;
        }

        private void reply(String... lines) throws IOException {
            for (String line : lines) {
                out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        }

        private String readLine() throws IOException {
            byte[] bytes = readLineBytes();
            if (bytes == null) {
                return null;
            }
            return new String(bytes, StandardCharsets.UTF_8).stripTrailing();
        }

        /** One line with its line ending as sent (CRLF, or a bare LF from a careless client). */
        private byte[] readLineBytes() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                line.write(b);
                if (b == '\n') {
                    return line.toByteArray();
                }
            }
            return line.size() == 0 ? null : line.toByteArray();
        }
    }
}
