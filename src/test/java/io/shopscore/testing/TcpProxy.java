package io.shopscore.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on loopback between the service and its database, so that a test can make the
 * database go away without touching the server others use: {@link #cutEverything()} resets every
 * connection through it, and while {@link #refuse(boolean)} is on, each new connection is reset as
 * soon as it is accepted, as a server that is down or still starting would.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    /** Each connection as its pair: the client's socket and the one to the target. */
    private final Set<List<Socket>> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean refusing;

    private TcpProxy(ServerSocket listener, String targetHost, int targetPort) {
        this.listener = listener;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** Listens on a free loopback port and forwards every connection to the target. */
    public static TcpProxy start(String targetHost, int targetPort) throws IOException {
        TcpProxy proxy = new TcpProxy(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()), targetHost, targetPort);
        proxy.threads.execute(proxy::acceptWhileOpen);
        return proxy;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The local ports of the proxy's connections to the target: how the target sees them (pg_stat_activity.client_port). */
    public Set<Integer> targetSidePorts() {
        Set<Integer> ports = ConcurrentHashMap.newKeySet();
        open.forEach(pair -> ports.add(pair.get(1).getLocalPort()));
        return ports;
    }

    /** Resets every connection through the proxy, on both sides, as a crashed server or a broken network would. */
    public int cutEverything() {
        int cut = 0;
        for (List<Socket> pair : open) {
            pair.forEach(TcpProxy::reset);
            open.remove(pair);
            cut++;
        }
        return cut;
    }

    /** While on, new connections are reset at once; the ones already open are left alone. */
    public void refuse(boolean on) {
        refusing = on;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cutEverything();
        threads.shutdownNow();
    }

    private void acceptWhileOpen() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            if (refusing) {
                reset(client);
                continue;
            }
            threads.execute(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        Socket target;
        try {
            target = new Socket(targetHost, targetPort);
            client.setTcpNoDelay(true);
            target.setTcpNoDelay(true);
        } catch (IOException unreachable) {
            reset(client);
            return;
        }
        List<Socket> pair = List.of(client, target);
        open.add(pair);
        if (refusing) {
            // refusal began while this one was being connected
            cutPair(pair);
            return;
        }
        threads.execute(() -> pump(pair, client, target));
        threads.execute(() -> pump(pair, target, client));
    }

    private void pump(List<Socket> pair, Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ended) {
            // one side went away: the pair ends below
        }
        cutPair(pair);
    }

    private void cutPair(List<Socket> pair) {
        if (open.remove(pair)) {
            pair.forEach(TcpProxy::reset);
        }
    }

    /** Closes with a reset (no orderly FIN), so that the other end learns at once that the connection is gone. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException alreadyClosed) {
            // nothing to reset
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }
}
